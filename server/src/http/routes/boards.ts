import { updateBoardBody } from '@soplan/shared';
import { Hono } from 'hono';
import { archiveBoard, getBoard, updateBoard } from '../../workspaces/index.ts';
import type { AppEnv, Deps } from '../env.ts';
import { readJson } from '../json.ts';
import { requireUser } from '../middleware/authenticate.ts';

export function boardRoutes({ db, events }: Deps) {
  return new Hono<AppEnv>()
    .get('/boards/:id', (c) => c.json(getBoard(db, requireUser(c).user.id, c.req.param('id'))))
    .patch('/boards/:id', async (c) => {
      const { user } = requireUser(c);
      const body = await readJson(c, updateBoardBody);
      const board = updateBoard(db, user.id, c.req.param('id'), body);
      if (body.archived !== undefined) events.emit({ type: 'board-access-changed', boardId: board.id });
      events.emit({ type: 'boards-listing-changed', workspaceId: board.workspaceId });
      return c.json(board);
    })
    .delete('/boards/:id', (c) => {
      const board = archiveBoard(db, requireUser(c).user.id, c.req.param('id'));
      events.emit({ type: 'board-access-changed', boardId: board.id });
      events.emit({ type: 'boards-listing-changed', workspaceId: board.workspaceId });
      return c.json(board);
    });
}
