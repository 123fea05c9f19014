// The server upgrades older board documents once, at start (SPEC rule B8): a board whose typed
// fields hold plain strings and arrays (what clients wrote before rule B3) is served with a Y.Text in
// each, showing the same text, so two people making the first keystrokes into such a field at once
// both keep their characters. A board whose document cannot be read is skipped, never fatal; a
// failure halfway leaves the board to be redone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BOARD_KINDS, PASSPORT_FIELDS, textField, type BoardKind, type Item, DOCUMENT_HEADER_FIELDS } from '@soplan/shared';
import { boards, openDatabase, users, workspaces } from '@soplan/server/db/index.ts';
import { DOCUMENT_VERSION, upgradeDocuments } from '@soplan/server/sync/document-upgrade.ts';
import { Persistence } from '@soplan/server/sync/persistence.ts';
import { memoryDocumentStore, type DocumentStore } from '@soplan/server/sync/store.ts';
import pino from 'pino';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newServer, type TestServer } from '../helpers/server.ts';
import { serverCaughtUp, trackedClients, waitFor } from '../helpers/sync-client.ts';
import { newWorkspace } from '../helpers/workspace.ts';

const open = trackedClients();
const log = pino({ level: 'silent' });

/** An item as an older client wrote it: raw Y.Map sets of plain values, none of the new writers. */
function oldItem(parent: Y.Map<unknown>, id: string, fields: Record<string, unknown>): Y.Map<unknown> {
  const item = new Y.Map<unknown>();
  parent.set(id, item);
  for (const [k, v] of Object.entries(fields)) item.set(k, v);
  return item;
}

/** Writes an older board's document of `kind` into `doc`; returns each typed field's path and the text it shows. */
function writeOld(kind: BoardKind, doc: Y.Doc): Record<string, string> {
  const expected: Record<string, string> = {};
  doc.transact(() => {
    if (kind === 'roadmap') {
      oldItem(doc.getMap('sections'), 's1', { order: 'a0', title: 'Организационное обеспечение' });
      oldItem(doc.getMap('items'), 'i1', {
        order: 'a0',
        section: 's1',
        title: 'Семинар',
        period: 'Апрель 2023 г.',
        responsibles: ['МДОУ № 8', 'ЯГПУ'],
        result: 'Рекомендации',
        status: 'planned',
        evidence: ['https://example.org/a'],
      });
      Object.assign(expected, {
        'sections.s1.title': 'Организационное обеспечение',
        'items.i1.title': 'Семинар',
        'items.i1.period': 'Апрель 2023 г.',
        'items.i1.responsibles': 'МДОУ № 8, ЯГПУ',
        'items.i1.result': 'Рекомендации',
        'items.i1.evidence': 'https://example.org/a',
      });
    } else if (kind === 'plan-graph') {
      oldItem(doc.getMap('events'), 'e1', {
        order: 'a0',
        month: '2021-10',
        title: 'Сбор ГТГ',
        form: 'Круглый стол',
        date: '',
        responsibles: ['ГЦРО'],
        partner: 'ЯГПУ',
        status: 'planned',
        notes: '',
      });
      Object.assign(expected, {
        'events.e1.title': 'Сбор ГТГ',
        'events.e1.form': 'Круглый стол',
        'events.e1.responsibles': 'ГЦРО',
        'events.e1.partner': 'ЯГПУ',
        'events.e1.notes': '',
      });
    } else {
      const passport = doc.getMap('passport');
      passport.set('goal', 'Повышение профессиональной компетентности');
      for (const f of PASSPORT_FIELDS) expected[`passport.${f}`] = f === 'goal' ? 'Повышение профессиональной компетентности' : '';
      // An older writer gave a new stage its status only.
      oldItem(doc.getMap('stages'), 'st', { order: 'a0', status: 'planned' });
      Object.assign(expected, { 'stages.st.title': '', 'stages.st.period': '', 'stages.st.description': '' });
      const pair = oldItem(doc.getMap('pairs'), 'p', {
        order: 'a0',
        mentor: 'Опарышева Н. В.',
        mentee: 'Иванова А. С.',
        form: 'flash',
        deficits: 'Работа с родителями',
        route: new Y.Map(),
      });
      oldItem(pair.get('route') as Y.Map<unknown>, 'step', { order: 'a0', title: 'Посещение занятий', period: 'Октябрь 2021 г.', status: 'planned' });
      Object.assign(expected, {
        'pairs.p.mentor': 'Опарышева Н. В.',
        'pairs.p.mentee': 'Иванова А. С.',
        'pairs.p.deficits': 'Работа с родителями',
        'pairs.p.route.step.title': 'Посещение занятий',
        'pairs.p.route.step.period': 'Октябрь 2021 г.',
      });
    }
  });
  return expected;
}

/** The value at a dotted path of root maps and nested maps. */
function at(doc: Y.Doc, dotted: string): unknown {
  const [root, ...keys] = dotted.split('.');
  let value: unknown = doc.getMap(root);
  for (const key of keys) value = value instanceof Y.Map ? value.get(key) : undefined;
  return value;
}

describe('the server upgrades older board documents once at start', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-upgrade-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  let server: TestServer;
  let token: string;
  const ids = {} as Record<BoardKind, string>;
  let unreadable: string;
  const versionOf = (id: string) => server.query<{ document_version: number }>('SELECT document_version FROM boards WHERE id = ?', id)[0]!.document_version;

  beforeAll(async () => {
    server = await newServer({ dataDir });
    const { owner, id: workspaceId } = await newWorkspace(server);
    token = ((await owner.client.post('/api/tokens', { name: 'sync' })).body as { token: string }).token;
    const board = async (kind: BoardKind) =>
      ((await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind, title: kind })).body as { id: string }).id;
    for (const kind of BOARD_KINDS) ids[kind] = await board(kind);
    unreadable = await board('roadmap');
  });

  it('[B8] a new board starts at the current document version: it has nothing to upgrade', () => {
    for (const id of [...Object.values(ids), unreadable]) expect(versionOf(id)).toBe(DOCUMENT_VERSION);
  });

  it('[B8][B3] plain strings and arrays written before rule B3 are Y.Text after a restart, showing the same text', async () => {
    const expected = {} as Record<BoardKind, Record<string, string>>;
    for (const kind of BOARD_KINDS) {
      const c = open(server.url, ids[kind], { token });
      await c.synced();
      expected[kind] = writeOld(kind, c.doc);
      await serverCaughtUp(c);
      c.destroy();
    }
    await server.close();
    // What a board created before this version holds: version 0 (the migration's default), and here
    // one whose stored document is not a Yjs update at all.
    const db = new Database(path.join(dataDir, 'soplan.sqlite'));
    db.prepare('UPDATE boards SET document_version = 0').run();
    db.prepare('INSERT OR REPLACE INTO board_snapshots (board_id, data, through_seq, updated_at) VALUES (?, ?, 0, 0)').run(
      unreadable,
      Buffer.from('not a yjs update'),
    );
    db.close();
    server = await newServer({ dataDir });

    expect((await server.client().get('/api/health')).status).toBe(200);
    for (const kind of BOARD_KINDS) {
      expect(versionOf(ids[kind]), kind).toBe(DOCUMENT_VERSION);
      const c = open(server.url, ids[kind], { token });
      await c.synced();
      for (const [field, text] of Object.entries(expected[kind])) {
        const value = at(c.doc, field);
        expect(value, `${kind} ${field}`).toBeInstanceOf(Y.Text);
        expect(String(value), `${kind} ${field}`).toBe(text);
      }
    }
    // Logged and left for the next start.
    expect(versionOf(unreadable)).toBe(0);
  });

  it('[B8] two people typing at once into a formerly plain field both keep their characters', async () => {
    const [a, b] = [open(server.url, ids.roadmap, { token }), open(server.url, ids.roadmap, { token })];
    await Promise.all([a.synced(), b.synced()]);
    // Both first keystrokes happen before either client hears of the other's.
    for (const [c, typed] of [
      [a, ' (А)'],
      [b, ' (Б)'],
    ] as const) {
      const period = textField(c.doc.getMap('items').get('i1') as Item, 'period');
      period.insert(period.length, typed);
    }
    const both = (c: typeof a) => /\(А\)/.test(String(at(c.doc, 'items.i1.period'))) && /\(Б\)/.test(String(at(c.doc, 'items.i1.period')));
    await waitFor(() => both(a) && both(b), 5000, 'both keystrokes on both clients');
    expect(String(at(a.doc, 'items.i1.period'))).toBe(String(at(b.doc, 'items.i1.period')));
    expect(String(at(a.doc, 'items.i1.period')).startsWith('Апрель 2023 г.')).toBe(true);
  });
});

describe('upgrading documents over a store', () => {
  function boardOf(kind: BoardKind, documentVersion: number) {
    const { db } = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-upgrade-db-')));
    users.insert(db, { id: 'u', email: 'u@example.org', name: 'U', password_hash: 'x', created_at: 0 });
    workspaces.insert(db, { id: 'w', name: 'W', created_by: 'u', created_at: 0 });
    boards.insert(db, {
      id: 'b',
      workspace_id: 'w',
      kind,
      title: kind,
      archived_at: null,
      created_by: 'u',
      created_at: 0,
      updated_at: 0,
      document_version: documentVersion,
    });
    const store = memoryDocumentStore();
    const old = new Y.Doc();
    const expected = writeOld(kind, old);
    const [seq] = store.append([{ boardId: 'b', update: Y.encodeStateAsUpdate(old) }]);
    store.compact('b', Y.encodeStateAsUpdate(old), seq!);
    return { db, store, expected };
  }
  const stored = (store: DocumentStore) => {
    const doc = new Y.Doc();
    const { snapshot, updates } = store.load('b');
    for (const part of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(doc, part);
    return doc;
  };

  it('[B8] a failure after the upgrade is logged but before it is folded leaves the board to be redone, and the redo converts nothing twice', () => {
    const { db, store, expected } = boardOf('programme', 0);
    const failing: DocumentStore = {
      ...store,
      compact: () => {
        throw new Error('disk full');
      },
    };
    expect(upgradeDocuments(db, failing, log)).toBe(0);
    expect(boards.byId(db, 'b')!.document_version).toBe(0);
    // The next start: recovery folds the log the failed run left, then the upgrade runs again.
    const persistence = new Persistence(store, log, { compactAfter: 1000, onCommitFailed: () => {} });
    expect(persistence.recover()).toBe(1);
    persistence.close();
    expect(upgradeDocuments(db, store, log)).toBe(0);
    expect(boards.byId(db, 'b')!.document_version).toBe(DOCUMENT_VERSION);
    const doc = stored(store);
    for (const [field, text] of Object.entries(expected)) {
      expect(at(doc, field), field).toBeInstanceOf(Y.Text);
      expect(String(at(doc, field)), field).toBe(text);
    }
    expect(store.load('b').updates).toEqual([]);
  });

  it('[B8] a board already at the current version is not touched', () => {
    const { db, store } = boardOf('roadmap', DOCUMENT_VERSION);
    const before = store.load('b');
    expect(upgradeDocuments(db, store, log)).toBe(0);
    expect(store.load('b')).toEqual(before);
    expect(at(stored(store), 'items.i1.period')).toBe('Апрель 2023 г.');
  });

  it('[B8][B9] a board at version 1 (before the document header) gains the header, every field a Y.Text, at the next start', () => {
    const { db, store } = boardOf('roadmap', 1);
    expect(stored(store).getMap('header').size).toBe(0);
    expect(upgradeDocuments(db, store, log)).toBe(1);
    const doc = stored(store);
    for (const field of DOCUMENT_HEADER_FIELDS) expect(doc.getMap('header').get(field), field).toBeInstanceOf(Y.Text);
    expect(boards.byId(db, 'b')!.document_version).toBe(DOCUMENT_VERSION);
  });

  it('[B8] an upgraded board is folded into one snapshot and its version set', () => {
    const { db, store } = boardOf('roadmap', 0);
    expect(upgradeDocuments(db, store, log)).toBe(1);
    expect(boards.byId(db, 'b')!.document_version).toBe(DOCUMENT_VERSION);
    expect(store.unfoldedBoards()).toEqual([]);
    expect(at(stored(store), 'items.i1.period')).toBeInstanceOf(Y.Text);
    expect(upgradeDocuments(db, store, log)).toBe(0);
  });
});

describe('a new board starts upgraded', () => {
  it("[B8] a new programme's passport fields are Y.Text before anyone types, so two first keystrokes at once both stay", async () => {
    const server = await newServer();
    const { owner, id: workspaceId } = await newWorkspace(server);
    const board = (await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'programme', title: 'Программа наставничества' })).body as {
      id: string;
    };
    const token = ((await owner.client.post('/api/tokens', { name: 'sync' })).body as { token: string }).token;
    const a = open(server.url, board.id, { token });
    const b = open(server.url, board.id, { token });
    await a.synced();
    await b.synced();
    for (const field of PASSPORT_FIELDS) expect(a.doc.getMap('passport').get(field)).toBeInstanceOf(Y.Text);
    (a.doc.getMap('passport').get('goal') as Y.Text).insert(0, 'Цель А. ');
    (b.doc.getMap('passport').get('goal') as Y.Text).insert(0, 'Цель Б. ');
    await waitFor(() => String(a.doc.getMap('passport').get('goal')).length === 16 && String(b.doc.getMap('passport').get('goal')).length === 16);
    expect(String(a.doc.getMap('passport').get('goal'))).toContain('Цель А.');
    expect(String(a.doc.getMap('passport').get('goal'))).toContain('Цель Б.');
  });
});
