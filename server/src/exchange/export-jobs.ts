// Exports the page follows (SPEC E5): `POST /api/boards/:id/exports` answers a normal board's export
// when it is ready, so its download starts at once, and a board of more than BACKGROUND_EXPORT_ITEMS
// items at once with a job the page polls for its progress (waiting for a worker, building, converting
// to PDF) and downloads when done. A job belongs to whoever started it; a finished one's file is kept
// EXPORT_KEPT_MINUTES, and each person keeps at most KEPT_PER_USER of them (the oldest go first), so
// files nobody fetches cannot fill the server's memory.
import { randomUUID } from 'node:crypto';
import { BACKGROUND_EXPORT_ITEMS, EXPORT_KEPT_MINUTES, type ExportFormat, type ExportJobDto, type ExportJobState } from '@soplan/shared';
import { boardItems, type Db } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { requireBoard } from '../workspaces/index.ts';
import type { ExportedFile, ExportStage } from './exchange-service.ts';

const KEPT_PER_USER = 4;

interface Job {
  dto: ExportJobDto;
  userId: string;
  file: ExportedFile | null;
  finishedAt: number | null;
}

export interface ExportRunner {
  exportBoard(userId: string, boardId: string, format: ExportFormat, onStage?: (stage: ExportStage) => void): Promise<ExportedFile>;
}

export class ExportJobs {
  readonly #db: Db;
  readonly #runner: ExportRunner;
  readonly #jobs = new Map<string, Job>();
  readonly #keptMs: number;
  readonly #sweeper: NodeJS.Timeout;

  constructor(db: Db, runner: ExportRunner, options: { keptMs?: number } = {}) {
    this.#db = db;
    this.#runner = runner;
    this.#keptMs = options.keptMs ?? EXPORT_KEPT_MINUTES * 60_000;
    this.#sweeper = setInterval(() => this.#sweep(), Math.min(this.#keptMs, 60_000));
    this.#sweeper.unref();
  }

  /**
   * Starts an export. A board within BACKGROUND_EXPORT_ITEMS is answered when done (or with the error
   * an immediate export answers); a bigger one at once, still building.
   */
  async start(userId: string, boardId: string, format: ExportFormat): Promise<ExportJobDto> {
    requireBoard(this.#db, boardId, userId);
    const big = boardItems.itemCount(this.#db, boardId) > BACKGROUND_EXPORT_ITEMS;
    const steps = format === 'pdf' ? 2 : 1;
    const job: Job = { dto: { id: randomUUID(), boardId, format, state: 'queued', step: 0, steps }, userId, file: null, finishedAt: null };
    const set = (state: ExportJobState, step: number) => (job.dto = { ...job.dto, state, step });
    const running = this.#runner.exportBoard(userId, boardId, format, (stage) => set(stage, stage === 'converting' ? 1 : 0));
    if (!big) {
      job.file = await running;
      set('done', steps);
      this.#keep(job);
      return job.dto;
    }
    this.#keep(job);
    running.then(
      (file) => {
        job.file = file;
        set('done', steps);
        job.finishedAt = Date.now();
      },
      (error: unknown) => {
        const e = error instanceof AppError ? error : new AppError('internal', 'The export failed');
        job.dto = { ...job.dto, state: 'failed', error: { code: e.code, message: e.message } };
        job.finishedAt = Date.now();
      },
    );
    return job.dto;
  }

  get(userId: string, id: string): ExportJobDto {
    return this.#own(userId, id).dto;
  }

  /** A finished job's file; 404 while it is still being made, after it failed, or once it is gone. */
  file(userId: string, id: string): ExportedFile {
    const job = this.#own(userId, id);
    if (!job.file) throw new AppError('not_found', job.dto.state === 'failed' ? 'The export failed' : 'The export is not ready yet');
    return job.file;
  }

  close(): void {
    clearInterval(this.#sweeper);
    this.#jobs.clear();
  }

  #own(userId: string, id: string): Job {
    const job = this.#jobs.get(id);
    if (!job || job.userId !== userId) throw new AppError('not_found', 'No such export');
    return job;
  }

  #keep(job: Job): void {
    if (job.file) job.finishedAt = Date.now();
    this.#jobs.set(job.dto.id, job);
    const finished = [...this.#jobs.values()].filter((j) => j.userId === job.userId && j.finishedAt !== null);
    for (const old of finished.slice(0, Math.max(0, finished.length - KEPT_PER_USER))) this.#jobs.delete(old.dto.id);
  }

  #sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.#jobs) if (job.finishedAt !== null && now - job.finishedAt > this.#keptMs) this.#jobs.delete(id);
  }
}
