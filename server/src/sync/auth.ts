// Authentication (SPEC rules S1–S5), the first hook: before the WebSocket upgrade a session cookie or
// ?token= is checked, the Origin too, and the board must exist and be the user's; refusals are plain
// HTTP answers. Afterwards, access changes (a member removed, a token revoked, a role changed…) close
// the connections they affect at once.
import type { IncomingMessage } from 'node:http';
import { can, CLOSE, type CloseEvent } from '@soplan/shared';
import { validateApiToken } from '../auth/api-tokens.ts';
import { cookieValue } from '../auth/cookies.ts';
import { isSameOrigin } from '../auth/origin.ts';
import { SESSION_COOKIE, validateSessionToken } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import { AppError } from '../errors.ts';
import type { AccessEvent, AccessEvents } from '../events.ts';
import { requireBoard } from '../workspaces/access.ts';
import type { ConnectAttempt, Connection, Refusal, SyncControl, SyncHook, SyncIdentity } from './types.ts';

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

/** Which close an access change means for a connection, if any (S5). */
function closeFor(event: AccessEvent, conn: Connection): CloseEvent | null {
  switch (event.type) {
    case 'member-removed':
      return conn.workspaceId === event.workspaceId && conn.userId === event.userId ? CLOSE.accessRevoked : null;
    case 'member-role-changed':
      return conn.workspaceId === event.workspaceId && conn.userId === event.userId ? CLOSE.authorizationChanged : null;
    case 'token-revoked':
      return conn.tokenId === event.tokenId ? CLOSE.accessRevoked : null;
    case 'session-ended':
      return conn.sessionId === event.sessionId ? CLOSE.accessRevoked : null;
    case 'user-sessions-ended':
      return conn.userId === event.userId && conn.sessionId !== null ? CLOSE.authorizationChanged : null;
    case 'board-access-changed':
      return conn.boardId === event.boardId ? CLOSE.authorizationChanged : null;
    default:
      return null;
  }
}

export class SyncAuth implements SyncHook {
  readonly name = 'auth';
  readonly #db: Db;
  readonly #config: Config;
  readonly #stop: () => void;

  constructor(db: Db, config: Config, events: AccessEvents, control: SyncControl) {
    this.#db = db;
    this.#config = config;
    this.#stop = events.on((event) => {
      for (const conn of [...control.connections()]) {
        const close = closeFor(event, conn);
        if (close) control.close(conn, close);
      }
    });
  }

  onConnect(attempt: ConnectAttempt): Refusal | null {
    const decision = authenticateUpgrade(attempt.req, this.#db, this.#config);
    if (!decision.ok) return decision;
    attempt.identity = decision.identity;
    return null;
  }

  close(): void {
    this.#stop();
  }
}
