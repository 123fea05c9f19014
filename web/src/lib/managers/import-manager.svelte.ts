// The import dialog's state: what is being read (a file or a paste), the server's preview of the
// board it would make, what the user corrected (kind, table, column roles — each correction asks the
// server again with the same source), the title, and the board created from it in one step. Nothing
// is stored before `create()`; a newer question cancels the one on its way, so an older answer never
// replaces a newer one.
import { IMPORT_LIMITS, type BoardDto, type BoardKind, type ColumnRole, type ImportOptions, type ImportPreviewDto, type OrganisationDto } from '@soplan/shared';
import { api, ApiError, type ImportSource } from '../api.ts';
import { errorMessage, importErrorMessage } from '../errors.ts';
import { t } from '../i18n/i18n.svelte.ts';

export type ImportPhase = 'choose' | 'reading' | 'preview' | 'creating';

/** Refusals that may pass when the same is sent again a little later. */
const TRANSIENT: ReadonlySet<string> = new Set(['import_busy', 'network', 'internal', 'rate_limited']);

const byteSize = (text: string) => new Blob([text]).size;

export class ImportManager {
  #phase = $state<ImportPhase>('choose');
  #source = $state.raw<ImportSource | null>(null);
  #preview = $state.raw<ImportPreviewDto | null>(null);
  #title = $state('');
  #error = $state('');
  #canRetry = $state(false);
  /** Share of the file uploaded (0–1) while it goes out; null once the server is reading, or for a paste. */
  #sent = $state<number | null>(null);
  /** A correction is being previewed: the previous preview stays on screen meanwhile. */
  #refreshing = $state(false);
  #organisations = $state.raw<OrganisationDto[]>([]);
  /** Only what the user chose; the rest the server recognises. */
  #options: ImportOptions = {};
  /** The options the preview on screen was made with: a refused correction goes back to them. */
  #shown: ImportOptions = {};
  #titleEdited = false;
  #controller: AbortController | null = null;
  readonly #workspaceId: string;

  constructor(workspaceId: string) {
    this.#workspaceId = workspaceId;
    // Without them the preview still lists every responsible, each marked unmatched.
    api.organisations(workspaceId).then(
      (o) => (this.#organisations = o),
      () => (this.#organisations = []),
    );
  }

  get phase(): ImportPhase {
    return this.#phase;
  }
  get source(): ImportSource | null {
    return this.#source;
  }
  get preview(): ImportPreviewDto | null {
    return this.#preview;
  }
  get error(): string {
    return this.#error;
  }
  /** The error may pass by trying the same again (the server was busy, the network dropped). */
  get canRetry(): boolean {
    return this.#canRetry;
  }
  get sent(): number | null {
    return this.#sent;
  }
  get refreshing(): boolean {
    return this.#refreshing;
  }
  get organisations(): OrganisationDto[] {
    return this.#organisations;
  }
  get title(): string {
    return this.#title;
  }
  set title(value: string) {
    this.#title = value;
    this.#titleEdited = true;
  }

  readFile(file: File): void {
    if (file.size > IMPORT_LIMITS.maxBytes) return this.#refuse(new ApiError(413, 'payload_too_large', 'file too large'), { file });
    this.#start({ file });
  }

  /** A paste: the clipboard's HTML (a table copied from Word, LibreOffice, Google Docs), else its text. */
  paste(data: DataTransfer | null): void {
    const html = data?.getData('text/html') ?? '';
    const text = data?.getData('text/plain') ?? '';
    const source: ImportSource | null = html.trim() ? { html } : text.trim() ? { text } : null;
    if (!source) {
      this.#error = t('import.error.emptyPaste');
      this.#canRetry = false;
      return;
    }
    if (byteSize('html' in source ? source.html : source.text) > IMPORT_LIMITS.maxBytes)
      return this.#refuse(new ApiError(413, 'payload_too_large', 'paste too large'), source);
    this.#start(source);
  }

  setKind(kind: BoardKind): void {
    if (!this.#preview || kind === this.#preview.kind) return;
    // Column roles differ by kind: the server assigns them afresh.
    const { columns: _, ...rest } = this.#options;
    this.#options = { ...rest, kind };
    void this.#ask();
  }

  setTable(table: number): void {
    if (!this.#preview || table === this.#preview.table) return;
    const { columns: _, ...rest } = this.#options;
    this.#options = { ...rest, table };
    void this.#ask();
  }

  setColumn(index: number, role: ColumnRole): void {
    const preview = this.#preview;
    if (!preview) return;
    const columns: ColumnRole[] = Array.from({ length: Math.max(0, ...preview.columns.map((c) => c.index + 1)) }, () => 'ignore');
    for (const c of preview.columns) columns[c.index] = c.role;
    if (columns[index] === role) return;
    columns[index] = role;
    // The roles belong to this kind and this table: both are sent with them, so the server does not recognise others.
    this.#options = { ...this.#options, kind: preview.kind, ...(preview.table !== null ? { table: preview.table } : {}), columns };
    void this.#ask();
  }

  /** Sends the same source and corrections again (after a transient refusal). */
  retry(): void {
    void this.#ask();
  }

  /** Back to the drop zone, forgetting the source and its preview. */
  again(): void {
    this.#cancel();
    this.#source = null;
    this.#preview = null;
    this.#error = '';
    this.#canRetry = false;
    this.#phase = 'choose';
  }

  /** Creates the board the preview shows, with the title as edited; the dialog then opens it. */
  async create(): Promise<BoardDto | null> {
    const preview = this.#preview;
    if (!preview || this.#phase !== 'preview' || this.#refreshing) return null;
    const title = this.#title.trim() || preview.title;
    this.#phase = 'creating';
    this.#error = '';
    try {
      return await api.createBoard(this.#workspaceId, preview.kind, title, { ...preview.content, title });
    } catch (e) {
      this.#error = errorMessage(e, { title: t('boards.create.titleLabel'), content: t('import.preview') });
      this.#canRetry = false;
      this.#phase = 'preview';
      return null;
    }
  }

  /** The dialog closes: a question on its way is cancelled. */
  close(): void {
    this.#cancel();
  }

  #start(source: ImportSource): void {
    this.#source = source;
    this.#preview = null;
    this.#options = {};
    this.#shown = {};
    this.#title = '';
    this.#titleEdited = false;
    void this.#ask();
  }

  #refuse(e: ApiError, source: ImportSource): void {
    this.#cancel();
    this.#source = null;
    this.#preview = null;
    this.#phase = 'choose';
    this.#error = importErrorMessage(e, source);
    this.#canRetry = false;
  }

  #cancel(): void {
    this.#controller?.abort();
    this.#controller = null;
    this.#refreshing = false;
    this.#sent = null;
  }

  async #ask(): Promise<void> {
    const source = this.#source;
    if (!source) return;
    this.#cancel();
    const controller = new AbortController();
    this.#controller = controller;
    this.#error = '';
    this.#canRetry = false;
    if (this.#preview) this.#refreshing = true;
    else this.#phase = 'reading';
    this.#sent = 'file' in source ? 0 : null;
    try {
      const preview = await api.importPreview(this.#workspaceId, source, this.#options, {
        signal: controller.signal,
        onProgress: (sent) => (this.#sent = sent < 1 ? sent : null),
      });
      if (controller.signal.aborted) return;
      this.#preview = preview;
      this.#shown = this.#options;
      if (!this.#titleEdited) this.#title = preview.title;
      this.#phase = 'preview';
    } catch (e) {
      if (controller.signal.aborted) return;
      this.#error = importErrorMessage(e, source);
      this.#canRetry = e instanceof ApiError && TRANSIENT.has(e.code);
      // A correction refused for good is dropped (a retry sends a transient one again), and the
      // selects show the preview's kind, table and roles again.
      if (!this.#canRetry) this.#options = this.#shown;
      if (this.#preview) this.#preview = { ...this.#preview };
      else this.#phase = 'choose';
    } finally {
      if (this.#controller === controller) {
        this.#controller = null;
        this.#refreshing = false;
        this.#sent = null;
      }
    }
  }
}
