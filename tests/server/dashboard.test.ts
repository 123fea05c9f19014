// The dashboard, calendar and «Мои задачи» read from the board index: per-board status counts and
// overdue, this week's and month's events, each organisation's load, and the items naming me or my
// organisation, overdue first. Overdue and next occurrences are derived when read (SPEC F7): a fake
// clock moves the day on without anyone editing.
import { addPlanGraphEvent, addRoadmapItem, addRoadmapSection, todayIso } from '@soplan/shared';
import { describe, expect, it } from 'vitest';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';
import { syncClient, waitFor } from '../helpers/sync-client.ts';

const server = await newServer({ indexDebounceMs: 10 });
const today = todayIso();
const year = Number(today.slice(0, 4));
/** The fake clock's day; tests move it. */
let clock = today;
const daysAfter = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const clocked = await newServer({ indexDebounceMs: 10, today: () => clock });

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
    addRoadmapItem(roadmapClient.doc, section, {
      title: 'Выполненный отчёт',
      period: `Февраль ${year - 1} г.`,
      responsibles: ['МДОУ № 8'],
      result: '',
      status: 'done',
    } as never);
    addRoadmapItem(roadmapClient.doc, section, { title: 'Чужая задача', period: `Декабрь ${year + 1} г.`, responsibles: ['Петрова А.Н.'], result: '' });
  });
  await waitFor(
    () => server.query('SELECT 1 FROM board_items i JOIN boards b ON b.id = i.board_id WHERE b.workspace_id = ?', id).length === 5,
    5000,
    'the index',
  );
  planClient.destroy();
  roadmapClient.destroy();
  return { client, user, id, org, plan, roadmap };
}

describe('the dashboard', () => {
  it("counts each board's items by status and overdue, lists this week's and month's events and each organisation's load", async () => {
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

  it("is the members' only", async () => {
    const { id } = await workspaceWithBoards();
    const stranger = await signedUp(server.client(), 'Посторонний');
    for (const path of ['dashboard', 'calendar', 'tasks']) expect((await stranger.client.get(`/api/workspaces/${id}/${path}`)).status).toBe(404);
  });
});

describe('the calendar', () => {
  it('lists every dated item across the boards with its board, form and status', async () => {
    const { client, id, plan } = await workspaceWithBoards();
    const items = (await client.get(`/api/workspaces/${id}/calendar`)).body as { title: string; boardId: string; form: string; start: string }[];
    expect(items.map((i) => i.title).sort()).toEqual([
      'Выполненный отчёт',
      'Конференция через два года',
      'Просроченный анализ',
      'Семинар сегодня',
      'Чужая задача',
    ]);
    expect(items.find((i) => i.title === 'Семинар сегодня')).toMatchObject({ boardId: plan.id, form: 'Семинар', start: today });
  });

  it('lists the items that run the whole time («Постоянно»), with no dates, and not those whose period says nothing (C1)', async () => {
    const { client, id, roadmap } = await workspaceWithBoards();
    const token = ((await client.post('/api/tokens', { name: 'lasting' })).body as { token: string }).token;
    const writer = syncClient(server.url, roadmap.id, { token });
    await writer.synced();
    const section = addRoadmapSection(writer.doc, 'Постоянная работа');
    addRoadmapItem(writer.doc, section, { title: 'Сопровождение сайта', period: 'Постоянно', responsibles: [], result: '' });
    addRoadmapItem(writer.doc, section, { title: 'Без срока', period: '', responsibles: [], result: '' });
    await waitFor(
      () => server.query('SELECT 1 FROM board_items i JOIN boards b ON b.id = i.board_id WHERE b.workspace_id = ?', id).length === 7,
      5000,
      'the index',
    );
    writer.destroy();
    const items = (await client.get(`/api/workspaces/${id}/calendar`)).body as {
      title: string;
      periodKind: string;
      start: string | null;
      nextStart: string | null;
    }[];
    expect(items.find((i) => i.title === 'Сопровождение сайта')).toMatchObject({ periodKind: 'ongoing', start: null, nextStart: null });
    expect(items.map((i) => i.title)).not.toContain('Без срока');
    expect(items).toHaveLength(6);
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

/** A workspace on `target` with one roadmap whose items the owner writes over /sync; resolves once they are indexed. */
async function roadmapOf(
  target: typeof server,
  items: { title: string; period: string; responsibles: string[]; status?: 'planned' | 'in-progress' | 'done' }[],
) {
  const { client } = await signedUp(target.client(), 'Соколова Елена Викторовна, методист');
  const id = ((await client.post('/api/workspaces', { name: 'Педагог для всех' })).body as { id: string }).id;
  await client.post(`/api/workspaces/${id}/organisations`, { name: 'МДОУ № 8', kind: 'kindergarten', partner: false });
  const roadmap = (await client.post(`/api/workspaces/${id}/boards`, { kind: 'roadmap', title: 'Дорожная карта' })).body as { id: string };
  const token = ((await client.post('/api/tokens', { name: 't' })).body as { token: string }).token;
  const writer = syncClient(target.url, roadmap.id, { token });
  await writer.synced();
  writer.doc.transact(() => {
    const section = addRoadmapSection(writer.doc, 'Направление 1');
    for (const item of items) addRoadmapItem(writer.doc, section, { ...item, result: '' });
  });
  await waitFor(() => target.query('SELECT 1 FROM board_items WHERE board_id = ?', roadmap.id).length === items.length, 5000, 'the index');
  writer.destroy();
  return { client, id, roadmap };
}

describe('[F7] overdue and next occurrences are derived when read', () => {
  it('an item ending today is not overdue; a day later, with no edit, the dashboard, «Мои задачи» and the calendar say it is', async () => {
    // It starts on the real today, so that a server that derived overdue when indexing agrees at first.
    clock = today;
    const [y, m, d] = today.split('-');
    const { client, id, roadmap } = await roadmapOf(clocked, [
      { title: 'Сдать отчёт', period: `${d}.${m}.${y}`, responsibles: ['Соколова Е.В.', 'МДОУ № 8'] },
      { title: 'Совещание', period: 'Ежемесячно', responsibles: ['Соколова Е.В.'] },
    ]);
    const read = async () => ({
      dashboard: (await client.get(`/api/workspaces/${id}/dashboard`)).body,
      tasks: (await client.get(`/api/workspaces/${id}/tasks`)).body,
      calendar: (await client.get(`/api/workspaces/${id}/calendar`)).body as { title: string; overdue: boolean; nextStart: string | null }[],
    });
    const report = (list: { title: string; overdue: boolean }[]) => list.find((i) => i.title === 'Сдать отчёт')!;

    let now = await read();
    expect(now.dashboard.today).toBe(today);
    expect(now.dashboard.boards).toEqual([expect.objectContaining({ id: roadmap.id, overdue: 0 })]);
    expect(now.dashboard.organisations).toEqual([{ name: 'МДОУ № 8', total: 1, overdue: 0 }]);
    expect(report(now.tasks.items).overdue).toBe(false);
    expect(report(now.calendar).overdue).toBe(false);

    clock = daysAfter(today, 1);
    now = await read();
    expect(now.dashboard.boards).toEqual([expect.objectContaining({ id: roadmap.id, overdue: 1 })]);
    expect(now.dashboard.organisations).toEqual([{ name: 'МДОУ № 8', total: 1, overdue: 1 }]);
    expect(now.tasks.items.map((i: { title: string }) => i.title)).toEqual(['Сдать отчёт', 'Совещание']);
    expect(report(now.tasks.items).overdue).toBe(true);
    expect(report(now.calendar).overdue).toBe(true);
    expect(report(now.dashboard.items).overdue).toBe(true);
    expect(now.dashboard.today).toBe(clock);

    // A recurring period's next occurrence follows the day too.
    expect(now.calendar.find((i) => i.title === 'Совещание')!.nextStart).toBe(`${clock.slice(0, 7)}-01`);
    const nextMonth = daysAfter(`${clock.slice(0, 7)}-01`, 40).slice(0, 7);
    clock = `${nextMonth}-02`;
    now = await read();
    expect(now.calendar.find((i) => i.title === 'Совещание')!.nextStart).toBe(`${nextMonth}-01`);
    expect(now.dashboard.month.map((i: { title: string }) => i.title)).toEqual(['Совещание']);
  });
});

describe('«Мои задачи» order', () => {
  it('items «В работе» come with the open ones, before the done ones', async () => {
    const { client, id } = await roadmapOf(server, [
      { title: 'Выполненный отчёт', period: `Январь ${year + 1} г.`, responsibles: ['Соколова Е.В.'], status: 'done' },
      { title: 'Анализ в работе', period: `Март ${year + 1} г.`, responsibles: ['Соколова Е.В.'], status: 'in-progress' },
      { title: 'Запланированный семинар', period: `Май ${year + 1} г.`, responsibles: ['Соколова Е.В.'] },
    ]);
    const mine = (await client.get(`/api/workspaces/${id}/tasks`)).body;
    expect(mine.items.map((i: { title: string }) => i.title)).toEqual(['Анализ в работе', 'Запланированный семинар', 'Выполненный отчёт']);
  });
});
