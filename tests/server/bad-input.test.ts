import { describe, expect, it } from 'vitest';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer();
const { client } = await signedUp(server.client());
const workspace = (await client.post('/api/workspaces', { name: 'Сеть' })).body;

describe('bad input changes nothing and the server keeps running', () => {
  it('malformed JSON is a 400 invalid_json', async () => {
    const before = server.query('SELECT * FROM boards');
    const res = await client.request('POST', `/api/workspaces/${workspace.id}/boards`, {
      rawBody: '{"kind": "roadmap", "title": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
    expect(server.query('SELECT * FROM boards')).toEqual(before);
  });

  it('a body over 1 MiB is a 413 and the server still answers', async () => {
    const before = server.query('SELECT * FROM workspaces');
    const res = await client.request('POST', '/api/workspaces', {
      rawBody: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(server.query('SELECT * FROM workspaces')).toEqual(before);
    expect((await client.get('/api/health')).status).toBe(200);
  });

  it('fields of the wrong type are a 400 validation_failed naming the field', async () => {
    const res = await client.post(`/api/workspaces/${workspace.id}/boards`, { kind: 'roadmap', title: 42 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.issues[0].path).toBe('title');
  });

  it('an empty body is a 400', async () => {
    const res = await client.request('POST', '/api/workspaces', { headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('a JSON array or string where an object belongs is a 400', async () => {
    for (const rawBody of ['[]', '"text"', 'null', '123']) {
      const res = await client.request('POST', '/api/workspaces', { rawBody, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
    }
    expect((await client.get('/api/health')).body.ok).toBe(true);
  });

  it('an unknown board id is a 404, not a crash', async () => {
    expect((await client.get('/api/boards/does-not-exist')).status).toBe(404);
    expect((await client.patch('/api/boards/does-not-exist', { title: 'x' })).status).toBe(404);
  });
});
