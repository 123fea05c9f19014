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

/** The same choices, whatever order their keys were set in. */
function sameOptions(a: ImportOptions, b: ImportOptions): boolean {
  return a.kind === b.kind && a.table === b.table && JSON.stringify(a.columns ?? null) === JSON.stringify(b.columns ?? null);
}

/** Why a correction of a preview was refused, in terms of the correction rather than of the document. */
function correctionErrorMessage(e: unknown, source: ImportSource): string {
  if (e instanceof ApiError && e.code === 'nothing_to_import') return t('import.error.correctionEmpty');
  return importErrorMessage(e, source);
}

/** Refusals of the file itself, as opposed to the network or the server being busy. */
const FILE_REFUSALS: ReadonlySet<string> = new Set(['unsupported_format', 'format_mismatch', 'corrupt_file', 'doctype_refused', 'nothing_to_import']);

/**
 * Why a file was refused, naming it: the two formats people most often bring (an old Word .doc, a
 * PDF) get the way round instead of the list of formats.
 */
function readErrorMessage(e: unknown, source: ImportSource): string {
  if (!('file' in source) || !(e instanceof ApiError) || !FILE_REFUSALS.has(e.code)) return importErrorMessage(e, source);
  const name = source.file.name;
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (ext === 'doc' && e.code !== 'nothing_to_import') return t('import.error.doc', { name });
  if (ext === 'pdf' && e.code !== 'nothing_to_import') return t('import.error.pdf', { name });
  return t('import.error.named', { name, message: importErrorMessage(e, source) });
}

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
  /** Only what the user chose; the rest the server recognises. Kept when a correction is refused, so the selects show it and it can be changed back. */
  #options = $state.raw<ImportOptions>({});
  /** The options the preview on screen was made with. */
  #shown = $state.raw<ImportOptions>({});
  #titleEdited = $state(false);
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
  /** The kind, table and column roles as the user chose them, which may differ from the preview's while it is stale. */
  get kind(): BoardKind | null {
    return this.#options.kind ?? this.#preview?.kind ?? null;
  }
  get table(): number | null {
    return this.#options.table ?? this.#preview?.table ?? null;
  }
  columnRole(index: number): ColumnRole | undefined {
    return this.#options.columns?.[index] ?? this.#preview?.columns.find((c) => c.index === index)?.role;
  }
  /**
   * The preview on screen was not made with the choices now shown (the server refused them, or the
   * question failed): nothing may be created from it until a question with these choices succeeds.
   */
  get stale(): boolean {
    return this.#preview !== null && !sameOptions(this.#options, this.#shown);
  }
  /** The user changed something of the preview (title, kind, table, columns): closing would lose it. */
  get changed(): boolean {
    return this.#preview !== null && (this.#titleEdited || Object.keys(this.#options).length > 0);
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
    if (!this.#preview || kind === this.kind) return;
    // Column roles differ by kind: the server assigns them afresh.
    const { columns: _, ...rest } = this.#options;
    this.#choose({ ...rest, kind });
  }

  setTable(table: number): void {
    if (!this.#preview || table === this.table) return;
    const { columns: _, ...rest } = this.#options;
    this.#choose({ ...rest, table });
  }

  setColumn(index: number, role: ColumnRole): void {
    const preview = this.#preview;
    if (!preview) return;
    const length = Math.max(index + 1, this.#options.columns?.length ?? 0, ...preview.columns.map((c) => c.index + 1));
    const columns: ColumnRole[] = Array.from({ length }, (_, i) => this.columnRole(i) ?? 'ignore');
    if (columns[index] === role) return;
    columns[index] = role;
    // The roles belong to this kind and this table: both are sent with them, so the server does not recognise others.
    const kind = this.kind ?? preview.kind;
    const table = this.table;
    this.#choose({ ...this.#options, kind, ...(table !== null ? { table } : {}), columns });
  }

  /** New choices: back to those the preview on screen was made with needs no question (a refused role changed back). */
  #choose(options: ImportOptions): void {
    if (this.#preview && sameOptions(options, this.#shown)) {
      this.#cancel();
      this.#options = this.#shown;
      this.#error = '';
      this.#canRetry = false;
      return;
    }
    this.#options = options;
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
    // A stale preview is not what the selects say: the board would not be the one the user chose.
    if (!preview || this.#phase !== 'preview' || this.#refreshing || this.stale) return null;
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
      this.#canRetry = e instanceof ApiError && TRANSIENT.has(e.code);
      // A refused correction stays chosen (the preview is then stale and creates nothing): the user
      // sees what was refused and can change it back or try another.
      if (this.#preview) this.#error = correctionErrorMessage(e, source);
      else {
        this.#error = readErrorMessage(e, source);
        this.#phase = 'choose';
      }
    } finally {
      if (this.#controller === controller) {
        this.#controller = null;
        this.#refreshing = false;
        this.#sent = null;
      }
    }
  }
}
