import { readPlanGraph, readProgramme, readRoadmap } from '@soplan/shared';
import { describe, expect, it } from 'vitest';
import { newServer } from '../helpers/server.ts';
import { syncClient } from '../helpers/sync-client.ts';

const demo = await newServer({ demo: true });
const real = await newServer({ demo: false });

describe('demo mode', () => {
  it('a first start seeds «Педагог для всех» with its organisations, people and the boards of sources 000, 001 and 004', async () => {
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
    expect(kinds).toEqual(['plan-graph', 'programme', 'roadmap', 'roadmap']);
    // its plans are signed off under «УТВЕРЖДАЮ» by the centre's director (SPEC E2)
    const settings = (await client.get(`/api/workspaces/${ws.id}/document-settings`)).body;
    expect(settings).toMatchObject({
      marginLeftMm: 20,
      fontFamily: 'Times New Roman',
      approval: { position: expect.stringContaining('Директор'), name: expect.any(String) },
    });
  });

  it('the demo boards hold the real content of the sources, every row, period and responsible', async () => {
    const login = (await demo.client().get('/api/demo')).body;
    const client = demo.client();
    await client.post('/api/auth/login', { email: login.email, password: login.password });
    const [ws] = (await client.get('/api/workspaces')).body;
    const token = (await client.post('/api/tokens', { name: 'demo test' })).body.token;
    const boards: { id: string; kind: string; title: string }[] = (await client.get(`/api/workspaces/${ws.id}/boards`)).body;
    const open = async (match: (b: { kind: string; title: string }) => boolean) => {
      const peer = syncClient(demo.url, boards.find(match)!.id, { token });
      await peer.synced();
      return peer;
    };
    const graph = await open((b) => b.kind === 'plan-graph');
    const events = readPlanGraph(graph.doc, '2022-01-15').events;
    expect(events).toHaveLength(34);
    expect(new Set(events.map((e) => e.month))).toEqual(
      new Set(['2021-09', '2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03', '2022-04', '2022-05']),
    );
    expect(events.filter((e) => e.partner === 'ЯГПУ')).toHaveLength(3);
    const saratov = readRoadmap((await open((b) => b.title.includes('Сарове'))).doc);
    expect(saratov.sections.map((s) => s.items.length)).toEqual([11, 3, 4, 5]);
    expect(saratov.sections[3]!.items[2]).toMatchObject({
      number: '4.3',
      period: 'Сентябрь – октябрь 2022 г.',
      responsibles: ['МБОУ ДПО МЦ', 'ГБОУ ДПО НИРО'],
    });
    const yaroslavl = readRoadmap((await open((b) => b.kind === 'roadmap' && b.title.includes('Педагог для всех'))).doc);
    expect(yaroslavl.sections.map((s) => s.title)).toEqual([
      'Аналитическая',
      'Информационная',
      'Организационно-методическая',
      'Консультационная',
      'Экспертная',
      'Управленческая',
      'Образовательная',
    ]);
    const programme = readProgramme((await open((b) => b.kind === 'programme')).doc);
    expect(programme.stages.map((s) => s.period)).toEqual(['сентябрь- декабрь 2020гг.', 'январь 2021- март 2022 гг.', 'апрель-май 2022']);
    expect(programme.passport.tasks.split('\n')).toHaveLength(9);
    expect(programme.products).toHaveLength(4);
    expect(programme.sections.map((s) => s.text).join('\n')).toContain('Опарышева Наталья Викторовна');
  });

  it('each demo person works for an organisation, so «Мои задачи» lists the items naming it from the first visit', async () => {
    const login = (await demo.client().get('/api/demo')).body;
    const client = demo.client();
    await client.post('/api/auth/login', { email: login.email, password: login.password });
    const [ws] = (await client.get('/api/workspaces')).body;
    const tasks = (await client.get(`/api/workspaces/${ws.id}/tasks`)).body;
    expect(tasks.organisation).toContain('ГЦРО');
    expect(tasks.items.length).toBeGreaterThan(0);
    for (const item of tasks.items as { responsibles: string[] }[]) expect(item.responsibles.join(' ')).toMatch(/ГЦРО|Соколова/);
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
