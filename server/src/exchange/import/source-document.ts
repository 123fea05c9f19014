// What every reader (DOCX, ODT, XLSX, CSV, HTML, text, clipboard) turns a file into, and all the
// recogniser sees: the document's blocks in reading order, paragraphs and tables, with the little
// formatting that carries meaning in a plan (bold titles, headings, lists, centred lines, merged
// cells). Text here is already clean: soft hyphens dropped, non-breaking and other odd spaces made
// plain spaces, runs of spaces collapsed, no control characters; links keep only http(s)/mailto.

/** A run of text with its marks. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Only `http:`, `https:` or `mailto:` addresses; anything else is dropped by the reader. */
  href?: string;
}

/** A paragraph (a line of a cell is a paragraph too). */
export interface Paragraph {
  type: 'paragraph';
  inlines: Inline[];
  /** Heading level 1–6 when the source marks it a heading (Word's «Заголовок 1», `<h2>`, Markdown `##`). */
  heading?: number;
  /** An item of a list: its depth (0 for the outer list), whether it is numbered, and its visible marker when known («1.», «1.1.», «•»). */
  list?: { ordered: boolean; depth: number; marker?: string };
  align?: 'center' | 'right' | 'justify';
}

/** A cell: its paragraphs and how many grid columns and rows it covers. */
export interface Cell {
  paragraphs: Paragraph[];
  colSpan: number;
  rowSpan: number;
}

export interface Row {
  cells: Cell[];
  /** The source marks it a header row (Word's «repeat as header row», `<thead>`, `<th>` cells). */
  header?: boolean;
}

export interface Table {
  type: 'table';
  rows: Row[];
  /** The sheet's name, for a spreadsheet. */
  name?: string;
}

export type Block = Paragraph | Table;

export interface SourceDocument {
  blocks: Block[];
  /** What the reader had to drop (an image, a nested table flattened), for the preview's warnings. */
  notes: string[];
}

/** The plain text of a paragraph. */
export const paragraphText = (p: Paragraph): string => p.inlines.map((i) => i.text).join('');
