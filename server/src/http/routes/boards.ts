import { updateBoardBody } from '@soplan/shared';
import { Hono } from 'hono';
import { exportBoard, listBoardItems } from '../../exchange/export/index.ts';
import { attachment } from '../../exchange/export/file-name.ts';
import { archiveBoard, getBoard, updateBoard } from '../../workspaces/index.ts';
import type { AppEnv, Deps } from '../env.ts';
import { readJson } from '../json.ts';
import { requireUser } from '../middleware/authenticate.ts';

export function boardRoutes({ db, events, today }: Deps) {
  return new Hono<AppEnv>()
    .get('/boards/:id', (c) => c.json(getBoard(db, requireUser(c).user.id, c.req.param('id'))))
    .patch('/boards/:id', async (c) => {
      const { user } = requireUser(c);
      const body = await readJson(c, updateBoardBody);
      return c.json(updateBoard(db, events, user.id, c.req.param('id'), body));
    })
    .delete('/boards/:id', (c) => c.json(archiveBoard(db, events, requireUser(c).user.id, c.req.param('id'))))
    .get('/boards/:id/items', (c) => c.json(listBoardItems(db, requireUser(c).user.id, c.req.param('id'), today())))
    .get('/boards/:id/export', (c) => {
      const { body, fileName } = exportBoard(db, requireUser(c).user.id, c.req.param('id'), c.req.query('format') ?? 'json', today());
      c.header('content-disposition', attachment(fileName, body.title, 'json'));
      return c.json(body);
    });
}
