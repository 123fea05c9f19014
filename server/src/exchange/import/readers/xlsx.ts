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
import { Budget, MAX_COLUMNS, MAX_PARAGRAPHS } from './budget.ts';
import { cellOf, finishDocument, paragraphOf } from './clean.ts';
import { NOTE_WIDE_TABLE } from './notes.ts';

export async function readXlsx(archive: Archive, budget: Budget): Promise<SourceDocument> {
  // loaded when first needed: it is a quarter of a second of a worker's start
  const { default: ExcelJS } = await import('exceljs');
  // every sheet is scanned (and cut) as the copy for exceljs is made, before exceljs sees any
  const scan = new SheetScan();
  const copy = archive.checkedCopy((name, xml) => (SHEET_PART.test(name) ? scan.sheet(xml) : xml));
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own ArrayBuffer-like `Buffer`; JSZip reads an ArrayBuffer
  try {
    await workbook.xlsx.load(copy.buffer);
  } catch (error) {
    throw libraryFailure('XLSX', error);
  }
  const blocks: Block[] = [];
  const notes: string[] = [];
  for (const sheet of workbook.worksheets) if (sheet.state === 'visible') blocks.push(...readSheet(sheet, budget, notes));
  return finishDocument(blocks, notes);
}

/** The parts exceljs reads as sheets: its own test, unanchored (so «a/xl/worksheets/sheet1.xml» is one). */
const SHEET_PART = /xl\/worksheets\/sheet\d+[.]xml/;
/** Excel's grid ends at column XFD: no spreadsheet writes a sheet wider. */
const SHEET_COLUMNS = 16_384;
/** Cells exceljs may lay out in the whole workbook, text or not: a cell of text is at least one paragraph of the budget. */
const MAX_SHEET_CELLS = MAX_PARAGRAPHS;
/** Cells all merged ranges of a workbook may cover together: exceljs makes an object of each, like a cell's. */
const MAX_MERGED_CELLS = MAX_SHEET_CELLS;
/** Merged ranges of a workbook: exceljs checks each against every one before it (a merge in each row of a 2 000-row table). */
const MAX_MERGES = 2_000;

// A tag's attributes, quoted values included: a value may hold «>» but never «<», so neither a
// «>» in a value nor a quote left open can carry the match past the next tag.
const ATTRIBUTES = String.raw`(?:[^<>"']|"[^"<]*"|'[^'<]*')*`;
/** The elements that say how much exceljs lays out: rows, cells, column ranges, merged ranges. */
const SHEET_TAG = new RegExp(String.raw`<(?:[\w.-]+:)?(row|c|col|mergeCell)(?=[\s/>])(${ATTRIBUTES})>`, 'g');
/**
 * What exceljs expands and the reader never uses: `<cols>` (an object per column of each range;
 * Excel writes one to XFD for a styled row, on every sheet that has one) and `<dataValidations>`
 * (an object per cell each covers; a list on a whole column is a million).
 */
const UNREAD = new RegExp(String.raw`<((?:[\w.-]+:)?(?:cols|dataValidations))(?=[\s/>])${ATTRIBUTES}>`, 'g');

const tooComplex = (message: string, params: Record<string, number>) => new ImportFailure('import_too_complex', message, params);
const beyondGrid = () => tooComplex(`A sheet reaches past column XFD, the last a spreadsheet has`, { maxColumn: SHEET_COLUMNS });

/**
 * exceljs builds the whole workbook before the reader sees a cell: an object per row and cell, an
 * array slot per row up to a sheet's last row number and per column up to a row's last one, an
 * object per cell a merged range covers (and its rows), and it checks each merged range against all
 * before it. So the sheets' XML is read for these first and bounded over the workbook (one sheet's
 * limit would be multiplied by the sheets): rows as positions like the budget's
 * (IMPORT_LIMITS.maxRows), cells as MAX_SHEET_CELLS, merged ranges as MAX_MERGES and the cells they
 * cover as MAX_MERGED_CELLS, columns by Excel's grid. Each count is checked as it grows, so a
 * refusal comes at the tag that crossed it. Numbers and references are read as exceljs reads them.
 */
class SheetScan {
  #rows = 0;
  #cells = 0;
  #merged = 0;
  #merges = 0;

  /** Checks one sheet's XML and answers it without what exceljs would expand unused. */
  sheet(xml: string): string {
    let highestRow = 0;
    let rowTags = 0;
    let row = 0;
    // the current row: its cells, its last column, the column a cell without a reference takes after
    let cells = 0;
    let lastColumn = 0;
    let column = 0;
    const rowSlots = (): number => Math.max(cells, lastColumn);
    const reachRow = (number: number): void => {
      highestRow = Math.max(highestRow, number);
      const rows = this.#rows + Math.max(highestRow, rowTags);
      if (rows > IMPORT_LIMITS.maxRows)
        throw tooComplex(`The workbook's sheets run to more than ${IMPORT_LIMITS.maxRows} rows`, { maxRows: IMPORT_LIMITS.maxRows, rows });
    };
    for (const [, tag, attributes] of xml.matchAll(SHEET_TAG)) {
      if (tag === 'row') {
        this.#cells += rowSlots();
        cells = lastColumn = column = 0;
        const number = Number.parseInt(attribute(attributes!, 'r') ?? '', 10);
        row = Number.isNaN(number) ? row + 1 : number;
        rowTags += 1;
        reachRow(row);
      } else if (tag === 'c') {
        const letters = addressOf(attribute(attributes!, 'r') ?? '').column;
        column = letters > 0 ? letters : column + 1;
        if (column > SHEET_COLUMNS) throw beyondGrid();
        cells += 1;
        lastColumn = Math.max(lastColumn, column);
        if (this.#cells + rowSlots() > MAX_SHEET_CELLS)
          throw tooComplex(`The workbook's sheets hold more than ${MAX_SHEET_CELLS} cells`, { maxCells: MAX_SHEET_CELLS });
      } else if (tag === 'col') {
        for (const bound of ['min', 'max']) if (Number.parseInt(attribute(attributes!, bound) ?? '', 10) > SHEET_COLUMNS) throw beyondGrid();
      } else {
        // exceljs makes every cell of the range, and the rows they are in
        const ref = attribute(attributes!, 'ref') ?? '';
        const ends = ref.split(':');
        const [a, b] = ends.length === 2 ? [addressOf(ends[0]!), addressOf(ends[1]!)] : [addressOf(ref), addressOf(ref)];
        if (Math.max(a.column, b.column) > SHEET_COLUMNS) throw beyondGrid();
        reachRow(Math.max(a.row, b.row));
        this.#merges += 1;
        if (this.#merges > MAX_MERGES) throw tooComplex(`The workbook has more than ${MAX_MERGES} merged ranges`, { maxMerges: MAX_MERGES });
        this.#merged += (Math.abs(a.row - b.row) + 1) * (Math.abs(a.column - b.column) + 1);
        if (this.#merged > MAX_MERGED_CELLS) throw tooComplex(`Merged ranges cover more than ${MAX_MERGED_CELLS} cells`, { maxMergedCells: MAX_MERGED_CELLS });
      }
    }
    this.#cells += rowSlots();
    this.#rows += Math.max(highestRow, rowTags);
    return withoutUnread(xml);
  }
}

const ATTRIBUTE_PATTERNS = new Map(['r', 'min', 'max', 'ref'].map((name) => [name, new RegExp(String.raw`(?:^|\s)${name}\s*=\s*(?:"([^"]*)"|'([^']*)')`)]));

/** An attribute's value with its character references decoded as the XML parser does (the only entities that can spell a number or a column). */
function attribute(attributes: string, name: string): string | undefined {
  const m = ATTRIBUTE_PATTERNS.get(name)!.exec(attributes);
  if (!m) return undefined;
  return (m[1] ?? m[2]!).replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (whole, ref: string) => {
    const code = ref[0] === 'x' ? Number.parseInt(ref.slice(1), 16) : Number.parseInt(ref, 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * A cell reference as exceljs reads it (colCache.decodeAddress): capital letters before the first
 * digit make the column, digits the row, and reading stops at any other character but «$» once both
 * have begun; 0 for a part that is missing. Both are capped just past what the limits allow.
 */
function addressOf(ref: string): { column: number; row: number } {
  let column = 0;
  let row = 0;
  let digits = false;
  for (const ch of ref) {
    if (!digits && ch >= 'A' && ch <= 'Z') column = Math.min(column * 26 + ch.charCodeAt(0) - 64, SHEET_COLUMNS + 1);
    else if (ch >= '0' && ch <= '9') {
      digits = true;
      row = Math.min(row * 10 + ch.charCodeAt(0) - 48, Number.MAX_SAFE_INTEGER);
    } else if (digits && column > 0 && ch !== '$') break;
  }
  return { column, row };
}

/** The sheet without its UNREAD elements; one left unclosed stays for exceljs's parser to refuse. */
function withoutUnread(xml: string): string {
  let out = '';
  let from = 0;
  for (const m of xml.matchAll(UNREAD)) {
    if (m.index < from) continue;
    const [open, name] = m;
    let end = m.index + open.length;
    if (!open.endsWith('/>')) {
      const close = xml.indexOf(`</${name!}`, end);
      const closeEnd = close < 0 ? -1 : xml.indexOf('>', close);
      if (closeEnd < 0) break;
      end = closeEnd + 1;
    }
    out += xml.slice(from, m.index);
    from = end;
  }
  return from === 0 ? xml : out + xml.slice(from);
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
