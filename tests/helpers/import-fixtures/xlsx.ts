// The model as an Excel workbook (exceljs), the way plans are kept in Excel: each table on its own
// sheet, the lines written above it (the plan's title, «Цель», …) as rows above the table merged
// across its width, spans as merged ranges, header rows bold, a cell's lines separated by line
// breaks inside the cell. Excel has no lists, so a list paragraph's marker is written as text.
import ExcelJS from 'exceljs';
import { columnWeights, layoutTable } from './grid.ts';
import type { Paragraph, SourceDocument, Table } from './model.ts';
import { fixedTimes } from './zip.ts';

type Written = string | { richText: { text: string; font?: Partial<ExcelJS.Font> }[] };

/** The visible marker of each list paragraph («1.», «2.1.», «•»), counted as Word numbers a list; '' for others. */
function markersOf(paragraphs: Paragraph[]): string[] {
  let counters: number[] = [];
  return paragraphs.map((para) => {
    if (!para.list) {
      counters = [];
      return '';
    }
    const { depth, ordered, marker } = para.list;
    counters = counters.slice(0, depth + 1);
    while (counters.length <= depth) counters.push(0);
    counters[depth]!++;
    return marker ?? (ordered ? counters.map((n) => `${n}.`).join('') : '•');
  });
}

/** The text of paragraphs (a cell's, or one line's with its marker given), bold runs kept. */
function valueOf(paragraphs: Paragraph[], bold: boolean, markers = markersOf(paragraphs)): Written {
  const runs: { text: string; bold: boolean }[] = [];
  paragraphs.forEach((para, i) => {
    if (i > 0) runs.push({ text: '\n', bold: false });
    if (markers[i]) runs.push({ text: `${markers[i]} `, bold: false });
    for (const inline of para.inlines) runs.push({ text: inline.text, bold: bold || inline.bold === true });
  });
  if (!runs.some((r) => r.bold)) return runs.map((r) => r.text).join('');
  return { richText: runs.map((r) => (r.bold ? { text: r.text, font: { bold: true } } : { text: r.text })) };
}

function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Лист';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

class SheetWriter {
  next = 1;
  readonly sheet: ExcelJS.Worksheet;
  readonly width: number;
  constructor(sheet: ExcelJS.Worksheet, width: number) {
    this.sheet = sheet;
    this.width = width;
  }
  lines(paragraphs: Paragraph[]) {
    const markers = markersOf(paragraphs);
    paragraphs.forEach((para, i) => {
      const cell = this.sheet.getCell(this.next, 1);
      cell.value = valueOf([para], para.heading !== undefined, [markers[i]!]);
      cell.alignment = { wrapText: true, vertical: 'top', ...(para.align === 'center' || para.align === 'right' ? { horizontal: para.align } : {}) };
      if (this.width > 1) this.sheet.mergeCells(this.next, 1, this.next, this.width);
      this.next++;
    });
  }
  table(table: Table) {
    const grid = layoutTable(table);
    grid.rows.forEach((slots, r) => {
      const header = table.rows[r]!.header === true;
      for (const slot of slots) {
        if (slot.kind !== 'cell') continue;
        const cell = this.sheet.getCell(this.next, slot.column + 1);
        cell.value = valueOf(slot.cell.paragraphs, header);
        cell.alignment = { wrapText: true, vertical: 'top' };
        cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
        if (header) cell.font = { bold: true };
        if (slot.cell.colSpan > 1 || slot.cell.rowSpan > 1)
          this.sheet.mergeCells(this.next, slot.column + 1, this.next + Math.min(slot.cell.rowSpan, grid.rows.length - r) - 1, slot.column + slot.cell.colSpan);
      }
      this.next++;
    });
    columnWeights(grid).forEach((weight, c) => (this.sheet.getColumn(c + 1).width = Math.max(this.sheet.getColumn(c + 1).width ?? 0, weight)));
  }
}

export async function sourceToXlsx(doc: SourceDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Soplan test fixtures';
  const taken = new Set<string>();
  let pending: Paragraph[] = [];
  let last: SheetWriter | undefined;
  let index = 0;
  for (const block of doc.blocks) {
    if (block.type === 'paragraph') {
      pending.push(block);
      continue;
    }
    const writer = new SheetWriter(workbook.addWorksheet(sheetName(block.name ?? `Лист${++index}`, taken)), layoutTable(block).columns);
    writer.lines(pending);
    writer.table(block);
    pending = [];
    last = writer;
  }
  if (pending.length) {
    // Lines after the last table go below it, after an empty row; with no table, on a sheet of their own.
    const writer = last ?? new SheetWriter(workbook.addWorksheet(sheetName('Лист1', taken)), 1);
    if (last) writer.next++;
    writer.lines(pending);
  }
  return fixedTimes(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
