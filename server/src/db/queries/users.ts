import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
}

export function insert(db: Db, u: UserRow): void {
  stmt(db, 'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (@id, @email, @name, @password_hash, @created_at)').run(u);
}
export function byEmail(db: Db, email: string): UserRow | undefined {
  return stmt(db, 'SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
}
export function byId(db: Db, id: string): UserRow | undefined {
  return stmt(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}
export function setPasswordHash(db: Db, id: string, hash: string): void {
  stmt(db, 'UPDATE users SET password_hash = ? WHERE id = ?').run(hash, id);
}
export function count(db: Db): number {
  return stmt(db, 'SELECT count(*) FROM users').pluck().get() as number;
}
