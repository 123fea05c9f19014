// Rule U3: sign-ups are limited per IP, counted before the argon2 hash, so parallel requests cannot
// slip past the limit while earlier ones are still hashing.
import { describe, expect, it } from 'vitest';
import { newServer } from '../helpers/server.ts';

// Its own server: every request of this process comes from one address and spends its budget.
const SIGNUPS_PER_IP_PER_HOUR = 20;
const server = await newServer({ env: { SIGNUPS_PER_IP_PER_HOUR: String(SIGNUPS_PER_IP_PER_HOUR) } });

describe('sign-up throttling', () => {
  it('[U3] 40 parallel sign-ups from one IP: 20 accounts are made, the rest are 429 with Retry-After, and so is the next', async () => {
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        server.client().post('/api/auth/signup', { email: `flood${i}@example.test`, password: 'long enough pass', name: `Поток ${i}` }),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(SIGNUPS_PER_IP_PER_HOUR);
    const refused = replies.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(40 - SIGNUPS_PER_IP_PER_HOUR);
    for (const r of refused) {
      expect(r.status).toBe(429);
      expect(r.body.error.code).toBe('rate_limited');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(59 * 60);
      expect(r.headers.get('set-cookie')).toBeNull();
    }
    expect(server.query<{ n: number }>('SELECT count(*) AS n FROM users')[0]!.n).toBe(SIGNUPS_PER_IP_PER_HOUR);
    const later = await server.client().post('/api/auth/signup', { email: 'later@example.test', password: 'long enough pass', name: 'Позже' });
    expect(later.status).toBe(429);
  });
});
