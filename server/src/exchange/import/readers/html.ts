// HTML → SourceDocument: .html files, the clipboard's text/html, and what mammoth makes of a DOCX.
// Knows the clipboard HTML of the three editors people copy plans from:
//   Word — `MsoNormal`/`MsoListParagraph` paragraphs whose list marker («1.», «·», «§» in Wingdings)
//     sits in a `mso-list:Ignore` span between `<!--[if !supportLists]-->` comments, the level in the
//     paragraph's `mso-list:l0 level2 lfo1` style, `<o:p>` tags, `text-align` in styles;
//   Google Docs — the whole fragment wrapped in `<b id="docs-internal-guid-…" style="font-weight:normal">`,
//     bold as `font-weight:700` on spans, list depth in `aria-level`;
//   LibreOffice — `align` attributes, `<font>`, `<thead>` for repeated heading rows.
// Only text and structure come out, never markup: scripts, styles and the head are dropped, links
// keep http(s)/mailto addresses only, images are noted and dropped, a table inside a cell becomes
// paragraphs of that cell (noted).
import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { IMPORT_LIMITS } from '@soplan/shared';
import type { Block, Cell, Inline, Paragraph, Row, SourceDocument, Table } from '../source-document.ts';
import { Budget, MAX_COLUMNS } from './budget.ts';
import { cellOf, cleanText, finishDocument, paragraphOf, type ParagraphProps } from './clean.ts';
import { parseMarkup } from './markup.ts';
import { NOTE_IMAGE, NOTE_NESTED_TABLE, NOTE_WIDE_TABLE } from './notes.ts';

/** Reads an HTML document or fragment (its nesting capped by parseMarkup, which the walk's recursion relies on). */
export function readHtml(html: string, budget = new Budget()): SourceDocument {
  const reader = new HtmlReader(budget);
  const root = parseMarkup(html, false);
  reader.children(root.children, INITIAL, reader.top);
  reader.top.flush();
  return finishDocument(reader.top.blocks, reader.notes);
}

/** Elements whose content is not document text. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'title',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'select',
  'textarea',
  'button',
  'input',
  'option',
  'math',
  'colgroup',
  'col',
]);
const MEDIA = new Set(['img', 'svg', 'picture', 'video', 'audio', 'canvas', 'v:shape', 'v:imagedata']);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'nav',
  'aside',
  'address',
  'blockquote',
  'figure',
  'figcaption',
  'center',
  'dl',
  'dt',
  'dd',
  'form',
  'fieldset',
  'legend',
  'details',
  'summary',
  'hr',
  'caption',
  'body',
  'html',
]);
interface Context {
  bold: boolean;
  italic: boolean;
  href: string | undefined;
  align: Paragraph['align'];
  heading: number | undefined;
  /** Inside `<pre>`: line breaks in text are paragraph breaks. */
  pre: boolean;
  /** Depth of `<ul>`/`<ol>` nesting around. */
  listDepth: number;
}
const INITIAL: Context = { bold: false, italic: false, href: undefined, align: undefined, heading: undefined, pre: false, listDepth: 0 };

/** Where paragraphs go: the document (tables too) or a table cell. */
class Sink {
  readonly blocks: Block[] = [];
  #inlines: Inline[] = [];
  #props: ParagraphProps = {};
  /** The list of the `<li>` (or Word list paragraph) whose first paragraph is still to come. */
  pendingList: Paragraph['list'] | undefined;
  /** A Word list paragraph's marker, read from its `mso-list:Ignore` span. */
  wordMarker: string | undefined;
  /** A Word list paragraph's level (1-based) while it is being read. */
  wordLevel: number | undefined;
  readonly #budget: Budget;

  constructor(budget: Budget) {
    this.#budget = budget;
  }

  text(text: string, ctx: Context): void {
    if (text === '') return;
    const inline: Inline = { text };
    if (ctx.bold) inline.bold = true;
    if (ctx.italic) inline.italic = true;
    if (ctx.href !== undefined) inline.href = ctx.href;
    if (this.#inlines.length === 0) this.#props = { ...(ctx.heading ? { heading: ctx.heading } : {}), ...(ctx.align ? { align: ctx.align } : {}) };
    this.#inlines.push(inline);
  }

  flush(): void {
    if (this.#inlines.length === 0) return;
    const props: ParagraphProps = { ...this.#props };
    if (this.wordLevel !== undefined) {
      const marker = wordMarker(this.wordMarker);
      props.list = { ordered: marker !== undefined && isOrderedMarker(marker), depth: this.wordLevel - 1, ...(marker ? { marker } : {}) };
      this.wordLevel = undefined;
      this.wordMarker = undefined;
    } else if (this.pendingList) props.list = this.pendingList;
    const p = paragraphOf(this.#inlines, props);
    this.#inlines = [];
    if (!p) return;
    if (props.list) this.pendingList = undefined;
    this.#budget.paragraph();
    this.blocks.push(p);
  }

  table(table: Table): void {
    this.flush();
    this.blocks.push(table);
  }
}

// Word writes bullets in symbol fonts: «·» (Symbol), «§», «Ø», «ü», «v» (Wingdings), «o» (Courier New),
// or as the private-use code points of those fonts.
const SYMBOL_BULLETS = new Set(['·', '§', 'Ø', 'ü', 'v', 'o', '\uF0B7', '\uF0A7', '\uF0D8', '\uF0FC']);
function wordMarker(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const marker = cleanText(raw);
  if (marker === '') return undefined;
  return SYMBOL_BULLETS.has(marker) ? '•' : marker;
}
const isOrderedMarker = (marker: string): boolean => /^\(?([0-9]+|[a-zа-я]|[ivxlc]+)([.)]([0-9]+[.)]?)*)$/i.test(marker);

function styleOf(el: Element): Map<string, string> {
  const style = new Map<string, string>();
  for (const decl of (el.attribs['style'] ?? '').split(';')) {
    const colon = decl.indexOf(':');
    if (colon > 0)
      style.set(
        decl.slice(0, colon).trim().toLowerCase(),
        decl
          .slice(colon + 1)
          .trim()
          .toLowerCase(),
      );
  }
  return style;
}

function weight(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'bold' || value === 'bolder') return true;
  if (value === 'normal' || value === 'lighter') return false;
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) ? undefined : n >= 600;
}

/** The class docx.ts has mammoth put on a centred, right-aligned or justified paragraph («both» is Word's justify). */
export const ALIGN_CLASS_PREFIX = 'soplan-align-';
const ALIGN_CLASS = new RegExp(`\\b${ALIGN_CLASS_PREFIX}(center|right|both)\\b`);

function alignOf(el: Element, style: Map<string, string>): Paragraph['align'] | null {
  const aligned = ALIGN_CLASS.exec(el.attribs['class'] ?? '');
  if (aligned) return aligned[1] === 'both' ? 'justify' : (aligned[1] as 'center' | 'right');
  const value = (style.get('text-align') ?? el.attribs['align'] ?? '').toLowerCase();
  if (value === 'center' || value === 'right' || value === 'justify') return value;
  if (value === 'left' || value === 'start') return undefined;
  return null; // not set here: inherited
}

function span(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isNaN(n) || n < 1 ? 1 : Math.min(n, max);
}

class HtmlReader {
  readonly notes: string[] = [];
  readonly top: Sink;
  readonly #budget: Budget;

  constructor(budget: Budget) {
    this.#budget = budget;
    this.top = new Sink(budget);
  }

  children(nodes: readonly ChildNode[], ctx: Context, sink: Sink): void {
    for (const node of nodes) {
      if (isText(node)) this.#text(node.data, ctx, sink);
      else if (isTag(node)) this.#element(node, ctx, sink);
      // comments (Word's conditional ones included), CDATA and directives are not text
    }
  }

  #text(text: string, ctx: Context, sink: Sink): void {
    if (!ctx.pre) return sink.text(text, ctx);
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) sink.flush();
      sink.text(line, ctx);
    });
  }

  #element(el: Element, ctx: Context, sink: Sink): void {
    const name = el.name.toLowerCase();
    if (SKIPPED.has(name)) return;
    if (MEDIA.has(name)) {
      this.notes.push(NOTE_IMAGE);
      return;
    }
    if (name === 'br') return sink.flush();
    if (name === 'table') return this.#table(el, ctx, sink);
    const style = styleOf(el);
    // hidden text: CSS, and Word's own «hidden» font property
    if (style.get('display') === 'none' || style.get('mso-hide') === 'all') return;
    if (isNote(el, style)) return;
    // Word's list marker: read as the marker of its paragraph, not as text
    if (style.get('mso-list') === 'ignore') {
      sink.wordMarker = (sink.wordMarker ?? '') + textOf(el);
      return;
    }
    const inner: Context = { ...ctx };
    if (name === 'b' || name === 'strong') inner.bold = true;
    if (name === 'i' || name === 'em') inner.italic = true;
    const bold = weight(style.get('font-weight'));
    if (bold !== undefined) inner.bold = bold;
    const fontStyle = style.get('font-style');
    if (fontStyle !== undefined) inner.italic = fontStyle === 'italic' || fontStyle === 'oblique';
    if (name === 'a') inner.href = el.attribs['href'];

    const heading = /^h([1-6])$/.exec(name);
    const isList = name === 'ul' || name === 'ol';
    const block = BLOCKS.has(name) || heading !== null || isList || name === 'li' || name === 'pre';
    if (!block) return this.children(el.children, inner, sink);

    sink.flush();
    const align = alignOf(el, style);
    if (align !== null) inner.align = align;
    if (heading) inner.heading = Number(heading[1]);
    // Word's Title and Subtitle styles on the clipboard
    const wordClass = /\bMso(Title|Subtitle)\b/.exec(el.attribs['class'] ?? '');
    if (wordClass) inner.heading = wordClass[1] === 'Title' ? 1 : 2;
    if (name === 'pre') inner.pre = true;
    const wordList = name === 'p' ? /level(\d+)/.exec(style.get('mso-list') ?? '') : null;
    if (wordList) {
      sink.wordLevel = Math.max(1, Number(wordList[1]));
      sink.wordMarker = undefined;
    }
    if (isList) return this.#list(el, name === 'ol', inner, sink);
    // an item outside any list (a fragment copied from inside one)
    if (name === 'li') sink.pendingList = { ordered: false, depth: ctx.listDepth, marker: '•' };
    this.children(el.children, inner, sink);
    sink.flush();
    // a Word list paragraph with no text leaves nothing for the next paragraph
    if (wordList) sink.wordLevel = sink.wordMarker = undefined;
  }

  #list(el: Element, ordered: boolean, ctx: Context, sink: Sink): void {
    const inner: Context = { ...ctx, listDepth: ctx.listDepth + 1 };
    let number = span(el.attribs['start'], Number.MAX_SAFE_INTEGER);
    for (const child of el.children) {
      if (!isTag(child)) continue;
      if (child.name.toLowerCase() !== 'li') {
        this.#element(child, inner, sink);
        continue;
      }
      if (isNote(child, styleOf(child))) continue;
      const ariaLevel = Number.parseInt(child.attribs['aria-level'] ?? '', 10);
      const itemDepth = Number.isNaN(ariaLevel) ? ctx.listDepth : Math.max(0, ariaLevel - 1);
      const value = Number.parseInt(child.attribs['value'] ?? '', 10);
      if (!Number.isNaN(value)) number = value;
      sink.flush();
      sink.pendingList = { ordered, depth: itemDepth, marker: ordered ? `${number}.` : '•' };
      number += 1;
      this.children(child.children, inner, sink);
      sink.flush();
      sink.pendingList = undefined;
    }
    sink.flush();
  }

  #table(el: Element, ctx: Context, sink: Sink): void {
    const rows: Row[] = [];
    const captions: Element[] = [];
    const visit = (nodes: readonly ChildNode[], inHead: boolean) => {
      for (const node of nodes) {
        if (!isTag(node)) continue;
        const name = node.name.toLowerCase();
        if (name === 'caption') captions.push(node);
        else if (name === 'thead' || name === 'tbody' || name === 'tfoot') visit(node.children, name === 'thead');
        else if (name === 'tr') rows.push(this.#row(node, inHead, ctx));
      }
    };
    visit(el.children, false);
    for (const caption of captions) {
      sink.flush();
      this.children(caption.children, ctx, sink);
      sink.flush();
    }
    const table: Table = { type: 'table', rows };
    if (sink === this.top) return sink.table(table);
    // a table in a cell: its cells' paragraphs become the outer cell's, row by row
    this.notes.push(NOTE_NESTED_TABLE);
    sink.flush();
    for (const row of rows) for (const cell of row.cells) sink.blocks.push(...cell.paragraphs);
  }

  #row(tr: Element, inHead: boolean, ctx: Context): Row {
    this.#budget.rows();
    const cells: Cell[] = [];
    let allTh = true;
    let width = 0;
    for (const node of tr.children) {
      if (!isTag(node)) continue;
      const name = node.name.toLowerCase();
      if (name !== 'td' && name !== 'th') continue;
      if (name === 'td') allTh = false;
      const colSpan = span(node.attribs['colspan'], MAX_COLUMNS);
      if (width + colSpan > MAX_COLUMNS) {
        this.notes.push(NOTE_WIDE_TABLE);
        break;
      }
      width += colSpan;
      const cellSink = new Sink(this.#budget);
      const style = styleOf(node);
      const align = alignOf(node, style);
      const inner: Context = { ...ctx, heading: undefined, listDepth: 0, ...(align !== null ? { align } : {}) };
      this.children(node.children, inner, cellSink);
      cellSink.flush();
      const paragraphs = cellSink.blocks.filter((b): b is Paragraph => b.type === 'paragraph');
      cells.push(cellOf(paragraphs, colSpan, span(node.attribs['rowspan'], IMPORT_LIMITS.maxRows)));
    }
    return inHead || (allTh && cells.length > 0) ? { cells, header: true } : { cells };
  }
}

/** The id prefix docx.ts gives mammoth, so that its footnotes are told apart from a document's own ids. */
export const NOTE_ID_PREFIX = 'soplan-';
const MAMMOTH_NOTE = new RegExp(`^${NOTE_ID_PREFIX}(footnote|endnote)-(ref-)?\\d+$`);

/**
 * Footnotes and endnotes, and the marks that refer to them: not the text of a plan. mammoth lists
 * them after the document (`<li id="…footnote-1">`) with `<sup><a id="…footnote-ref-1">[1]</a></sup>`
 * marks; Word's clipboard has `mso-element:footnote-list` and `mso-footnote-id` anchors.
 */
function isNote(el: Element, style: Map<string, string>): boolean {
  if (MAMMOTH_NOTE.test(el.attribs['id'] ?? '')) return true;
  const element = style.get('mso-element');
  if (element === 'footnote-list' || element === 'endnote-list' || element === 'comment-list') return true;
  return style.has('mso-footnote-id') || style.has('mso-endnote-id') || style.has('mso-comment-reference');
}

/** The text under an element, in order (iterative: the element may nest deep). */
function textOf(el: Element): string {
  let out = '';
  const stack: ChildNode[] = [...el.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) out += node.data;
    else if (isTag(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}
