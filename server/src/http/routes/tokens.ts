import { createTokenBody, type ApiTokenDto } from '@soplan/shared';
import { Hono } from 'hono';
import { createApiToken } from '../../auth/api-tokens.ts';
import { apiTokens } from '../../db/index.ts';
import type { ApiTokenRow } from '../../db/queries/api-tokens.ts';
import { notFound } from '../../errors.ts';
import { iso } from '../../workspaces/dto.ts';
import type { AppEnv, Deps } from '../env.ts';
import { readJson } from '../json.ts';
import { requireUser } from '../middleware/authenticate.ts';

const tokenDto = (t: ApiTokenRow): ApiTokenDto => ({
  id: t.id,
  name: t.name,
  createdAt: iso(t.created_at),
  lastUsedAt: t.last_used_at === null ? null : iso(t.last_used_at),
});

export function tokenRoutes({ db, events }: Deps) {
  return new Hono<AppEnv>()
    .post('/tokens', async (c) => {
      const { user } = requireUser(c);
      const { name } = await readJson(c, createTokenBody);
      const { row, token } = createApiToken(db, user.id, name);
      return c.json({ ...tokenDto(row), token }, 201);
    })
    .get('/tokens', (c) => c.json(apiTokens.listOfUser(db, requireUser(c).user.id).map(tokenDto)))
    .delete('/tokens/:id', (c) => {
      const tokenId = c.req.param('id');
      if (!apiTokens.removeOfUser(db, tokenId, requireUser(c).user.id)) throw notFound('Token not found');
      events.emit({ type: 'token-revoked', tokenId });
      return c.body(null, 204);
    });
}
