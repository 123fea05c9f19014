// The page and the text of an exported document: the geometry from the workspace's settings (ГОСТ
// Р 7.0.97-2025 by default) in the twips Word counts in, and the builders every part of the document
// writes its text with, so board text is always plain text in runs — never markup, a field or a link.
import type { DocumentSettings } from '@soplan/shared';
import { AlignmentType, Paragraph, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType, type ParagraphChild } from 'docx';

/** A4 in twips (210 × 297 mm). */
export const A4 = { width: 11906, height: 16838 } as const;

/** Twips in a millimetre (1440 per inch, 25.4 mm per inch). */
const TWIPS_PER_MM = 1440 / 25.4;

export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);

/** Tables this wide or wider are set on landscape pages. */
export const LANDSCAPE_COLUMNS = 5;

/** What the builders need to know about the page they write on. */
export interface Layout {
  settings: DocumentSettings;
  /** The width between the margins, twips. */
  textWidth: number;
}

export function layoutOf(settings: DocumentSettings, landscape: boolean): Layout {
  const width = landscape ? A4.height : A4.width;
  return { settings, textWidth: width - mmToTwips(settings.marginLeftMm) - mmToTwips(settings.marginRightMm) };
}

// XML 1.0 cannot hold these at all (a document with one does not open), so they are dropped.
// eslint-disable-next-line no-control-regex -- control characters are what it drops
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Board text as Word can hold it: characters XML forbids dropped, tabs a space, `\r\n` a line break. */
export const clean = (text: string): string => text.replace(/\r\n?/g, '\n').replace(NOT_XML, '').replace(/\t/g, ' ');

/** The non-empty lines of a multi-line field. */
export const linesOf = (text: string): string[] =>
  clean(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  /** Half-points; the document's default when left out. */
  size?: number;
}

/** Text as runs, a line break between its lines. */
export function runsOf(text: string, style: RunStyle = {}): TextRun[] {
  return clean(text)
    .split('\n')
    .map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

/** A body paragraph: justified, the first line indented as the settings say. */
export function bodyParagraph(layout: Layout, children: ParagraphChild[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: Math.round(layout.settings.paragraphIndentCm * 10 * TWIPS_PER_MM) },
    children,
  });
}

export const centred = (children: ParagraphChild[], spacingAfter = 0): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children });

export const empty = (): Paragraph => new Paragraph({ children: [] });

/** A table cell's text: one paragraph per line, at the table's size. */
export function cellParagraphs(
  layout: Layout,
  lines: readonly string[],
  style: RunStyle = {},
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType],
  keepNext = false,
): Paragraph[] {
  const size = Math.round(layout.settings.tableFontSizePt * 2);
  const paragraphs = lines.map(
    (line) => new Paragraph({ ...(alignment ? { alignment } : {}), ...(keepNext ? { keepNext } : {}), children: runsOf(line, { ...style, size }) }),
  );
  // a cell must hold a paragraph, and an empty one keeps the table's size for the row height
  return paragraphs.length > 0 ? paragraphs : [new Paragraph({ children: [new TextRun({ text: '', size })] })];
}

export interface CellSpec {
  lines: readonly string[];
  bold?: boolean;
  columnSpan?: number;
  rowSpan?: number;
  centre?: boolean;
  /** Kept on the page of the row below it (a section's title is never left alone at a page's foot). */
  keepNext?: boolean;
}

/**
 * A row of the plan's tables: never split across pages; the header row repeated on every page.
 * `firstColumn` is where its first cell sits when cells above are merged down beside it.
 */
export function tableRow(layout: Layout, widths: readonly number[], cells: readonly CellSpec[], header = false, firstColumn = 0): TableRow {
  let column = firstColumn;
  return new TableRow({
    cantSplit: true,
    tableHeader: header,
    children: cells.map((cell) => {
      const span = cell.columnSpan ?? 1;
      const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
      column += span;
      return new TableCell({
        width: { size: width, type: WidthType.DXA },
        verticalAlign: header ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
        ...(span > 1 ? { columnSpan: span } : {}),
        ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
        children: cellParagraphs(
          layout,
          cell.lines,
          header || cell.bold ? { bold: true } : {},
          header || cell.centre ? AlignmentType.CENTER : undefined,
          cell.keepNext,
        ),
      });
    }),
  });
}

/** Column widths in twips from shares of the text width, the last taking what rounding left. */
export function columnWidths(layout: Layout, shares: readonly number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((layout.textWidth * s) / total));
  widths[widths.length - 1]! += layout.textWidth - widths.reduce((a, b) => a + b, 0);
  return widths;
}
