// The PDF of a board: its DOCX rendered by LibreOffice (DESIGN «Documents in and out»: Word and PDF
// never differ). The server process owns one converter. LibreOffice must never run twice at once on
// one profile, so conversions go one at a time through a bounded FIFO queue; each runs
// `soffice --headless --convert-to pdf` (spawned, no shell) in a temp directory of its own, under a
// time limit past which its whole process group is killed. The profile is the converter's own,
// created on first use and reused (a first start on a new profile is the slow one); a run that failed
// or was killed may have left it broken, so it is thrown away and the next run starts a fresh one.
import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type PdfErrorCode = 'pdf_unavailable' | 'pdf_failed' | 'pdf_timeout' | 'pdf_busy';

/** Why a board has no PDF; the HTTP layer maps `code` to an API error. */
export class PdfError extends Error {
  readonly code: PdfErrorCode;

  constructor(code: PdfErrorCode, message: string) {
    super(message);
    this.name = 'PdfError';
    this.code = code;
  }
}

export interface PdfConverterOptions {
  /** LibreOffice's command, looked up on PATH unless it holds a slash. */
  command?: string;
  /** Time one conversion may take before LibreOffice is killed. */
  timeoutMs?: number;
  /** Conversions that may wait behind the running one; one more is refused with pdf_busy. */
  maxQueue?: number;
  /**
   * The profile directory (LibreOffice's UserInstallation), created when missing and kept on close.
   * Without it the converter makes one under the system's temp directory and removes it on close.
   */
  profileDir?: string;
}

export const PDF_DEFAULTS = { command: 'soffice', timeoutMs: 60_000, maxQueue: 8 } as const;

/** What LibreOffice said on stderr, kept for the error message: its last characters. */
const STDERR_KEPT = 2_000;

interface Job {
  docx: Uint8Array;
  resolve: (pdf: Uint8Array) => void;
  reject: (error: unknown) => void;
}

/** Whether `command` names an executable file, on PATH when it has no slash. */
async function findExecutable(command: string): Promise<boolean> {
  const candidates = command.includes('/')
    ? [command]
    : (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, command));
  for (const candidate of candidates) {
    try {
      await fs.access(candidate, fsConstants.X_OK);
      if ((await fs.stat(candidate)).isFile()) return true;
    } catch {
      // not here: try the next directory
    }
  }
  return false;
}

/** Kills a process group; it may be gone already. */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: every process of the group has exited
  }
}

export class PdfConverter {
  readonly #command: string;
  readonly #timeoutMs: number;
  readonly #maxQueue: number;
  readonly #ownProfile: boolean;
  #profileDir: string | null;
  #available: Promise<boolean> | null = null;
  readonly #queue: Job[] = [];
  #running: Promise<void> | null = null;
  /** Kills the running conversion (set while one runs). */
  #kill: (() => void) | null = null;
  #closed = false;

  constructor(options: PdfConverterOptions = {}) {
    this.#command = options.command ?? PDF_DEFAULTS.command;
    this.#timeoutMs = options.timeoutMs ?? PDF_DEFAULTS.timeoutMs;
    this.#maxQueue = options.maxQueue ?? PDF_DEFAULTS.maxQueue;
    this.#ownProfile = options.profileDir === undefined;
    this.#profileDir = options.profileDir ?? null;
  }

  /**
   * Whether LibreOffice is installed where the converter looks. Only a yes is remembered: once an
   * administrator installs it as the PDF error says, the next export finds it without a restart.
   */
  available(): Promise<boolean> {
    this.#available ??= findExecutable(this.#command).then((found) => {
      if (!found) this.#available = null;
      return found;
    });
    return this.#available;
  }

  /** The PDF of a DOCX, when the conversions before it are done. */
  async convert(docx: Uint8Array): Promise<Uint8Array> {
    if (this.#closed) throw new PdfError('pdf_unavailable', 'The PDF converter is closed');
    if (!(await this.available())) throw new PdfError('pdf_unavailable', `LibreOffice (${this.#command}) is not installed on this server`);
    // closed while it looked: nothing would take the job from the queue any more
    if (this.#closed) throw new PdfError('pdf_unavailable', 'The PDF converter is closed');
    if (this.#queue.length >= this.#maxQueue) throw new PdfError('pdf_busy', `${this.#maxQueue} PDF conversions are waiting already`);
    return new Promise<Uint8Array>((resolve, reject) => {
      this.#queue.push({ docx, resolve, reject });
      this.#next();
    });
  }

  /** Refuses what waits, kills what runs, and removes the converter's own profile. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new PdfError('pdf_unavailable', 'The PDF converter is closed'));
    this.#kill?.();
    await this.#running;
    if (this.#ownProfile) await this.#dropProfile();
  }

  #next(): void {
    if (this.#running || this.#closed) return;
    const job = this.#queue.shift();
    if (!job) return;
    this.#running = this.#run(job.docx).then(job.resolve, job.reject);
    void this.#running.finally(() => {
      this.#running = null;
      this.#next();
    });
  }

  async #run(docx: Uint8Array): Promise<Uint8Array> {
    const profile = await this.#profile();
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'soplan-pdf-'));
    try {
      const input = path.join(work, 'in.docx');
      await fs.writeFile(input, docx);
      try {
        await this.#soffice(profile, work, input);
        const pdf = await fs.readFile(path.join(work, 'in.pdf')).catch(() => null);
        if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PdfError('pdf_failed', 'LibreOffice wrote no PDF');
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } catch (error) {
        // a crash or a kill may have left the profile half written: the next run starts a fresh one
        await this.#dropProfile();
        throw error;
      }
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  }

  /** Runs LibreOffice once; resolves when it exited 0, its whole process group gone. */
  #soffice(profile: string, outDir: string, input: string): Promise<void> {
    const args = [
      '--headless',
      '--norestore',
      '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      input,
    ];
    // closed while this run made its files: nothing may start once close() has killed what ran
    if (this.#closed) return Promise.reject(new PdfError('pdf_unavailable', 'The PDF converter is closed'));
    return new Promise<void>((resolve, reject) => {
      // detached: the child leads a process group of its own, so a kill reaches everything it started
      const child = spawn(this.#command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], cwd: outDir });
      let stderr = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-STDERR_KEPT);
      });
      let outcome: PdfError | null = null;
      const kill = (reason: PdfError) => {
        outcome ??= reason;
        if (child.pid !== undefined) killGroup(child.pid);
        // a helper that left the group may hold stderr open; without it 'close' comes once the process is gone
        child.stderr.destroy();
      };
      const timer = setTimeout(() => kill(new PdfError('pdf_timeout', `LibreOffice ran longer than ${this.#timeoutMs} ms and was killed`)), this.#timeoutMs);
      this.#kill = () => kill(new PdfError('pdf_failed', 'The PDF converter was closed during the conversion'));
      child.on('error', (error: NodeJS.ErrnoException) => {
        outcome ??=
          error.code === 'ENOENT' || error.code === 'EACCES'
            ? new PdfError('pdf_unavailable', `LibreOffice (${this.#command}) cannot be run: ${error.code}`)
            : new PdfError('pdf_failed', `LibreOffice could not be started: ${error.message}`);
      });
      // whatever it left running (a helper it forked) goes with it: the next run has the profile alone,
      // and stderr, which such a helper could hold open, closes
      child.on('exit', () => {
        if (child.pid !== undefined) killGroup(child.pid);
      });
      // 'close' comes after the process exited and its stderr closed (or it never started)
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        this.#kill = null;
        if (outcome) reject(outcome);
        else if (code !== 0) reject(new PdfError('pdf_failed', `LibreOffice exited with ${signal ?? code}: ${stderr.trim()}`));
        else resolve();
      });
    });
  }

  /** The profile directory, made when there is none. */
  async #profile(): Promise<string> {
    if (this.#profileDir === null) this.#profileDir = await fs.mkdtemp(path.join(os.tmpdir(), 'soplan-soffice-'));
    else await fs.mkdir(this.#profileDir, { recursive: true });
    return this.#profileDir;
  }

  async #dropProfile(): Promise<void> {
    if (this.#profileDir === null) return;
    await fs.rm(this.#profileDir, { recursive: true, force: true });
    // an own profile gets a new name, so nothing of a killed run can meet the next one
    if (this.#ownProfile) this.#profileDir = null;
  }
}
