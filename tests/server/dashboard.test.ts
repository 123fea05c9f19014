// The dashboard, calendar and «Мои задачи» read from the board index: per-board status counts and
// overdue, this week's and month's events, each organisation's load, and the items naming me or my
// organisation, overdue first.
import { addPlanGraphEvent, addRoadmapItem, addRoadmapSection, todayIso } from '@soplan/shared';
import { describe, expect, it } from 'vitest';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';
import { syncClient, waitFor } from '../helpers/sync-client.ts';

const server = await newServer({ indexDebounceMs: 10 });
const today = todayIso();
const year = Number(today.slice(0, 4));

async function workspaceWithBoards() {
  const { client, user } = await signedUp(server.client(), 'Соколова Елена Викторовна, методист');
  const workspace = (await client.post('/api/workspaces', { name: 'Педагог для всех' })).body as { id: string };
  const id = workspace.id;
  const org = (await client.post(`/api/workspaces/${id}/organisations`, { name: 'МДОУ № 8', kind: 'kindergarten', partner: false })).body as { id: string };
  await client.post(`/api/workspaces/${id}/organisations`, { name: 'МДОУ № 12', kind: 'kindergarten', partner: false });
  const plan = (await client.post(`/api/workspaces/${id}/boards`, { kind: 'plan-graph', title: 'План-график' })).body as { id: string };
  const roadmap = (await client.post(`/api/workspaces/${id}/boards`, { kind: 'roadmap', title: 'Дорожная карта' })).body as { id: string };
  const token = ((await client.post('/api/tokens', { name: 't' })).body as { token: string }).token;
  const planClient = syncClient(server.url, plan.id, { token });
  const roadmapClient = syncClient(server.url, roadmap.id, { token });
  await Promise.all([planClient.synced(), roadmapClient.synced()]);
  planClient.doc.transact(() => {
    addPlanGraphEvent(planClient.doc, today.slice(0, 7), { title: 'Семинар сегодня', form: 'Семинар', date: today, responsibles: ['МДОУ № 8'] });
    addPlanGraphEvent(planClient.doc, `${year + 2}-01`, { title: 'Конференция через два года', form: 'Конференция', responsibles: ['МДОУ № 12'] });
  });
  roadmapClient.doc.transact(() => {
    const section = addRoadmapSection(roadmapClient.doc, 'Направление 1');
    addRoadmapItem(roadmapClient.doc, section, { title: 'Просроченный анализ', period: `Январь ${year - 1} г.`, responsibles: ['Соколова Е.В.'], result: '' });
    addRoadmapItem(roadmapClient.doc, section, { title: 'Выполненный отчёт', period: `Февраль ${year - 1} г.`, responsibles: ['МДОУ № 8'], result: '', status: 'done' } as never);
    addRoadmapItem(roadmapClient.doc, section, { title: 'Чужая задача', period: `Декабрь ${year + 1} г.`, responsibles: ['Петрова А.Н.'], result: '' });
  });
  await waitFor(() => server.query('SELECT 1 FROM board_items i JOIN boards b ON b.id = i.board_id WHERE b.workspace_id = ?', id).length === 5, 5000, 'the index');
  planClient.destroy();
  roadmapClient.destroy();
  return { client, user, id, org, plan, roadmap };
}

describe('the dashboard', () => {
  it('counts each board\'s items by status and overdue, lists this week\'s and month\'s events and each organisation\'s load', async () => {
    const { client, id, plan, roadmap } = await workspaceWithBoards();
    const dashboard = (await client.get(`/api/workspaces/${id}/dashboard`)).body;
    expect(dashboard.boards).toEqual([
      expect.objectContaining({ id: plan.id, total: 2, overdue: 0, counts: { planned: 2, 'in-progress': 0, done: 0, cancelled: 0 } }),
      expect.objectContaining({ id: roadmap.id, total: 3, overdue: 1, counts: { planned: 2, 'in-progress': 0, done: 1, cancelled: 0 } }),
    ]);
    expect(dashboard.week.map((i: { title: string }) => i.title)).toEqual(['Семинар сегодня']);
    expect(dashboard.month.map((i: { title: string }) => i.title)).toEqual(['Семинар сегодня']);
    expect(dashboard.organisations).toEqual([
      { name: 'МДОУ № 8', total: 2, overdue: 0 },
      { name: 'МДОУ № 12', total: 1, overdue: 0 },
    ]);
  });

  it('is the members\' only', async () => {
    const { id } = await workspaceWithBoards();
    const stranger = await signedUp(server.client(), 'Посторонний');
    for (const path of ['dashboard', 'calendar', 'tasks']) expect((await stranger.client.get(`/api/workspaces/${id}/${path}`)).status).toBe(404);
  });
});

describe('the calendar', () => {
  it('lists every dated item across the boards with its board, form and status', async () => {
    const { client, id, plan } = await workspaceWithBoards();
    const items = (await client.get(`/api/workspaces/${id}/calendar`)).body as { title: string; boardId: string; form: string; start: string }[];
    expect(items.map((i) => i.title).sort()).toEqual(['Выполненный отчёт', 'Конференция через два года', 'Просроченный анализ', 'Семинар сегодня', 'Чужая задача']);
    expect(items.find((i) => i.title === 'Семинар сегодня')).toMatchObject({ boardId: plan.id, form: 'Семинар', start: today });
  });
});

describe('«Мои задачи»', () => {
  it('lists the items naming me, and my organisation once I choose it; overdue first', async () => {
    const { client, id, org } = await workspaceWithBoards();
    const mine = (await client.get(`/api/workspaces/${id}/tasks`)).body;
    expect(mine.organisation).toBeNull();
    expect(mine.items.map((i: { title: string }) => i.title)).toEqual(['Просроченный анализ']);
    const withOrg = (await client.put(`/api/workspaces/${id}/my-organisation`, { organisationId: org.id })).body;
    expect(withOrg.organisation).toBe('МДОУ № 8');
    expect(withOrg.items.map((i: { title: string }) => i.title)).toEqual(['Просроченный анализ', 'Семинар сегодня', 'Выполненный отчёт']);
    expect((await client.put(`/api/workspaces/${id}/my-organisation`, { organisationId: 'nope' })).status).toBe(404);
    expect((await client.put(`/api/workspaces/${id}/my-organisation`, { organisation: org.id })).status).toBe(400);
  });
});
