import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
}

export function insert(db: Db, t: ApiTokenRow): void {
  stmt(
    db,
    'INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, last_used_at) VALUES (@id, @user_id, @name, @token_hash, @created_at, @last_used_at)',
  ).run(t);
}
export function byHash(db: Db, hash: string): ApiTokenRow | undefined {
  return stmt(db, 'SELECT * FROM api_tokens WHERE token_hash = ?').get(hash) as ApiTokenRow | undefined;
}
export function listOfUser(db: Db, userId: string): ApiTokenRow[] {
  return stmt(db, 'SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC, id').all(userId) as ApiTokenRow[];
}
export function touch(db: Db, id: string, at: number): void {
  stmt(db, 'UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(at, id);
}
/** Deletes a token only if it belongs to the user; returns whether one was deleted. */
export function removeOfUser(db: Db, id: string, userId: string): boolean {
  return stmt(db, 'DELETE FROM api_tokens WHERE id = ? AND user_id = ?').run(id, userId).changes > 0;
}
/** Deletes every token of the user; returns their ids. */
export function removeAllOfUser(db: Db, userId: string): string[] {
  return stmt(db, 'DELETE FROM api_tokens WHERE user_id = ? RETURNING id').pluck().all(userId) as string[];
}
