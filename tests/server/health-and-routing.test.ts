import { describe, expect, it } from 'vitest';
import { newServer } from '../helpers/server.ts';

const server = await newServer();

describe('health and routing', () => {
  it('GET /api/health answers 200 { ok: true }', async () => {
    const res = await server.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
  });

  it('an unknown /api route is a 404 JSON error', async () => {
    const res = await server.client().get('/api/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('a known route with the wrong method is a 404 JSON error too', async () => {
    const res = await server.client().request('PUT', '/api/health', { origin: null });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
