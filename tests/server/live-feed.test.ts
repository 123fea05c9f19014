// The live workspace feed (SPEC rules F1–F6): socket.io at /socket.io, authenticated by the session
// cookie; one room per workspace joined only by members; the board indexer's results and presence
// go to the room; reconnecting resumes; bad input is dropped and the server keeps serving.
import { addRoadmapItem, addRoadmapSection, roadmapItems, todayIso, updateItem } from '@soplan/shared';
import { describe, expect, it } from 'vitest';
import { boardWithPeople } from '../helpers/boards.ts';
import { signedUp } from '../helpers/http-client.ts';
import { collect, connected, join, liveClient } from '../helpers/live-client.ts';
import { newServer } from '../helpers/server.ts';
import { syncClient, waitFor } from '../helpers/sync-client.ts';

const server = await newServer({ indexDebounceMs: 20 });
const origin = () => server.url;

async function watching(cookie: string | undefined, workspaceId: string) {
  const socket = liveClient(server.url, { cookie: `soplan_session=${cookie}`, origin: origin() });
  await connected(socket);
  expect(await join(socket, workspaceId)).toEqual({ ok: true });
  return socket;
}

/** A roadmap with one planned item, edited by the editor over /sync; returns the editor's client and the item id. */
async function boardWithItem() {
  const setup = await boardWithPeople(server, ['editor']);
  const editor = syncClient(server.url, setup.boardId, { token: setup.people.editor!.token });
  await editor.synced();
  let itemId = '';
  editor.doc.transact(() => {
    const section = addRoadmapSection(editor.doc, 'Направление 1');
    itemId = addRoadmapItem(editor.doc, section, { title: 'Семинар для наставников', period: 'Октябрь 2025 г.', responsibles: ['МДОУ № 8'], result: '' });
  });
  await waitFor(() => server.query('SELECT 1 FROM board_items WHERE item_id = ?', itemId).length === 1, 5000, 'the first index');
  return { ...setup, editor, itemId };
}

describe('F1: connecting', () => {
  it('refuses a connection without a session cookie, with a forged one, or from a foreign Origin', async () => {
    const { client } = await signedUp(server.client(), 'Координатор');
    await expect(connected(liveClient(server.url, { origin: origin() }))).rejects.toThrow('unauthenticated');
    await expect(connected(liveClient(server.url, { cookie: 'soplan_session=forged', origin: origin() }))).rejects.toThrow('unauthenticated');
    await expect(connected(liveClient(server.url, { cookie: `soplan_session=${client.sessionCookie}`, origin: 'https://evil.example' }))).rejects.toThrow();
    await connected(liveClient(server.url, { cookie: `soplan_session=${client.sessionCookie}`, origin: origin() }));
  });
});

describe('F2: workspace rooms', () => {
  it('a member joins; a non-member is refused and hears nothing of the workspace', async () => {
    const { workspaceId, itemId, editor } = await boardWithItem();
    const stranger = await signedUp(server.client(), 'Посторонний');
    const socket = liveClient(server.url, { cookie: `soplan_session=${stranger.client.sessionCookie}`, origin: origin() });
    await connected(socket);
    expect(await join(socket, workspaceId)).toEqual({ ok: false, error: 'not_found' });
    const heard = collect(socket, 'board:indexed');
    editor.doc.transact(() => updateItem(roadmapItems(editor.doc), itemId, { status: 'done' }));
    await waitFor(() => server.query("SELECT 1 FROM board_items WHERE item_id = ? AND status = 'done'", itemId).length === 1, 5000, 'the index');
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toEqual([]);
  });

  it('a removed member leaves the room at once', async () => {
    const { workspaceId, owner, people, itemId, editor } = await boardWithItem();
    const socket = await watching(people.editor!.client.sessionCookie, workspaceId);
    const heard = collect(socket, 'board:indexed');
    expect((await owner.client.delete(`/api/workspaces/${workspaceId}/members/${people.editor!.user.id}`)).status).toBe(204);
    const ownerEdit = syncClient(server.url, (await owner.client.get(`/api/workspaces/${workspaceId}/boards`)).body[0].id, { token: owner.token });
    await ownerEdit.synced();
    ownerEdit.doc.transact(() => updateItem(roadmapItems(ownerEdit.doc), itemId, { status: 'cancelled' }));
    await waitFor(() => server.query("SELECT 1 FROM board_items WHERE item_id = ? AND status = 'cancelled'", itemId).length === 1, 5000, 'the index');
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toEqual([]);
    editor.destroy();
    ownerEdit.destroy();
  });
});

describe('F3: the indexer publishes each board it derives', () => {
  it("an editor changes a status: the room gets the board's new counts and an activity line naming the editor", async () => {
    const { workspaceId, owner, people, itemId, editor, boardId } = await boardWithItem();
    const socket = await watching(owner.client.sessionCookie, workspaceId);
    const heard = collect(socket, 'board:indexed');
    editor.doc.transact(() => updateItem(roadmapItems(editor.doc), itemId, { status: 'in-progress' }));
    await waitFor(() => heard.some((e) => e.board.counts['in-progress'] === 1), 5000, 'the event');
    const event = heard.find((e) => e.board.counts['in-progress'] === 1)!;
    expect(event.workspaceId).toBe(workspaceId);
    expect(event.board).toMatchObject({ id: boardId, total: 1, counts: { planned: 0, 'in-progress': 1, done: 0, cancelled: 0 } });
    expect(event.activity).toEqual([
      expect.objectContaining({
        kind: 'status',
        itemId,
        itemTitle: 'Семинар для наставников',
        before: 'planned',
        after: 'in-progress',
        actors: [{ id: people.editor!.user.id, name: people.editor!.user.name }],
      }),
    ]);
    const dashboard = (await owner.client.get(`/api/workspaces/${workspaceId}/dashboard`)).body;
    expect(dashboard.activity[0]).toMatchObject({ kind: 'status', after: 'in-progress' });
    editor.destroy();
  });

  it('the event carries what a page needs to follow the board without a refetch: changed items, gone ones, activity lines extended in place or withdrawn', async () => {
    const { workspaceId, owner, people, itemId, editor, boardId } = await boardWithItem();
    const ownerEdits = syncClient(server.url, boardId, { token: owner.token });
    await ownerEdits.synced();
    const socket = await watching(owner.client.sessionCookie, workspaceId);
    const heard = collect(socket, 'board:indexed');
    const editorOnly = [{ id: people.editor!.user.id, name: people.editor!.user.name }];
    const next = async (edit: () => void) => {
      const seen = heard.length;
      edit();
      await waitFor(() => heard.length > seen, 5000, 'the event');
      return heard.at(-1)!;
    };

    let event = await next(() => updateItem(roadmapItems(editor.doc), itemId, { status: 'in-progress' }));
    expect(event).toMatchObject({ workspaceId, today: todayIso(), board: { id: boardId, total: 1 }, removedItemIds: [], removedActivityIds: [] });
    expect(event.items).toEqual([
      expect.objectContaining({
        id: itemId,
        boardId,
        boardTitle: 'Дорожная карта',
        boardKind: 'roadmap',
        title: 'Семинар для наставников',
        status: 'in-progress',
        period: 'Октябрь 2025 г.',
        start: '2025-10-01',
        end: '2025-10-31',
        responsibles: ['МДОУ № 8'],
        groupTitle: 'Направление 1',
      }),
    ]);
    expect(event.activity).toEqual([expect.objectContaining({ kind: 'status', before: 'planned', after: 'in-progress', actors: editorOnly })]);
    const line = event.activity[0]!.id;

    // The editor's next status within the minute extends that line; back where it began, the line goes.
    event = await next(() => updateItem(roadmapItems(editor.doc), itemId, { status: 'done' }));
    expect(event.activity).toEqual([expect.objectContaining({ id: line, kind: 'status', before: 'planned', after: 'done', actors: editorOnly })]);
    event = await next(() => updateItem(roadmapItems(editor.doc), itemId, { status: 'planned' }));
    expect(event).toMatchObject({ activity: [], removedActivityIds: [line] });

    event = await next(() => roadmapItems(ownerEdits.doc).delete(itemId));
    expect(event).toMatchObject({ items: [], removedItemIds: [itemId], board: { total: 0 } });
    expect(event.activity).toEqual([
      expect.objectContaining({ kind: 'removed', itemTitle: 'Семинар для наставников', actors: [{ id: owner.user.id, name: owner.user.name }] }),
    ]);
    editor.destroy();
    ownerEdits.destroy();
  });

  it("a viewer's dropped edits produce no activity", async () => {
    const setup = await boardWithPeople(server, ['viewer']);
    const owner = syncClient(server.url, setup.boardId, { token: setup.owner.token });
    await owner.synced();
    owner.doc.transact(() => addRoadmapSection(owner.doc, 'Направление'));
    await waitFor(() => server.query('SELECT 1 FROM board_index_state WHERE board_id = ?', setup.boardId).length === 1, 5000, 'the first index');
    const viewer = syncClient(server.url, setup.boardId, { token: setup.people.viewer!.token });
    await viewer.synced();
    const socket = await watching(setup.owner.client.sessionCookie, setup.workspaceId);
    const heard = collect(socket, 'board:indexed');
    viewer.doc.transact(() => addRoadmapItem(viewer.doc, 'x', { title: 'Подложное мероприятие', period: '', responsibles: [], result: '' }));
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual([]);
    expect(server.query('SELECT * FROM board_activity WHERE board_id = ?', setup.boardId)).toEqual([]);
    owner.destroy();
    viewer.destroy();
  });
});

describe('F4: presence', () => {
  it('the room hears who opened which board, and who left', async () => {
    const { workspaceId, owner, people, boardId, editor } = await boardWithItem();
    const socket = await watching(owner.client.sessionCookie, workspaceId);
    const presence = collect(socket, 'presence');
    await waitFor(
      () => presence.some((p) => p.online.some((u) => u.userId === people.editor!.user.id && u.boardIds.includes(boardId))),
      5000,
      'the editor online',
    );
    const me = presence.at(-1)!.online.find((u) => u.userId === owner.user.id);
    expect(me).toMatchObject({ boardIds: [] });
    editor.destroy();
    await waitFor(() => presence.at(-1)!.online.every((u) => u.userId !== people.editor!.user.id), 5000, 'the editor gone');
  });
});

describe('F5: reconnecting', () => {
  it('a dashboard that lost its connection rejoins and refetches: nothing it missed is lost', async () => {
    const { workspaceId, owner, itemId, editor } = await boardWithItem();
    const socket = await watching(owner.client.sessionCookie, workspaceId);
    socket.io.engine.close();
    await waitFor(() => !socket.connected, 5000, 'the drop');
    editor.doc.transact(() => updateItem(roadmapItems(editor.doc), itemId, { status: 'done' }));
    await waitFor(() => server.query("SELECT 1 FROM board_items WHERE item_id = ? AND status = 'done'", itemId).length === 1, 5000, 'the index');
    await waitFor(() => socket.connected, 5000, 'the reconnect');
    expect(await join(socket, workspaceId)).toEqual({ ok: true });
    const dashboard = (await owner.client.get(`/api/workspaces/${workspaceId}/dashboard`)).body;
    expect(dashboard.boards[0].counts.done).toBe(1);
    expect(dashboard.activity[0]).toMatchObject({ kind: 'status', itemId, after: 'done' });
    const heard = collect(socket, 'board:indexed');
    editor.doc.transact(() => updateItem(roadmapItems(editor.doc), itemId, { title: 'Семинар-практикум для наставников' }));
    await waitFor(
      () => heard.some((e) => e.items.some((i) => i.id === itemId && i.title === 'Семинар-практикум для наставников')),
      5000,
      'events after the reconnect',
    );
    editor.destroy();
  });
});

describe('F6: bad input', () => {
  it('unknown events and malformed joins are dropped; the socket and the server carry on', async () => {
    const { workspaceId, owner } = await boardWithItem();
    const socket = liveClient(server.url, { cookie: `soplan_session=${owner.client.sessionCookie}`, origin: origin() });
    await connected(socket);
    (socket as unknown as { emit: (e: string, ...a: unknown[]) => void }).emit('board:delete', { boardId: 'x' });
    expect(await socket.timeout(5000).emitWithAck('workspace:join', { workspaceId: 42 } as never)).toEqual({ ok: false, error: 'malformed' });
    expect(await socket.timeout(5000).emitWithAck('workspace:join', { workspaceId, extra: true } as never)).toEqual({ ok: false, error: 'malformed' });
    expect(await join(socket, workspaceId)).toEqual({ ok: true });
  });

  it('an oversized message closes only its own connection', async () => {
    const { workspaceId, owner } = await boardWithItem();
    const bystander = await watching(owner.client.sessionCookie, workspaceId);
    const socket = await watching(owner.client.sessionCookie, workspaceId);
    const closedReason = new Promise<string>((r) => socket.once('disconnect', (reason) => r(reason)));
    socket.io.opts.reconnection = false;
    socket.emit('workspace:join', { workspaceId: 'x'.repeat(64 * 1024) }, () => undefined);
    expect(await closedReason).toBe('transport close');
    expect(bystander.connected).toBe(true);
    expect(await join(bystander, workspaceId)).toEqual({ ok: true });
    expect((await owner.client.get('/api/health')).status).toBe(200);
  });
});
