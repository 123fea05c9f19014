// One open board against a real server, as the board page runs it: the stock y-websocket provider
// on the page's WebSocket (the session cookie and Origin authenticate it) and its offline copy in
// the page's IndexedDB (web-page.ts). Edits go both ways, undo is this person's own, a viewer changes
// nothing, the window's network events are heard at once, and a session ended elsewhere stops it.
import { addRoadmapItem, addRoadmapSection, BOARD_ROOTS, can, plainTextOf, roadmapItems, type Item, type Role } from '@soplan/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardWithPeople } from '../../../../tests/helpers/boards.ts';
import type { HttpClient } from '../../../../tests/helpers/http-client.ts';
import { newServer } from '../../../../tests/helpers/server.ts';
import { serverCaughtUp, syncClient, waitFor, type SyncClient } from '../../../../tests/helpers/sync-client.ts';
import { openPage, pageSockets, setOnline } from '../../../../tests/helpers/web-page.ts';
import { BoardManager } from './board-manager.svelte.ts';

const server = await newServer();

const opened: { destroy(): void }[] = [];
afterEach(() => {
  for (const thing of opened.splice(0)) thing.destroy();
});

const TITLE = 'Семинар для наставников';

/** A roadmap with one item, written by its editor over the sync API (their connection stays open to edit it more). */
async function boardWithItem() {
  const setup = await boardWithPeople(server, ['editor', 'viewer']);
  const editor = syncClient(server.url, setup.boardId, { token: setup.people.editor!.token });
  opened.push(editor);
  await editor.synced();
  let itemId = '';
  editor.doc.transact(() => {
    const section = addRoadmapSection(editor.doc, 'Направление 1');
    itemId = addRoadmapItem(editor.doc, section, { title: TITLE, period: 'Октябрь 2025 г.', responsibles: ['МДОУ № 8'], result: '' });
  });
  await waitFor(() => room(setup.boardId) !== undefined && itemIn(room(setup.boardId)!.doc, itemId) !== undefined, 5000, 'the item on the server');
  return { ...setup, editor, itemId };
}

const room = (boardId: string) => server.sync.rooms.get(boardId);
const itemIn = (doc: Y.Doc, id: string): Item | undefined => roadmapItems(doc).get(id) as Item | undefined;
function fieldIn(doc: Y.Doc | undefined, id: string, key: string): string {
  const value = doc && itemIn(doc, id)?.get(key);
  return value instanceof Y.Text ? value.toString() : plainTextOf(value);
}

/** The board page of `person` with the role the page learns from the workspace. */
function boardPage(person: { client: HttpClient }, boardId: string, role: Role): BoardManager {
  openPage(server, person.client);
  const session = new BoardManager(boardId, BOARD_ROOTS.roadmap);
  opened.push(session);
  session.setReadOnly(!can(role, 'editBoard'));
  return session;
}

async function online(session: BoardManager): Promise<void> {
  await waitFor(() => session.connection === 'online' && session.ready, 5000, 'the board online and shown');
}

/** This person's own edit of a typed field, as its input makes it. */
function typeInto(session: BoardManager, itemId: string, key: string, typed: string): void {
  const binding = session.text(itemIn(session.doc, itemId), key);
  const text = binding.text ?? binding.ensure();
  session.change(() => text.insert(text.length, typed));
}

/** Resolves once the server has handled everything the page's socket sent so far. */
const serverHasAll = (session: BoardManager) => serverCaughtUp({ provider: session.provider, doc: session.doc } as SyncClient);

describe('connecting', () => {
  it('is shown at the server’s sync, with the server’s board, and knows who is here', async () => {
    const { boardId, owner, people, itemId, editor } = await boardWithItem();
    const session = boardPage(owner, boardId, 'owner');
    expect(session.connection).toBe('connecting');
    expect(session.ready).toBe(false);
    let readyAtSync = false;
    session.provider.once('sync', () => (readyAtSync = session.ready));

    await online(session);
    expect(readyAtSync).toBe(true);
    expect(fieldIn(session.doc, itemId, 'title')).toBe(TITLE);
    expect(session.version).toBeGreaterThan(0);
    expect(session.readOnly).toBe(false);
    // the server stamps the authenticated name on everyone's presence
    editor.awareness.setLocalStateField('here', true);
    await waitFor(() => session.peers.length > 0, 5000, 'the editor’s presence');
    expect(session.peers).toEqual([expect.objectContaining({ clientId: editor.doc.clientID, name: people.editor!.user.name, self: false })]);
  });

  it('a board this browser has a copy of is shown from it while the network is down', async () => {
    const { boardId, owner, itemId } = await boardWithItem();
    const first = boardPage(owner, boardId, 'owner');
    await online(first);
    first.destroy();

    setOnline(false);
    const again = new BoardManager(boardId, BOARD_ROOTS.roadmap);
    opened.push(again);
    await waitFor(() => again.ready, 5000, 'the offline copy shown');
    expect(fieldIn(again.doc, itemId, 'title')).toBe(TITLE);
    expect(again.connection).not.toBe('online');
  });
  it('[W6] a board never opened in this browser connects at once; one it has a copy of connects once the copy is loaded', async () => {
    const { boardId, owner, itemId } = await boardWithItem();
    const first = boardPage(owner, boardId, 'owner');
    await Promise.resolve();
    // no copy to wait for: the socket is opened without waiting for IndexedDB
    expect(pageSockets()).toHaveLength(1);
    await online(first);
    first.destroy();

    const again = new BoardManager(boardId, BOARD_ROOTS.roadmap);
    opened.push(again);
    await Promise.resolve();
    // a copy to load first, so the server sends only what it lacks
    expect(pageSockets()).toHaveLength(1);
    await waitFor(() => again.ready, 5000, 'the offline copy shown');
    expect(fieldIn(again.doc, itemId, 'title')).toBe(TITLE);
    await waitFor(() => pageSockets().length === 2, 5000, 'the live connection after the copy');
    await online(again);
  });
});

describe('editing', () => {
  it('its edits reach the server’s room, and others’ edits reach it', async () => {
    const { boardId, owner, itemId, editor } = await boardWithItem();
    const session = boardPage(owner, boardId, 'owner');
    await online(session);

    typeInto(session, itemId, 'title', ' (очно)');
    expect(session.canUndo).toBe(true);
    await waitFor(() => fieldIn(room(boardId)?.doc, itemId, 'title') === `${TITLE} (очно)`, 5000, 'the edit on the server');

    const before = session.version;
    const result = itemIn(editor.doc, itemId)!.get('result') as Y.Text;
    result.insert(0, 'Методические рекомендации');
    await waitFor(() => fieldIn(session.doc, itemId, 'result') === 'Методические рекомендации', 5000, 'the remote edit here');
    expect(session.version).toBeGreaterThan(before);
  });

  it('undo undoes only this person’s edit, and the server follows', async () => {
    const { boardId, owner, itemId, editor } = await boardWithItem();
    const session = boardPage(owner, boardId, 'owner');
    await online(session);

    typeInto(session, itemId, 'title', ' (очно)');
    // someone else's edit right after, within the undo step's capture time
    (itemIn(editor.doc, itemId)!.get('result') as Y.Text).insert(0, 'Методические рекомендации');
    await waitFor(() => fieldIn(session.doc, itemId, 'result') === 'Методические рекомендации', 5000, 'the remote edit here');

    session.undo();
    expect(fieldIn(session.doc, itemId, 'title')).toBe(TITLE);
    expect(fieldIn(session.doc, itemId, 'result')).toBe('Методические рекомендации');
    expect(session.canUndo).toBe(false);
    expect(session.canRedo).toBe(true);
    await waitFor(() => fieldIn(editor.doc, itemId, 'title') === TITLE, 5000, 'the undo reaching the others');
    expect(fieldIn(room(boardId)?.doc, itemId, 'result')).toBe('Методические рекомендации');

    session.redo();
    expect(fieldIn(session.doc, itemId, 'title')).toBe(`${TITLE} (очно)`);
  });

  it('a viewer’s board is read-only: nothing changes here, and nothing reaches the server', async () => {
    const { boardId, people, itemId } = await boardWithItem();
    const session = boardPage(people.viewer!, boardId, 'viewer');
    await online(session);
    expect(session.readOnly).toBe(true);
    const onServer = room(boardId)!.doc;
    const stored = JSON.stringify(onServer.toJSON());

    typeInto(session, itemId, 'result', 'Чужая правка');
    session.change(() => roadmapItems(session.doc).delete(itemId));
    expect(fieldIn(session.doc, itemId, 'result')).toBe('');
    expect(itemIn(session.doc, itemId)).toBeDefined();
    expect(session.canUndo).toBe(false);

    await serverHasAll(session);
    expect(JSON.stringify(onServer.toJSON())).toBe(stored);
  });
});

describe('the network and the session', () => {
  it('the browser’s offline event puts it offline at once; online reconnects at once and sends what was typed', async () => {
    const { boardId, owner, itemId } = await boardWithItem();
    const session = boardPage(owner, boardId, 'owner');
    await online(session);
    const ownersConnections = () => [...(room(boardId)?.connections ?? [])].filter((c) => c.userId === owner.user.id).length;
    expect(ownersConnections()).toBe(1);

    setOnline(false);
    expect(session.connection).toBe('offline');
    // its socket closed: the server lets the others know this person left
    await waitFor(() => ownersConnections() === 0, 5000, 'the socket closed');
    const tried = pageSockets().length;
    await waitFor(() => pageSockets().length > tried, 5000, 'a reconnect that fails');
    typeInto(session, itemId, 'title', ' (очно)');
    expect(session.connection).toBe('offline');

    const attempts = pageSockets().length;
    setOnline(true);
    // a new connection at once, not after the reconnect backoff
    expect(pageSockets()).toHaveLength(attempts + 1);
    await online(session);
    await waitFor(() => fieldIn(room(boardId)?.doc, itemId, 'title') === `${TITLE} (очно)`, 5000, 'the offline edit on the server');
  });

  it('a session ended elsewhere (logged out in another tab) leaves it signed out and read-only', async () => {
    const { boardId, owner, itemId } = await boardWithItem();
    const session = boardPage(owner, boardId, 'owner');
    await online(session);

    expect((await owner.client.post('/api/auth/logout')).status).toBe(204);
    await waitFor(() => session.connection === 'signed-out', 5000, 'the session found ended');
    expect(session.readOnly).toBe(true);
    typeInto(session, itemId, 'title', ' (очно)');
    expect(fieldIn(session.doc, itemId, 'title')).toBe(TITLE);
  });
});
