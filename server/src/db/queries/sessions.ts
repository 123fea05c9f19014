import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface SessionRow {
  id: string;
  user_id: string;
  expires_at: number;
  created_at: number;
}

export function insert(db: Db, s: SessionRow): void {
  stmt(db, 'INSERT INTO sessions (id, user_id, expires_at, created_at) VALUES (@id, @user_id, @expires_at, @created_at)').run(s);
}
export function byId(db: Db, id: string): SessionRow | undefined {
  return stmt(db, 'SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
}
export function setExpiry(db: Db, id: string, expiresAt: number): void {
  stmt(db, 'UPDATE sessions SET expires_at = ? WHERE id = ?').run(expiresAt, id);
}
export function remove(db: Db, id: string): void {
  stmt(db, 'DELETE FROM sessions WHERE id = ?').run(id);
}
export function removeAllOfUser(db: Db, userId: string): void {
  stmt(db, 'DELETE FROM sessions WHERE user_id = ?').run(userId);
}
export function removeExpired(db: Db, now: number): number {
  return stmt(db, 'DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
}
