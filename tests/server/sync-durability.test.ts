import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardWithPeople } from '../helpers/boards.ts';
import { newServer } from '../helpers/server.ts';
import { trackedClients, waitFor } from '../helpers/sync-client.ts';

const open = trackedClients();

describe('durability', () => {
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
