// Small constructors for the neutral document model (server/src/exchange/import/source-document.ts),
// so the hand-made fixtures read like the documents they stand for. The writers (docx.ts, xlsx.ts,
// html.ts) turn such a model into a file; the text here is written as it stands in the file, dirt
// included (soft hyphens, NBSP), since the readers are what cleans it.
import type { Block, Cell, Inline, Paragraph, Row, SourceDocument, Table } from '@soplan/server/exchange/import/source-document.ts';

export type { Block, Cell, Inline, Paragraph, Row, SourceDocument, Table };

type Content = string | Inline | (string | Inline)[];

const inlines = (content: Content): Inline[] =>
  (Array.isArray(content) ? content : [content]).map((part) => (typeof part === 'string' ? { text: part } : part));

/** A paragraph; a string is one plain run. */
export const p = (content: Content, options: Omit<Paragraph, 'type' | 'inlines'> = {}): Paragraph => ({
  type: 'paragraph',
  inlines: inlines(content),
  ...options,
});

export const bold = (text: string): Inline => ({ text, bold: true });
export const link = (text: string, href: string): Inline => ({ text, href });

export const heading = (level: number, content: Content): Paragraph => p(content, { heading: level });
export const centred = (content: Content): Paragraph => p(content, { align: 'center' });

/** Items of one list, as consecutive list paragraphs (the writers give each run of them its own list, numbered from 1). */
export const list = (ordered: boolean, items: Content[], depth = 0): Paragraph[] => items.map((item) => p(item, { list: { ordered, depth } }));

/** A cell: a string is one paragraph, an array is several (a cell's lines are paragraphs). */
export const cell = (content: string | Paragraph | (string | Paragraph)[], span: { colSpan?: number; rowSpan?: number } = {}): Cell => ({
  paragraphs: (Array.isArray(content) ? content : [content]).map((part) => (typeof part === 'string' ? p(part) : part)),
  colSpan: span.colSpan ?? 1,
  rowSpan: span.rowSpan ?? 1,
});

export const row = (cells: (string | Cell)[], options: { header?: boolean } = {}): Row => ({
  cells: cells.map((c) => (typeof c === 'string' ? cell(c) : c)),
  ...(options.header ? { header: true } : {}),
});

export const table = (rows: Row[], name?: string): Table => ({ type: 'table', rows, ...(name ? { name } : {}) });

export const document = (blocks: (Block | Block[])[]): SourceDocument => ({ blocks: blocks.flat(), notes: [] });

/** A bold row of cells, as a table's header row (Word's «repeat as header row» when `flagged`). */
export const headerRow = (titles: string[], flagged = true): Row =>
  row(
    titles.map((t) => cell(p(bold(t)))),
    { header: flagged },
  );
