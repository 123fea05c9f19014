import type { PresenceUser } from '@soplan/shared';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardWithPeople } from '../helpers/boards.ts';
import { newServer } from '../helpers/server.ts';
import { rawSocket, trackedClients, waitFor, type SyncClient } from '../helpers/sync-client.ts';

const server = await newServer();
const { boardId, owner, people } = await boardWithPeople(server, ['editor']);
const open = trackedClients();

const userOf = (c: SyncClient, clientId: number) => (c.awareness.getStates().get(clientId) as { user?: PresenceUser } | undefined)?.user;

describe('presence', () => {
  it('[A1] peers see the authenticated name and a colour, set by the server', async () => {
    const a = open(server.url, boardId, { token: people.editor!.token });
    const b = open(server.url, boardId, { token: owner.token });
    await a.synced();
    await b.synced();
    a.awareness.setLocalStateField('cursor', { index: 3 });
    await waitFor(() => userOf(b, a.doc.clientID) !== undefined);
    expect(userOf(b, a.doc.clientID)).toEqual({ id: people.editor!.user.id, name: people.editor!.user.name, color: expect.stringMatching(/^#[0-9a-f]{6}$/) });
    expect((b.awareness.getStates().get(a.doc.clientID) as { cursor: unknown }).cursor).toEqual({ index: 3 });
  });

  it("[A1] a client that writes someone else's name into its state still appears as itself", async () => {
    const a = open(server.url, boardId, { token: people.editor!.token });
    const b = open(server.url, boardId, { token: owner.token });
    await a.synced();
    await b.synced();
    a.awareness.setLocalStateField('user', { id: owner.user.id, name: 'Владелец', color: '#000000' });
    await waitFor(() => userOf(b, a.doc.clientID) !== undefined);
    await new Promise((r) => setTimeout(r, 50));
    expect(userOf(b, a.doc.clientID)?.id).toBe(people.editor!.user.id);
    expect(userOf(b, a.doc.clientID)?.name).toBe(people.editor!.user.name);
  });

  it("[A2] a connection cannot overwrite the awareness state of another connection's client id", async () => {
    const victim = open(server.url, boardId, { token: owner.token });
    const watcher = open(server.url, boardId, { token: owner.token });
    await victim.synced();
    await watcher.synced();
    victim.awareness.setLocalStateField('cursor', 'honest');
    await waitFor(() => (watcher.awareness.getStates().get(victim.doc.clientID) as { cursor?: string } | undefined)?.cursor === 'honest');

    const res = await rawSocket(server.url, `/sync/${boardId}?token=${people.editor!.token}`);
    if (!('ws' in res)) throw new Error('refused');
    const forged = new awarenessProtocol.Awareness(new Y.Doc());
    forged.clientID = victim.doc.clientID;
    forged.setLocalState({ cursor: 'forged' });
    (forged.meta.get(victim.doc.clientID) as { clock: number }).clock = 10_000;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(forged, [victim.doc.clientID]));
    res.ws.send(encoding.toUint8Array(e));
    await new Promise((r) => setTimeout(r, 100));
    expect((watcher.awareness.getStates().get(victim.doc.clientID) as { cursor?: string }).cursor).toBe('honest');
    res.ws.close();
  });

  it('[A3] when a connection closes its presence disappears for the others', async () => {
    const a = open(server.url, boardId, { token: people.editor!.token });
    const b = open(server.url, boardId, { token: owner.token });
    await a.synced();
    await b.synced();
    a.awareness.setLocalStateField('cursor', 1);
    await waitFor(() => b.awareness.getStates().has(a.doc.clientID));
    a.provider.disconnect();
    await waitFor(() => !b.awareness.getStates().has(a.doc.clientID), 5000, 'presence removal');
  });

  it('[A4] presence is never stored', async () => {
    const a = open(server.url, boardId, { token: owner.token });
    await a.synced();
    a.awareness.setLocalStateField('secret-presence-marker', 'xyzzy');
    await new Promise((r) => setTimeout(r, 50));
    const rows = server.query<{ data: Buffer }>('SELECT data FROM board_log UNION ALL SELECT data FROM board_snapshots');
    expect(rows.some((r) => Buffer.from(r.data).includes('xyzzy'))).toBe(false);
  });
});
