import { afterEach, describe, expect, it, vi } from 'vitest';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';

// A server per test: the per-IP counters are the test process's own address's, shared by every request.
const servers = [await newServer(), await newServer(), await newServer(), await newServer(), await newServer(), await newServer(), await newServer()];

afterEach(() => {
  vi.useRealTimers();
});

describe('login rate limits', () => {
  it('[U1] after 10 failures an account answers 429 with Retry-After, even to the right password', async () => {
    const server = servers[0]!;
    const { email, password } = await signedUp(server.client());
    for (let i = 0; i < 10; i++) {
      expect((await server.client().post('/api/auth/login', { email, password: `wrong guess ${i}` })).status).toBe(401);
    }
    const limited = await server.client().post('/api/auth/login', { email, password });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.body.error.params.retryAfter).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('set-cookie')).toBeNull();
  });

  it('[U1] limits one IP across many accounts (30 attempts per window)', async () => {
    const server = servers[1]!;
    for (let i = 0; i < 30; i++) {
      const res = await server.client().post('/api/auth/login', { email: `nobody${i}@example.test`, password: 'whatever123' });
      expect(res.status).toBe(401);
    }
    const limited = await server.client().post('/api/auth/login', { email: 'nobody-else@example.test', password: 'whatever123' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('[U1] correct logins do not use up the IP: 40 in a row from one address (a school behind one NAT) all pass, 30 failures then lock it', async () => {
    const server = servers[5]!;
    const teachers = [];
    for (let i = 0; i < 4; i++) teachers.push(await signedUp(server.client()));
    for (let round = 0; round < 10; round++) {
      for (const { email, password } of teachers) expect((await server.client().post('/api/auth/login', { email, password })).status).toBe(200);
    }
    for (let i = 0; i < 30; i++) {
      expect((await server.client().post('/api/auth/login', { email: `nobody${i}@example.test`, password: 'whatever123' })).status).toBe(401);
    }
    const locked = await server.client().post('/api/auth/login', { email: teachers[0]!.email, password: teachers[0]!.password });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('rate_limited');
  });

  it('[U1] parallel wrong guesses from one IP still get exactly 30 checks after correct logins were refunded', async () => {
    const server = servers[6]!;
    const { email, password } = await signedUp(server.client());
    for (let i = 0; i < 10; i++) expect((await server.client().post('/api/auth/login', { email, password })).status).toBe(200);
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => server.client().post('/api/auth/login', { email: `guess${i}@example.test`, password: 'whatever123' })),
    );
    expect(replies.filter((r) => r.status === 401)).toHaveLength(30);
    const refused = replies.filter((r) => r.status === 429);
    expect(refused).toHaveLength(10);
    for (const r of refused) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await server.client().post('/api/auth/login', { email, password })).status).toBe(429);
  });

  it('[U1] a successful login clears the account counter', async () => {
    const server = servers[2]!;
    const { email, password } = await signedUp(server.client());
    for (let i = 0; i < 9; i++) await server.client().post('/api/auth/login', { email, password: `wrong guess ${i}` });
    expect((await server.client().post('/api/auth/login', { email, password })).status).toBe(200);
    for (let i = 0; i < 9; i++) await server.client().post('/api/auth/login', { email, password: `wrong again ${i}` });
    expect((await server.client().post('/api/auth/login', { email, password })).status).toBe(200);
  });

  it('[U1] 25 parallel wrong passwords for one account: at most 10 are checked, the rest are 429 with Retry-After', async () => {
    const server = servers[3]!;
    const { email } = await signedUp(server.client());
    const replies = await Promise.all(
      Array.from({ length: 25 }, (_, i) => server.client().post('/api/auth/login', { email, password: `parallel guess ${i}` })),
    );
    const checked = replies.filter((r) => r.status === 401);
    const refused = replies.filter((r) => r.status === 429);
    expect(checked.length).toBeLessThanOrEqual(10);
    expect(checked.length + refused.length).toBe(25);
    for (const r of refused) {
      expect(r.body.error.code).toBe('rate_limited');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('[U1] after a lockout the right password is refused as well, until the window has passed', async () => {
    const server = servers[4]!;
    // Only Date is faked: the server runs in this process, so its counters read this clock.
    vi.useFakeTimers({ toFake: ['Date'] });
    const { email, password } = await signedUp(server.client());
    await Promise.all(Array.from({ length: 12 }, (_, i) => server.client().post('/api/auth/login', { email, password: `guess ${i}` })));
    const locked = await server.client().post('/api/auth/login', { email, password });
    expect(locked.status).toBe(429);
    const wait = Number(locked.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(14 * 60);

    vi.setSystemTime(Date.now() + (wait - 5) * 1000);
    expect((await server.client().post('/api/auth/login', { email, password })).status).toBe(429);
    vi.setSystemTime(Date.now() + 6 * 1000);
    expect((await server.client().post('/api/auth/login', { email, password })).status).toBe(200);
  });
});
