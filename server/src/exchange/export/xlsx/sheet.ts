// One sheet of the workbook: a table as the DOCX sets it, made a working file — the board's title
// merged above it, a header row that stays frozen, filters and repeats on every printed page, section
// rows merged across the table, bold and filled, every cell wrapped and set at the top, in the
// workspace's font; printed on A4 fitted to the page's width, margins and page numbers as the
// document settings say.
import type { DocumentSettings } from '@soplan/shared';
import type { Alignment, Borders, Cell, Fill, Font, Workbook, Worksheet } from 'exceljs';
import { LANDSCAPE_COLUMNS } from '../docx/layout.ts';
import { cellText } from './text.ts';

export interface Column {
  header: string;
  /** Characters of Excel's default font (its column width unit). */
  width: number;
  /** Short values (numbers, dates) centred. */
  centre?: boolean;
  /** Labels (a passport's) in bold. */
  bold?: boolean;
}

/** A cell's value: text, or a day (a real date Excel sorts and filters, shown dd.mm.yyyy). */
export type Value = string | Date;

export type Row = { section: string } | { cells: readonly Value[] };

export interface SheetSpec {
  name: string;
  /** The line above the table (the board's title), merged across it. */
  title: string;
  columns: readonly Column[];
  /** Whether the table has a header row (a passport, labels beside values, has none). */
  header: boolean;
  rows: readonly Row[];
}

/** A4 in Excel's paper sizes. */
const PAPER_A4 = 9;
const MM_PER_INCH = 25.4;
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const SECTION_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN = { style: 'thin' } as const;
const BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const DATE_FORMAT = 'dd.mm.yyyy';

/** The tallest row Excel has, points. */
const MAX_ROW_HEIGHT = 409;

/**
 * Lines a text takes in a column. A width unit is the digit of the workbook's default font,
 * Calibri 11: 7 px; a point is 4/3 px; Times New Roman's Russian text averages 0.47 of its size a
 * character (bold 0.51), and word wrapping leaves lines short: half its size a character, then.
 */
function linesIn(text: string, widthUnits: number, fontPt: number): number {
  const perLine = Math.max(1, Math.floor((widthUnits * 7) / (((fontPt * 4) / 3) * 0.5)));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil([...line].length / perLine)), 0);
}

/**
 * A row's height from the lines its tallest cell takes. A file that gives none leaves it to the
 * program that opens it: LibreOffice shows one line of each row's text, and no program sizes a row
 * to text in merged cells.
 */
function rowHeight(cells: readonly { text: string; width: number }[], fontPt: number): number {
  const lines = Math.max(1, ...cells.map((c) => linesIn(c.text, c.width, fontPt)));
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * fontPt * 1.2 + 4));
}

const inches = (mm: number) => Math.round((mm / MM_PER_INCH) * 1000) / 1000;

/** A cell's look: wrapped, at the top unless told; a cell of the table is boxed, the title is not. */
function style(cell: Cell, font: Partial<Font>, alignment: Partial<Alignment>, fill?: Fill, boxed = true): void {
  cell.font = font;
  cell.alignment = { wrapText: true, vertical: 'top', ...alignment };
  if (boxed) cell.border = BORDERS;
  if (fill) cell.fill = fill;
}

/** A value as a cell holds it: text as `cellText` makes it, a day as it is. */
const written = (value: Value): Value => (value instanceof Date ? value : cellText(value));

/** Puts a written value: text stays text (exceljs writes a string as a string: never a formula, a link or a number), a day a date. */
function put(cell: Cell, value: Value): void {
  cell.value = value;
  if (value instanceof Date) cell.numFmt = DATE_FORMAT;
}

/** What a value shows, to measure its lines by. */
const shown = (value: Value) => (value instanceof Date ? '00.00.0000' : value);

export function addSheet(workbook: Workbook, spec: SheetSpec, settings: DocumentSettings): Worksheet {
  const span = spec.columns.length;
  const width = spec.columns.reduce((n, c) => n + c.width, 0);
  const font: Partial<Font> = { name: settings.fontFamily, size: settings.tableFontSizePt };
  const titleRow = 1;
  const headerRow = spec.header ? 2 : 0;
  const firstBody = spec.header ? 3 : 2;
  const lastRow = firstBody + spec.rows.length - 1;
  const pageNumbers = '&C&P';
  const sheet = workbook.addWorksheet(spec.name, {
    views: spec.header ? [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${firstBody}`, activeCell: `A${firstBody}` }] : [],
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: span >= LANDSCAPE_COLUMNS ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: {
        left: inches(settings.marginLeftMm),
        right: inches(settings.marginRightMm),
        top: inches(settings.marginTopMm),
        bottom: inches(settings.marginBottomMm),
        // page numbers sit in the top margin, as in the DOCX
        header: inches(settings.marginTopMm / 2),
        footer: inches(settings.marginBottomMm / 2),
      },
      ...(spec.header ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
    },
    headerFooter:
      settings.pageNumbersFrom > 1 ? { differentFirst: true, firstHeader: '', oddHeader: pageNumbers } : { differentFirst: false, oddHeader: pageNumbers },
  });
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));

  // the master cell is styled before the merge, which gives its style to the cells it covers
  const merged = (row: number, text: string, cellFont: Partial<Font>, alignment: Partial<Alignment>, fill?: Fill, boxed = true) => {
    const cell = sheet.getCell(row, 1);
    const value = cellText(text);
    put(cell, value);
    style(cell, cellFont, alignment, fill, boxed);
    if (span > 1) sheet.mergeCells(row, 1, row, span);
    sheet.getRow(row).height = rowHeight([{ text: value, width }], cellFont.size ?? settings.tableFontSizePt);
  };
  /** A row of a cell per column, each styled as its column says. */
  const cells = (row: number, values: readonly Value[], styleOf: (c: Column, cell: Cell) => void) => {
    const out = spec.columns.map((_, i) => written(values[i] ?? ''));
    spec.columns.forEach((c, i) => {
      const cell = sheet.getCell(row, i + 1);
      put(cell, out[i]!);
      styleOf(c, cell);
    });
    sheet.getRow(row).height = rowHeight(
      out.map((v, i) => ({ text: shown(v), width: spec.columns[i]!.width })),
      settings.tableFontSizePt,
    );
  };

  merged(titleRow, spec.title, { ...font, size: settings.fontSizePt, bold: true }, { horizontal: 'center' }, undefined, false);
  if (spec.header)
    cells(
      headerRow,
      spec.columns.map((c) => c.header),
      (_, cell) => style(cell, { ...font, bold: true }, { horizontal: 'center', vertical: 'middle' }, HEADER_FILL),
    );
  spec.rows.forEach((row, k) => {
    if ('section' in row) merged(firstBody + k, row.section, { ...font, bold: true }, {}, SECTION_FILL);
    else cells(firstBody + k, row.cells, (c, cell) => style(cell, c.bold ? { ...font, bold: true } : font, c.centre ? { horizontal: 'center' } : {}));
  });
  if (spec.header) sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(lastRow, headerRow), column: span } };
  return sheet;
}
