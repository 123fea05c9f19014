// Authentication before the WebSocket upgrade (SPEC rules S1–S5): a session cookie or ?token=,
// Origin checked, the board must exist and be the user's. Refusals are plain HTTP answers.
import type { IncomingMessage } from 'node:http';
import { can } from '@soplan/shared';
import { validateApiToken } from '../auth/api-tokens.ts';
import { cookieValue } from '../auth/cookies.ts';
import { isSameOrigin } from '../auth/origin.ts';
import { SESSION_COOKIE, validateSessionToken } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { requireBoard } from '../workspaces/access.ts';

export interface SyncIdentity {
  boardId: string;
  workspaceId: string;
  userId: string;
  userName: string;
  sessionId: string | null;
  tokenId: string | null;
  readOnly: boolean;
}

export type UpgradeDecision = { ok: true; identity: SyncIdentity } | { ok: false; status: number; code: string; message: string };

const SYNC_PATH = /^\/sync\/([^/]+)\/?$/;

const refuse = (status: number, code: string, message: string): UpgradeDecision => ({ ok: false, status, code, message });

export function authenticateUpgrade(req: IncomingMessage, db: Db, config: Config): UpgradeDecision {
  const url = new URL(req.url ?? '/', 'http://soplan.invalid');
  const match = SYNC_PATH.exec(url.pathname);
  if (!match) return refuse(404, 'not_found', 'No such sync endpoint');
  let boardId: string;
  try {
    boardId = decodeURIComponent(match[1]!);
  } catch {
    return refuse(404, 'not_found', 'Board not found');
  }

  const origin = req.headers.origin;
  if (origin !== undefined && !isSameOrigin(origin, req.headers.host, config.publicUrl)) {
    return refuse(403, 'csrf_origin_mismatch', 'This connection must come from Soplan itself (Origin mismatch)');
  }

  const queryToken = url.searchParams.get('token');
  const sessionToken = cookieValue(req.headers.cookie, SESSION_COOKIE);
  let who: { userId: string; userName: string; sessionId: string | null; tokenId: string | null };
  if (queryToken !== null) {
    const result = validateApiToken(db, queryToken);
    if (!result) return refuse(401, 'unauthenticated', 'The API token is invalid or revoked');
    who = { userId: result.user.id, userName: result.user.name, sessionId: null, tokenId: result.tokenId };
  } else if (sessionToken !== undefined) {
    if (origin === undefined) return refuse(403, 'csrf_origin_mismatch', 'A cookie connection must send its Origin');
    const result = validateSessionToken(db, sessionToken);
    if (!result) return refuse(401, 'unauthenticated', 'The session has ended; log in again');
    who = { userId: result.user.id, userName: result.user.name, sessionId: result.session.id, tokenId: null };
  } else {
    return refuse(401, 'unauthenticated', 'Log in first, or pass ?token=');
  }

  try {
    const { board, role } = requireBoard(db, boardId, who.userId);
    return {
      ok: true,
      identity: { ...who, boardId, workspaceId: board.workspace_id, readOnly: !can(role, 'editBoard') || board.archived_at !== null },
    };
  } catch (e) {
    if (e instanceof AppError) return refuse(e.status, e.code, e.message);
    throw e;
  }
}
