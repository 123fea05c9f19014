// Sign-up, log-in, log-out and password change. Login answers the same for an unknown email and a
// wrong password and spends the same argon2 work on both. Every attempt is counted before its
// argon2 work starts, so parallel requests cannot get past a limit while earlier ones are still
// hashing: wrong passwords per account and attempts per IP (login and password change share both),
// sign-ups per IP. A correct password then clears the account's count and gives its IP hit back, so
// only failures use up an address's budget: a seminar room of teachers behind one school's NAT can
// all log in.
import type { UserDto } from '@soplan/shared';
import { apiTokens, users, type Db } from '../db/index.ts';
import type { UserRow } from '../db/queries/users.ts';
import { AppError, rateLimited } from '../errors.ts';
import type { AccessEvents } from '../events.ts';
import { newId } from './ids.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';
import { RateLimiter } from './rate-limit.ts';
import { createSession, invalidateSession, invalidateUserSessions } from './sessions.ts';

export const userDto = (u: UserRow): UserDto => ({ id: u.id, email: u.email, name: u.name });

const MINUTE = 60 * 1000;

export class LoginLimits {
  /** Password checks per account (login and password change); a correct password clears it. */
  readonly perAccount = new RateLimiter({ limit: 10, windowMs: 15 * MINUTE });
  /** Wrong passwords per IP, across accounts (each check is counted first, refunded when right). */
  readonly perIp = new RateLimiter({ limit: 30, windowMs: 15 * MINUTE });
  /**
   * Sign-ups per IP. Generous enough for a room of teachers behind one school's NAT signing up
   * together at a seminar, small enough that one address cannot mint accounts or argon2 work at will.
   */
  readonly signupsPerIp: RateLimiter;

  constructor({ signupsPerIpPerHour = 20 }: { signupsPerIpPerHour?: number } = {}) {
    this.signupsPerIp = new RateLimiter({ limit: signupsPerIpPerHour, windowMs: 60 * MINUTE });
  }
}

const accountKey = (email: string) => `account:${email}`;
const ipKey = (ip: string) => `ip:${ip}`;

/** Counts a password check against the account and the IP before it runs, or refuses it with a 429. */
function reservePasswordCheck(limits: LoginLimits, email: string, ip: string, now: number): void {
  const wait = Math.max(limits.perAccount.retryAfter(accountKey(email), now), limits.perIp.retryAfter(ipKey(ip), now));
  if (wait > 0) throw rateLimited('Too many password attempts; try again later', wait);
  limits.perAccount.hit(accountKey(email), now);
  limits.perIp.hit(ipKey(ip), now);
}

/** After a correct password: the account starts afresh and the IP gets its attempt back. */
function passwordWasRight(limits: LoginLimits, email: string, ip: string, now: number): void {
  limits.perAccount.reset(accountKey(email));
  limits.perIp.refund(ipKey(ip), now);
}

export async function signup(db: Db, limits: LoginLimits, input: { email: string; password: string; name: string }, ip: string, now = Date.now()) {
  const wait = limits.signupsPerIp.retryAfter(ipKey(ip), now);
  if (wait > 0) throw rateLimited('Too many sign-ups from this address; try again later', wait);
  limits.signupsPerIp.hit(ipKey(ip), now);
  const taken = () => new AppError('email_taken', 'An account with this email already exists');
  if (users.byEmail(db, input.email)) throw taken();
  const row: UserRow = { id: newId(), email: input.email, name: input.name, password_hash: await hashPassword(input.password), created_at: now };
  try {
    users.insert(db, row);
  } catch (e) {
    if (String(e).includes('UNIQUE')) throw taken();
    throw e;
  }
  return { user: userDto(row), ...createSession(db, row.id, now) };
}

export async function login(db: Db, limits: LoginLimits, input: { email: string; password: string }, ip: string, now = Date.now()) {
  reservePasswordCheck(limits, input.email, ip, now);
  const user = users.byEmail(db, input.email);
  const ok = user ? await verifyPassword(user.password_hash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !ok) throw new AppError('invalid_credentials', 'Wrong email or password');
  passwordWasRight(limits, input.email, ip, now);
  return { user: userDto(user), ...createSession(db, user.id, now) };
}

export function logout(db: Db, events: AccessEvents, sessionId: string): void {
  invalidateSession(db, sessionId);
  events.emit({ type: 'session-ended', sessionId });
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  revokeApiTokens: boolean;
}

/**
 * Changes the password, ends every session of the user (their live connections reconnect and are
 * authenticated afresh), optionally revokes every API token of the account (connections opened with
 * one close for good), and opens a fresh session for the caller. A new password equal to the current
 * one is refused (`password_unchanged`) before anything is touched.
 */
export async function changePassword(db: Db, events: AccessEvents, limits: LoginLimits, user: UserRow, change: PasswordChange, ip: string, now = Date.now()) {
  reservePasswordCheck(limits, user.email, ip, now);
  if (!(await verifyPassword(user.password_hash, change.currentPassword))) {
    throw new AppError('current_password_wrong', 'The current password is wrong');
  }
  passwordWasRight(limits, user.email, ip, now);
  // Checked only once the current password is known right, so the answer reveals nothing; refused
  // because "changing" to the same password would end every other session and change nothing.
  if (change.newPassword === change.currentPassword) {
    throw new AppError('password_unchanged', 'The new password is the same as the current one');
  }
  const hash = await hashPassword(change.newPassword);
  const revokedTokenIds = db.transaction(() => {
    users.setPasswordHash(db, user.id, hash);
    invalidateUserSessions(db, user.id);
    return change.revokeApiTokens ? apiTokens.removeAllOfUser(db, user.id) : [];
  })();
  events.emit({ type: 'user-sessions-ended', userId: user.id });
  for (const tokenId of revokedTokenIds) events.emit({ type: 'token-revoked', tokenId });
  return createSession(db, user.id, now);
}
