// The workspace feed as the dashboard, «Мои задачи» and the calendar use it, against a real server:
// it joins the workspace's room, reads the page's data once, then follows real edits made over the
// sync API from the `board:indexed` events alone (SPEC F3, F5).
import { addRoadmapItem, addRoadmapSection, roadmapItems, updateItem } from '@soplan/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { boardWithPeople } from '../../../../tests/helpers/boards.ts';
import { signedUp } from '../../../../tests/helpers/http-client.ts';
import { newServer } from '../../../../tests/helpers/server.ts';
import { syncClient, waitFor } from '../../../../tests/helpers/sync-client.ts';
import { openPage, pageRequests } from '../../../../tests/helpers/web-page.ts';
import { WorkspaceLive, type LiveView } from './workspace-live.svelte.ts';

const server = await newServer({ indexDebounceMs: 20 });

const opened: { destroy(): void }[] = [];
afterEach(() => {
  for (const thing of opened.splice(0)) thing.destroy();
});

/** A roadmap with one planned item, indexed, and the editor's sync connection to change it. */
async function boardWithItem() {
  const setup = await boardWithPeople(server, ['editor']);
  const editor = syncClient(server.url, setup.boardId, { token: setup.people.editor!.token });
  opened.push(editor);
  await editor.synced();
  let itemId = '';
  editor.doc.transact(() => {
    const section = addRoadmapSection(editor.doc, 'Направление 1');
    itemId = addRoadmapItem(editor.doc, section, { title: 'Семинар для наставников', period: 'Октябрь 2025 г.', responsibles: ['МДОУ № 8'], result: '' });
  });
  await waitFor(() => server.query('SELECT 1 FROM board_items WHERE item_id = ?', itemId).length === 1, 5000, 'the first index');
  return { ...setup, editor, itemId };
}

/** The feed of `view` on an open page, once it has joined and read the page's data. */
async function follow(workspaceId: string, view: LiveView): Promise<WorkspaceLive> {
  const live = new WorkspaceLive(workspaceId, view);
  opened.push(live);
  await waitFor(() => live.connected && live.loaded, 5000, 'the join and the first read');
  return live;
}

describe('the dashboard', () => {
  it('joins, reads once, then applies an edit from its board:indexed event', async () => {
    const { workspaceId, owner, people, boardId, editor, itemId } = await boardWithItem();
    openPage(server, owner.client);
    const live = await follow(workspaceId, 'dashboard');
    expect(live.error).toBe('');
    expect(live.boards).toEqual([expect.objectContaining({ id: boardId, total: 1, counts: expect.objectContaining({ planned: 1, 'in-progress': 0 }) })]);

    editor.doc.transact(() => updateItem(roadmapItems(editor.doc), itemId, { status: 'in-progress' }));
    await waitFor(() => live.boards[0]?.counts['in-progress'] === 1, 5000, 'the event applied');
    expect(live.boards[0]!.counts.planned).toBe(0);
    expect(live.activity[0]).toMatchObject({ kind: 'status', itemId, after: 'in-progress', actors: [{ id: people.editor!.user.id }] });
    // the edit came with the event: the dashboard was read only when the feed joined
    expect(pageRequests().filter((r) => r.endsWith('/dashboard'))).toEqual([`GET /api/workspaces/${workspaceId}/dashboard`]);

    roadmapItems(editor.doc).delete(itemId);
    await waitFor(() => live.boards[0]?.total === 0, 5000, 'the removal applied');
    expect(live.boards[0]!.counts['in-progress']).toBe(0);
  });

  it('reads again when the workspace’s boards change (a new board)', async () => {
    const { workspaceId, owner } = await boardWithItem();
    openPage(server, owner.client);
    const live = await follow(workspaceId, 'dashboard');
    await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'programme', title: 'Программа наставничества' });
    await waitFor(() => live.boards.length === 2, 5000, 'the new board');
    expect(live.boards.map((b) => b.title).sort()).toEqual(['Дорожная карта', 'Программа наставничества']);
  });

  it('a stranger’s feed is refused and shows nothing of the workspace', async () => {
    const { workspaceId } = await boardWithItem();
    const stranger = await signedUp(server.client(), 'Посторонний');
    openPage(server, stranger.client);
    const live = new WorkspaceLive(workspaceId, 'dashboard');
    opened.push(live);
    await waitFor(() => live.error !== '', 5000, 'the refusal');
    expect(live.connected).toBe(false);
    expect(live.boards).toEqual([]);
    expect(pageRequests()).toEqual([]);
  });
});

describe('«Мои задачи»', () => {
  it('an item that starts naming me joins my tasks, and leaves when it stops', async () => {
    const { workspaceId, owner, boardId, itemId, editor } = await boardWithItem();
    const me = await signedUp(server.client(), 'Анна Петровна Иванова');
    const invite = await owner.client.post(`/api/workspaces/${workspaceId}/invites`, { role: 'viewer' });
    await me.client.post(`/api/invites/${invite.body.token}/accept`);
    openPage(server, me.client);
    const live = await follow(workspaceId, 'tasks');
    expect(live.person).toBe('Анна Петровна Иванова');
    expect(live.tasks).toEqual([]);

    editor.doc.transact(() => updateItem(roadmapItems(editor.doc), itemId, { responsibles: ['МДОУ № 8', 'Иванова А. П.'] }));
    await waitFor(() => live.tasks.length === 1, 5000, 'the task joining');
    expect(live.tasks[0]).toMatchObject({ id: itemId, boardId, responsibles: ['МДОУ № 8', 'Иванова А. П.'] });

    editor.doc.transact(() => updateItem(roadmapItems(editor.doc), itemId, { responsibles: ['МДОУ № 8'] }));
    await waitFor(() => live.tasks.length === 0, 5000, 'the task leaving');
    expect(pageRequests().filter((r) => r.endsWith('/tasks'))).toHaveLength(1);
  });
});

describe('the calendar', () => {
  it('places a dated item and follows its new dates', async () => {
    const { workspaceId, owner, itemId, editor } = await boardWithItem();
    openPage(server, owner.client);
    const live = await follow(workspaceId, 'calendar');
    expect(live.dated).toEqual([expect.objectContaining({ id: itemId, start: '2025-10-01', end: '2025-10-31' })]);
    editor.doc.transact(() => updateItem(roadmapItems(editor.doc), itemId, { period: 'Ноябрь 2025 г.' }));
    await waitFor(() => live.dated[0]?.start === '2025-11-01', 5000, 'the new dates');
    expect(live.dated).toEqual([expect.objectContaining({ id: itemId, start: '2025-11-01', end: '2025-11-30' })]);
  });
});
