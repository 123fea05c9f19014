// ODT fixtures are the DOCX fixtures converted by LibreOffice, as a user of LibreOffice would save
// them; its HTML is what Writer puts on the clipboard. A conversion takes a second or more, so
// results are kept under os.tmpdir()/soplan-fixtures by the DOCX's content hash and a suite
// converts each document once. LibreOffice refuses to run
// twice on one profile, so each process (and each worker thread of it) has its own profile and
// converts one document at a time.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

const CACHE = path.join(os.tmpdir(), 'soplan-fixtures');
const PROFILE = path.join(CACHE, `profile-${process.pid}-${threadId}`);
let queue: Promise<unknown> = Promise.resolve();
let cleanupRegistered = false;

function soffice(args: string[]): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile('soffice', args, { timeout: 120_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`soffice ${args.join(' ')}: ${error.message}\n${stdout}${stderr}`)) : resolve(),
    ),
  );
}

/** LibreOffice's filter for each target: its own format, and the HTML Writer copies to the clipboard. */
const FILTERS = { odt: 'odt', html: 'html:HTML (StarWriter)' } as const;
type Target = keyof typeof FILTERS;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes this process's profile when it exits, and the profiles of processes that ended without removing theirs (a test worker that was killed). */
function cleanUpProfiles(): void {
  if (cleanupRegistered) return;
  cleanupRegistered = true;
  process.once('exit', () => fs.rmSync(PROFILE, { recursive: true, force: true }));
  for (const name of fs.readdirSync(CACHE)) {
    const pid = /^profile-(\d+)-\d+$/.exec(name)?.[1];
    if (pid && !alive(Number(pid))) fs.rmSync(path.join(CACHE, name), { recursive: true, force: true });
  }
}

async function convert(docx: Buffer, format: Target, target: string): Promise<void> {
  cleanUpProfiles();
  const work = fs.mkdtempSync(path.join(CACHE, 'convert-'));
  try {
    const input = path.join(work, 'document.docx');
    fs.writeFileSync(input, docx);
    await soffice(['--headless', '--norestore', `-env:UserInstallation=file://${PROFILE}`, '--convert-to', FILTERS[format], '--outdir', work, input]);
    const output = path.join(work, `document.${format}`);
    if (!fs.existsSync(output)) throw new Error(`soffice wrote no document.${format}`);
    // Renamed into place, so a parallel suite never reads a half-written file.
    fs.renameSync(output, target);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function converted(docx: Buffer, format: Target): Promise<Buffer> {
  fs.mkdirSync(CACHE, { recursive: true });
  const cached = path.join(CACHE, `${createHash('sha256').update(docx).digest('hex')}.${format}`);
  if (fs.existsSync(cached)) return fs.readFileSync(cached);
  const done = queue.then(() => (fs.existsSync(cached) ? undefined : convert(docx, format, cached)));
  queue = done.catch(() => undefined);
  await done;
  return fs.readFileSync(cached);
}

/** The DOCX as LibreOffice saves it in its own format (`soffice --convert-to odt`). */
export const docxToOdt = (docx: Buffer): Promise<Buffer> => converted(docx, 'odt');

/** The DOCX as LibreOffice Writer writes it in HTML, which is also what Writer puts on the clipboard as `text/html`. */
export const docxToHtml = async (docx: Buffer): Promise<string> => (await converted(docx, 'html')).toString('utf8');
