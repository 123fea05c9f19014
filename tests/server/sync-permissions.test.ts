import { CLOSE } from '@soplan/shared';
import { describe, expect, it } from 'vitest';
import { boardWithPeople } from '../helpers/boards.ts';
import { newServer } from '../helpers/server.ts';
import { serverCaughtUp, trackedClients, waitFor, type SyncClient } from '../helpers/sync-client.ts';

const server = await newServer();
const open = trackedClients();

function closeCodeOf(client: SyncClient) {
  return new Promise<number>((resolve) => client.provider.on('connection-close', (event) => resolve(event?.code ?? 0)));
}

describe('permissions on every message', () => {
  it('[S4] a viewer receives every edit but its own updates are dropped: not applied, stored or forwarded', async () => {
    const { boardId, owner, people } = await boardWithPeople(server, ['viewer']);
    const editor = open(server.url, boardId, { token: owner.token });
    const viewer = open(server.url, boardId, { token: people.viewer!.token });
    await editor.synced();
    await viewer.synced();
    editor.doc.getMap('items').set('a', 'от редактора');
    await waitFor(() => viewer.doc.getMap('items').get('a') === 'от редактора');

    const storedBefore = server.query('SELECT count(*) AS n FROM board_log');
    viewer.doc.getMap('items').set('b', 'от читателя');
    await serverCaughtUp(viewer);
    editor.doc.getMap('items').set('c', 'после');
    await waitFor(() => viewer.doc.getMap('items').get('c') === 'после');
    expect(editor.doc.getMap('items').has('b')).toBe(false);
    expect(server.sync.rooms.get(boardId)!.doc.getMap('items').has('b')).toBe(false);
    const fresh = open(server.url, boardId, { token: owner.token });
    await fresh.synced();
    await waitFor(() => fresh.doc.getMap('items').get('c') === 'после');
    expect(fresh.doc.getMap('items').has('b')).toBe(false);
    expect(server.query<{ n: number }>('SELECT count(*) AS n FROM board_log')[0]!.n).toBe((storedBefore[0] as { n: number }).n + 1);
  });

  it('[S5] removing a member closes their live connection at once (4403)', async () => {
    const { workspaceId, boardId, owner, people } = await boardWithPeople(server, ['editor']);
    const editor = open(server.url, boardId, { token: people.editor!.token });
    await editor.synced();
    const code = closeCodeOf(editor);
    await owner.client.delete(`/api/workspaces/${workspaceId}/members/${people.editor!.user.id}`);
    expect(await code).toBe(CLOSE.accessRevoked.code);
  });

  it('[S5] revoking a token closes the connections opened with it (4403)', async () => {
    const { boardId, people } = await boardWithPeople(server, ['editor']);
    const editor = open(server.url, boardId, { token: people.editor!.token });
    await editor.synced();
    const code = closeCodeOf(editor);
    await people.editor!.client.delete(`/api/tokens/${people.editor!.tokenId}`);
    expect(await code).toBe(CLOSE.accessRevoked.code);
  });

  it('[S5] logging out closes the connections of that session (4403)', async () => {
    const { boardId, people } = await boardWithPeople(server, ['editor']);
    const browser = open(server.url, boardId, { cookie: `soplan_session=${people.editor!.client.sessionCookie}`, origin: server.url });
    await browser.synced();
    const code = closeCodeOf(browser);
    await people.editor!.client.post('/api/auth/logout');
    expect(await code).toBe(CLOSE.accessRevoked.code);
  });

  it('[S5] a role change closes with 4409 and the reconnect gets the new role', async () => {
    const { workspaceId, boardId, owner, people } = await boardWithPeople(server, ['editor']);
    const editorConn = open(server.url, boardId, { token: people.editor!.token });
    const ownerConn = open(server.url, boardId, { token: owner.token });
    await editorConn.synced();
    await ownerConn.synced();
    const code = closeCodeOf(editorConn);
    await owner.client.patch(`/api/workspaces/${workspaceId}/members/${people.editor!.user.id}`, { role: 'viewer' });
    expect(await code).toBe(CLOSE.authorizationChanged.code);
    await waitFor(() => editorConn.provider.synced, 5000, 'reconnect');
    editorConn.doc.getMap('items').set('now-viewer', true);
    await serverCaughtUp(editorConn);
    expect(ownerConn.doc.getMap('items').has('now-viewer')).toBe(false);
  });
});
