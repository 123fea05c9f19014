// Unit tests of the session rules (Lucia guide): sliding 30-day expiry, expired sessions refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSession, SESSION_TTL_MS, validateSessionToken } from '@soplan/server/auth/sessions.ts';
import { openDatabase } from '@soplan/server/db/index.ts';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-sessions-'));
const { db } = openDatabase(dir);
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
db.prepare("INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u1', 'u1@x.test', 'U', 'x', 0)").run();

const DAY = 24 * 60 * 60 * 1000;

describe('session expiry', () => {
  it('a session lasts 30 days', () => {
    const now = 1_800_000_000_000;
    const { token, session } = createSession(db, 'u1', now);
    expect(session.expiresAt).toBe(now + 30 * DAY);
    expect(validateSessionToken(db, token, now + 29 * DAY)).not.toBeNull();
  });

  it('slides forward once less than half of it is left', () => {
    const now = 1_800_000_000_000;
    const { token } = createSession(db, 'u1', now);
    const early = validateSessionToken(db, token, now + 10 * DAY)!;
    expect(early.renewed).toBe(false);
    expect(early.session.expiresAt).toBe(now + SESSION_TTL_MS);
    const late = validateSessionToken(db, token, now + 20 * DAY)!;
    expect(late.renewed).toBe(true);
    expect(late.session.expiresAt).toBe(now + 20 * DAY + SESSION_TTL_MS);
    expect(validateSessionToken(db, token, now + 45 * DAY)).not.toBeNull();
  });

  it('refuses and deletes an expired session', () => {
    const now = 1_800_000_000_000;
    const { token, session } = createSession(db, 'u1', now);
    expect(validateSessionToken(db, token, now + 31 * DAY)).toBeNull();
    expect(db.prepare('SELECT count(*) FROM sessions WHERE id = ?').pluck().get(session.id)).toBe(0);
  });

  it('refuses a token that was never issued', () => {
    expect(validateSessionToken(db, 'abcdefghijklmnopqrstuvwxyz234567')).toBeNull();
  });
});
