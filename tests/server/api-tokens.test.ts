import { describe, expect, it } from 'vitest';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer();

describe('personal API tokens', () => {
  it('are shown once at creation and never listed again', async () => {
    const { client } = await signedUp(server.client());
    const created = await client.post('/api/tokens', { name: 'Выгрузка для сайта' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Выгрузка для сайта',
      token: expect.stringMatching(/^spt_[a-z2-7]{32}$/),
      createdAt: expect.any(String),
      lastUsedAt: null,
    });
    const list = await client.get('/api/tokens');
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).not.toHaveProperty('token');
    expect(list.text).not.toContain(created.body.token);
  });

  it('authenticate scripts with Authorization: Bearer and record their last use', async () => {
    const { client, email } = await signedUp(server.client());
    const { token } = (await client.post('/api/tokens', { name: 'скрипт' })).body;
    const me = await server.client().get('/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);
    expect((await client.get('/api/tokens')).body[0].lastUsedAt).not.toBeNull();
  });

  it('are stored as SHA-256 hashes only', async () => {
    const { client, user } = await signedUp(server.client());
    const { token } = (await client.post('/api/tokens', { name: 'хэш' })).body;
    const rows = server.query<Record<string, unknown>>('SELECT * FROM api_tokens WHERE user_id = ?', user.id);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('stop working the moment they are revoked', async () => {
    const { client } = await signedUp(server.client());
    const { id, token } = (await client.post('/api/tokens', { name: 'временный' })).body;
    expect((await client.delete(`/api/tokens/${id}`)).status).toBe(204);
    const res = await server.client().get('/api/me', { token });
    expect(res.status).toBe(401);
    expect((await client.get('/api/tokens')).body).toEqual([]);
  });

  it('a forged token is a 401', async () => {
    expect((await server.client().get('/api/me', { token: 'spt_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' })).status).toBe(401);
    expect((await server.client().get('/api/me', { token: 'garbage' })).status).toBe(401);
  });

  it("nobody can revoke or see another person's token", async () => {
    const { client: alice } = await signedUp(server.client());
    const { client: bob } = await signedUp(server.client());
    const { id, token } = (await alice.post('/api/tokens', { name: 'личный' })).body;
    expect((await bob.delete(`/api/tokens/${id}`)).status).toBe(404);
    expect((await bob.get('/api/tokens')).body).toEqual([]);
    expect((await server.client().get('/api/me', { token })).status).toBe(200);
  });

  it('need a login to be created', async () => {
    expect((await server.client().post('/api/tokens', { name: 'x' })).status).toBe(401);
  });
});
