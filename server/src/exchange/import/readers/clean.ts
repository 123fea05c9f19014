// The one place where text read from any file becomes the clean text of the SourceDocument: soft
// hyphens and zero-width characters dropped, odd spaces made plain, control characters out, runs of
// spaces collapsed across runs of different marks, ends trimmed, links kept only when http(s)/mailto,
// and a leading bullet («•», «·», «- »…) turned into an unordered list item. Every reader builds its
// paragraphs with `paragraphOf` and hands its blocks to `finishDocument`, so the rules are the same
// whatever the source. «ё» is kept: the recogniser normalises it where it compares.
import type { Block, Cell, Inline, Paragraph, SourceDocument, Table } from '../source-document.ts';
import { paragraphText } from '../source-document.ts';

// Soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM, and the bidi controls: invisible
// in the document, harmful in titles and matching.
const DROPPED = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// No-break, en/em/figure/thin/hair, narrow no-break, medium mathematical and ideographic spaces, and
// every control character (tabs and line breaks inside a paragraph are spaces too).
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const SPACES = /[\u0000-\u001F\u007F-\u009F\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;

/** One string cleaned: what a cell or a title holds, without marks. */
export function cleanText(text: string): string {
  return text.replace(DROPPED, '').replace(SPACES, ' ').replace(/ {2,}/g, ' ').trim();
}

/** The address when it is http(s) or mailto, else undefined: imported text never carries a link that runs. */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const trimmed = href.replace(SPACES, '').trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? trimmed : undefined;
}

const sameMarks = (a: Inline, b: Inline): boolean => !!a.bold === !!b.bold && !!a.italic === !!b.italic && a.href === b.href;

/** The runs of a paragraph cleaned as one text: spaces collapse across runs, ends trimmed, empty runs dropped, equal neighbours merged. */
export function cleanInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let spaceBefore = true; // at the start, a space is dropped like a repeated one
  for (const inline of inlines) {
    let text = '';
    for (const ch of inline.text.replace(DROPPED, '').replace(SPACES, ' ')) {
      if (ch === ' ' && spaceBefore) continue;
      spaceBefore = ch === ' ';
      text += ch;
    }
    if (text === '') continue;
    const href = safeHref(inline.href);
    const run: Inline = { text };
    if (inline.bold) run.bold = true;
    if (inline.italic) run.italic = true;
    if (href !== undefined) run.href = href;
    const last = out.at(-1);
    if (last && sameMarks(last, run)) last.text += text;
    else out.push(run);
  }
  while (out.length > 0) {
    const last = out.at(-1)!;
    last.text = last.text.trimEnd();
    if (last.text !== '') break;
    out.pop();
  }
  return out;
}

export type ParagraphProps = Omit<Paragraph, 'type' | 'inlines'>;

/** A clean paragraph of these runs, or null when no text is left. */
export function paragraphOf(inlines: readonly Inline[], props: ParagraphProps = {}): Paragraph | null {
  const clean = cleanInlines(inlines);
  if (clean.length === 0) return null;
  const p: Paragraph = { type: 'paragraph', inlines: clean };
  if (props.heading !== undefined && props.heading >= 1 && props.heading <= 6) p.heading = props.heading;
  if (props.list) p.list = { ...props.list };
  if (props.align) p.align = props.align;
  return p;
}

/** A cell of these paragraphs (empty paragraphs already left out by `paragraphOf`). */
export function cellOf(paragraphs: readonly (Paragraph | null)[], colSpan = 1, rowSpan = 1): Cell {
  return { paragraphs: paragraphs.filter((p): p is Paragraph => p !== null), colSpan: Math.max(1, colSpan), rowSpan: Math.max(1, rowSpan) };
}

// Bullets that mark a list item whether or not a space follows, and dashes and stars that do only
// when a space follows («-методическая» is a word broken across lines) or when the paragraph before
// was an item with the same marker (a list typed «- кадровое», «-нормативно-правовое»).
const BULLETS = '•·▪◦●○■□‣⁃►▸➢✓✔';
const DASHES = '-–—−*';

/** The paragraph as a list item if its text starts with a bullet; `null` when only the bullet was there; itself otherwise. */
function liftBullet(p: Paragraph, previous: Paragraph | undefined): Paragraph | null {
  if (p.heading !== undefined) return p;
  const first = p.inlines[0];
  if (!first) return p;
  const marker = first.text[0] ?? '';
  const strong = BULLETS.includes(marker);
  if (!strong && !DASHES.includes(marker)) return p;
  const rest = paragraphText(p).slice(1);
  if (rest.trim() === '') return strong ? null : p;
  const spaced = /^\s/.test(rest);
  if (!strong && !spaced && !(previous?.list && !previous.list.ordered && previous.list.marker === marker)) return p;
  const inlines = cleanInlines([{ ...first, text: first.text.slice(1) }, ...p.inlines.slice(1)]);
  const lifted: Paragraph = { ...p, inlines, list: p.list ?? { ordered: false, depth: 0, marker } };
  return lifted;
}

/** Every paragraph of a run (the document's, or a cell's) with its leading bullet lifted into a list item. */
export function liftBullets(paragraphs: readonly Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    const lifted = liftBullet(p, out.at(-1));
    if (lifted) out.push(lifted);
  }
  return out;
}

const cellHasText = (cell: Cell): boolean => cell.paragraphs.length > 0;

function finishTable(table: Table): Table | null {
  const rows = table.rows
    .map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, paragraphs: liftBullets(cell.paragraphs) })) }))
    .filter((row) => row.cells.length > 0);
  if (!rows.some((row) => row.cells.some(cellHasText))) return null;
  const finished: Table = { type: 'table', rows };
  if (table.name !== undefined) finished.name = table.name;
  return finished;
}

/** The document as readers hand it on: bullets lifted in every run of paragraphs, tables without any text left out. */
export function finishDocument(blocks: readonly Block[], notes: readonly string[]): SourceDocument {
  const out: Block[] = [];
  let run: Paragraph[] = [];
  const flush = () => {
    out.push(...liftBullets(run));
    run = [];
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      run.push(block);
      continue;
    }
    flush();
    const table = finishTable(block);
    if (table) out.push(table);
  }
  flush();
  return { blocks: out, notes: [...new Set(notes)] };
}

/** Whether the document holds any text at all. */
export const hasText = (doc: SourceDocument): boolean =>
  doc.blocks.some((b) => (b.type === 'paragraph' ? true : b.rows.some((row) => row.cells.some(cellHasText))));
