import { describe, expect, it } from 'vitest';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer();
const httpsServer = await newServer({ publicUrl: 'https://soplan.example.test' });

describe('sign-up, login, logout, password change', () => {
  it('signup answers 201 with the user and an HttpOnly, SameSite=Lax session cookie', async () => {
    const client = server.client();
    const res = await client.post('/api/auth/signup', { email: 'Metodist@Example.test', password: 'long enough pass', name: 'Методист' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), email: 'metodist@example.test', name: 'Методист' });
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^soplan_session=[a-z2-7]{32};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await client.get('/api/me')).body.email).toBe('metodist@example.test');
  });

  it('[U6] a second signup with the same email is a 409 email_taken and changes nothing', async () => {
    const { email } = await signedUp(server.client());
    const before = server.query('SELECT * FROM users');
    const res = await server.client().post('/api/auth/signup', { email, password: 'another password', name: 'Другой' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('email_taken');
    expect(server.query('SELECT * FROM users')).toEqual(before);
  });

  it('a password under 10 characters is refused server-side and no account is made', async () => {
    const res = await server.client().post('/api/auth/signup', { email: 'short@example.test', password: '123456789', name: 'Коротко' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(server.query("SELECT * FROM users WHERE email = 'short@example.test'")).toEqual([]);
  });

  it('login answers 200 with a cookie that opens /api/me', async () => {
    const { email, password } = await signedUp(server.client());
    const client = server.client();
    const res = await client.post('/api/auth/login', { email, password });
    expect(res.status).toBe(200);
    expect(client.sessionCookie).toBeDefined();
    expect((await client.get('/api/me')).body.email).toBe(email);
  });

  it('login answers identically for an unknown email and a wrong password', async () => {
    const { email } = await signedUp(server.client());
    const wrong = await server.client().post('/api/auth/login', { email, password: 'not the password' });
    const unknown = await server.client().post('/api/auth/login', { email: 'nobody@example.test', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.text).toBe(wrong.text);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('GET /api/me without a session is a 401', async () => {
    const res = await server.client().get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('logout invalidates the session on the server, not only the cookie', async () => {
    const { client } = await signedUp(server.client());
    const token = client.sessionCookie!;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect(client.sessionCookie).toBeUndefined();
    const replay = server.client();
    replay.cookies.set('soplan_session', token);
    expect((await replay.get('/api/me')).status).toBe(401);
  });

  it('stores only the SHA-256 of a session token, never the token', async () => {
    const { client, user } = await signedUp(server.client());
    const rows = server.query<{ id: string }>('SELECT id FROM sessions WHERE user_id = ?', user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.id).not.toContain(client.sessionCookie!);
  });

  it('[U2] a password change ends every other session and keeps the caller logged in', async () => {
    const { client, email, password } = await signedUp(server.client());
    const other = server.client();
    await other.post('/api/auth/login', { email, password });
    expect((await other.get('/api/me')).status).toBe(200);

    const wrongCurrent = await client.post('/api/me/password', { currentPassword: 'not it at all', newPassword: 'a brand new pass' });
    expect(wrongCurrent.status).toBe(401);

    const res = await client.post('/api/me/password', { currentPassword: password, newPassword: 'a brand new pass' });
    expect(res.status).toBe(204);
    expect((await other.get('/api/me')).status).toBe(401);
    expect((await client.get('/api/me')).status).toBe(200);
    expect((await server.client().post('/api/auth/login', { email, password })).status).toBe(401);
    expect((await server.client().post('/api/auth/login', { email, password: 'a brand new pass' })).status).toBe(200);
  });

  it('passwords are stored as argon2id hashes', async () => {
    const { user } = await signedUp(server.client());
    const [row] = server.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = ?', user.id);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('secure cookies', () => {
  it('marks the session cookie Secure when the public URL is https', async () => {
    const res = await httpsServer
      .client()
      .post('/api/auth/signup', { email: 'secure@example.test', password: 'long enough pass', name: 'С' }, { origin: 'https://soplan.example.test' });
    expect(res.status).toBe(201);
    expect(res.headers.getSetCookie()[0]).toMatch(/; Secure/);
  });
});
