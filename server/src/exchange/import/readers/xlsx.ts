// XLSX → SourceDocument: each visible sheet with any text becomes one table named after the sheet,
// cut to the box of its non-empty cells, with the lines written above and below it as paragraphs
// (see splitLines). Merged ranges become colSpan/rowSpan (the covered cells are left out, as in
// HTML); rich text keeps its bold runs; dates are written dd.mm.yyyy, numbers as plain numerals,
// formulas as their cached result; a line break in a cell starts a new paragraph.
import { IMPORT_LIMITS } from '@soplan/shared';
import type { Cell as SheetCell, CellValue, Worksheet } from 'exceljs';
import type { Archive } from '../archive.ts';
import { ImportFailure, libraryFailure } from '../import-failure.ts';
import type { Block, Cell, Inline, Paragraph, Row, SourceDocument } from '../source-document.ts';
import { Budget, MAX_COLUMNS } from './budget.ts';
import { cellOf, finishDocument, paragraphOf } from './clean.ts';
import { NOTE_WIDE_TABLE } from './notes.ts';

export async function readXlsx(archive: Archive, budget: Budget): Promise<SourceDocument> {
  // loaded when first needed: it is a quarter of a second of a worker's start
  const { default: ExcelJS } = await import('exceljs');
  checkMerges(archive);
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own ArrayBuffer-like `Buffer`; JSZip reads an ArrayBuffer
  try {
    await workbook.xlsx.load(archive.checkedCopy().buffer);
  } catch (error) {
    throw libraryFailure('XLSX', error);
  }
  const blocks: Block[] = [];
  const notes: string[] = [];
  for (const sheet of workbook.worksheets) if (sheet.state === 'visible') blocks.push(...readSheet(sheet, budget, notes));
  return finishDocument(blocks, notes);
}

/** Cells all merged ranges of a workbook may cover together: as many as the largest table read. */
const MAX_MERGED_CELLS = IMPORT_LIMITS.maxRows * MAX_COLUMNS;

/**
 * exceljs makes an object of every cell a merged range covers, so one range «A1:XFD1048576» takes
 * any heap; the ranges are read from the sheets' XML and their area bounded before it loads them.
 */
function checkMerges(archive: Archive): void {
  let area = 0;
  for (const name of archive.entries.keys()) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    for (const [, ref] of archive.xml(name).matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]*)"/g)) {
      const merge = parseRange(ref!);
      if (merge) area += (merge.bottom - merge.top + 1) * (merge.right - merge.left + 1);
      if (area > MAX_MERGED_CELLS)
        throw new ImportFailure('import_too_complex', `Merged ranges cover more than ${MAX_MERGED_CELLS} cells`, { maxMergedCells: MAX_MERGED_CELLS });
    }
  }
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** «B2:D4» as 1-based bounds. */
function parseRange(range: string): Merge | null {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(range.toUpperCase());
  if (!m) return null;
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [a, b] = [column(m[1]!), column(m[3]!)];
  const [r1, r2] = [Number(m[2]), Number(m[4])];
  return { top: Math.min(r1, r2), left: Math.min(a, b), bottom: Math.max(r1, r2), right: Math.max(a, b) };
}

function readSheet(sheet: Worksheet, budget: Budget, notes: string[]): Block[] {
  const texts = new Map<string, Paragraph[]>();
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const paragraphs = cellParagraphs(cell, budget);
      if (paragraphs.length === 0) return;
      texts.set(`${r}:${c}`, paragraphs);
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  if (texts.size === 0) return [];
  budget.rows(bottom - top + 1);
  const lastColumn = Math.min(right, left + MAX_COLUMNS - 1);
  if (lastColumn < right) notes.push(NOTE_WIDE_TABLE);
  const width = lastColumn - left + 1;
  const at = (r: number, c: number): number => (r - top) * width + (c - left);

  // merges cut to the box (exceljs refuses overlapping ones)
  const masters = new Map<number, Merge>();
  const covered = new Set<number>();
  for (const range of sheet.model.merges ?? []) {
    const merge = parseRange(range);
    if (!merge || merge.bottom < top || merge.top > bottom || merge.right < left || merge.left > lastColumn) continue;
    const cut = {
      top: Math.max(merge.top, top),
      left: Math.max(merge.left, left),
      bottom: Math.min(merge.bottom, bottom),
      right: Math.min(merge.right, lastColumn),
    };
    masters.set(at(cut.top, cut.left), cut);
    for (let r = cut.top; r <= cut.bottom; r++) for (let c = cut.left; c <= cut.right; c++) if (r !== cut.top || c !== cut.left) covered.add(at(r, c));
  }

  const rows: Row[] = [];
  for (let r = top; r <= bottom; r++) {
    const cells: Cell[] = [];
    for (let c = left; c <= lastColumn; c++) {
      if (covered.has(at(r, c))) continue;
      const merge = masters.get(at(r, c));
      cells.push(cellOf(texts.get(`${r}:${c}`) ?? [], merge ? merge.right - merge.left + 1 : 1, merge ? merge.bottom - merge.top + 1 : 1));
    }
    rows.push({ cells });
  }
  return splitLines(rows, sheet.name);
}

const textCells = (row: Row): Cell[] => row.cells.filter((c) => c.paragraphs.length > 0);

/**
 * The sheet's rows as the document they stand for: lines written above the table (a title in one
 * cell, often merged across) are paragraphs before it, and lines below it after an empty row are
 * paragraphs after it; the table runs from its first row of two or more cells of text. A sheet
 * without such a row is no table, only lines. A row that continues the table (one cell of text
 * right under it, as a page-split row) stays in it.
 */
function splitLines(rows: Row[], name: string): Block[] {
  const wide = rows.map((row) => textCells(row).length >= 2);
  const first = wide.indexOf(true);
  const lines = (part: Row[]): Paragraph[] => part.flatMap((row) => textCells(row).flatMap((c) => c.paragraphs));
  if (first < 0) return lines(rows);
  let end = wide.lastIndexOf(true) + 1;
  while (end < rows.length && textCells(rows[end]!).length > 0) end += 1;
  // a merge reaching from a line into the table (or out of it) keeps the sheet whole
  const crosses = rows.some((row, r) => row.cells.some((c) => (r < first && r + c.rowSpan > first) || (r < end && r + c.rowSpan > end)));
  if (crosses) return [{ type: 'table', rows, name }];
  return [...lines(rows.slice(0, first)), { type: 'table', rows: rows.slice(first, end), name }, ...lines(rows.slice(end))];
}

const two = (n: number) => String(n).padStart(2, '0');
/** exceljs reads dates as UTC midnight of the day Excel shows. */
const formatDate = (date: Date): string => `${two(date.getUTCDate())}.${two(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
/** A number as Excel shows it in General format: no binary noise (0.1 + 0.2 is «0.3»). */
const formatNumber = (n: number): string => String(Number(n.toPrecision(15)));

type Value = CellValue;

function plain(value: Value | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatDate(value);
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : plain(value.text as Value);
  if ('result' in value) return plain(value.result);
  return '';
}

/** The runs of a cell, before they are split into paragraphs at line breaks. */
function runs(cell: SheetCell): Inline[] {
  const bold = cell.font?.bold === true;
  const italic = cell.font?.italic === true;
  const value = cell.value;
  const run = (text: string, b: boolean, i: boolean, href?: string): Inline => ({
    text,
    ...(b ? { bold: true } : {}),
    ...(i ? { italic: true } : {}),
    ...(href !== undefined ? { href } : {}),
  });
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    if ('richText' in value) return value.richText.map((r) => run(r.text, r.font?.bold ?? bold, r.font?.italic ?? italic));
    if ('hyperlink' in value) return [run(plain(value), bold, italic, value.hyperlink)];
  }
  return [run(plain(value), bold, italic)];
}

function cellParagraphs(cell: SheetCell, budget: Budget): Paragraph[] {
  const align = cell.alignment?.horizontal;
  const props = align === 'center' || align === 'centerContinuous' ? { align: 'center' as const } : align === 'right' ? { align: 'right' as const } : {};
  const lines: Inline[][] = [[]];
  for (const inline of runs(cell)) {
    inline.text.split(/\r\n|\r|\n/).forEach((part, i) => {
      if (i > 0) lines.push([]);
      lines.at(-1)!.push({ ...inline, text: part });
    });
  }
  const paragraphs: Paragraph[] = [];
  for (const line of lines) {
    const p = paragraphOf(line, props);
    if (!p) continue;
    budget.paragraph();
    paragraphs.push(p);
  }
  return paragraphs;
}
