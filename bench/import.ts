// pnpm bench:import — import of Word files into a board preview (issue 13): the server's time and
// memory for a 40-row roadmap DOCX, a 500-row one and a file of nearly 20 MiB (the 40-row roadmap
// with a large photo), each POSTed to /api/workspaces/:id/imports several times; and, while 500-row
// imports run back to back, the latency of another user's GET /api/workspaces sent every 10 ms,
// against the same requests with no import running. There is no peer for import: the baseline is
// mammoth alone converting the same DOCX in this process (the library Soplan's DOCX reader starts
// with), so the table shows what Soplan adds — archive checks, the worker hop, reading the model,
// recognising the board. Writes its section into docs/benchmarks.md.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { latencyStats, median, rssMiB, writeSection } from './measure.ts';
import { sampleRequests } from './request-sampler.ts';

const root = path.resolve(import.meta.dirname, '..');
/** How often the other user asks for their workspaces, ms. */
const EVERY_MS = 10;
/** How long each window of those requests lasts, with and without imports running, ms. */
const WINDOW_MS = 6000;

await main();

async function main() {
  const { largeRoadmapDocx, twentyMebibyteDocx } = await import('../tests/helpers/import-fixtures.ts');
  const { api, launch } = await import('./peers.ts');
  // mammoth is the server's dependency; the baseline loads the same copy the server runs.
  const mammoth = createRequire(path.join(root, 'server/package.json'))('mammoth') as {
    convertToHtml(input: { buffer: Buffer }, options: object): Promise<{ value: string }>;
    images: { imgElement(f: () => Promise<{ src: string }>): unknown };
  };

  const files = [
    { label: 'Roadmap, 40 rows', fixture: await largeRoadmapDocx(40), runs: 15 },
    { label: 'Roadmap, 500 rows', fixture: await largeRoadmapDocx(500), runs: 15 },
    { label: 'Roadmap, 40 rows + 19.8 MiB photo', fixture: await twentyMebibyteDocx(), runs: 5 },
  ];

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-bench-import-'));
  const { child, match } = await launch(
    [path.join(root, 'server/src/main.ts')],
    { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SOPLAN_DEMO: '0', LOG_LEVEL: 'warn', WEB_BUILD_DIR: path.join(dataDir, 'none') },
    /Soplan: http:\/\/[^:]+:(\d+)/,
  );
  const base = `http://127.0.0.1:${match[1]}`;
  const pid = child.pid!;
  const importer = (await api(base, 'POST', '/api/auth/signup', { email: 'importer@bench.local', password: 'bench-password', name: 'Методист' })).cookie!;
  const workspace = (await api(base, 'POST', '/api/workspaces', { name: 'Импорт' }, importer)).body.id!;
  const other = (await api(base, 'POST', '/api/auth/signup', { email: 'other@bench.local', password: 'bench-password', name: 'Коллега' })).cookie!;
  await api(base, 'POST', '/api/workspaces', { name: 'Другая сеть' }, other);

  /** One import: the response time seen here, the server's own time (its Server-Timing header, when it sends one) and what it found. */
  async function importOnce(fileName: string, bytes: Buffer) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const started = performance.now();
    const res = await fetch(`${base}/api/workspaces/${workspace}/imports`, { method: 'POST', headers: { cookie: importer, origin: base }, body: form });
    const text = await res.text();
    const elapsed = performance.now() - started;
    if (res.status === 404) throw new Error('POST /api/workspaces/:id/imports answered 404: run the bench once the import endpoint exists');
    if (!res.ok) throw new Error(`import of ${fileName}: ${res.status} ${text.slice(0, 300)}`);
    const preview = JSON.parse(text) as { counts: { sections: number; items: number; warnings: number } };
    return { elapsed, server: serverTiming(res.headers.get('server-timing')), counts: preview.counts };
  }

  const stop = () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM')));
  try {
    // The first import starts the worker process; it is reported, then left out of the medians.
    const rows: string[] = [];
    const results: { label: string; server: number; response: number; mammoth: number }[] = [];
    const rssStart = rssMiB(pid);
    for (const { label, fixture, runs } of files) {
      const before = rssMiB(pid);
      const times: { elapsed: number; server: number | null }[] = [];
      let counts = { sections: 0, items: 0, warnings: 0 };
      for (let run = 0; run <= runs; run++) {
        const result = await importOnce(fixture.fileName, fixture.buffer);
        times.push(result);
        counts = result.counts;
      }
      const after = rssMiB(pid);
      const peak = rssMiB(pid, 'VmHWM');
      const [first, ...warm] = times;
      const serverTimes = warm.map((t) => t.server).filter((t): t is number => t !== null);
      const mammothTimes: number[] = [];
      for (let run = 0; run < Math.min(runs, 7); run++) {
        const started = performance.now();
        await mammoth.convertToHtml({ buffer: fixture.buffer }, { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) });
        mammothTimes.push(performance.now() - started);
      }
      const server = serverTimes.length ? median(serverTimes) : Number.NaN;
      const response = median(warm.map((t) => t.elapsed));
      results.push({ label, server, response, mammoth: median(mammothTimes) });
      const sorted = warm.map((t) => t.elapsed).sort((a, b) => a - b);
      rows.push(
        `| ${label} | ${(fixture.buffer.length / 1024 / 1024).toFixed(2)} MiB | ${counts.sections} / ${counts.items} | ${runs} | **${Number.isNaN(server) ? '—' : server.toFixed(0)}** | ${response.toFixed(0)} (max ${sorted.at(-1)!.toFixed(0)}) | ${first!.elapsed.toFixed(0)} | ${median(mammothTimes).toFixed(0)} | ${before.toFixed(0)} → ${after.toFixed(0)} | ${peak.toFixed(0)} |`,
      );
      console.log(rows.at(-1));
    }

    // Another user's requests: first with nothing else running, then while 500-row imports run back to back.
    const measureWhile = async (during: () => Promise<void>) => {
      const sampler = sampleRequests(base, other, EVERY_MS);
      await during();
      return sampler.stop();
    };
    const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
    const big = files[1]!.fixture;
    const baseline = await measureWhile(() => sleep(WINDOW_MS));
    let imported = 0;
    const busy = await measureWhile(async () => {
      const until = performance.now() + WINDOW_MS;
      while (performance.now() < until) {
        await importOnce(big.fileName, big.buffer);
        imported++;
      }
    });
    const calm = latencyStats(baseline.latencies);
    const loaded = latencyStats(busy.latencies);
    const excess = { p50: loaded.p50 - calm.p50, p99: loaded.p99 - calm.p99, max: loaded.max - calm.p50 };
    const rssEnd = rssMiB(pid);

    const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
    const fiveHundred = results[1]!;
    const section = `## Import: \`pnpm bench:import\`

Run on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}. One server process (its
default import pool: one worker process), one user uploading \`.docx\` files as multipart \`file\` to
\`POST /api/workspaces/:id/imports\`, one after another; the files are made by
\`tests/helpers/import-fixtures.ts\` (roadmaps with a section every 20 rows and cells as long as real
ones; the last is the 40-row roadmap carrying one incompressible photo, 64 KiB under the 20 MiB
upload limit). *Server* is the time the server reports in its \`Server-Timing\` header (the import
service: worker hop, archive checks, reading, recognising); *response* is the round trip seen by
the client (upload and the preview's JSON included); both are medians of the runs after the first,
whose response time (the worker process starting) is shown apart. *mammoth alone* converts the same
DOCX to HTML in the bench process with pictures dropped as Soplan's reader drops them, median of up
to 7 runs: the library work any DOCX import does, against which the rest is what Soplan adds.
Memory: the server process's VmRSS before → after each file's runs, and its peak (VmHWM) so far
(${rssStart.toFixed(0)} MiB at the start, ${rssEnd.toFixed(0)} MiB at the end).

| file | size | sections / items found | runs | server, ms | response, ms | first response, ms | mammoth alone, ms | server RSS, MiB | server peak RSS, MiB |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Another user's \`GET /api/workspaces\` every ${EVERY_MS} ms (sent from a worker thread of the bench) for ${WINDOW_MS / 1000} s with
nothing else running (${calm.n} requests; the slowest already ${(calm.max - calm.p50).toFixed(1)} ms over their median), then for
${WINDOW_MS / 1000} s while ${imported} imports of the 500-row roadmap ran back to back (${loaded.n} requests; ${busy.failed + baseline.failed} failed in all).

| | requests | p50 ms | p99 ms | max ms |
|---|---|---|---|---|
| no import running | ${calm.n} | ${calm.p50.toFixed(1)} | ${calm.p99.toFixed(1)} | ${calm.max.toFixed(1)} |
| 500-row imports running | ${loaded.n} | ${loaded.p50.toFixed(1)} | ${loaded.p99.toFixed(1)} | ${loaded.max.toFixed(1)} |
| excess | | ${excess.p50.toFixed(1)} | ${excess.p99.toFixed(1)} | **${excess.max.toFixed(1)}** (over the calm p50) |

Targets:
- a 500-row DOCX previewed in under 1 s of server time: ${fiveHundred.server.toFixed(0)} ms, ${verdict(fiveHundred.server < 1000)}
- no request of another user slowed by more than 50 ms while it parses (the slowest request during the imports, less the calm median): ${excess.max.toFixed(1)} ms, ${verdict(excess.max <= 50)}
`;
    writeSection('import', section);
  } finally {
    await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}

/** The server's own time from a Server-Timing header (`import;dur=123.4`): its `total` metric, else the longest one; null without a header. */
function serverTiming(header: string | null): number | null {
  if (!header) return null;
  const metrics = header.split(',').map((m) => {
    const [name, ...params] = m.trim().split(';');
    const dur = params.map((p) => /^\s*dur=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    return { name: name!.trim(), dur: dur === undefined ? null : Number(dur) };
  });
  const timed = metrics.filter((m): m is { name: string; dur: number } => m.dur !== null);
  if (!timed.length) return null;
  return (timed.find((m) => m.name === 'total') ?? timed.reduce((a, b) => (b.dur > a.dur ? b : a))).dur;
}
