// Seeded random edits from several clients, with disconnects, offline edits and reconnects,
// converge to one state; after a restart a fresh client loads that same state (rules P2–P4, D3).
import { isDeepStrictEqual } from 'node:util';
import seedrandom from 'seedrandom';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { boardWithPeople } from '../helpers/boards.ts';
import { newServer } from '../helpers/server.ts';
import { syncClient, waitFor } from '../helpers/sync-client.ts';

const clients: ReturnType<typeof syncClient>[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

function randomEdit(doc: Y.Doc, random: () => number, who: number, step: number) {
  const pick = random();
  if (pick < 0.35) {
    doc.getMap('items').set(`k${Math.floor(random() * 30)}`, `${who}:${step}`);
  } else if (pick < 0.45) {
    doc.getMap('items').delete(`k${Math.floor(random() * 30)}`);
  } else if (pick < 0.8) {
    const text = doc.getText('notes');
    if (random() < 0.7 || text.length === 0) text.insert(Math.floor(random() * (text.length + 1)), `${who}.${step} `);
    else text.delete(Math.floor(random() * text.length), Math.min(3, text.length));
  } else {
    const list = doc.getArray<string>('log');
    if (random() < 0.8 || list.length === 0) list.insert(Math.floor(random() * (list.length + 1)), [`${who}/${step}`]);
    else list.delete(Math.floor(random() * list.length), 1);
  }
}

const state = (doc: Y.Doc) => ({ items: doc.getMap('items').toJSON(), notes: doc.getText('notes').toString(), log: doc.getArray('log').toJSON() });

describe.each(['soplan-1', 'soplan-2', 'soplan-3'])('convergence with seed %s', (seed) => {
  it('[P3][P4][D3] random edits, disconnects and offline edits converge, and survive a restart', async () => {
    const server = await newServer({ compactAfter: 40 });
    const { boardId, owner } = await boardWithPeople(server, []);
    const random = seedrandom(seed);
    const peers = Array.from({ length: 4 }, () => syncClient(server.url, boardId, { token: owner.token }));
    clients.push(...peers);
    await Promise.all(peers.map((p) => p.synced()));

    for (let step = 0; step < 300; step++) {
      const who = Math.floor(random() * peers.length);
      const peer = peers[who]!;
      const roll = random();
      if (roll < 0.04 && peer.provider.shouldConnect) peer.provider.disconnect();
      else if (roll < 0.1 && !peer.provider.shouldConnect) peer.provider.connect();
      randomEdit(peer.doc, random, who, step);
      if (random() < 0.2) await new Promise((r) => setTimeout(r, Math.floor(random() * 5)));
    }
    for (const p of peers) if (!p.provider.shouldConnect) p.provider.connect();

    const room = () => server.sync.rooms.get(boardId)!.doc;
    await waitFor(() => peers.every((p) => p.provider.synced && isDeepStrictEqual(state(p.doc), state(room()))), 15_000, 'convergence');
    const converged = state(peers[0]!.doc);
    expect(converged.notes.length + converged.log.length + Object.keys(converged.items).length).toBeGreaterThan(0);

    for (const p of peers) p.destroy();
    clients.length = 0;
    await server.restart();
    const fresh = syncClient(server.url, boardId, { token: owner.token });
    clients.push(fresh);
    await fresh.synced();
    expect(state(fresh.doc)).toEqual(converged);
  });
});
