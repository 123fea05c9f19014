// The exchange service: documents in and boards out, with everything sized by a file or a board run
// in the exchange worker (SPEC I2): import previews, boards created from content or as copies,
// JSON exports and item lists. It checks who may do what before any work, holds each person to two
// jobs at a time, and maps what can go wrong to the API's errors. Previews store nothing (I1).
import { IMPORT_LIMITS, PDF_INSTALL_COMMAND, type BoardDto, type ExportFormat, type ImportOptions } from '@soplan/shared';
import type { Logger } from 'pino';
import type { BoardIndexer } from '../boards/indexer.ts';
import { organisations, type Db } from '../db/index.ts';
import { AppError } from '../errors.ts';
import type { AccessEvents } from '../events.ts';
import { createBoard, documentSettingsOf, requireBoard, requireMembership, storedParts, type BuiltBoard } from '../workspaces/index.ts';
import type { CreateResult, ExchangeJob } from './board-jobs.ts';
import { PDF_DEFAULTS, PdfConverter, PdfError } from './export/pdf/index.ts';
import { ImportFailure } from './import/import-failure.ts';
import { PoolBusy, PoolClosed, WorkerPool } from './import/pool.ts';
import type { SourceInput } from './import/readers/index.ts';

/** Jobs one person may have running at once; more answer 503 import_busy. */
const PER_USER = 2;
/** Seconds a refused job is told to wait (Retry-After). */
const RETRY_AFTER = 5;

export interface ExchangeServiceOptions {
  /** Worker processes (one by default: the other core keeps serving everyone else). */
  workers?: number;
  /** Jobs waiting for a worker before new ones are refused. */
  maxQueue?: number;
  /** LibreOffice's command and time limit for PDF export. */
  libreOfficeCommand?: string;
  pdfTimeoutMs?: number;
}

/** A board written as a file, with its title for the download's name. */
export interface ExportedFile {
  body: string | Uint8Array;
  title: string;
}

/** What an export is doing: building the document in the worker, or converting it to PDF. */
export type ExportStage = 'building' | 'converting';

/** The board's calendar as one ICS file (calendars/ writes it from the board index, in this process), its links to the boards under `baseUrl`. */
export type BoardCalendar = (userId: string, boardId: string, baseUrl: string) => string;

export interface ExportOptions {
  /** Where the links in a calendar point: the public URL's origin, else the request's. */
  baseUrl: string;
  onStage?: (stage: ExportStage) => void;
}

export interface ExchangeDeps {
  db: Db;
  events: AccessEvents;
  indexer: BoardIndexer;
  log: Logger;
  today: () => string;
  calendar: BoardCalendar;
}

/** A person's place among the jobs running: taken before a request's body is read, given back when it is answered. */
export type Ticket = () => void;

export class ExchangeService {
  readonly #deps: ExchangeDeps;
  readonly #pool: WorkerPool<ExchangeJob, unknown>;
  readonly #running = new Map<string, number>();
  readonly #pdf: PdfConverter;
  readonly #pdfTimeoutMs: number;

  constructor(deps: ExchangeDeps, options: ExchangeServiceOptions = {}) {
    this.#deps = deps;
    this.#pool = new WorkerPool<ExchangeJob, unknown>({
      module: new URL('./worker.ts', import.meta.url),
      size: options.workers ?? 1,
      maxQueue: options.maxQueue ?? 8,
      maxHeapMb: IMPORT_LIMITS.maxHeapMb,
      timeoutMs: IMPORT_LIMITS.maxMilliseconds,
    });
    this.#pdfTimeoutMs = options.pdfTimeoutMs ?? PDF_DEFAULTS.timeoutMs;
    this.#pdf = new PdfConverter({ command: options.libreOfficeCommand ?? PDF_DEFAULTS.command, timeoutMs: this.#pdfTimeoutMs });
  }

  /**
   * Checks that the user may create boards in the workspace and takes one of their two places, before
   * the request's body is read: a stranger's or a flood's uploads are refused unread.
   */
  admit(userId: string, workspaceId: string): Ticket {
    requireMembership(this.#deps.db, workspaceId, userId, 'createBoard');
    return this.#take(userId);
  }

  /** Reads the file (or pasted HTML or text) and answers the preview of the board it holds, as JSON text (an ImportPreviewDto). */
  async preview(userId: string, workspaceId: string, input: SourceInput, options: ImportOptions, ticket: Ticket): Promise<string> {
    const context = {
      today: this.#deps.today(),
      organisations: organisations.list(this.#deps.db, workspaceId).map((o) => ({ name: o.name, partner: o.partner === 1 })),
      maxRows: IMPORT_LIMITS.maxRows,
      ...('fileName' in input ? { fileTitle: input.fileName.replace(/\.[^.]+$/, '').trim() } : {}),
    };
    return (await this.#run(userId, { type: 'import', job: { input, options, context } }, ticket)) as string;
  }

  /** A board from a `POST …/boards` body, read and built in the worker (blank, from an import's content, or a copy). */
  async createBoard(userId: string, workspaceId: string, body: string, ticket: Ticket): Promise<BoardDto> {
    const result = (await this.#run(userId, { type: 'create', body, today: this.#deps.today() }, ticket)) as CreateResult;
    if (result.type === 'invalid') throw new AppError(result.code, result.message, result.issues ? { issues: result.issues } : {});
    if (result.type === 'copy') return this.copyBoard(userId, workspaceId, result);
    const { db, events, indexer } = this.#deps;
    return createBoard(db, events, indexer, userId, workspaceId, result.type === 'built' ? { built: result.board } : result);
  }

  /** A copy of a board the user can read, moved by whole years and with statuses reset when asked (SPEC I13). */
  async copyBoard(userId: string, workspaceId: string, copy: { from: string; title?: string; shiftYears: number; resetStatus: boolean }): Promise<BoardDto> {
    const { db, events, indexer } = this.#deps;
    requireMembership(db, workspaceId, userId, 'createBoard');
    const { board } = requireBoard(db, copy.from, userId);
    const built = (await this.#run(userId, {
      type: 'copy',
      board: this.#stored(board),
      title: copy.title ?? board.title,
      shiftYears: copy.shiftYears,
      resetStatus: copy.resetStatus,
      today: this.#deps.today(),
    })) as BuiltBoard;
    return createBoard(db, events, indexer, userId, workspaceId, { built });
  }

  /**
   * The board as a file (SPEC E1–E5): its JSON form, DOCX or XLSX built in the worker, its PDF converted
   * from that DOCX by LibreOffice in this process's queue, or its calendar from the board index.
   */
  async exportBoard(userId: string, boardId: string, format: ExportFormat, { baseUrl, onStage }: ExportOptions): Promise<ExportedFile> {
    const { db, today } = this.#deps;
    const { board } = requireBoard(db, boardId, userId);
    if (format === 'ics') return { body: this.#deps.calendar(userId, boardId, baseUrl), title: board.title };
    // Said before the worker is asked, so a PDF nobody can make costs no DOCX.
    if (format === 'pdf' && !(await this.#pdf.available())) throw pdfUnavailable();
    const job: ExchangeJob = {
      type: 'export',
      board: this.#stored(board),
      format: format === 'pdf' ? 'docx' : format,
      settings: documentSettingsOf(db, board.workspace_id),
      today: today(),
    };
    // The person's place is held through the conversion too: the PDF queue is everyone's.
    const release = this.#take(userId);
    try {
      const body = (await this.#work(job, () => onStage?.('building'))) as string | Uint8Array;
      if (format !== 'pdf') return { body, title: board.title };
      onStage?.('converting');
      try {
        return { body: await this.#pdf.convert(body as Uint8Array), title: board.title };
      } catch (error) {
        throw error instanceof PdfError ? this.#pdfError(error) : error;
      }
    } finally {
      release();
    }
  }

  /** Whether PDF export works on this server (LibreOffice installed). */
  pdfAvailable(): Promise<boolean> {
    return this.#pdf.available();
  }

  /** The board's items in board order (BoardItemDto[]) as JSON text. */
  async items(userId: string, boardId: string): Promise<string> {
    const { board } = requireBoard(this.#deps.db, boardId, userId);
    return (await this.#run(userId, { type: 'items', board: this.#stored(board), today: this.#deps.today() })) as string;
  }

  async close(): Promise<void> {
    await Promise.all([this.#pool.close(), this.#pdf.close()]);
  }

  #stored(board: { id: string; kind: BuiltBoard['kind']; title: string }) {
    return { kind: board.kind, title: board.title, parts: storedParts(this.#deps.db, board.id) };
  }

  /** LibreOffice's refusals as the API's errors; the seconds of the limit go to the page. */
  #pdfError(error: PdfError): AppError {
    switch (error.code) {
      case 'pdf_unavailable':
        return pdfUnavailable();
      case 'pdf_busy':
        return new AppError('import_busy', 'Too many PDF exports are waiting; try again in a moment', {
          params: { retryAfter: RETRY_AFTER },
          headers: { 'Retry-After': String(RETRY_AFTER) },
        });
      case 'pdf_timeout':
        return new AppError('export_timeout', error.message, { params: { seconds: Math.round(this.#pdfTimeoutMs / 1000) } });
      case 'pdf_failed':
        return new AppError('export_failed', error.message);
    }
  }

  #take(userId: string): Ticket {
    const running = this.#running.get(userId) ?? 0;
    if (running >= PER_USER)
      throw new AppError('import_busy', `At most ${PER_USER} imports or board jobs of one person run at once`, {
        params: { limit: PER_USER, retryAfter: RETRY_AFTER },
        headers: { 'Retry-After': String(RETRY_AFTER) },
      });
    this.#running.set(userId, running + 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const left = (this.#running.get(userId) ?? 1) - 1;
      if (left > 0) this.#running.set(userId, left);
      else this.#running.delete(userId);
    };
  }

  /** Runs a job in the worker under the user's ticket (taken here unless the request took it before reading its body). */
  async #run(userId: string, job: ExchangeJob, ticket?: Ticket): Promise<unknown> {
    const release = ticket ?? this.#take(userId);
    try {
      return await this.#work(job);
    } finally {
      release();
    }
  }

  /** Runs a job in the worker, mapping what can go wrong to the API's errors. */
  async #work(job: ExchangeJob, onStart?: () => void): Promise<unknown> {
    try {
      return await this.#pool.run(job, onStart);
    } catch (error) {
      if (error instanceof ImportFailure) {
        // the worker's time limit, on a board rather than on a file
        if (job.type === 'export' && error.code === 'import_too_complex')
          throw new AppError('export_timeout', error.message, { params: { seconds: IMPORT_LIMITS.maxMilliseconds / 1000 } });
        throw new AppError(error.code, error.message, error.params ? { params: error.params } : {});
      }
      const busy = { params: { retryAfter: RETRY_AFTER }, headers: { 'Retry-After': String(RETRY_AFTER) } };
      if (error instanceof PoolBusy) throw new AppError('import_busy', 'Too many imports are running; try again in a moment', busy);
      if (error instanceof PoolClosed) throw new AppError('import_busy', 'The server is shutting down; try again in a moment', busy);
      // A reader's own bug on a strange file: the file is what it cannot read, and the server goes on.
      this.#deps.log.error({ err: error, job: job.type }, 'an exchange job failed');
      if (job.type === 'import') throw new AppError('corrupt_file', 'The file could not be read');
      throw error;
    }
  }
}

/** PDF export without LibreOffice: the page names the command that enables it. */
const pdfUnavailable = () =>
  new AppError('pdf_unavailable', `PDF export needs LibreOffice: ${PDF_INSTALL_COMMAND}`, { params: { command: PDF_INSTALL_COMMAND } });
