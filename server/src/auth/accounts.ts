// Sign-up, log-in and password change. Login answers the same for an unknown email and a wrong
// password, spends the same argon2 work on both, and is rate-limited per account and per IP.
import type { UserDto } from '@soplan/shared';
import { users, type Db } from '../db/index.ts';
import type { UserRow } from '../db/queries/users.ts';
import { AppError } from '../errors.ts';
import { newId } from './ids.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';
import { RateLimiter } from './rate-limit.ts';
import { createSession, invalidateUserSessions } from './sessions.ts';

export const userDto = (u: UserRow): UserDto => ({ id: u.id, email: u.email, name: u.name });

export class LoginLimits {
  readonly perAccount = new RateLimiter({ limit: 10, windowMs: 15 * 60 * 1000 });
  readonly perIp = new RateLimiter({ limit: 30, windowMs: 15 * 60 * 1000 });
}

export async function signup(db: Db, input: { email: string; password: string; name: string }, now = Date.now()) {
  if (users.byEmail(db, input.email)) throw new AppError('conflict', 'An account with this email already exists');
  const row: UserRow = { id: newId(), email: input.email, name: input.name, password_hash: await hashPassword(input.password), created_at: now };
  try {
    users.insert(db, row);
  } catch (e) {
    if (String(e).includes('UNIQUE')) throw new AppError('conflict', 'An account with this email already exists');
    throw e;
  }
  return { user: userDto(row), ...createSession(db, row.id, now) };
}

export async function login(db: Db, limits: LoginLimits, input: { email: string; password: string }, ip: string, now = Date.now()) {
  const accountKey = `account:${input.email}`;
  const ipKey = `ip:${ip}`;
  const wait = Math.max(limits.perAccount.retryAfter(accountKey, now), limits.perIp.retryAfter(ipKey, now));
  if (wait > 0) {
    throw new AppError('rate_limited', 'Too many login attempts; try again later', { headers: { 'Retry-After': String(wait) } });
  }
  limits.perIp.hit(ipKey, now);
  const user = users.byEmail(db, input.email);
  const ok = user ? await verifyPassword(user.password_hash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !ok) {
    limits.perAccount.hit(accountKey, now);
    throw new AppError('invalid_credentials', 'Wrong email or password');
  }
  limits.perAccount.reset(accountKey);
  return { user: userDto(user), ...createSession(db, user.id, now) };
}

/** Changes the password, ends every session of the user, and opens a fresh one for the caller. */
export async function changePassword(db: Db, user: UserRow, current: string, next: string, now = Date.now()) {
  if (!(await verifyPassword(user.password_hash, current))) throw new AppError('invalid_credentials', 'The current password is wrong');
  const hash = await hashPassword(next);
  db.transaction(() => {
    users.setPasswordHash(db, user.id, hash);
    invalidateUserSessions(db, user.id);
  })();
  return createSession(db, user.id, now);
}
