// The model as a Word document (the `docx` package), written the way Word itself writes a plan:
// Times New Roman, headings as Word's heading styles, lists as real numbering definitions (each
// run of list paragraphs its own list, numbered from 1), tables with merged cells (gridSpan, and
// vMerge restart/continue down the rows) and their header rows marked to repeat on every page,
// and a table of five columns or more on a landscape page, as a roadmap's «Приложение» is.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageOrientation,
  Paragraph as DocxParagraph,
  Tab,
  Table as DocxTable,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import { columnWeights, layoutTable, type Slot } from './grid.ts';
import type { Block, Cell, Inline, Paragraph, SourceDocument, Table } from './model.ts';
import { fixedTimes } from './zip.ts';

export interface DocxOptions {
  /** Indexes of blocks that start a new page; each page run is its own Word section, landscape when it holds a wide table. */
  pageBreaksBefore?: number[];
  /** Pictures put after the last block (PNG bytes and their displayed size in pixels). */
  images?: { png: Uint8Array; width: number; height: number }[];
}

// A4 in twentieths of a point, with the margins of ГОСТ Р 7.0.97: 20 mm left, top and bottom, 10 mm right.
const A4 = { short: 11906, long: 16838 };
const MARGIN = { left: 1134, right: 567, top: 1134, bottom: 1134 };
/** A table this wide goes on a landscape page. */
const LANDSCAPE_COLUMNS = 5;
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];
const ALIGN = { center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;
const BULLETS = ['•', '◦', '▪'];
/** Half-points: 14 pt for the text, 12 pt inside tables. */
const SIZE = { text: 28, table: 24 };

const ORDERED = 'soplan-ordered';
const orderedLevels: ILevelsOptions[] = Array.from({ length: 9 }, (_, level) => ({
  level,
  format: LevelFormat.DECIMAL,
  text: Array.from({ length: level + 1 }, (_, l) => `%${l + 1}.`).join(''),
  alignment: AlignmentType.START,
  style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } },
}));
const bulletLevels = (marker: string | undefined): ILevelsOptions[] =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.BULLET,
    text: marker ?? BULLETS[level % BULLETS.length]!,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } },
  }));

/** Numbering definitions used by one document: one for numbered lists, one per bullet character. */
class Lists {
  readonly bullets = new Map<string, string>();
  #instance = 0;
  /** A new list (a new instance: numbering starts again at 1). */
  next(): number {
    return ++this.#instance;
  }
  reference(list: NonNullable<Paragraph['list']>): string {
    if (list.ordered) return ORDERED;
    const key = list.marker ?? '';
    if (!this.bullets.has(key)) this.bullets.set(key, `soplan-bullet-${this.bullets.size}`);
    return this.bullets.get(key)!;
  }
  config() {
    return [
      { reference: ORDERED, levels: orderedLevels },
      ...[...this.bullets].map(([marker, reference]) => ({ reference, levels: bulletLevels(marker || undefined) })),
    ];
  }
}

function runsOf(inline: Inline, size: number): ParagraphChild[] {
  const runs = inline.text.split('\n').map(
    (line, i) =>
      new TextRun({
        children: line.split('\t').flatMap((part, j) => (j === 0 ? [part] : [new Tab(), part])),
        bold: inline.bold,
        italics: inline.italic,
        size,
        ...(i > 0 ? { break: 1 } : {}),
        ...(inline.href ? { style: 'Hyperlink' } : {}),
      }),
  );
  return inline.href ? [new ExternalHyperlink({ link: inline.href, children: runs })] : runs;
}

/** Paragraphs of one container (the body, a cell), each run of list paragraphs becoming one Word list. */
function paragraphsOf(paragraphs: Paragraph[], lists: Lists, size: number): DocxParagraph[] {
  let instance = 0;
  return paragraphs.map((para, i) => {
    const previous = paragraphs[i - 1];
    // A new list starts after a paragraph that is not in one, or where a top-level list changes from numbers to bullets.
    const changes = previous?.list && previous.list.depth === 0 && para.list?.depth === 0 && previous.list.ordered !== para.list.ordered;
    if (para.list && (!previous?.list || changes)) instance = lists.next();
    return new DocxParagraph({
      children: para.inlines.flatMap((inline) => runsOf(inline, size)),
      ...(para.heading ? { heading: HEADINGS[Math.min(6, Math.max(1, para.heading)) - 1] } : {}),
      ...(para.align ? { alignment: ALIGN[para.align] } : {}),
      ...(para.list ? { numbering: { reference: lists.reference(para.list), level: Math.min(8, para.list.depth), instance } } : {}),
    });
  });
}

function cellOf(slot: Exclude<Slot, { kind: 'pad' }>, widths: number[], lists: Lists): TableCell {
  const cell: Cell = slot.kind === 'cell' ? slot.cell : slot.origin;
  const width = widths.slice(slot.column, slot.column + cell.colSpan).reduce((a, b) => a + b, 0);
  const common = { columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined, width: { size: width, type: WidthType.DXA } };
  if (slot.kind === 'covered') return new TableCell({ ...common, verticalMerge: VerticalMergeType.CONTINUE, children: [new DocxParagraph({})] });
  const children = paragraphsOf(cell.paragraphs, lists, SIZE.table);
  return new TableCell({
    ...common,
    ...(cell.rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
    // Word needs a paragraph in every cell, even an empty one.
    children: children.length ? children : [new DocxParagraph({})],
  });
}

function tableOf(table: Table, textWidth: number, lists: Lists): DocxTable {
  const grid = layoutTable(table);
  const weights = columnWeights(grid);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * textWidth));
  return new DocxTable({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: grid.rows.map(
      (slots, r) =>
        new TableRow({
          ...(table.rows[r]!.header ? { tableHeader: true } : {}),
          children: slots.map((slot) =>
            slot.kind === 'pad'
              ? new TableCell({ width: { size: widths[slot.column]!, type: WidthType.DXA }, children: [new DocxParagraph({})] })
              : cellOf(slot, widths, lists),
          ),
        }),
    ),
  });
}

/** Splits the blocks at the page breaks: each part becomes a Word section starting on a new page. */
function pages(blocks: Block[], breaks: number[]): { blocks: Block[] }[] {
  const starts = [...new Set([0, ...breaks.filter((b) => b > 0 && b < blocks.length)])].sort((a, b) => a - b);
  return starts.map((start, i) => ({ blocks: blocks.slice(start, starts[i + 1] ?? blocks.length) }));
}

export async function sourceToDocx(doc: SourceDocument, options: DocxOptions = {}): Promise<Buffer> {
  const lists = new Lists();
  const parts = pages(doc.blocks, options.pageBreaksBefore ?? []);
  const sections = parts.map((part, index) => {
    const landscape = part.blocks.some((b) => b.type === 'table' && layoutTable(b).columns >= LANDSCAPE_COLUMNS);
    const textWidth = (landscape ? A4.long : A4.short) - MARGIN.left - MARGIN.right;
    const children: (DocxParagraph | DocxTable)[] = [];
    // Paragraphs between tables are written together so a list that runs over several of them stays one list.
    let run: Paragraph[] = [];
    const flush = () => {
      children.push(...paragraphsOf(run, lists, SIZE.text));
      run = [];
    };
    part.blocks.forEach((block, i) => {
      if (block.type === 'paragraph') {
        run.push(block);
        return;
      }
      flush();
      children.push(tableOf(block, textWidth, lists));
      // Word joins two tables with nothing between them into one, so it always keeps a paragraph there.
      if (part.blocks[i + 1]?.type === 'table') children.push(new DocxParagraph({}));
    });
    flush();
    if (index === parts.length - 1)
      for (const image of options.images ?? [])
        children.push(
          new DocxParagraph({ children: [new ImageRun({ type: 'png', data: image.png, transformation: { width: image.width, height: image.height } })] }),
        );
    return {
      properties: {
        page: {
          size: { width: A4.short, height: A4.long, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: MARGIN,
        },
      },
      children,
    };
  });
  const document = new Document({
    creator: 'Soplan test fixtures',
    styles: { default: { document: { run: { font: 'Times New Roman', size: SIZE.text } } } },
    numbering: { config: lists.config() },
    sections,
  });
  return fixedTimes(await Packer.toBuffer(document));
}
