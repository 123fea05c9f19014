// Personal API tokens for scripts: shown once at creation, stored as SHA-256, revocable.
import { apiTokens, users, type Db } from '../db/index.ts';
import type { UserRow } from '../db/queries/users.ts';
import { hashSecret, newId, newSecret } from './ids.ts';

export const API_TOKEN_PREFIX = 'spt_';

export function createApiToken(db: Db, userId: string, name: string, now = Date.now()) {
  const token = API_TOKEN_PREFIX + newSecret();
  const row = { id: newId(), user_id: userId, name, token_hash: hashSecret(token), created_at: now, last_used_at: null };
  apiTokens.insert(db, row);
  return { row, token };
}

export function validateApiToken(db: Db, token: string, now = Date.now()): { tokenId: string; user: UserRow } | null {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = apiTokens.byHash(db, hashSecret(token));
  if (!row) return null;
  const user = users.byId(db, row.user_id);
  if (!user) return null;
  apiTokens.touch(db, row.id, now);
  return { tokenId: row.id, user };
}
