// The import service: checks that the user may create boards in the workspace, hands the file to
// the import worker pool with the workspace's organisations (to match responsibles) and maps what
// can go wrong to the API's errors. It stores nothing (SPEC I1).
import { IMPORT_LIMITS, type ImportOptions } from '@soplan/shared';
import { organisations, type Db } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { requireMembership } from '../../workspaces/index.ts';
import { ImportFailure } from './import-failure.ts';
import { PoolBusy, PoolClosed, WorkerPool } from './pool.ts';
import type { SourceInput } from './readers/index.ts';
import type { ImportJob } from './run-import.ts';

/** Imports one person may have running at once; more answer 503 import_busy. */
const PER_USER = 2;

export interface ImportServiceOptions {
  /** Worker threads (one by default: the other core keeps serving everyone else). */
  workers?: number;
  /** Imports waiting for a worker before new ones are refused. */
  maxQueue?: number;
}

export class ImportService {
  readonly #db: Db;
  readonly #today: () => string;
  /** Answers the preview (ImportPreviewDto) as its JSON text. */
  readonly #pool: WorkerPool<ImportJob, string>;
  readonly #running = new Map<string, number>();

  constructor(db: Db, today: () => string, options: ImportServiceOptions = {}) {
    this.#db = db;
    this.#today = today;
    this.#pool = new WorkerPool<ImportJob, string>({
      module: new URL('./worker.ts', import.meta.url),
      size: options.workers ?? 1,
      maxQueue: options.maxQueue ?? 8,
      maxHeapMb: IMPORT_LIMITS.maxHeapMb,
      timeoutMs: IMPORT_LIMITS.maxMilliseconds,
    });
  }

  /** Reads the file (or pasted HTML or text) and answers the preview of the board it holds, as JSON text (an ImportPreviewDto). */
  async preview(userId: string, workspaceId: string, input: SourceInput, options: ImportOptions): Promise<string> {
    requireMembership(this.#db, workspaceId, userId, 'createBoard');
    const running = this.#running.get(userId) ?? 0;
    if (running >= PER_USER) throw new AppError('import_busy', `At most ${PER_USER} imports of one person run at once`, { params: { limit: PER_USER } });
    const context = {
      today: this.#today(),
      organisations: organisations.list(this.#db, workspaceId).map((o) => ({ name: o.name, partner: o.partner === 1 })),
      maxRows: IMPORT_LIMITS.maxRows,
      ...('fileName' in input ? { fileTitle: input.fileName.replace(/\.[^.]+$/, '').trim() } : {}),
    };
    // The bytes move to the worker (not copied); a view into a larger buffer is copied first.
    const job = 'bytes' in input ? { ...input, bytes: ownBuffer(input.bytes) } : input;
    this.#running.set(userId, running + 1);
    try {
      return await this.#pool.run({ input: job, options, context }, 'bytes' in job ? [job.bytes.buffer as ArrayBuffer] : []);
    } catch (error) {
      if (error instanceof ImportFailure) throw new AppError(error.code, error.message, error.params ? { params: error.params } : {});
      if (error instanceof PoolBusy) throw new AppError('import_busy', 'Too many imports are running; try again in a moment');
      if (error instanceof PoolClosed) throw new AppError('import_busy', 'The server is shutting down; try again in a moment');
      throw error;
    } finally {
      const left = (this.#running.get(userId) ?? 1) - 1;
      if (left > 0) this.#running.set(userId, left);
      else this.#running.delete(userId);
    }
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}

const ownBuffer = (bytes: Uint8Array): Uint8Array => (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice());
