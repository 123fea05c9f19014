// The board indexer: edits reach the board_items table after they settle, only the rows that changed
// are written, the demo boards are indexed from the start, and hostile documents never break it
// (DESIGN «the server's indexer reads them defensively»). Activity (SPEC F3, F8): each change is
// credited to whoever touched that item, a person's run of edits of one field is one line, and moves
// and removals are recorded. Edits go through real /sync clients.
import {
  addPlanGraphEvent,
  addProgrammeEntry,
  addRoadmapItem,
  addRoadmapSection,
  addRouteStep,
  movePlanGraphEvent,
  moveRoadmapItem,
  programmeList,
  removeRoadmapSection,
  roadmapItems,
  textField,
  updateItem,
  type Item,
} from '@soplan/shared';
import Database from 'better-sqlite3';
import path from 'node:path';
import seedrandom from 'seedrandom';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardWithPeople } from '../helpers/boards.ts';
import { newServer } from '../helpers/server.ts';
import { trackedClients, waitFor, type SyncClient } from '../helpers/sync-client.ts';

const server = await newServer({ indexDebounceMs: 50 });
const demo = await newServer({ demo: true });
/** Indexes only when a test says so: edits made between two flushes are one index window. */
const manual = await newServer({ indexDebounceMs: 600_000 });
const connect = trackedClients();

interface Row {
  title: string;
  period: string;
  period_kind: string;
  start_date: string | null;
  end_date: string | null;
  status: string;
  responsibles: string;
  group_id: string | null;
  group_title: string;
}

interface Line {
  kind: string;
  actor_ids: string;
  item_title: string;
  before: string | null;
  after: string | null;
}

/** One workspace with an owner and an editor on the manual server; each test gets a fresh board in it. */
const people = boardWithPeople(manual, ['editor']);

/** A new board on the manual server with its owner and an editor connected over /sync. */
async function twoPeople(kind: 'roadmap' | 'plan-graph' | 'programme' = 'roadmap') {
  const setup = await people;
  const boardId = (await setup.owner.client.post(`/api/workspaces/${setup.workspaceId}/boards`, { kind, title: kind })).body.id as string;
  const owner = connect(manual.url, boardId, { token: setup.owner.token });
  const editor = connect(manual.url, boardId, { token: setup.people.editor!.token });
  await Promise.all([owner.synced(), editor.synced()]);
  const clients = [owner, editor];
  return {
    boardId,
    owner,
    editor,
    ownerId: setup.owner.user.id,
    editorId: setup.people.editor!.user.id,
    /** Once every client holds what `check` says — so the server committed it — indexes the board. */
    index: async (check: (doc: Y.Doc) => boolean) => {
      await waitFor(() => clients.every((c) => check(c.doc)), 5000, 'the edit to reach everyone');
      manual.indexer.flush(boardId);
    },
    lines: () => manual.query<Line>('SELECT kind, actor_ids, item_title, before, after FROM board_activity WHERE board_id = ? ORDER BY id', boardId),
  };
}

const item = (client: SyncClient, id: string) => roadmapItems(client.doc).get(id) as Item;
const titleOf = (client: SyncClient, id: string) => textField(item(client, id), 'title').toString();

describe('board indexer', () => {
  it("derives a board's items from live edits once they settle", async () => {
    const { boardId, people } = await boardWithPeople(server, ['editor']);
    const editor = connect(server.url, boardId, { token: people.editor!.token });
    await editor.synced();
    const section = addRoadmapSection(editor.doc, 'Раздел');
    addRoadmapItem(editor.doc, section, { title: 'Мониторинг', period: 'Декабрь 2021 г.', responsibles: ['МБОУ ДПО МЦ'] });
    addRoadmapItem(editor.doc, section, { title: 'Отчёт', period: 'ежеквартально', status: 'done' });
    const rows = () => server.query<Row>('SELECT * FROM board_items WHERE board_id = ? ORDER BY position', boardId);
    await waitFor(() => rows().length === 2, 5000, 'the board to be indexed');
    expect(rows()[0]).toMatchObject({
      title: 'Мониторинг',
      period_kind: 'range',
      start_date: '2021-12-01',
      end_date: '2021-12-31',
      status: 'planned',
      responsibles: '["МБОУ ДПО МЦ"]',
      group_id: section,
      group_title: 'Раздел',
    });
    expect(rows()[1]).toMatchObject({ title: 'Отчёт', period_kind: 'recurring', status: 'done' });
  });

  it('[F3] an index rewrites only the rows that changed and deletes the gone ones', async () => {
    const { boardId, owner, index } = await twoPeople();
    const ids: string[] = [];
    owner.doc.transact(() => {
      const section = addRoadmapSection(owner.doc, 'Раздел');
      for (let n = 0; n < 10; n++) ids.push(addRoadmapItem(owner.doc, section, { title: `Мероприятие ${n}` }));
    });
    await index((doc) => roadmapItems(doc).size === 10);
    // Count what each later index does to the table, from inside the database.
    const db = new Database(path.join(manual.dataDir, 'soplan.sqlite'));
    db.exec(`CREATE TABLE IF NOT EXISTS index_writes (op TEXT, item_id TEXT);
      CREATE TRIGGER IF NOT EXISTS index_insert AFTER INSERT ON board_items BEGIN INSERT INTO index_writes VALUES ('insert', new.item_id); END;
      CREATE TRIGGER IF NOT EXISTS index_update AFTER UPDATE ON board_items BEGIN INSERT INTO index_writes VALUES ('update', new.item_id); END;
      CREATE TRIGGER IF NOT EXISTS index_delete AFTER DELETE ON board_items BEGIN INSERT INTO index_writes VALUES ('delete', old.item_id); END;`);
    try {
      owner.doc.transact(() => {
        updateItem(roadmapItems(owner.doc), ids[3]!, { status: 'done' });
        roadmapItems(owner.doc).delete(ids[9]!);
      });
      await index((doc) => roadmapItems(doc).size === 9);
      expect(db.prepare('SELECT op, item_id FROM index_writes ORDER BY rowid').all()).toEqual([
        { op: 'update', item_id: ids[3] },
        { op: 'delete', item_id: ids[9] },
      ]);
      expect(manual.query<Row>('SELECT status FROM board_items WHERE board_id = ? ORDER BY position', boardId).map((r) => r.status)).toEqual([
        'planned',
        'planned',
        'planned',
        'done',
        'planned',
        'planned',
        'planned',
        'planned',
        'planned',
      ]);
    } finally {
      db.exec('DROP TRIGGER index_insert; DROP TRIGGER index_update; DROP TRIGGER index_delete; DROP TABLE index_writes;');
      db.close();
    }
  });

  it('indexes the demo boards when it seeds them, without activity', () => {
    const counts = demo.query<{ title: string; n: number }>(
      'SELECT b.title, count(i.item_id) AS n FROM boards b LEFT JOIN board_items i ON i.board_id = b.id GROUP BY b.id ORDER BY b.created_at',
    );
    expect(counts.map((c) => c.n)).toEqual([34, 24, 23, 3]);
    expect(demo.query('SELECT 1 FROM board_activity')).toEqual([]);
  });

  it('survives random garbage documents of every kind, and leaves the board served', async () => {
    const { boardId, people, owner, workspaceId } = await boardWithPeople(server, ['editor']);
    const boardOf = async (kind: string) => (await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind, title: kind })).body.id as string;
    const boardIds = [boardId, await boardOf('plan-graph'), await boardOf('programme')];
    const random = seedrandom('indexer-garbage');
    const junk = (depth: number): unknown => {
      const r = random();
      if (depth > 2 || r < 0.35) return [null, 7, 'x', false, '2021-99', ['a', 3], { deep: { er: [] } }][Math.floor(random() * 7)];
      if (r < 0.5) return new Y.Text('t');
      if (r < 0.6) return new Y.Array();
      const map = new Y.Map<unknown>();
      for (const key of ['order', 'title', 'section', 'month', 'period', 'status', 'responsibles', 'route', 'body', 'date'])
        if (random() < 0.6) map.set(key, junk(depth + 1));
      return map;
    };
    for (let n = 0; n < 60; n++) {
      const doc = new Y.Doc();
      for (const root of ['events', 'sections', 'items', 'meta', 'passport', 'stages', 'pairs'])
        for (let i = 0; i < 3; i++) doc.getMap<unknown>(root).set(`k${i}`, junk(0));
      for (const id of boardIds) expect(server.indexer.indexNow(id, doc)).not.toBeNull();
    }
    const editor = connect(server.url, boardId, { token: people.editor!.token });
    await editor.synced();
    editor.doc.getMap<unknown>('items').set('hostile', 'not a map');
    editor.doc.getMap<unknown>('sections').set('s', new Y.Map());
    addRoadmapItem(editor.doc, 's', { title: 'после мусора' });
    const titles = () => server.query<Row>('SELECT title FROM board_items WHERE board_id = ?', boardId).map((r) => r.title);
    await waitFor(() => titles().length === 1 && titles()[0] === 'после мусора', 5000, 'the live board to be indexed');
  });
});

describe('[F8] activity is credited to whoever touched the item', () => {
  it('two people edit two items in one index window: each change names only its editor', async () => {
    const { owner, editor, ownerId, editorId, index, lines } = await twoPeople();
    let seminar = '';
    let report = '';
    owner.doc.transact(() => {
      const section = addRoadmapSection(owner.doc, 'Направление 1');
      seminar = addRoadmapItem(owner.doc, section, { title: 'Семинар' });
      report = addRoadmapItem(owner.doc, section, { title: 'Отчёт' });
    });
    await index((doc) => roadmapItems(doc).size === 2);
    const setUp = lines().length;
    editor.doc.transact(() => textField(item(editor, seminar), 'title').insert(7, ' для наставников'));
    owner.doc.transact(() => updateItem(roadmapItems(owner.doc), report, { status: 'in-progress' }));
    await index(
      (doc) =>
        (roadmapItems(doc).get(report) as Item).get('status') === 'in-progress' &&
        textField(roadmapItems(doc).get(seminar) as Item, 'title').toString() === 'Семинар для наставников',
    );
    expect(lines().slice(setUp)).toEqual([
      { kind: 'renamed', item_title: 'Семинар для наставников', before: 'Семинар', after: 'Семинар для наставников', actor_ids: JSON.stringify([editorId]) },
      { kind: 'status', item_title: 'Отчёт', before: 'planned', after: 'in-progress', actor_ids: JSON.stringify([ownerId]) },
    ]);
  });
});

describe('[F8] activity is credited to whoever touched the item, together', () => {
  it('two people edit one item in one index window: its line names both', async () => {
    const { owner, editor, ownerId, editorId, index, lines } = await twoPeople();
    let id = '';
    owner.doc.transact(() => (id = addRoadmapItem(owner.doc, addRoadmapSection(owner.doc, 'Направление'), { title: 'Семинар' })));
    await index((doc) => roadmapItems(doc).size === 1);
    textField(item(owner, id), 'title').insert(7, ' для');
    textField(item(editor, id), 'title').insert(0, 'Городской ');
    await index((doc) => /^Городской Семинар для$/.test(textField(roadmapItems(doc).get(id) as Item, 'title').toString()));
    expect(lines().at(-1)).toMatchObject({
      kind: 'renamed',
      before: 'Семинар',
      after: 'Городской Семинар для',
      actor_ids: JSON.stringify([ownerId, editorId].sort()),
    });
  });
});

describe("[F8] a person's run of edits of one field is one line", () => {
  it('a title typed character by character over several index windows is one rename; typed back, it is none', async () => {
    const { owner, editor, editorId, index, lines } = await twoPeople();
    let id = '';
    owner.doc.transact(() => (id = addRoadmapItem(owner.doc, addRoadmapSection(owner.doc, 'Направление'), { title: 'Семинар' })));
    await index((doc) => roadmapItems(doc).size === 1);
    const typed = ' для наставников';
    for (const [n, char] of [...typed].entries()) {
      textField(item(editor, id), 'title').insert(7 + n, char);
      const expected = `Семинар${typed.slice(0, n + 1)}`;
      await index((doc) => textField(roadmapItems(doc).get(id) as Item, 'title').toString() === expected);
    }
    expect(lines().filter((l) => l.kind === 'renamed')).toEqual([
      { kind: 'renamed', item_title: 'Семинар для наставников', before: 'Семинар', after: 'Семинар для наставников', actor_ids: JSON.stringify([editorId]) },
    ]);
    for (let n = typed.length; n > 0; n--) {
      textField(item(editor, id), 'title').delete(7 + n - 1, 1);
      const expected = `Семинар${typed.slice(0, n - 1)}`;
      await index((doc) => textField(roadmapItems(doc).get(id) as Item, 'title').toString() === expected);
    }
    expect(titleOf(owner, id)).toBe('Семинар');
    expect(lines().filter((l) => l.kind === 'renamed')).toEqual([]);
  });

  it("someone else's edit in between starts a new line", async () => {
    const { owner, editor, ownerId, editorId, index, lines } = await twoPeople();
    let id = '';
    owner.doc.transact(() => (id = addRoadmapItem(owner.doc, addRoadmapSection(owner.doc, 'Направление'), { title: 'Семинар' })));
    await index((doc) => roadmapItems(doc).size === 1);
    const setStatus = async (who: SyncClient, status: string) => {
      updateItem(roadmapItems(who.doc), id, { status });
      await index((doc) => (roadmapItems(doc).get(id) as Item).get('status') === status);
    };
    await setStatus(editor, 'in-progress');
    await setStatus(editor, 'done');
    await setStatus(owner, 'cancelled');
    await setStatus(editor, 'done');
    expect(
      lines()
        .filter((l) => l.kind === 'status')
        .map((l) => [l.before, l.after, l.actor_ids]),
    ).toEqual([
      ['planned', 'done', JSON.stringify([editorId])],
      ['done', 'cancelled', JSON.stringify([ownerId])],
      ['cancelled', 'done', JSON.stringify([editorId])],
    ]);
  });
});

describe('[F3] moves and removals are recorded', () => {
  it('an item moved to another section, an event moved to another month', async () => {
    const roadmap = await twoPeople();
    let [first, second, id] = ['', '', ''];
    roadmap.owner.doc.transact(() => {
      first = addRoadmapSection(roadmap.owner.doc, 'Методическое сопровождение');
      second = addRoadmapSection(roadmap.owner.doc, 'Мониторинг');
      id = addRoadmapItem(roadmap.owner.doc, first, { title: 'Анкетирование педагогов', period: 'Октябрь 2021 г.' });
    });
    await roadmap.index((doc) => roadmapItems(doc).size === 1);
    moveRoadmapItem(roadmap.editor.doc, id, second);
    await roadmap.index((doc) => (roadmapItems(doc).get(id) as Item).get('section') === second);
    expect(roadmap.lines().at(-1)).toEqual({
      kind: 'moved',
      item_title: 'Анкетирование педагогов',
      before: 'Методическое сопровождение',
      after: 'Мониторинг',
      actor_ids: JSON.stringify([roadmap.editorId]),
    });

    const plan = await twoPeople('plan-graph');
    let event = '';
    plan.owner.doc.transact(() => (event = addPlanGraphEvent(plan.owner.doc, '2021-10', { title: 'Круглый стол', form: 'Круглый стол' })));
    await plan.index((doc) => doc.getMap('events').size === 1);
    movePlanGraphEvent(plan.editor.doc, event, '2021-11');
    await plan.index((doc) => (doc.getMap('events').get(event) as Item).get('month') === '2021-11');
    // The month of an event without a date is its period too: one line, not a move and a reschedule.
    expect(plan.lines().slice(1)).toEqual([
      { kind: 'moved', item_title: 'Круглый стол', before: '2021-10', after: '2021-11', actor_ids: JSON.stringify([plan.editorId]) },
    ]);
  });

  it('deleting a roadmap section removes its items, each line naming who deleted it', async () => {
    const { owner, editor, editorId, index, lines } = await twoPeople();
    let section = '';
    owner.doc.transact(() => {
      section = addRoadmapSection(owner.doc, 'Направление 2');
      for (const title of ['Семинар', 'Круглый стол', 'Конференция']) addRoadmapItem(owner.doc, section, { title });
    });
    await index((doc) => roadmapItems(doc).size === 3);
    removeRoadmapSection(editor.doc, section);
    await index((doc) => roadmapItems(doc).size === 0);
    expect(lines().filter((l) => l.kind === 'removed')).toEqual(
      ['Семинар', 'Круглый стол', 'Конференция'].map((t) => ({
        kind: 'removed',
        item_title: t,
        before: null,
        after: null,
        actor_ids: JSON.stringify([editorId]),
      })),
    );
  });

  it('a flood of lines of one kind never crowds out a removal', async () => {
    const { owner, editor, editorId, index, lines } = await twoPeople();
    const ids: string[] = [];
    owner.doc.transact(() => {
      const section = addRoadmapSection(owner.doc, 'Направление');
      for (let n = 0; n < 26; n++) ids.push(addRoadmapItem(owner.doc, section, { title: `Мероприятие ${n + 1}` }));
    });
    await index((doc) => roadmapItems(doc).size === 26);
    editor.doc.transact(() => {
      for (const id of ids.slice(0, 25)) updateItem(roadmapItems(editor.doc), id, { status: 'done' });
      roadmapItems(editor.doc).delete(ids[25]!);
    });
    await index((doc) => roadmapItems(doc).size === 25);
    // At most 20 lines of a kind per index (F3).
    expect(lines().filter((l) => l.kind === 'status')).toHaveLength(20);
    expect(lines().filter((l) => l.kind === 'removed')).toEqual([
      { kind: 'removed', item_title: 'Мероприятие 26', before: null, after: null, actor_ids: JSON.stringify([editorId]) },
    ]);
  });

  it("deleting a mentoring pair removes its route's steps, credited to who deleted the pair", async () => {
    const { owner, editor, editorId, index, lines } = await twoPeople('programme');
    let pair = '';
    owner.doc.transact(() => {
      pair = addProgrammeEntry(owner.doc, 'pairs', { mentor: 'Иванова А.А.', mentee: 'Петров П.П.' });
      addRouteStep(owner.doc, pair, { title: 'Посещение уроков наставника', period: 'Октябрь 2021 г.' });
      addRouteStep(owner.doc, pair, { title: 'Открытый урок', period: 'Декабрь 2021 г.' });
    });
    await index((doc) => programmeList(doc, 'pairs').size === 1);
    programmeList(editor.doc, 'pairs').delete(pair);
    await index((doc) => programmeList(doc, 'pairs').size === 0);
    expect(lines().filter((l) => l.kind === 'removed')).toEqual(
      ['Посещение уроков наставника', 'Открытый урок'].map((t) => ({
        kind: 'removed',
        item_title: `Петров П.П.: ${t}`,
        before: null,
        after: null,
        actor_ids: JSON.stringify([editorId]),
      })),
    );
  });

  it("a new board's first items are news; one added and deleted again by its author within the minute is not", async () => {
    const { owner, ownerId, index, lines } = await twoPeople();
    let section = '';
    owner.doc.transact(() => {
      section = addRoadmapSection(owner.doc, 'Направление');
      addRoadmapItem(owner.doc, section, { title: 'Семинар' });
    });
    await index((doc) => roadmapItems(doc).size === 1);
    expect(lines()).toEqual([{ kind: 'added', item_title: 'Семинар', before: null, after: null, actor_ids: JSON.stringify([ownerId]) }]);
    const gone = addRoadmapItem(owner.doc, section, { title: 'Опечатка' });
    await index((doc) => roadmapItems(doc).has(gone));
    roadmapItems(owner.doc).delete(gone);
    await index((doc) => !roadmapItems(doc).has(gone));
    expect(lines().map((l) => l.item_title)).toEqual(['Семинар']);
  });
});
