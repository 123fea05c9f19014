import { CLOSE, MAX_SYNC_FRAME_BYTES } from '@soplan/shared';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { boardWithPeople } from '../helpers/boards.ts';
import { newServer } from '../helpers/server.ts';
import { closed, rawSocket, syncClient, syncFrame, waitFor } from '../helpers/sync-client.ts';

const server = await newServer();
const { boardId, owner } = await boardWithPeople(server, []);
const clients: ReturnType<typeof syncClient>[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

async function openRaw(): Promise<WebSocket> {
  const res = await rawSocket(server.url, `/sync/${boardId}?token=${owner.token}`);
  if (!('ws' in res)) throw new Error(`refused: ${res.status}`);
  return res.ws;
}

/** A healthy peer that must keep working while others misbehave. */
async function bystander() {
  const c = syncClient(server.url, boardId, { token: owner.token });
  clients.push(c);
  await c.synced();
  return c;
}

async function expectStillServing(peer: Awaited<ReturnType<typeof bystander>>, key: string) {
  const other = syncClient(server.url, boardId, { token: owner.token });
  clients.push(other);
  await other.synced();
  peer.doc.getMap('m').set(key, 'ok');
  await waitFor(() => other.doc.getMap('m').get(key) === 'ok');
  expect((await server.client().get('/api/health')).body.ok).toBe(true);
}

describe('bad input closes only its own connection and changes nothing', () => {
  it('[L1] a frame over 1 MiB closes that connection with 1009', async () => {
    const peer = await bystander();
    const ws = await openRaw();
    const done = closed(ws);
    ws.send(new Uint8Array(MAX_SYNC_FRAME_BYTES + 1));
    expect((await done).code).toBe(CLOSE.frameTooLarge.code);
    await expectStillServing(peer, 'after-oversize');
  });

  it('[P5] garbage bytes close with 4400 and the document is unchanged', async () => {
    const peer = await bystander();
    const before = Y.encodeStateAsUpdate(server.sync.rooms.get(boardId)!.doc);
    const ws = await openRaw();
    const done = closed(ws);
    ws.send(syncFrame(2, new Uint8Array([255, 255, 255, 255, 7, 1, 2, 3, 4, 5, 6])));
    expect((await done).code).toBe(CLOSE.malformedMessage.code);
    expect(Y.encodeStateAsUpdate(server.sync.rooms.get(boardId)!.doc)).toEqual(before);
    await expectStillServing(peer, 'after-garbage');
  });

  it('[P5] a truncated frame, trailing bytes, a text frame and an unknown sync step all close with 4400', async () => {
    const frames: (Uint8Array | string)[] = [
      new Uint8Array([0]),
      new Uint8Array([0, 0, 200]),
      new Uint8Array([...syncFrame(0, Y.encodeStateVector(new Y.Doc())), 9, 9]),
      'hello',
      syncFrame(7, new Uint8Array([0])),
    ];
    for (const data of frames) {
      const ws = await openRaw();
      const done = closed(ws);
      ws.send(data);
      expect((await done).code).toBe(CLOSE.malformedMessage.code);
    }
  });

  it('[P1] an unknown message type closes with 4401', async () => {
    const ws = await openRaw();
    const done = closed(ws);
    ws.send(new Uint8Array([42, 0]));
    expect((await done).code).toBe(CLOSE.unknownMessageType.code);
  });

  it('[L2] a flood of messages is cut off with 4529 and the room keeps serving others', async () => {
    const peer = await bystander();
    const ws = await openRaw();
    const done = closed(ws);
    const query = new Uint8Array([3]);
    for (let i = 0; i < 2000 && ws.readyState === ws.OPEN; i++) ws.send(query);
    expect((await done).code).toBe(CLOSE.rateLimited.code);
    await expectStillServing(peer, 'after-flood');
  });
});
