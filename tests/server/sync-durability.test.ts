import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardWithPeople } from '../helpers/boards.ts';
import { newServer } from '../helpers/server.ts';
import { trackedClients, waitFor } from '../helpers/sync-client.ts';

const open = trackedClients();

describe('durability', () => {
  it('[D1][D2] formatted text (bold typed into a rich-text section) is stored and forwarded, though Yjs runs a cleanup transaction after it', async () => {
    const server = await newServer();
    const { boardId, owner } = await boardWithPeople(server, []);
    const a = open(server.url, boardId, { token: owner.token });
    const b = open(server.url, boardId, { token: owner.token });
    await a.synced();
    await b.synced();
    const body = new Y.XmlFragment();
    a.doc.getMap('sections').set('s1', new Y.Map(Object.entries({ order: 'a0', body })));
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText('Цель проекта');
    paragraph.insert(0, [text]);
    body.insert(0, [paragraph]);
    await waitFor(() => b.doc.getMap('sections').has('s1'));
    text.insert(text.length, ': рост', { bold: {} });
    const bText = () => ((b.doc.getMap('sections').get('s1') as Y.Map<Y.XmlFragment>).get('body')!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    await waitFor(() => bText().toString().includes('рост'), 5000, 'the bold run reaches the other screen');
    text.insert(0, 'Новая ');
    await waitFor(() => bText().toDelta()[0]?.insert === 'Новая Цель проекта', 5000, 'a later edit reaches it too');
    a.destroy();
    b.destroy();
    await server.restart();
    const c = open(server.url, boardId, { token: owner.token });
    await c.synced();
    const delta = (((c.doc.getMap('sections').get('s1') as Y.Map<Y.XmlFragment>).get('body')!.get(0) as Y.XmlElement).get(0) as Y.XmlText).toDelta();
    expect(delta).toEqual([{ insert: 'Новая Цель проекта' }, { insert: ': рост', attributes: { bold: {} } }]);
  });

  it('[D3] after a restart a fresh client loads the same state', async () => {
    const server = await newServer();
    const { boardId, owner } = await boardWithPeople(server, []);
    const a = open(server.url, boardId, { token: owner.token });
    await a.synced();
    a.doc.getMap('m').set('title', 'План-график');
    a.doc.getText('t').insert(0, 'Сентябрь: сбор ГТГ');
    const expected = Y.encodeStateAsUpdate(a.doc);
    await waitFor(() => server.sync.rooms.get(boardId)!.doc.getText('t').length > 0);
    a.destroy();
    await server.restart();
    const b = open(server.url, boardId, { token: owner.token });
    await b.synced();
    const want = new Y.Doc();
    Y.applyUpdate(want, expected);
    expect(b.doc.getMap('m').toJSON()).toEqual(want.getMap('m').toJSON());
    expect(b.doc.getText('t').toString()).toBe('Сентябрь: сбор ГТГ');
  });

  it('[D4] a long log is folded into a snapshot in the background and nothing is lost', async () => {
    const server = await newServer({ compactAfter: 20 });
    const { boardId, owner } = await boardWithPeople(server, []);
    const a = open(server.url, boardId, { token: owner.token });
    await a.synced();
    for (let i = 0; i < 95; i++) {
      a.doc.getMap('m').set(String(i), i);
      await new Promise((r) => setImmediate(r));
    }
    await waitFor(() => server.sync.rooms.get(boardId)!.doc.getMap('m').size === 95);
    await waitFor(() => server.query('SELECT * FROM board_snapshots WHERE board_id = ?', boardId).length === 1);
    await new Promise((r) => setTimeout(r, 20));
    await waitFor(() => server.query('SELECT * FROM board_log WHERE board_id = ?', boardId).length < 40, 3000, 'log trimmed');
    await server.restart();
    const b = open(server.url, boardId, { token: owner.token });
    await b.synced();
    await waitFor(() => b.doc.getMap('m').size === 95);
  });

  it('[R3] an idle room leaves memory after the grace period, compacted, and comes back intact', async () => {
    const server = await newServer({ roomGraceMs: 50 });
    const { boardId, owner } = await boardWithPeople(server, []);
    const a = open(server.url, boardId, { token: owner.token });
    await a.synced();
    a.doc.getMap('m').set('k', 'v');
    await waitFor(() => server.sync.rooms.get(boardId)?.doc.getMap('m').get('k') === 'v');
    a.destroy();
    await waitFor(() => !server.sync.rooms.has(boardId), 3000, 'room unload');
    expect(server.query('SELECT * FROM board_snapshots WHERE board_id = ?', boardId)).toHaveLength(1);
    await waitFor(() => server.query('SELECT * FROM board_log WHERE board_id = ?', boardId).length === 0, 3000, 'log trimmed');
    expect(server.query('SELECT * FROM board_snapshots WHERE board_id = ?', boardId)).toHaveLength(1);
    const b = open(server.url, boardId, { token: owner.token });
    await b.synced();
    await waitFor(() => b.doc.getMap('m').get('k') === 'v');
  });
});
