// One client process of bench:sync: connects every client of its share of the boards, edits on
// command and reports what its clients measured. All clients of a board live in the same process,
// so edit → peer latency is read on one clock.
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { connect, type Client, type Endpoint } from './peers.ts';

export interface LoadClientsInput {
  endpoint: Endpoint;
  boards: string[];
  clientsPerBoard: number;
  intervalMs: number;
}
export type LoadClientsCommand = 'start' | 'stop' | 'report';
export type LoadClientsMessage = { type: 'ready' } | { type: 'report'; latencies: Float64Array; sent: number; delivered: number; diverged: number };

interface Member {
  doc: Y.Doc;
  client: Client;
  key: string;
}

// Every y-websocket provider adds a process 'exit' listener; hundreds per worker are expected here.
process.setMaxListeners(0);
const input = JSON.parse(process.argv[2]!) as LoadClientsInput;
const post = (message: LoadClientsMessage, then?: () => void) => process.send!(message, undefined, {}, then);

const rooms: Member[][] = input.boards.map((board) =>
  Array.from({ length: input.clientsPerBoard }, (_, i) => {
    const doc = new Y.Doc();
    return { doc, client: connect(input.endpoint, board, doc), key: `c${i}` };
  }),
);
await Promise.all(rooms.flat().map((m) => m.client.synced()));

const latencies: number[] = [];
let sent = 0;
let delivered = 0;
for (const m of rooms.flat()) {
  const cells = m.doc.getMap('cells');
  cells.observe((event) => {
    if (event.transaction.local) return;
    const now = performance.now();
    for (const key of event.keysChanged) {
      const value = cells.get(key) as { t: number } | undefined;
      if (!value) continue;
      latencies.push(now - value.t);
      delivered++;
    }
  });
}

let timers: NodeJS.Timeout[] = [];
process.on('message', (command: LoadClientsCommand) => {
  if (command === 'start') {
    timers = rooms.flat().map((m, i) => {
      let seq = 0;
      const tick = () => {
        m.doc.getMap('cells').set(m.key, { t: performance.now(), seq: ++seq });
        sent++;
      };
      return setTimeout(() => {
        tick();
        timers[i] = setInterval(tick, input.intervalMs);
      }, Math.random() * input.intervalMs);
    });
  } else if (command === 'stop') {
    for (const t of timers) clearInterval(t);
  } else {
    const diverged = rooms.filter((room) => room.some((m) => !isDeepStrictEqual(m.doc.getMap('cells').toJSON(), room[0]!.doc.getMap('cells').toJSON()))).length;
    for (const m of rooms.flat()) m.client.destroy();
    post({ type: 'report', latencies: Float64Array.from(latencies), sent, delivered, diverged }, () => process.exit(0));
  }
});
post({ type: 'ready' });
