// Calendar feeds (issue 14): a member makes a secret URL for a board, a workspace or «Мои задачи»; a
// calendar fetches it without a login and reads it with a real parser (ical.js); revoking it, or the
// owner losing access, makes it 404. Events keep their UID across fetches and their SEQUENCE grows
// when an edit (through a real /sync client) reaches the board index. Board text is escaped.
import { roadmapItems, textField, updateItem, type Item } from '@soplan/shared';
import ICAL from 'ical.js';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';
import { trackedClients } from '../helpers/sync-client.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer({ indexDebounceMs: 50 });
const connect = trackedClients();
const { owner, id: workspaceId } = await newWorkspace(server, 'Педагог для всех');

const HOSTILE = 'Злой\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\nSUMMARY:Подмена';
const PUNCTUATED = 'Итоги, планы; отчёт\\ года\nвторая строка';
const roadmap = (title: string, items: { title: string; period: string; responsibles?: string[]; status?: string }[]) => ({
  format: 'soplan-board',
  version: 1,
  kind: 'roadmap',
  title,
  roadmap: { sections: [{ title: 'Организационное обеспечение', items }] },
});
const board = (
  await owner.client.post(`/api/workspaces/${workspaceId}/boards`, {
    kind: 'roadmap',
    title: 'План мероприятий 2021–2022',
    content: roadmap('План мероприятий 2021–2022', [
      { title: 'Семинар', period: '11.10.2021', responsibles: ['МОУ ГЦРО', 'Владелец'] },
      { title: 'Курсы', period: '13.09.2021- 08.10.2021' },
      { title: 'Отчёт', period: 'Ежегодно в январе и мае' },
      { title: 'Мониторинг', period: 'Ежемесячно' },
      { title: 'Совещание', period: 'ежеквартально', status: 'cancelled' },
      { title: 'Методическая работа', period: 'Постоянно' },
      { title: 'Сопровождение', period: 'В течение периода реализации' },
      { title: 'Анализ', period: 'Ежегодно' },
      { title: PUNCTUATED, period: 'до 01.12.2021' },
      { title: HOSTILE, period: '2021-11-15' },
      { title: `Очень длинное название мероприятия ${'на много слов '.repeat(12)}`, period: '01.03.2022' },
    ]),
  })
).body as { id: string; title: string };

const itemIds = () =>
  new Map(
    server.query<{ item_id: string; title: string }>('SELECT item_id, title FROM board_items WHERE board_id = ?', board.id).map((r) => [r.title, r.item_id]),
  );

async function createFeed(client: typeof owner.client, body: object) {
  const res = await client.post('/api/feeds', body);
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; url: string; targetTitle: string };
}

/** What a calendar gets from the URL: no cookie, no token. */
async function fetchFeed(url: string) {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

// The calendar's name and note are TEXT by the convention every calendar follows (Apple's X-WR-*); ical.js reads X- properties raw unless told.
for (const name of ['x-wr-calname', 'x-wr-caldesc']) ICAL.design.icalendar.property[name] = { defaultType: 'text' };

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => ({
    uid: v.getFirstPropertyValue('uid') as string,
    summary: v.getFirstPropertyValue('summary') as string,
    description: v.getFirstPropertyValue('description') as string,
    sequence: Number(v.getFirstPropertyValue('sequence')),
    status: v.getFirstPropertyValue('status') as string,
    start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toString(),
    startIsDate: (v.getFirstPropertyValue('dtstart') as ICAL.Time).isDate,
    end: (v.getFirstPropertyValue('dtend') as ICAL.Time).toString(),
    rrule: (v.getFirstPropertyValue('rrule') as ICAL.Recur | null)?.toJSON() ?? null,
    url: v.getFirstPropertyValue('url') as string,
  }));
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname') as string,
    note: (calendar.getFirstPropertyValue('x-wr-caldesc') as string | null) ?? '',
    events,
    event: (summary: string) => {
      const e = events.find((x) => x.summary === summary);
      if (!e) throw new Error(`no event «${summary}» in ${events.map((x) => x.summary).join(' | ')}`);
      return e;
    },
  };
}

describe('calendar feeds', () => {
  it('a board feed: created, fetched without a login, read by a real parser, revoked → 404', async () => {
    const created = await createFeed(owner.client, { scope: 'board', id: board.id });
    expect(created.url).toMatch(new RegExp(`^${server.url}/ics/spc_[a-z2-7]{32}$`));
    expect(created.targetTitle).toBe(board.title);
    const feed = await fetchFeed(created.url);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe('text/calendar; charset=utf-8');
    const cal = parse(feed.text);
    const ids = itemIds();
    expect(cal.name).toBe(board.title);

    const seminar = cal.event('Семинар');
    expect(seminar).toMatchObject({
      uid: `${ids.get('Семинар')}@${board.id}.soplan`,
      sequence: 0,
      start: '2021-10-11',
      startIsDate: true,
      end: '2021-10-12',
      rrule: null,
    });
    expect(seminar.status).toBe('CONFIRMED');
    expect(seminar.description.split('\n')).toEqual([
      'Раздел: Организационное обеспечение',
      'Ответственные: МОУ ГЦРО, Владелец',
      'Статус: Запланировано',
      'Сроки: 11.10.2021',
      `Доска: ${board.title}`,
      `${server.url}/boards/${board.id}#item-${ids.get('Семинар')}`,
    ]);
    expect(seminar.url).toBe(`${server.url}/boards/${board.id}#item-${ids.get('Семинар')}`);
    // A range is all-day from its first day to the day after its last (DTEND is exclusive); a deadline is its day.
    expect(cal.event('Курсы')).toMatchObject({ start: '2021-09-13', end: '2021-10-09', startIsDate: true });
    expect(cal.event(PUNCTUATED)).toMatchObject({ start: '2021-12-01', end: '2021-12-02' });
    // Recurring: from the first occurrence in the board's academic year (2021–2022, from its dates) to the end of its last.
    expect(cal.event('Отчёт')).toMatchObject({ start: '2022-01-01', end: '2022-01-02', rrule: { freq: 'YEARLY', bymonth: [1, 5], until: '2022-08-31' } });
    expect(cal.event('Мониторинг')).toMatchObject({ start: '2021-09-01', rrule: { freq: 'MONTHLY', until: '2022-08-31' } });
    // A cancelled item stays, cancelled, so a subscribed calendar removes it.
    expect(cal.event('Совещание')).toMatchObject({ start: '2021-10-01', rrule: { freq: 'MONTHLY', interval: 3, until: '2022-08-31' }, status: 'CANCELLED' });
    // What has no dates is left out, and the calendar's note says how many and why.
    for (const gone of ['Методическая работа', 'Сопровождение', 'Анализ']) expect(cal.events.some((e) => e.summary === gone)).toBe(false);
    expect(cal.events).toHaveLength(8);
    expect(cal.note).toContain('Мероприятий без дат, которых нет в календаре: 3.');
    expect(cal.note).toContain('«Постоянно»');

    const listed = (await owner.client.get('/api/feeds')).body as { id: string; lastUsedAt: string | null }[];
    expect(listed).toEqual([
      { id: created.id, scope: 'board', targetId: board.id, targetTitle: board.title, createdAt: expect.any(String), lastUsedAt: expect.any(String) },
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.url.split('/').at(-1));

    expect((await owner.client.delete(`/api/feeds/${created.id}`)).status).toBe(204);
    expect((await fetchFeed(created.url)).status).toBe(404);
    expect((await owner.client.get('/api/feeds')).body).toEqual([]);
    expect((await owner.client.delete(`/api/feeds/${created.id}`)).status).toBe(404);
  });

  it('escapes `,;\\` and line breaks, so a title cannot end its event or start another; long lines are folded', async () => {
    const { url } = await createFeed(owner.client, { scope: 'board', id: board.id });
    const { text } = await fetchFeed(url);
    const cal = parse(text);
    expect(cal.event(HOSTILE).summary).toBe(HOSTILE);
    expect(cal.event(PUNCTUATED).summary).toBe(PUNCTUATED);
    expect(text.replace(/\r\n /g, '')).toContain('SUMMARY:Итоги\\, планы\\; отчёт\\\\ года\\nвторая строка');
    expect(cal.events.some((e) => e.uid === 'evil' || e.summary === 'Подмена')).toBe(false);
    expect(text.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(8);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('UIDs stay across fetches; SEQUENCE grows when an edit reaches the index, for that item only', async () => {
    const { url } = await createFeed(owner.client, { scope: 'board', id: board.id });
    const first = parse((await fetchFeed(url)).text);
    const token = (await owner.client.post('/api/tokens', { name: 'sync' })).body.token as string;
    const client = connect(server.url, board.id, { token });
    await client.synced();
    const id = itemIds().get('Курсы')!;
    client.doc.transact(() => textField(roadmapItems(client.doc).get(id) as Item, 'title').insert(5, ' повышения квалификации'));
    let after = first;
    const refetchUntil = async (check: () => boolean, what: string) => {
      for (let n = 0; !check(); n++) {
        if (n > 200) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 25));
        after = parse((await fetchFeed(url)).text);
      }
    };
    await refetchUntil(() => after.events.some((e) => e.summary === 'Курсы повышения квалификации'), 'the rename to reach the feed');
    const before = first.event('Курсы');
    const renamed = after.event('Курсы повышения квалификации');
    expect(renamed.uid).toBe(before.uid);
    expect(renamed.sequence).toBe(before.sequence + 1);
    expect(after.events.map((e) => e.uid).sort()).toEqual(first.events.map((e) => e.uid).sort());
    for (const e of first.events.filter((x) => x.uid !== before.uid)) expect(after.events.find((x) => x.uid === e.uid)!.sequence).toBe(e.sequence);

    client.doc.transact(() => updateItem(roadmapItems(client.doc), id, { status: 'cancelled' }));
    await refetchUntil(() => after.event('Курсы повышения квалификации').status === 'CANCELLED', 'the cancellation to reach the feed');
    expect(after.event('Курсы повышения квалификации')).toMatchObject({ uid: before.uid, status: 'CANCELLED', sequence: before.sequence + 2 });

    // removed, then brought back by undo: the same UID, counting on above what calendars saw
    const undo = new Y.UndoManager(roadmapItems(client.doc));
    client.doc.transact(() => roadmapItems(client.doc).delete(id));
    await refetchUntil(() => !after.events.some((e) => e.uid === before.uid), 'the removal to reach the feed');
    undo.undo();
    await refetchUntil(() => after.events.some((e) => e.uid === before.uid), 'the item back in the feed');
    expect(after.event('Курсы повышения квалификации').sequence).toBeGreaterThan(before.sequence + 2);
  });

  it('a viewer may make a board feed; a stranger names a board or workspace in vain; a board or workspace feed names its target', async () => {
    const viewer = await joinWithRole(server, owner.client, workspaceId, 'viewer');
    const { url } = await createFeed(viewer.client, { scope: 'board', id: board.id });
    expect(parse((await fetchFeed(url)).text).name).toBe(board.title);
    const stranger = await signedUp(server.client());
    for (const body of [
      { scope: 'board', id: board.id },
      { scope: 'workspace', id: workspaceId },
      { scope: 'mine', id: workspaceId },
      { scope: 'board', id: workspaceId },
    ]) {
      const res = await stranger.client.post('/api/feeds', body);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const missing = await owner.client.post('/api/feeds', { scope: 'workspace' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues).toEqual([expect.objectContaining({ path: 'id', code: 'required' })]);
    expect((await owner.client.post('/api/feeds', { scope: 'everything' })).body.error.issues[0]).toMatchObject({ path: 'scope', code: 'invalid_option' });
    expect((await server.client().post('/api/feeds', { scope: 'mine' })).status).toBe(401);
    // Another person's feed cannot be revoked by someone else.
    const mine = await createFeed(stranger.client, { scope: 'mine' });
    expect((await owner.client.delete(`/api/feeds/${mine.id}`)).status).toBe(404);
    expect((await fetchFeed(mine.url)).status).toBe(200);
    expect((await fetchFeed(`${server.url}/ics/spc_${'a'.repeat(32)}`)).status).toBe(404);
    expect((await fetchFeed(`${server.url}/ics/`)).status).toBe(404);
  });

  it('a member who leaves loses every feed of that workspace (404); the list says the target is gone', async () => {
    const editor = await joinWithRole(server, owner.client, workspaceId, 'editor');
    const feeds = [
      await createFeed(editor.client, { scope: 'board', id: board.id }),
      await createFeed(editor.client, { scope: 'workspace', id: workspaceId }),
      await createFeed(editor.client, { scope: 'mine', id: workspaceId }),
    ];
    const everywhere = await createFeed(editor.client, { scope: 'mine' });
    for (const f of [...feeds, everywhere]) expect((await fetchFeed(f.url)).status).toBe(200);
    expect((await owner.client.delete(`/api/workspaces/${workspaceId}/members/${editor.user.id}`)).status).toBeLessThan(300);
    for (const f of feeds) expect((await fetchFeed(f.url)).status).toBe(404);
    // «Мои задачи» of every workspace follows the workspaces the person is still in: none now.
    const rest = parse((await fetchFeed(everywhere.url)).text);
    expect(rest).toMatchObject({ name: 'Мои задачи', events: [] });
    const listed = (await editor.client.get('/api/feeds')).body as { id: string; targetTitle: string | null }[];
    expect(Object.fromEntries(listed.map((f) => [f.id, f.targetTitle]))).toEqual({
      [feeds[0]!.id]: null,
      [feeds[1]!.id]: null,
      [feeds[2]!.id]: null,
      [everywhere.id]: 'Мои задачи',
    });
  });

  it('a workspace feed holds every board that is not archived; an archived board’s feed empties with a note', async () => {
    const other = (
      await owner.client.post(`/api/workspaces/${workspaceId}/boards`, {
        kind: 'roadmap',
        title: 'Второй план',
        content: roadmap('Второй план', [{ title: 'Конференция', period: '20.04.2022' }]),
      })
    ).body as { id: string };
    const workspaceFeed = await createFeed(owner.client, { scope: 'workspace', id: workspaceId });
    expect(workspaceFeed.targetTitle).toBe('Педагог для всех');
    const boardFeed = await createFeed(owner.client, { scope: 'board', id: other.id });
    const all = parse((await fetchFeed(workspaceFeed.url)).text);
    expect(all.name).toBe('Педагог для всех');
    expect(all.event('Конференция').uid).toMatch(new RegExp(`@${other.id}\\.soplan$`));
    expect(all.event('Семинар').description).toContain(`Доска: ${board.title}`);

    expect((await owner.client.patch(`/api/boards/${other.id}`, { archived: true })).status).toBe(200);
    expect(parse((await fetchFeed(workspaceFeed.url)).text).events.some((e) => e.summary === 'Конференция')).toBe(false);
    const archived = parse((await fetchFeed(boardFeed.url)).text);
    expect(archived).toMatchObject({ name: 'Второй план', events: [] });
    expect(archived.note).toContain('Доска в архиве');
  });

  it('«Мои задачи»: the items naming me, as GET /api/workspaces/:id/tasks selects them, in one workspace or all', async () => {
    const tasks = (await owner.client.get(`/api/workspaces/${workspaceId}/tasks`)).body as { items: { id: string }[] };
    expect(tasks.items.length).toBeGreaterThan(0);
    const one = await createFeed(owner.client, { scope: 'mine', id: workspaceId });
    expect(one.targetTitle).toBe('Мои задачи — Педагог для всех');
    const cal = parse((await fetchFeed(one.url)).text);
    expect(cal.name).toBe('Мои задачи — Педагог для всех');
    expect(cal.events.map((e) => e.uid.split('@')[0]).sort()).toEqual(tasks.items.map((i) => i.id).sort());
    expect(cal.event('Семинар').uid).toBe(`${itemIds().get('Семинар')}@${board.id}.soplan`);

    const second = await owner.client.post('/api/workspaces', { name: 'Второе пространство' });
    await owner.client.post(`/api/workspaces/${second.body.id}/boards`, {
      kind: 'roadmap',
      title: 'Чужой план',
      content: roadmap('Чужой план', [
        { title: 'Моя встреча', period: '01.02.2022', responsibles: ['Владелец'] },
        { title: 'Не моя встреча', period: '02.02.2022', responsibles: ['Кто-то другой'] },
      ]),
    });
    const everywhere = parse((await fetchFeed((await createFeed(owner.client, { scope: 'mine' })).url)).text);
    expect(everywhere.name).toBe('Мои задачи');
    expect(everywhere.events.map((e) => e.summary).sort()).toEqual(['Моя встреча', 'Семинар']);
  });
});
