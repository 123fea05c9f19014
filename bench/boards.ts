// pnpm bench:boards — big boards: a plan-graph of 2 000 events and a roadmap of 1 000 items. Measures
// the server's time to first sync (a cold room: loaded from SQLite for every connection), the time
// until Chromium shows the whole board, and the server's memory per resident board. Writes its
// section into docs/benchmarks.md.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addPlanGraphEvent, addRoadmapItem, addRoadmapSection, DEFAULT_EVENT_FORMS, setPlanGraphRange } from '@soplan/shared';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { median, rssMiB, writeSection } from './measure.ts';
import { api, launch } from './peers.ts';

// Each y-websocket provider adds a process 'exit' listener; this script opens dozens.
process.setMaxListeners(0);
const root = path.resolve(import.meta.dirname, '..');
const EVENTS = 2000;
const ITEMS = 1000;
const RUNS = 7;
const RESIDENT_COPIES = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function start(dataDir: string, graceMs: number): Promise<{ child: ChildProcess; base: string }> {
  const { child, match } = await launch(
    [path.join(root, 'server/src/main.ts')],
    { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SOPLAN_DEMO: '0', LOG_LEVEL: 'warn', SYNC_ROOM_GRACE_MS: String(graceMs) },
    /Soplan: http:\/\/[^:]+:(\d+)/,
  );
  return { child, base: `http://127.0.0.1:${match[1]}` };
}

const stop = (child: ChildProcess) => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM')));

function connect(base: string, board: string, token: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(`${base.replace('http', 'ws')}/sync`, board, doc, { params: { token }, disableBc: true });
  return { doc, provider, synced: () => new Promise<void>((r) => (provider.synced ? r() : provider.once('sync', () => r()))) };
}

/** Sync step 1 with an empty state vector: message sync (0), step 1 (0), a one-byte vector (1) holding 0 entries (0). */
const EMPTY_STEP1 = Uint8Array.of(0, 0, 1, 0);

/** Milliseconds from opening a raw socket until the server's whole sync step 2 (message 0, step 1) has arrived, before any client work. */
function serverStep2(base: string, board: string, token: string): Promise<number> {
  const started = performance.now();
  const socket = new WebSocket(`${base.replace('http', 'ws')}/sync/${board}?token=${token}`);
  socket.binaryType = 'nodebuffer';
  return new Promise((resolve, reject) => {
    socket.on('open', () => socket.send(EMPTY_STEP1));
    socket.on('message', (data: Buffer) => {
      if (data[0] !== 0 || data[1] !== 1) return;
      resolve(performance.now() - started);
      socket.close();
    });
    socket.on('error', reject);
  });
}

function bigPlanGraph(): Uint8Array {
  const doc = new Y.Doc();
  setPlanGraphRange(doc, '2025-09', '2026-08');
  const months = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];
  for (let i = 0; i < EVENTS; i++) {
    addPlanGraphEvent(doc, months[i % months.length]!, {
      title: `Мероприятие ${i + 1}: семинар для педагогов сети`,
      form: DEFAULT_EVENT_FORMS[i % DEFAULT_EVENT_FORMS.length]!,
      responsibles: [`МДОУ № ${(i % 40) + 1}`],
      partner: i % 7 === 0 ? 'ЯГПУ' : '',
    });
  }
  return Y.encodeStateAsUpdate(doc);
}

function bigRoadmap(): Uint8Array {
  const doc = new Y.Doc();
  const sections = Array.from({ length: 20 }, (_, s) => addRoadmapSection(doc, `Направление ${s + 1}`));
  for (let i = 0; i < ITEMS; i++) {
    addRoadmapItem(doc, sections[i % sections.length]!, {
      title: `Мероприятие ${i + 1} дорожной карты`,
      period: ['Октябрь 2025 г.', 'Ежегодно', 'Январь – март 2026 г.', 'Постоянно'][i % 4]!,
      responsibles: ['МБОУ ДПО МЦ'],
      result: 'Аналитическая справка',
    });
  }
  return Y.encodeStateAsUpdate(doc);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-bench-boards-'));
let server = await start(dataDir, 0);
const signup = await api(server.base, 'POST', '/api/auth/signup', { email: 'bench@bench.local', password: 'bench-password', name: 'Bench' });
const cookie = signup.cookie!;
const ws = await api(server.base, 'POST', '/api/workspaces', { name: 'Bench' }, cookie);
const token = (await api(server.base, 'POST', '/api/tokens', { name: 'bench' }, cookie)).body.token!;
const newBoard = async (kind: string) => (await api(server.base, 'POST', `/api/workspaces/${ws.body.id}/boards`, { kind, title: kind }, cookie)).body.id!;
const content = { 'plan-graph': bigPlanGraph(), roadmap: bigRoadmap() };
const applyMs = Object.fromEntries(
  (['plan-graph', 'roadmap'] as const).map((kind) => [
    kind,
    median(
      [0, 1, 2].map(() => {
        const started = performance.now();
        Y.applyUpdate(new Y.Doc(), content[kind]);
        return performance.now() - started;
      }),
    ),
  ]),
) as Record<'plan-graph' | 'roadmap', number>;
const boards: Record<string, string[]> = { 'plan-graph': [], roadmap: [] };
for (const kind of ['plan-graph', 'roadmap'] as const) {
  for (let copy = 0; copy <= RESIDENT_COPIES; copy++) {
    const id = await newBoard(kind);
    const writer = connect(server.base, id, token);
    await writer.synced();
    Y.applyUpdate(writer.doc, content[kind]);
    await sleep(300);
    writer.provider.destroy();
    boards[kind]!.push(id);
  }
}
await stop(server.child);
server = await start(dataDir, 0);

const rows: string[] = [];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ baseURL: server.base, viewport: { width: 1400, height: 900 } });
await context.request.post('/api/auth/login', { data: { email: 'bench@bench.local', password: 'bench-password' }, headers: { origin: server.base } });
const results: Record<string, { sync: number; render: number; perBoard: number }> = {};
for (const kind of ['plan-graph', 'roadmap'] as const) {
  const id = boards[kind]![0]!;
  const syncTimes: number[] = [];
  const step2Times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    step2Times.push(await serverStep2(server.base, id, token));
    await sleep(200);
    const started = performance.now();
    const client = connect(server.base, id, token);
    await client.synced();
    syncTimes.push(performance.now() - started);
    client.provider.destroy();
    await sleep(200);
  }
  const selector = kind === 'plan-graph' ? '[data-testid="plan-event"]' : '[data-testid="roadmap-item"]';
  const count = kind === 'plan-graph' ? EVENTS : ITEMS;
  const shownTimes: number[] = [];
  const completeTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const page = await context.newPage();
    await page.goto(`/boards/${id}`);
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length === n, [selector, count] as const, {
      timeout: 60_000,
      polling: 20,
    });
    completeTimes.push(await page.evaluate(() => performance.now()));
    shownTimes.push(await page.evaluate(() => performance.getEntriesByName('soplan:board-shown')[0]?.startTime ?? Number.NaN));
    await page.close();
    await sleep(300);
  }
  const before = rssMiB(server.child.pid!);
  const resident = boards[kind]!.slice(1).map((b) => connect(server.base, b, token));
  await Promise.all(resident.map((c) => c.synced()));
  await sleep(1000);
  const after = rssMiB(server.child.pid!);
  for (const c of resident) c.provider.destroy();
  await sleep(500);
  results[kind] = { sync: median(step2Times), render: median(shownTimes), perBoard: (after - before) / RESIDENT_COPIES };
  const label = kind === 'plan-graph' ? `Plan-graph, ${EVENTS} events` : `Roadmap, ${ITEMS} items`;
  const bytes = content[kind].byteLength;
  rows.push(
    `| ${label} | ${(bytes / 1024).toFixed(0)} KiB | **${median(step2Times).toFixed(0)}** (${step2Times.map((x) => x.toFixed(0)).join(' / ')}) | ${median(syncTimes).toFixed(0)} (${syncTimes.map((x) => x.toFixed(0)).join(' / ')}) | **${median(shownTimes).toFixed(0)}** (${shownTimes.map((x) => x.toFixed(0)).join(' / ')}) | ${median(completeTimes).toFixed(0)} (${completeTimes.map((x) => x.toFixed(0)).join(' / ')}) | ${results[kind]!.perBoard.toFixed(1)} |`,
  );
  console.log(rows.at(-1));
}
await browser.close();
await stop(server.child);
fs.rmSync(dataDir, { recursive: true, force: true });

const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const section = `## Big boards: \`pnpm bench:boards\`

Run on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, Debian's Chromium. Server time to
first sync: a raw WebSocket opens \`/sync/:boardId\`, sends sync step 1 with an empty state vector and
waits until the server's whole sync step 2 has arrived, ${RUNS} times. *Provider synced* is the same
for the stock y-websocket provider until its \`sync\` event, so it includes the client applying the
whole document (applying it to an empty Y.Doc in Node takes ${applyMs['plan-graph'].toFixed(0)} ms for the plan-graph and ${applyMs.roadmap.toFixed(0)} ms
for the roadmap on this machine, median of 3).
The room is cold every time (the server unloads a room as soon as its last client leaves, so each
connection loads the board from SQLite). Browser, three page loads in one logged-in
context (the first with no offline copy of the board, the next two with the copy IndexedDB keeps):
*shown* is from navigation start until the view's first render is painted (the page marks it:
every month's first cards, or the table's first rows, with their months and sections); the rest of
the items render in idle time after that, and *complete* is when every item of the board is in
the page. Memory: the server's RSS growth with
${RESIDENT_COPIES} more copies of the board open at once, divided by ${RESIDENT_COPIES}. Medians in bold, every run in brackets.

| board | document | server time to first sync, ms | provider synced, ms | Chromium shows the board, ms | every item in the page, ms | server RSS per resident board, MiB |
|---|---|---|---|---|---|---|
${rows.join('\n')}

Targets:
${(['plan-graph', 'roadmap'] as const)
  .map(
    (k) =>
      `- ${k}: server under 150 ms: ${results[k]!.sync.toFixed(0)} ms, ${verdict(results[k]!.sync < 150)}; rendered under 1 s: ${results[k]!.render.toFixed(0)} ms, ${verdict(results[k]!.render < 1000)}`,
  )
  .join('\n')}
`;
writeSection('boards', section);
process.exit(0);
