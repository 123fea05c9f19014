// pnpm bench:export — export of boards as files (issue 14): the time `GET /api/boards/:id/export`
// takes for DOCX, XLSX and PDF of each demo board and of a 1 000-item roadmap, and, while 1 000-item
// exports run back to back, the latency of another user's GET /api/workspaces sent every 10 ms,
// against the same requests with nothing running. There is no peer for export: the baselines are the
// libraries alone in this process — `docx` writing a bare table of the same 1 000 rows, exceljs
// writing them as a sheet, and `soffice --convert-to pdf` run directly on Soplan's DOCX — so the table
// shows what Soplan adds (reading the board, the layout, the worker hop, the conversion queue).
// Writes its section into docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { latencyStats, median, rssMiB, writeSection } from './measure.ts';
import { sampleRequests } from './request-sampler.ts';

const root = path.resolve(import.meta.dirname, '..');
const EVERY_MS = 10;
const WINDOW_MS = 6000;
const ITEMS = 1000;
await main();

/** A roadmap of `items` items in sections of 20, with cells as long as real ones. */
function roadmapContent(items: number) {
  return {
    format: 'soplan-board',
    version: 1,
    kind: 'roadmap',
    title: `Дорожная карта на ${items} мероприятий`,
    roadmap: {
      sections: Array.from({ length: Math.ceil(items / 20) }, (_, s) => ({
        title: `Направление ${s + 1}. Организационно-методическое сопровождение педагогов`,
        items: Array.from({ length: Math.min(20, items - s * 20) }, (_, k) => ({
          title: `Проведение семинара-практикума «Формирование функциональной грамотности обучающихся» № ${s * 20 + k + 1}`,
          period: 'Октябрь 2021 – май 2022',
          responsibles: ['МОУ ГЦРО', 'ДОО города Ярославля'],
          result: 'Повышение профессиональной компетентности педагогов; методические рекомендации',
        })),
      })),
    },
  };
}

async function main() {
  const { api, launch } = await import('./peers.ts');
  const docx = await import('docx');
  const { default: ExcelJS } = await import('exceljs');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-bench-export-'));
  const { child, match } = await launch(
    [path.join(root, 'server/src/main.ts')],
    { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SOPLAN_DEMO: '1', LOG_LEVEL: 'warn', WEB_BUILD_DIR: path.join(dataDir, 'none') },
    /Soplan: http:\/\/[^:]+:(\d+)/,
  );
  const base = `http://127.0.0.1:${match[1]}`;
  const pid = child.pid!;
  const stop = () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM')));
  try {
    const demo = (await api(base, 'POST', '/api/auth/login', { email: 'demo@soplan.local', password: 'soplan-demo' })).cookie!;
    const workspaces = (await (await fetch(`${base}/api/workspaces`, { headers: { cookie: demo } })).json()) as { id: string }[];
    const workspace = workspaces[0]!.id;
    const boards = (await (await fetch(`${base}/api/workspaces/${workspace}/boards`, { headers: { cookie: demo } })).json()) as { id: string; title: string }[];
    const big = (await api(base, 'POST', `/api/workspaces/${workspace}/boards`, { kind: 'roadmap', title: 'Большая', content: roadmapContent(ITEMS) }, demo))
      .body.id!;
    const other = (await api(base, 'POST', '/api/auth/signup', { email: 'other@bench.local', password: 'bench-password', name: 'Коллега' })).cookie!;
    await api(base, 'POST', '/api/workspaces', { name: 'Другая сеть' }, other);

    const exportOnce = async (board: string, format: string) => {
      const started = performance.now();
      const res = await fetch(`${base}/api/boards/${board}/export?format=${format}`, { headers: { cookie: demo } });
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (!res.ok) throw new Error(`export ${format}: ${res.status} ${new TextDecoder().decode(bytes).slice(0, 300)}`);
      return { ms: performance.now() - started, bytes };
    };
    const timed = async (board: string, format: string, runs: number) => {
      await exportOnce(board, format); // the first starts the worker or LibreOffice's profile
      const times: number[] = [];
      let size = 0;
      for (let i = 0; i < runs; i++) {
        const r = await exportOnce(board, format);
        times.push(r.ms);
        size = r.bytes.length;
      }
      return { median: median(times), max: Math.max(...times), size };
    };

    const rows: string[] = [];
    const results = new Map<string, number>();
    const targets = [...boards.map((b) => ({ id: b.id, label: b.title })), { id: big, label: `Roadmap, ${ITEMS} items` }];
    for (const target of targets) {
      const cells: string[] = [];
      for (const [format, runs] of [
        ['docx', 7],
        ['xlsx', 7],
        ['pdf', 3],
      ] as const) {
        const r = await timed(target.id, format, runs);
        if (target.id === big) results.set(format, r.median);
        cells.push(`${r.median.toFixed(0)} (max ${r.max.toFixed(0)}; ${(r.size / 1024).toFixed(0)} KiB)`);
      }
      rows.push(`| ${target.label} | ${cells.join(' | ')} |`);
      console.log(rows.at(-1));
    }

    // The libraries alone on the 1 000 items.
    const items = roadmapContent(ITEMS).roadmap.sections.flatMap((s) => s.items);
    const docxTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const cell = (text: string) => new docx.TableCell({ children: [new docx.Paragraph(text)] });
      const table = new docx.Table({
        rows: items.map(
          (it, k) => new docx.TableRow({ children: [cell(String(k + 1)), cell(it.title), cell(it.period), cell(it.responsibles.join('\n')), cell(it.result)] }),
        ),
      });
      await docx.Packer.toBuffer(new docx.Document({ sections: [{ children: [table] }] }));
      docxTimes.push(performance.now() - started);
    }
    const xlsxTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('План');
      items.forEach((it, k) => sheet.addRow([k + 1, it.title, it.period, it.responsibles.join('\n'), it.result]));
      await workbook.xlsx.writeBuffer();
      xlsxTimes.push(performance.now() - started);
    }
    const bigDocx = (await exportOnce(big, 'docx')).bytes;
    const sofficeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-bench-soffice-'));
    fs.writeFileSync(path.join(sofficeDir, 'in.docx'), bigDocx);
    const profile = `file://${path.join(sofficeDir, 'profile')}`;
    const convert = () =>
      execFileSync(
        'soffice',
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', sofficeDir, path.join(sofficeDir, 'in.docx')],
        {
          stdio: 'ignore',
        },
      );
    convert();
    const sofficeTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      convert();
      sofficeTimes.push(performance.now() - started);
    }
    const pdfPages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(sofficeDir, 'in.pdf')]).toString())?.[1] ?? '?';
    fs.rmSync(sofficeDir, { recursive: true, force: true });
    rows.push(
      `| *libraries alone, ${ITEMS} rows* | docx bare table: ${median(docxTimes).toFixed(0)} | exceljs bare sheet: ${median(xlsxTimes).toFixed(0)} | soffice on Soplan's DOCX: ${median(sofficeTimes).toFixed(0)} (${pdfPages} pages) |`,
    );

    // Another user's requests, calm and while 1 000-item DOCX, XLSX and PDF exports run back to back.
    const measureWhile = async (during: () => Promise<void>) => {
      const sampler = sampleRequests(base, other, EVERY_MS);
      await during();
      return sampler.stop();
    };
    const calmRun = await measureWhile(() => new Promise((r) => setTimeout(r, WINDOW_MS)));
    let exported = 0;
    const busyRun = await measureWhile(async () => {
      const until = performance.now() + WINDOW_MS;
      const formats = ['docx', 'xlsx', 'pdf'];
      while (performance.now() < until) {
        await exportOnce(big, formats[exported % 3]!);
        exported++;
      }
    });
    const calm = latencyStats(calmRun.latencies);
    const loaded = latencyStats(busyRun.latencies);
    const excess = loaded.max - calm.p50;
    const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
    const section = `## Export: \`pnpm bench:export\`

Run on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}. One server process (its
exchange worker process builds DOCX and XLSX; LibreOffice converts the DOCX to PDF, one conversion at
a time), the demo workspace's boards and a roadmap of ${ITEMS} items in sections of 20 created through the
API. Each cell is the median of the round trip of \`GET /api/boards/:id/export?format=…\` in ms (7 runs for
DOCX and XLSX, 3 for PDF, after one warm-up run that starts the worker or LibreOffice's profile), the
slowest run and the file's size. There is no peer for export; the last row is the libraries alone in the
bench process on the same ${ITEMS} rows: \`docx\` writing a bare table, exceljs a bare sheet, and
\`soffice --convert-to pdf\` run directly on the DOCX Soplan wrote. Server RSS at the end: ${rssMiB(pid).toFixed(0)} MiB (peak ${rssMiB(pid, 'VmHWM').toFixed(0)} MiB).

| board | DOCX, ms | XLSX, ms | PDF, ms |
|---|---|---|---|
${rows.join('\n')}

Another user's \`GET /api/workspaces\` every ${EVERY_MS} ms for ${WINDOW_MS / 1000} s with nothing running (${calm.n} requests), then for
${WINDOW_MS / 1000} s while ${exported} exports of the ${ITEMS}-item roadmap (DOCX, XLSX and PDF in turn) ran back to back (${loaded.n} requests; ${calmRun.failed + busyRun.failed} failed in all).

| | requests | p50 ms | p99 ms | max ms |
|---|---|---|---|---|
| nothing running | ${calm.n} | ${calm.p50.toFixed(1)} | ${calm.p99.toFixed(1)} | ${calm.max.toFixed(1)} |
| exports running | ${loaded.n} | ${loaded.p50.toFixed(1)} | ${loaded.p99.toFixed(1)} | ${loaded.max.toFixed(1)} |

Targets:
- DOCX of ${ITEMS} items under 1 s: ${results.get('docx')!.toFixed(0)} ms, ${verdict(results.get('docx')! < 1000)}
- XLSX of ${ITEMS} items under 1 s: ${results.get('xlsx')!.toFixed(0)} ms, ${verdict(results.get('xlsx')! < 1000)}
- PDF of ${ITEMS} items under 10 s: ${results.get('pdf')!.toFixed(0)} ms, ${verdict(results.get('pdf')! < 10_000)}
- the server answers other requests meanwhile (none failed; the slowest ${excess.toFixed(1)} ms over the calm median): ${verdict(busyRun.failed === 0 && excess < 100)}
`;
    writeSection('export', section);
  } finally {
    await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}
