// Exports the page follows (SPEC E5): `POST /api/boards/:id/exports` answers a normal board's export
// when it is ready, so its download starts at once, and a board of more than BACKGROUND_EXPORT_ITEMS
// items at once with a job the page polls for its progress (waiting for a worker, building, converting
// to PDF) and downloads when done. A job is its starter's, and only while they may still read the
// board. A finished file waits EXPORT_KEPT_MINUTES for its download — an immediate one only until its
// first download — and each person keeps at most KEPT_PER_USER finished ones (the oldest go first),
// so files nobody fetches cannot fill the server's memory. How many run at once is the exchange
// service's business (two per person).
import { randomUUID } from 'node:crypto';
import { BACKGROUND_EXPORT_ITEMS, EXPORT_KEPT_MINUTES, type ExportFormat, type ExportJobDto, type ExportJobState } from '@soplan/shared';
import type { Logger } from 'pino';
import { boardItems, type Db } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { requireBoard } from '../workspaces/index.ts';
import type { ExportedFile, ExportOptions } from './exchange-service.ts';

const KEPT_PER_USER = 4;

interface Job {
  dto: ExportJobDto;
  userId: string;
  file: ExportedFile | null;
  /** When it finished; null while it runs. */
  finishedAt: number | null;
  /** Answered done at once: its file goes with its first download. */
  immediate: boolean;
}

export interface ExportRunner {
  exportBoard(userId: string, boardId: string, format: ExportFormat, options: ExportOptions): Promise<ExportedFile>;
}

export class ExportJobs {
  readonly #db: Db;
  readonly #runner: ExportRunner;
  readonly #log: Logger;
  readonly #jobs = new Map<string, Job>();
  readonly #keptMs: number;
  readonly #backgroundItems: number;
  readonly #sweeper: NodeJS.Timeout;

  constructor(db: Db, runner: ExportRunner, log: Logger, options: { keptMs?: number; backgroundItems?: number } = {}) {
    this.#db = db;
    this.#runner = runner;
    this.#log = log;
    this.#keptMs = options.keptMs ?? EXPORT_KEPT_MINUTES * 60_000;
    this.#backgroundItems = options.backgroundItems ?? BACKGROUND_EXPORT_ITEMS;
    this.#sweeper = setInterval(() => this.#sweep(), Math.min(this.#keptMs, 60_000));
    this.#sweeper.unref();
  }

  /**
   * Starts an export. A board within BACKGROUND_EXPORT_ITEMS (EXPORT_BACKGROUND_ITEMS) is answered when done (or with the error
   * an immediate export answers); a bigger one at once, still building.
   */
  async start(userId: string, boardId: string, format: ExportFormat, baseUrl: string): Promise<ExportJobDto> {
    requireBoard(this.#db, boardId, userId);
    const immediate = boardItems.itemCount(this.#db, boardId) <= this.#backgroundItems;
    const steps = format === 'pdf' ? 2 : 1;
    const job: Job = { dto: { id: randomUUID(), boardId, format, state: 'queued', step: 0, steps }, userId, file: null, finishedAt: null, immediate };
    const set = (state: ExportJobState, step: number) => (job.dto = { ...job.dto, state, step });
    const running = this.#runner.exportBoard(userId, boardId, format, { baseUrl, onStage: (stage) => set(stage, stage === 'converting' ? 1 : 0) });
    const done = (file: ExportedFile) => {
      job.file = file;
      set('done', steps);
      this.#finished(job);
    };
    if (immediate) {
      done(await running);
      return job.dto;
    }
    this.#jobs.set(job.dto.id, job);
    running.then(done, (error: unknown) => {
      if (!(error instanceof AppError)) this.#log.error({ err: error, boardId, format }, 'a background export failed');
      const e = error instanceof AppError ? error : new AppError('internal', 'The export failed');
      job.dto = { ...job.dto, state: 'failed', error: { code: e.code, message: e.message, ...(e.params ? { params: e.params } : {}) } };
      this.#finished(job);
    });
    return job.dto;
  }

  get(userId: string, id: string): ExportJobDto {
    return this.#own(userId, id).dto;
  }

  /** A finished job's file; 404 while it is still being made, after it failed, or once it is gone. */
  file(userId: string, id: string): ExportedFile {
    const job = this.#own(userId, id);
    if (!job.file) throw new AppError('not_found', job.dto.state === 'failed' ? 'The export failed' : 'The export is not ready yet');
    if (job.immediate) this.#jobs.delete(id);
    return job.file;
  }

  close(): void {
    clearInterval(this.#sweeper);
    this.#jobs.clear();
  }

  /** The starter's job while they may still read its board; a job whose board they lost goes. */
  #own(userId: string, id: string): Job {
    const job = this.#jobs.get(id);
    if (!job || job.userId !== userId) throw new AppError('not_found', 'No such export');
    try {
      requireBoard(this.#db, job.dto.boardId, userId);
    } catch (error) {
      this.#jobs.delete(id);
      throw error;
    }
    return job;
  }

  /** Keeps a finished job for its download, and the person's KEPT_PER_USER latest finished ones only. */
  #finished(job: Job): void {
    job.finishedAt = Date.now();
    this.#jobs.set(job.dto.id, job);
    const finished = [...this.#jobs.values()].filter((j) => j.userId === job.userId && j.finishedAt !== null).sort((a, b) => a.finishedAt! - b.finishedAt!);
    for (const old of finished.slice(0, Math.max(0, finished.length - KEPT_PER_USER))) this.#jobs.delete(old.dto.id);
  }

  #sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.#jobs) if (job.finishedAt !== null && now - job.finishedAt > this.#keptMs) this.#jobs.delete(id);
  }
}
