// Import (SPEC «Import», rules I1–I…): what `POST /api/workspaces/:id/imports` accepts and answers.
// The server reads a file (or pasted HTML or text), recognises the kind of board it holds and
// answers a preview in the board JSON form; nothing is stored until the board is created from it.
import { z } from 'zod';
import type { BoardJson } from './boards/board-json.ts';
import { BOARD_KINDS, type BoardKind } from './boards/kinds.ts';
import type { ErrorParams } from './errors.ts';
import { MAX_TITLE_LENGTH } from './limits.ts';

/** The files import reads, by extension. `json` is the board JSON form (export → import gives the same board). */
export const IMPORT_FORMATS = ['docx', 'odt', 'xlsx', 'csv', 'html', 'txt', 'md', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_LIMITS = {
  /** Bytes of an uploaded file or pasted body; beyond it the answer is 413. */
  maxBytes: 20 * 1024 * 1024,
  /** Entries of a DOCX/ODT/XLSX archive. */
  maxEntries: 2_000,
  /** Total uncompressed bytes an archive may declare. */
  maxUncompressedBytes: 100 * 1024 * 1024,
  /** How many times larger than compressed one entry may be (a zip bomb is far beyond). */
  maxCompressionRatio: 200,
  /** Server time one import may take in its worker before it is stopped. */
  maxMilliseconds: 15_000,
  /** Heap one import's worker may use. */
  maxHeapMb: 384,
  /** Rows of all tables together; a document beyond it is refused as too complex. */
  maxRows: 20_000,
} as const;

/**
 * What a table's column means: the roadmap's and the plan-graph's columns; `section` names the row's
 * section (направление) when a table gives it in a column of its own; `ignore` drops the column.
 */
export const COLUMN_ROLES = ['number', 'section', 'title', 'period', 'responsibles', 'result', 'month', 'form', 'date', 'partner', 'notes', 'ignore'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export interface ImportColumn {
  index: number;
  /** The header cell's text ('' when the table has no header row). */
  header: string;
  role: ColumnRole;
}

/** A table the document holds that could be the plan. */
export interface ImportTable {
  index: number;
  rows: number;
  columns: number;
  /** The kind its columns suggest, or null. */
  kind: BoardKind | null;
  /** Its header cells joined, or the heading above it. */
  caption: string;
}

export const IMPORT_WARNING_CODES = [
  /** A row with no title or number that could not be placed on the board; `params.text` quotes it. */
  'row_skipped',
  /** A row whose number cell was empty, joined to the item above it (split across a page). */
  'row_continued',
  /** A header row repeated inside the table (a page break), skipped. */
  'header_repeated',
  /** A column whose header means nothing Soplan knows; `params.header`. */
  'column_ignored',
  /** A period Soplan does not understand; kept as written. `params.text`. */
  'period_unknown',
  /** A cell listing several numbered мероприятия became one item each; `params.count`. */
  'cell_split',
  /** A responsible not matched to any of the workspace's organisations; `params.name`. */
  'responsible_unmatched',
  /** Something of the file that a board cannot hold (an image, a nested table); `params.text`. */
  'dropped',
  /** An event without a month the plan-graph could place; put in the plan's first month. */
  'month_unknown',
  /** The document holds no plan table; the board starts without items. */
  'no_plan',
] as const;
export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number];

export interface ImportWarning {
  code: ImportWarningCode;
  /** Where in the source (1-based table and row numbers) and, when it became one, the item's derived number. */
  where: { table?: number; row?: number; column?: number; item?: string };
  /** English, for API users and logs; the web words it from `code` and `params`. */
  message: string;
  params?: ErrorParams;
}

export interface ImportCounts {
  sections: number;
  items: number;
  /** Paragraphs and labelled fields kept outside the table (document header, passport, rich-text sections). */
  fields: number;
  warnings: number;
}

export interface ImportPreviewDto {
  format: ImportFormat | 'clipboard-html' | 'clipboard-text';
  kind: BoardKind;
  title: string;
  content: BoardJson;
  counts: ImportCounts;
  warnings: ImportWarning[];
  /** The plan table's columns as understood (empty for a programme without a plan table). */
  columns: ImportColumn[];
  /** Every table that could be the plan, and which one was taken (null: none). */
  tables: ImportTable[];
  table: number | null;
}

/** What the user may correct in the preview; sent again with the same file. */
export const importOptions = z.strictObject({
  kind: z.enum(BOARD_KINDS).optional(),
  title: z.string().trim().min(1).max(MAX_TITLE_LENGTH).optional(),
  table: z.number().int().min(0).max(1000).optional(),
  columns: z.array(z.enum(COLUMN_ROLES)).max(50).optional(),
});
export type ImportOptions = z.infer<typeof importOptions>;

/** The JSON body: pasted HTML (the clipboard's `text/html`) or text (its `text/plain`), with the options. */
export const importJsonBody = z.union([
  importOptions.extend({ html: z.string().min(1).max(IMPORT_LIMITS.maxBytes) }),
  importOptions.extend({ text: z.string().min(1).max(IMPORT_LIMITS.maxBytes) }),
]);
export type ImportJsonBody = z.infer<typeof importJsonBody>;
