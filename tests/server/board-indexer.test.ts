// The board indexer: edits reach the board_items table after they settle, the demo boards are
// indexed from the start, and hostile documents never break it (DESIGN «the server's indexer reads
// them defensively»).
import { addRoadmapItem, addRoadmapSection } from '@soplan/shared';
import seedrandom from 'seedrandom';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardWithPeople } from '../helpers/boards.ts';
import { newServer } from '../helpers/server.ts';
import { trackedClients, waitFor } from '../helpers/sync-client.ts';

const server = await newServer({ indexDebounceMs: 50 });
const demo = await newServer({ demo: true });
const connect = trackedClients();

interface Row {
  title: string;
  period: string;
  period_kind: string;
  start_date: string | null;
  end_date: string | null;
  status: string;
  responsibles: string;
  overdue: number;
}

describe('board indexer', () => {
  it('derives a board\'s items from live edits once they settle', async () => {
    const { boardId, people } = await boardWithPeople(server, ['editor']);
    const editor = connect(server.url, boardId, { token: people.editor!.token });
    await editor.synced();
    const section = addRoadmapSection(editor.doc, 'Раздел');
    addRoadmapItem(editor.doc, section, { title: 'Мониторинг', period: 'Декабрь 2021 г.', responsibles: ['МБОУ ДПО МЦ'] });
    addRoadmapItem(editor.doc, section, { title: 'Отчёт', period: 'ежеквартально', status: 'done' });
    const rows = () => server.query<Row>('SELECT * FROM board_items WHERE board_id = ? ORDER BY position', boardId);
    await waitFor(() => rows().length === 2, 5000, 'the board to be indexed');
    expect(rows()[0]).toMatchObject({ title: 'Мониторинг', period_kind: 'range', start_date: '2021-12-01', end_date: '2021-12-31', status: 'planned', responsibles: '["МБОУ ДПО МЦ"]', overdue: 1 });
    expect(rows()[1]).toMatchObject({ title: 'Отчёт', period_kind: 'recurring', status: 'done', overdue: 0 });
  });

  it('indexes the demo boards when it seeds them', () => {
    const counts = demo.query<{ title: string; n: number }>(
      'SELECT b.title, count(i.item_id) AS n FROM boards b LEFT JOIN board_items i ON i.board_id = b.id GROUP BY b.id ORDER BY b.created_at',
    );
    expect(counts.map((c) => c.n)).toEqual([34, 24, 23, 3]);
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
      for (const key of ['order', 'title', 'section', 'month', 'period', 'status', 'responsibles', 'route', 'body', 'date']) if (random() < 0.6) map.set(key, junk(depth + 1));
      return map;
    };
    for (let n = 0; n < 60; n++) {
      const doc = new Y.Doc();
      for (const root of ['events', 'sections', 'items', 'meta', 'passport', 'stages', 'pairs']) for (let i = 0; i < 3; i++) doc.getMap<unknown>(root).set(`k${i}`, junk(0));
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
