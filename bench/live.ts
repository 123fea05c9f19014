// pnpm bench:live — the live dashboard under load: 200 editors over 50 roadmap boards (4 per board),
// each renaming one of its board's items every second, while 20 dashboards watch the workspace over
// socket.io. Measures the time from a Yjs edit to the `board:indexed` event that reports it on each
// dashboard (p50/p99), and the server's CPU with the dashboards watching against the same load with
// none. Writes its section into docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { addRoadmapItem, addRoadmapSection, roadmapItems, updateItem, type LiveClientEvents, type LiveServerEvents } from '@soplan/shared';
import { io, type Socket } from 'socket.io-client';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { cpuSeconds, percentile, rssMiB, writeSection } from './measure.ts';
import { api, launch, ONE_ACCOUNT_FOR_EVERYONE } from './peers.ts';

process.setMaxListeners(0);
const root = path.resolve(import.meta.dirname, '..');
const BOARDS = 50;
const EDITORS_PER_BOARD = 4;
const ITEMS_PER_BOARD = 20;
const DASHBOARDS = 20;
const EDIT_EVERY_MS = 1000;
const PHASE_MS = 20_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-bench-live-'));
const { child, match } = await launch(
  [path.join(root, 'server/src/main.ts')],
  {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SOPLAN_DEMO: '0',
    LOG_LEVEL: 'warn',
    WEB_BUILD_DIR: path.join(dataDir, 'none'),
    ...ONE_ACCOUNT_FOR_EVERYONE,
  },
  /Soplan: http:\/\/[^:]+:(\d+)/,
);
const server: ChildProcess = child;
const base = `http://127.0.0.1:${match[1]}`;
const signup = await api(base, 'POST', '/api/auth/signup', { email: 'live@bench.local', password: 'bench-password', name: 'Bench' });
const cookie = signup.cookie!;
const workspaceId = (await api(base, 'POST', '/api/workspaces', { name: 'Bench' }, cookie)).body.id!;
const token = (await api(base, 'POST', '/api/tokens', { name: 'bench' }, cookie)).body.token!;

interface Editor {
  doc: Y.Doc;
  provider: WebsocketProvider;
  itemId: string;
}
const boards: { id: string; editors: Editor[] }[] = [];
for (let b = 0; b < BOARDS; b++) {
  const id = (await api(base, 'POST', `/api/workspaces/${workspaceId}/boards`, { kind: 'roadmap', title: `Доска ${b + 1}` }, cookie)).body.id!;
  const editors: Editor[] = [];
  for (let e = 0; e < EDITORS_PER_BOARD; e++) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${base.replace('http', 'ws')}/sync`, id, doc, { params: { token }, disableBc: true });
    await new Promise<void>((r) => (provider.synced ? r() : provider.once('sync', () => r())));
    editors.push({ doc, provider, itemId: '' });
  }
  const first = editors[0]!.doc;
  const itemIds: string[] = [];
  first.transact(() => {
    const section = addRoadmapSection(first, 'Направление');
    for (let i = 0; i < ITEMS_PER_BOARD; i++)
      itemIds.push(addRoadmapItem(first, section, { title: `Мероприятие ${i + 1}`, period: 'Ежегодно', responsibles: ['МДОУ № 8'], result: '' }));
  });
  editors.forEach((editor, e) => (editor.itemId = itemIds[e]!));
  boards.push({ id, editors });
}
await sleep(2000);

/** Sent edits by their unique title, with the time they were made. */
const sent = new Map<string, number>();
const latencies: number[] = [];
let delivered = 0;

function dashboard(): Promise<Socket<LiveServerEvents, LiveClientEvents>> {
  const socket: Socket<LiveServerEvents, LiveClientEvents> = io(base, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { cookie, origin: base },
  });
  socket.on('board:indexed', (event) => {
    const now = performance.now();
    for (const line of event.activity) {
      // A person's edits of one item within a minute are one line (SPEC F8), which names the latest
      // title: as `after` of a rename, or as the item's title on the line that added it.
      const title = line.kind === 'renamed' ? line.after : line.itemTitle;
      const at = title === null ? undefined : sent.get(title);
      if (at === undefined) continue;
      latencies.push(now - at);
      delivered++;
    }
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', async () => {
      const joined = await socket.emitWithAck('workspace:join', { workspaceId });
      if (joined.ok) resolve(socket);
      else reject(new Error(joined.error));
    });
    socket.once('connect_error', reject);
  });
}

let counter = 0;
async function editFor(ms: number): Promise<number> {
  const started = performance.now();
  let edits = 0;
  const timers = boards.flatMap((board) =>
    board.editors.map((editor, i) =>
      setTimeout(
        () => {
          const tick = setInterval(() => {
            if (performance.now() - started > ms) return clearInterval(tick);
            const title = `Правка ${++counter}`;
            sent.set(title, performance.now());
            editor.doc.transact(() => updateItem(roadmapItems(editor.doc), editor.itemId, { title }));
            edits++;
          }, EDIT_EVERY_MS);
        },
        (i * EDIT_EVERY_MS) / EDITORS_PER_BOARD + Math.random() * 50,
      ),
    ),
  );
  await sleep(ms + EDIT_EVERY_MS * 2);
  timers.forEach(clearTimeout);
  return edits;
}

// Phase 1: the same edits with nobody watching (the indexer still runs): the baseline.
const cpu0 = cpuSeconds(server.pid!);
const quietEdits = await editFor(PHASE_MS);
const cpuQuiet = cpuSeconds(server.pid!) - cpu0;

// Phase 2: 20 dashboards watching.
const dashboards = await Promise.all(Array.from({ length: DASHBOARDS }, dashboard));
await sleep(1000);
sent.clear();
const cpu1 = cpuSeconds(server.pid!);
const watchedEdits = await editFor(PHASE_MS);
await sleep(2000);
const cpuWatched = cpuSeconds(server.pid!) - cpu1;
const rss = rssMiB(server.pid!);

for (const socket of dashboards) socket.disconnect();
for (const board of boards) for (const editor of board.editors) editor.provider.destroy();
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
fs.rmSync(dataDir, { recursive: true, force: true });

latencies.sort((a, b) => a - b);
const expected = watchedEdits * DASHBOARDS;
const p50 = percentile(latencies, 50);
const p99 = percentile(latencies, 99);
const seconds = PHASE_MS / 1000;
const section = `## Live dashboard: \`pnpm bench:live\`

Run on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}. One workspace, ${BOARDS} roadmap boards of
${ITEMS_PER_BOARD} items, ${BOARDS * EDITORS_PER_BOARD} editors (${EDITORS_PER_BOARD} per board, stock y-websocket providers) each renaming its own item every
${EDIT_EVERY_MS} ms for ${seconds} s, while ${DASHBOARDS} dashboards (socket.io clients) watch the workspace. Latency: from the edit to
the \`board:indexed\` event whose activity reports that edit, on every dashboard (the board indexer's
default debounce of 250 ms, at most 750 ms while a board is edited without pause, is part of it).
CPU: the server process's user + system time over the ${seconds} s phase, with the dashboards watching and,
before that, the same load with none. Editors and dashboards run in the bench process.

| edits | reported to dashboards | p50 ms | p99 ms | server CPU, ${DASHBOARDS} dashboards watching | server CPU, none watching | server RSS MiB |
|---|---|---|---|---|---|---|
| ${watchedEdits} | ${((100 * delivered) / expected).toFixed(2)} % (${delivered} of ${expected}) | ${p50.toFixed(0)} | **${p99.toFixed(0)}** | ${cpuWatched.toFixed(1)} s (${((100 * cpuWatched) / seconds).toFixed(0)} % of a core) | ${cpuQuiet.toFixed(1)} s (${((100 * cpuQuiet) / seconds).toFixed(0)} % of a core, ${quietEdits} edits) | ${rss.toFixed(0)} |

Target: p99 under 1 s: ${p99.toFixed(0)} ms, ${p99 < 1000 ? 'met' : '**not met**'}.
`;
console.log(section);
writeSection('live', section);
process.exit(0);
