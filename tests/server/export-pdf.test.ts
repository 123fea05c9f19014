// The PDF export (issue 14): a board's DOCX rendered by the real LibreOffice, checked as a file with
// pdfinfo (pages, A4) and pdftotext (the requisites, the title, every item with its number). The
// converter's queue, time limit and recovery are tried with real processes: LibreOffice behind a
// wrapper that fails when two runs meet, commands that hang or crash (small shell scripts, real
// processes that are killed), a broken profile, and a command that does not exist.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { numberPlan, defaultDocumentSettings, type BoardJson } from '@soplan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardDocx } from '../../server/src/exchange/export/docx/index.ts';
import { PdfConverter, PdfError } from '../../server/src/exchange/export/pdf/index.ts';
import { sourceBoard } from '../helpers/exported-boards.ts';

const imported = (n: string) => sourceBoard(n);

const ORDER = {
  authority: 'ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДА САРОВА',
  documentKind: 'ПРИКАЗ',
  date: '12.10.2021',
  number: '01-05/812',
  title: 'Об утверждении плана мероприятий',
  body: 'ПРИКАЗЫВАЮ:\n1. Утвердить план мероприятий (приложение).',
  signatory: 'Директор департамента И.О. Фамилия',
};
const APPROVAL = { position: 'Директор МБОУ ДПО МЦ', name: 'А.Н. Иванова' };

let dir: string;
let sarov: BoardJson;
let sarovDocx: Uint8Array;
/** The real LibreOffice, for the wrappers that call it. */
let soffice: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-pdf-test-'));
  soffice = execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim();
  const board = await imported('001');
  sarov = { ...board, document: { ...board.document, ...ORDER } };
  sarovDocx = await boardDocx(sarov, { ...defaultDocumentSettings(), approval: APPROVAL });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** An executable shell script in the test's directory. */
function script(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

let pdfs = 0;
function saved(pdf: Uint8Array): string {
  const file = path.join(dir, `out-${++pdfs}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}
const pdfInfo = (pdf: Uint8Array) => execFileSync('pdfinfo', [saved(pdf)], { encoding: 'utf8' });
/** The PDF's text; with a crop (points from the page's top left, on every page) only what lies inside. */
const pdfText = (pdf: Uint8Array, crop?: { x: number; width: number }) =>
  execFileSync('pdftotext', [...(crop ? ['-x', `${Math.round(crop.x)}`, '-y', '0', '-W', `${Math.round(crop.width)}`, '-H', '2000'] : []), saved(pdf), '-'], {
    encoding: 'utf8',
  });
/** Text with its line breaks run together, without hyphens: pdftotext drops one that ends a line («научно-\nметодического»). */
const flat = (text: string) => text.replace(/-\s*/g, '').replace(/\s+/g, ' ').trim();

const rejection = async (promise: Promise<unknown>): Promise<PdfError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PdfError);
  return error as PdfError;
};

/** Waits until a file exists (a script writes it once it runs); what is checked is the file, never the time. */
async function written(file: string): Promise<string> {
  while (!fs.existsSync(file) || fs.readFileSync(file, 'utf8').trim() === '') await new Promise((r) => setTimeout(r, 20));
  return fs.readFileSync(file, 'utf8').trim();
}
/** Whether a process runs: it exists and is not a zombie waiting for its (killed) parent's reaper. */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe('the PDF is the DOCX rendered by LibreOffice', () => {
  it('the Sarov roadmap: A4 pages, the приказ, «Приложение», «УТВЕРЖДАЮ», the title, every item with its number', async () => {
    const converter = new PdfConverter();
    try {
      expect(await converter.available()).toBe(true);
      const pdf = await converter.convert(sarovDocx);
      const info = pdfInfo(pdf);
      expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBeGreaterThanOrEqual(2);
      const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
      const size = [Number(w), Number(h)].sort((a, b) => a - b);
      // A4 is 595.28 × 841.89 pt; LibreOffice rounds the page to its own units
      expect(size[0]).toBeCloseTo(595.28, 0);
      expect(size[1]).toBeCloseTo(841.89, 0);
      const text = flat(pdfText(pdf));
      for (const line of ['ПРИКАЗ', 'Об утверждении плана мероприятий', 'Приложение № 1', 'к приказу от 12.10.2021 № 01-05/812', 'УТВЕРЖДАЮ', 'А.Н. Иванова'])
        expect(text).toContain(flat(line));
      expect(text).toContain(flat(sarov.title));
      // the titles' column of the landscape pages (margins 20 and 10 mm, shares 8 and 34 of the width), read alone
      const mm = 72 / 25.4;
      const width = 841.89 - 30 * mm;
      const titles = flat(pdfText(pdf, { x: 20 * mm + width * 0.08, width: width * 0.34 }));
      const numbers = flat(pdfText(pdf, { x: 20 * mm, width: width * 0.08 })).split(' ');
      const plan = sarov.kind === 'roadmap' ? sarov.roadmap : null;
      const items = numberPlan(plan!);
      expect(items.size).toBeGreaterThan(20);
      for (const [item, number] of items) {
        expect(titles).toContain(flat(item.title));
        expect(numbers).toContain(number);
      }
    } finally {
      await converter.close();
    }
  });

  it('page numbers as LibreOffice renders them: from page 2, or from page 3 with or without a приказ page', async () => {
    /** The first line of each page's text: its number when the page has one. */
    const tops = (pdf: Uint8Array) =>
      pdfText(pdf)
        .split('\f')
        .filter((page) => page.trim() !== '')
        .map((page) => page.trim().split('\n')[0]!.trim());
    const converter = new PdfConverter();
    try {
      const bare = { ...sarov, document: { ...sarov.document, ...Object.fromEntries(Object.keys(ORDER).map((k) => [k, ''])) } };
      const cases: [BoardJson, number, string[]][] = [
        [sarov, 2, ['—', '2', '3']],
        [sarov, 3, ['—', '—', '3', '4']],
        [bare, 3, ['—', '—', '3', '4']],
      ];
      for (const [board, from, expected] of cases) {
        const pdf = await converter.convert(await boardDocx(board, { ...defaultDocumentSettings(), pageNumbersFrom: from }));
        const numbers = tops(pdf).map((top) => (/^\d+$/.test(top) ? top : '—'));
        expect(numbers.slice(0, expected.length)).toEqual(expected);
      }
    } finally {
      await converter.close();
    }
  });
});

describe('one conversion at a time, within its time limit', () => {
  it('two conversions started at once both succeed, each with its own document, and never run together', async () => {
    // LibreOffice behind a wrapper that fails when another run holds the lock (mkdir is atomic)
    const lock = path.join(dir, 'running');
    const runs = path.join(dir, 'runs');
    const wrapper = script('one-at-a-time', `mkdir "${lock}" || exit 3\necho run >> "${runs}"\n"${soffice}" "$@"\nrc=$?\nrmdir "${lock}"\nexit $rc`);
    const converter = new PdfConverter({ command: wrapper });
    try {
      const graph = await imported('000');
      const [a, b] = await Promise.all([converter.convert(sarovDocx), converter.convert(await boardDocx(graph, defaultDocumentSettings()))]);
      expect(fs.readFileSync(runs, 'utf8')).toBe('run\nrun\n');
      expect(flat(pdfText(a))).toContain(flat(sarov.title));
      expect(flat(pdfText(b))).toContain(flat(graph.title));
      expect(flat(pdfText(b))).not.toContain(flat(sarov.title));
    } finally {
      await converter.close();
    }
  });

  it('a LibreOffice that hangs is killed at its limit, with everything it started, and the next conversion runs', async () => {
    const pidFile = path.join(dir, 'hung-pid');
    // the first run hangs (its shell waits on a `sleep`, a process of the same group); later runs are LibreOffice
    const hanging = script('hang-once', `if mkdir "${dir}/hung" 2>/dev/null; then sleep 600 & echo $! > "${pidFile}"; wait; fi\nexec "${soffice}" "$@"`);
    const converter = new PdfConverter({ command: hanging, timeoutMs: 10_000 });
    try {
      const [first, second] = [converter.convert(sarovDocx), converter.convert(sarovDocx)];
      const error = await rejection(first);
      expect(error.code).toBe('pdf_timeout');
      expect(error.message).toContain('10000 ms');
      expect(alive(Number(await written(pidFile)))).toBe(false);
      expect(pdfInfo(await second)).toMatch(/^Pages:\s+[1-9]/m);
    } finally {
      await converter.close();
    }
  }, 60_000);

  it('a crash, or an exit without a PDF, fails its job clearly; the next one runs', async () => {
    const count = path.join(dir, 'crash-count');
    const crashing = script(
      'crash-then-work',
      `n=$(cat "${count}" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "${count}"\n` +
        `if [ $n = 1 ]; then echo "Fatal Error: it broke" >&2; exit 1; fi\nif [ $n = 2 ]; then exit 0; fi\nexec "${soffice}" "$@"`,
    );
    const converter = new PdfConverter({ command: crashing });
    try {
      const [crash, nothing, works] = [converter.convert(sarovDocx), converter.convert(sarovDocx), converter.convert(sarovDocx)];
      const crashed = await rejection(crash);
      expect(crashed.code).toBe('pdf_failed');
      expect(crashed.message).toMatch(/exited with 1: Fatal Error: it broke/);
      const empty = await rejection(nothing);
      expect(empty.code).toBe('pdf_failed');
      expect(empty.message).toContain('no PDF');
      expect(pdfInfo(await works)).toMatch(/^Pages:\s+[1-9]/m);
    } finally {
      await converter.close();
    }
  });

  it('a broken profile fails one conversion and is made anew for the next', async () => {
    const profile = path.join(dir, 'profile');
    fs.mkdirSync(profile);
    // what a run killed while it set the profile up can leave: LibreOffice cannot start on it
    fs.writeFileSync(path.join(profile, 'user'), 'half written');
    const converter = new PdfConverter({ profileDir: profile });
    try {
      const broken = await rejection(converter.convert(sarovDocx));
      expect(broken.code).toBe('pdf_failed');
      expect(broken.message).toContain('User installation could not be completed');
      expect(pdfInfo(await converter.convert(sarovDocx))).toMatch(/^Pages:\s+[1-9]/m);
      expect(fs.statSync(path.join(profile, 'user')).isDirectory()).toBe(true);
    } finally {
      await converter.close();
    }
    // a profile the converter was given stays for the next start
    expect(fs.existsSync(path.join(profile, 'user'))).toBe(true);
  });

  it('past the queue’s bound it refuses with pdf_busy; closing kills what runs and refuses what waits', async () => {
    const pidFile = path.join(dir, 'busy-pid');
    const hanging = script('hang', `sleep 600 & echo $! > "${pidFile}"\nwait`);
    const converter = new PdfConverter({ command: hanging, maxQueue: 1 });
    // each rejection is taken up as the job is queued: closing rejects them before they are awaited
    const [running, waiting, refused] = [
      rejection(converter.convert(sarovDocx)),
      rejection(converter.convert(sarovDocx)),
      rejection(converter.convert(sarovDocx)),
    ];
    expect((await refused).code).toBe('pdf_busy');
    const sleeper = Number(await written(pidFile));
    expect(alive(sleeper)).toBe(true);
    await converter.close();
    expect(alive(sleeper)).toBe(false);
    expect((await running).code).toBe('pdf_failed');
    expect((await waiting).code).toBe('pdf_unavailable');
    expect((await rejection(converter.convert(sarovDocx))).code).toBe('pdf_unavailable');
  });

  it('without LibreOffice: not available, and a conversion answers pdf_unavailable', async () => {
    const converter = new PdfConverter({ command: path.join(dir, 'no-such-dir', 'soffice') });
    expect(await converter.available()).toBe(false);
    const error = await rejection(converter.convert(sarovDocx));
    expect(error.code).toBe('pdf_unavailable');
    expect(error.message).toContain('not installed');
    await converter.close();
    const notOnPath = new PdfConverter({ command: 'soplan-no-such-soffice' });
    expect(await notOnPath.available()).toBe(false);
    await notOnPath.close();
  });
});
