import { createTokenBody } from '@soplan/shared';
import { Hono } from 'hono';
import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/api-tokens.ts';
import type { AppEnv, Deps } from '../env.ts';
import { readJson } from '../json.ts';
import { requireUser } from '../middleware/authenticate.ts';

export function tokenRoutes({ db, events }: Deps) {
  return new Hono<AppEnv>()
    .post('/tokens', async (c) => {
      const { user } = requireUser(c);
      const { name } = await readJson(c, createTokenBody);
      return c.json(createApiToken(db, user.id, name), 201);
    })
    .get('/tokens', (c) => c.json(listApiTokens(db, requireUser(c).user.id)))
    .delete('/tokens/:id', (c) => {
      revokeApiToken(db, events, requireUser(c).user.id, c.req.param('id'));
      return c.body(null, 204);
    });
}
