import { updateBoardBody } from '@soplan/shared';
import { Hono } from 'hono';
import { AppError } from '../../errors.ts';
import { attachment, fileNameOf } from '../../exchange/export/file-name.ts';
import { archiveBoard, getBoard, updateBoard } from '../../workspaces/index.ts';
import type { AppEnv, Deps } from '../env.ts';
import { readJson } from '../json.ts';
import { requireUser } from '../middleware/authenticate.ts';

/** The formats `GET /api/boards/:id/export` writes (the document formats come with the export issue). */
const EXPORT_FORMATS = ['json'] as const;
const JSON_TYPE = { 'content-type': 'application/json; charset=UTF-8' };

export function boardRoutes({ db, events, exchange }: Deps) {
  return new Hono<AppEnv>()
    .get('/boards/:id', (c) => c.json(getBoard(db, requireUser(c).user.id, c.req.param('id'))))
    .patch('/boards/:id', async (c) => {
      const { user } = requireUser(c);
      const body = await readJson(c, updateBoardBody);
      return c.json(updateBoard(db, events, user.id, c.req.param('id'), body));
    })
    .delete('/boards/:id', (c) => c.json(archiveBoard(db, events, requireUser(c).user.id, c.req.param('id'))))
    .get('/boards/:id/items', async (c) => c.body(await exchange.items(requireUser(c).user.id, c.req.param('id')), 200, JSON_TYPE))
    .get('/boards/:id/export', async (c) => {
      const format = c.req.query('format') ?? 'json';
      if (!(EXPORT_FORMATS as readonly string[]).includes(format))
        throw new AppError('validation_failed', `Unknown export format «${format}»`, {
          issues: [{ path: 'format', code: 'invalid_option', message: 'unknown format', params: { options: EXPORT_FORMATS.join(', ') } }],
        });
      const { json, title } = await exchange.exportJson(requireUser(c).user.id, c.req.param('id'));
      return c.body(json, 200, { ...JSON_TYPE, 'content-disposition': attachment(`${fileNameOf(title)}.json`, title, 'json') });
    });
}
