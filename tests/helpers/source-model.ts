// Hand-made SourceDocuments for recogniser tests: a table is rows of cells written as strings
// (lines split at «\n»), with `{ text, colSpan, rowSpan }` where a cell merges.
import type { Block, Cell, Paragraph, Row, SourceDocument } from '../../server/src/exchange/import/source-document.ts';

export type CellSpec = string | { text: string; colSpan?: number; rowSpan?: number; bold?: boolean };

export const para = (text: string, extra: Partial<Paragraph> & { bold?: boolean } = {}): Paragraph => {
  const { bold, ...rest } = extra;
  return { type: 'paragraph', inlines: [{ text, ...(bold ? { bold: true } : {}) }], ...rest };
};

const cellOf = (spec: CellSpec): Cell => {
  const s = typeof spec === 'string' ? { text: spec } : spec;
  const paragraphs = s.text === '' ? [] : s.text.split('\n').map((line) => para(line, s.bold ? { bold: true } : {}));
  return { paragraphs, colSpan: s.colSpan ?? 1, rowSpan: s.rowSpan ?? 1 };
};

export const table = (rows: CellSpec[][], options: { headerRows?: number } = {}): Block => ({
  type: 'table',
  rows: rows.map((cells, i): Row => ({ cells: cells.map(cellOf), ...(i < (options.headerRows ?? 0) ? { header: true } : {}) })),
});

export const doc = (...blocks: (Block | string)[]): SourceDocument => ({ blocks: blocks.map((b) => (typeof b === 'string' ? para(b) : b)), notes: [] });
