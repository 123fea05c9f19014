// Sessions per the Lucia guide: the cookie holds a random token, the database only its SHA-256;
// 30-day expiry that slides forward when less than half of it is left.
import { sessions, users, type Db } from '../db/index.ts';
import type { UserRow } from '../db/queries/users.ts';
import { hashSecret, newSecret } from './ids.ts';

export const SESSION_COOKIE = 'soplan_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_TTL_MS = 30 * DAY;

export interface Session {
  id: string;
  userId: string;
  expiresAt: number;
}

export function createSession(db: Db, userId: string, now = Date.now()): { token: string; session: Session } {
  const token = newSecret();
  const session = { id: hashSecret(token), userId, expiresAt: now + SESSION_TTL_MS };
  sessions.insert(db, { id: session.id, user_id: userId, expires_at: session.expiresAt, created_at: now });
  return { token, session };
}

/** The session and user behind a cookie token, or null; extends the expiry when it is half used. */
export function validateSessionToken(db: Db, token: string, now = Date.now()): { session: Session; user: UserRow; renewed: boolean } | null {
  const row = sessions.byId(db, hashSecret(token));
  if (!row) return null;
  if (row.expires_at <= now) {
    sessions.remove(db, row.id);
    return null;
  }
  const user = users.byId(db, row.user_id);
  if (!user) return null;
  let expiresAt = row.expires_at;
  const renewed = expiresAt - now < SESSION_TTL_MS / 2;
  if (renewed) {
    expiresAt = now + SESSION_TTL_MS;
    sessions.setExpiry(db, row.id, expiresAt);
  }
  return { session: { id: row.id, userId: row.user_id, expiresAt }, user, renewed };
}

export function invalidateSession(db: Db, sessionId: string): void {
  sessions.remove(db, sessionId);
}

export function invalidateUserSessions(db: Db, userId: string): void {
  sessions.removeAllOfUser(db, userId);
}
