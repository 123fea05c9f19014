import { describe, expect, it } from 'vitest';
import { newServer } from '../helpers/server.ts';

const demo = await newServer({ demo: true });
const real = await newServer({ demo: false });

describe('demo mode', () => {
  it('a first start seeds «Педагог для всех» with its organisations, people and one board of each kind', async () => {
    expect(demo.demoSeeded).toBe(true);
    const login = (await demo.client().get('/api/demo')).body;
    expect(login).toEqual({ enabled: true, email: expect.any(String), password: expect.any(String) });
    const client = demo.client();
    expect((await client.post('/api/auth/login', { email: login.email, password: login.password })).status).toBe(200);
    const [ws] = (await client.get('/api/workspaces')).body;
    expect(ws).toMatchObject({ name: 'Педагог для всех', role: 'owner' });
    const orgs = (await client.get(`/api/workspaces/${ws.id}/organisations`)).body.map((o: { name: string }) => o.name);
    for (const n of [8, 25, 44, 82, 98, 100, 107, 109, 144, 170, 179, 218, 226, 228]) expect(orgs).toContain(`МДОУ № ${n}`);
    expect(orgs.some((o: string) => o.includes('ГЦРО'))).toBe(true);
    expect(orgs.some((o: string) => o.includes('ЯГПУ'))).toBe(true);
    const people = (await client.get(`/api/workspaces/${ws.id}/members`)).body;
    expect(new Set(people.map((p: { role: string }) => p.role))).toEqual(new Set(['owner', 'coordinator', 'editor', 'viewer']));
    const kinds = (await client.get(`/api/workspaces/${ws.id}/boards`)).body.map((b: { kind: string }) => b.kind).sort();
    expect(kinds).toEqual(['plan-graph', 'programme', 'roadmap']);
  });

  it('a restart on the same data directory does not seed twice', async () => {
    await demo.restart();
    expect(demo.demoSeeded).toBe(false);
    expect(demo.query('SELECT * FROM workspaces')).toHaveLength(1);
  });

  it('with demo mode off nothing is seeded and the login page is told so', async () => {
    expect(real.demoSeeded).toBe(false);
    expect((await real.client().get('/api/demo')).body).toEqual({ enabled: false });
    expect(real.query('SELECT * FROM users')).toEqual([]);
  });
});
