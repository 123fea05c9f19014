import { describe, expect, it } from 'vitest';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer();

describe('CSRF: state changes with a cookie need our own Origin', () => {
  it('refuses a cookie request with no Origin header and creates nothing', async () => {
    const { client } = await signedUp(server.client());
    const res = await client.post('/api/workspaces', { name: 'Без Origin' }, { origin: null });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_origin_mismatch');
    expect(server.query("SELECT * FROM workspaces WHERE name = 'Без Origin'")).toEqual([]);
  });

  it('refuses a cookie request from a foreign Origin and creates nothing', async () => {
    const { client } = await signedUp(server.client());
    const res = await client.post('/api/workspaces', { name: 'Чужой сайт' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(server.query("SELECT * FROM workspaces WHERE name = 'Чужой сайт'")).toEqual([]);
  });

  it('refuses a foreign Origin on logout too, so a session cannot be ended from another site', async () => {
    const { client } = await signedUp(server.client());
    expect((await client.post('/api/auth/logout', undefined, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('accepts the same request from its own Origin', async () => {
    const { client } = await signedUp(server.client());
    const res = await client.post('/api/workspaces', { name: 'Свой сайт' });
    expect(res.status).toBe(201);
  });

  it('lets scripts with an API token and no cookie call without an Origin', async () => {
    const { client } = await signedUp(server.client());
    const { token } = (await client.post('/api/tokens', { name: 'скрипт' })).body;
    const script = server.client();
    const res = await script.post('/api/workspaces', { name: 'Из скрипта' }, { origin: null, token });
    expect(res.status).toBe(201);
  });

  it('reads (GET) need no Origin', async () => {
    const { client } = await signedUp(server.client());
    expect((await client.get('/api/workspaces', { origin: null })).status).toBe(200);
  });
});
