// Personal API tokens for scripts: shown once at creation, stored as SHA-256, revocable; revoking one
// closes the live connections opened with it.
import type { ApiTokenDto } from '@soplan/shared';
import { apiTokens, users, type Db } from '../db/index.ts';
import type { ApiTokenRow } from '../db/queries/api-tokens.ts';
import type { UserRow } from '../db/queries/users.ts';
import { notFound } from '../errors.ts';
import type { AccessEvents } from '../events.ts';
import { hashSecret, newId, newSecret } from './ids.ts';

export const API_TOKEN_PREFIX = 'spt_';

const iso = (ms: number) => new Date(ms).toISOString();
const tokenDto = (t: ApiTokenRow): ApiTokenDto => ({
  id: t.id,
  name: t.name,
  createdAt: iso(t.created_at),
  lastUsedAt: t.last_used_at === null ? null : iso(t.last_used_at),
});

/** A new token; its secret is in this answer only. */
export function createApiToken(db: Db, userId: string, name: string, now = Date.now()): ApiTokenDto & { token: string } {
  const token = API_TOKEN_PREFIX + newSecret();
  const row = { id: newId(), user_id: userId, name, token_hash: hashSecret(token), created_at: now, last_used_at: null };
  apiTokens.insert(db, row);
  return { ...tokenDto(row), token };
}

export function listApiTokens(db: Db, userId: string): ApiTokenDto[] {
  return apiTokens.listOfUser(db, userId).map(tokenDto);
}

/** Revokes one of the user's own tokens (another person's is "not found"). */
export function revokeApiToken(db: Db, events: AccessEvents, userId: string, tokenId: string): void {
  if (!apiTokens.removeOfUser(db, tokenId, userId)) throw notFound('Token not found');
  events.emit({ type: 'token-revoked', tokenId });
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
