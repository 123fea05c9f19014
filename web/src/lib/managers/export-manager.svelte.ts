// A board's exports as the page follows them (SPEC E5): the server answers a normal board's file at
// once and the download starts; a board too big for that is built in the background while the page
// shows where it is (waiting for a worker, building, converting to PDF) and downloads it when done.
// One export of each format at a time; a refusal is worded for the format that was asked for.
import { type ExportFormat, type ExportJobDto } from '@soplan/shared';
import { api, ApiError, failureOf } from '../api.ts';
import { errorMessage } from '../errors.ts';
import { t } from '../i18n/i18n.svelte.ts';

/** How often a background export is asked where it is. */
const POLL_MS = 1000;

/** The name the server gave the file (its `filename*`, the board's title), else the ASCII one. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!);
    } catch {
      // a malformed escape: the plain name below
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // the click has handed the file to the browser's downloads; the URL may go once it has read it
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export class ExportManager {
  readonly #boardId: string;
  #job = $state.raw<ExportJobDto | null>(null);
  #busy = $state.raw<ReadonlySet<ExportFormat>>(new Set());
  #error = $state('');
  #notice = $state('');
  #status = $state('');
  #destroyed = false;

  constructor(boardId: string) {
    this.#boardId = boardId;
  }

  /** The background export on its way, for the progress bar. */
  get job(): ExportJobDto | null {
    return this.#job;
  }
  get error(): string {
    return this.#error;
  }
  /** Something the person should know about the file they got. */
  get notice(): string {
    return this.#notice;
  }
  /** What screen readers are told (the download started, the file is being made). */
  get status(): string {
    return this.#status;
  }
  isBusy(format: ExportFormat): boolean {
    return this.#busy.has(format);
  }

  async export(format: ExportFormat): Promise<void> {
    if (this.#busy.has(format)) return;
    this.#busy = new Set([...this.#busy, format]);
    this.#error = '';
    this.#notice = '';
    this.#status = t('export.preparing', { format: t(`export.format.${format}`) });
    try {
      let job = await api.startExport(this.#boardId, format);
      if (job.state !== 'done') this.#job = job;
      while (job.state !== 'done' && job.state !== 'failed' && !this.#destroyed) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        job = await api.exportJob(job.id);
        this.#job = job;
      }
      if (this.#destroyed) return;
      if (job.state === 'failed') throw new ApiError(500, job.error?.code ?? 'internal', job.error?.message ?? 'failed', job.error?.params);
      const res = await fetch(`/api/exports/${job.id}/file`, { credentials: 'same-origin' });
      if (!res.ok) throw await failureOf(res);
      const blob = await res.blob();
      save(blob, fileNameOf(res.headers.get('content-disposition'), `board.${format}`));
      this.#status = t('export.downloaded', { format: t(`export.format.${format}`) });
      // a calendar of a board whose items name no dates is empty: said here, not only in the file
      if (format === 'ics' && !(await blob.text()).includes('BEGIN:VEVENT')) this.#notice = t('export.icsEmpty');
    } catch (e) {
      this.#status = '';
      this.#error = this.#message(e);
    } finally {
      this.#job = null;
      const busy = new Set(this.#busy);
      busy.delete(format);
      this.#busy = busy;
    }
  }

  dismiss(): void {
    this.#error = '';
    this.#notice = '';
  }

  destroy(): void {
    this.#destroyed = true;
  }

  #message(e: unknown): string {
    if (e instanceof ApiError && e.code === 'import_busy') return t('export.error.busy');
    return errorMessage(e);
  }
}
