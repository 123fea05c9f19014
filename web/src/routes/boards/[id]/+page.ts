// The board and its workspace are asked for as the navigation starts, alongside the account
// (/api/me, which the layout waits for), not one after another after it: on a first visit every
// round trip before the board's first screen counts.
import { api } from '#lib/api.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
  const board = api.board(params.id);
  const workspace = board.then((b) => api.workspace(b.workspaceId));
  // Read (and its failure reported) by the page; unread, a refusal must not become an unhandled rejection.
  board.catch(() => undefined);
  workspace.catch(() => undefined);
  return { board, workspace };
};
