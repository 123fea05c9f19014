import { describe, expect, it } from 'vitest';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';

const servers = [await newServer(), await newServer(), await newServer()];

describe('login rate limits', () => {
  it('after 10 failures an account answers 429 with Retry-After, even to the right password', async () => {
    const server = servers[0]!;
    const { email, password } = await signedUp(server.client());
    for (let i = 0; i < 10; i++) {
      expect((await server.client().post('/api/auth/login', { email, password: `wrong guess ${i}` })).status).toBe(401);
    }
    const limited = await server.client().post('/api/auth/login', { email, password });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('set-cookie')).toBeNull();
  });

  it('limits one IP across many accounts (30 attempts per window)', async () => {
    const server = servers[1]!;
    for (let i = 0; i < 30; i++) {
      const res = await server.client().post('/api/auth/login', { email: `nobody${i}@example.test`, password: 'whatever123' });
      expect(res.status).toBe(401);
    }
    const limited = await server.client().post('/api/auth/login', { email: 'nobody-else@example.test', password: 'whatever123' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a successful login clears the account counter', async () => {
    const server = servers[2]!;
    const { email, password } = await signedUp(server.client());
    for (let i = 0; i < 9; i++) await server.client().post('/api/auth/login', { email, password: `wrong guess ${i}` });
    expect((await server.client().post('/api/auth/login', { email, password })).status).toBe(200);
    for (let i = 0; i < 9; i++) await server.client().post('/api/auth/login', { email, password: `wrong again ${i}` });
    expect((await server.client().post('/api/auth/login', { email, password })).status).toBe(200);
  });
});
