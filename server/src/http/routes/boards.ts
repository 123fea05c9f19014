import { createExportBody, EXPORT_FORMATS, updateBoardBody, type ExportFormat } from '@soplan/shared';
import { Hono, type Context } from 'hono';
import { AppError } from '../../errors.ts';
import type { ExportedFile } from '../../exchange/exchange-service.ts';
import { EXPORT_CONTENT_TYPES, isExportFormat } from '../../exchange/export/formats.ts';
import { attachment, fileNameOf } from '../../exchange/export/file-name.ts';
import { archiveBoard, getBoard, updateBoard } from '../../workspaces/index.ts';
import { baseUrlOf } from '../base-url.ts';
import type { AppEnv, Deps } from '../env.ts';
import { readJson } from '../json.ts';
import { requireUser } from '../middleware/authenticate.ts';

const JSON_TYPE = { 'content-type': 'application/json; charset=UTF-8' };

export function boardRoutes({ db, events, exchange, exports, config }: Deps) {
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
      if (!isExportFormat(format))
        throw new AppError('validation_failed', `Unknown export format «${format}»`, {
          issues: [{ path: 'format', code: 'invalid_option', message: 'unknown format', params: { options: EXPORT_FORMATS.join(', ') } }],
        });
      return download(c, format, await exchange.exportBoard(requireUser(c).user.id, c.req.param('id'), format, { baseUrl: baseUrlOf(config, c.req.url) }));
    })
    .post('/boards/:id/exports', async (c) => {
      const { user } = requireUser(c);
      const { format } = await readJson(c, createExportBody);
      const job = await exports.start(user.id, c.req.param('id'), format, baseUrlOf(config, c.req.url));
      return c.json(job, job.state === 'done' ? 201 : 202);
    })
    .get('/exports/:id', (c) => c.json(exports.get(requireUser(c).user.id, c.req.param('id'))))
    .get('/exports/:id/file', (c) => {
      const userId = requireUser(c).user.id;
      const job = exports.get(userId, c.req.param('id'));
      return download(c, job.format, exports.file(userId, job.id));
    });
}

function download(c: Context<AppEnv>, format: ExportFormat, { body, title }: ExportedFile): Response {
  const headers = { 'content-type': EXPORT_CONTENT_TYPES[format], 'content-disposition': attachment(`${fileNameOf(title)}.${format}`, title, format) };
  return typeof body === 'string' ? c.body(body, 200, headers) : c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
}
