// ODT → SourceDocument, from content.xml (and styles.xml for named styles) read with htmlparser2
// in XML mode. Bold comes from styles (`fo:font-weight` on the span's, else the paragraph's style,
// following parent styles); headings from `text:h` and its outline level; lists from `text:list`
// nesting, numbered or bulleted by their list style; tables with header rows, spans, and repeated
// rows and cells capped (spreadsheet-style repetition of empty rows runs to a million). Tracked
// changes, comments and footnote bodies are not the document's text and are left out.
import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import type { Archive } from '../archive.ts';
import { ImportFailure } from '../import-failure.ts';
import type { Block, Cell, Inline, Paragraph, Row, SourceDocument } from '../source-document.ts';
import { Budget, MAX_COLUMNS } from './budget.ts';
import { cellOf, finishDocument, paragraphOf, type ParagraphProps } from './clean.ts';
import { parseMarkup } from './markup.ts';
import { NOTE_IMAGE, NOTE_NESTED_TABLE, NOTE_WIDE_TABLE } from './notes.ts';

/** Elements that hold no text of the document. */
const SKIPPED = new Set(['text:tracked-changes', 'office:annotation', 'text:note-body']);

interface Style {
  parent: string | undefined;
  bold: boolean | undefined;
  italic: boolean | undefined;
  align: Paragraph['align'] | null | undefined;
  listStyle: string | undefined;
  /** Name as shown («Heading 1», «Title»), for headings written as plain paragraphs of such a style. */
  displayName: string | undefined;
  /** The heading level a paragraph of this style has (`style:default-outline-level`). */
  outline: number | undefined;
}

interface ListLevel {
  ordered: boolean;
  prefix: string;
  suffix: string;
  bullet: string;
  displayLevels: number;
}

interface ListState {
  style: string | undefined;
  /** Item counters of each depth of the outermost list being read. */
  counters: number[];
}

/** Reads content.xml and styles.xml (their nesting capped by parseMarkup, which the walks' recursion relies on). */
export function readOdt(archive: Archive, budget: Budget): SourceDocument {
  const content = parseMarkup(archive.xml('content.xml'), true);
  const styles = archive.has('styles.xml') ? parseMarkup(archive.xml('styles.xml'), true) : null;
  const reader = new OdtReader(budget);
  if (styles) reader.collectStyles(styles.children);
  reader.collectStyles(content.children);
  const body = findFirst(content.children, 'office:text');
  if (!body) throw new ImportFailure('corrupt_file', 'content.xml has no text body');
  reader.blocks(body.children, reader.top, null);
  return finishDocument(reader.top, reader.notes);
}

function findFirst(nodes: readonly ChildNode[], name: string): Element | null {
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === name) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return null;
}

const tags = (el: Element): Element[] => el.children.filter(isTag);
const repeat = (value: string | undefined): number => {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isNaN(n) || n < 1 ? 1 : n;
};

function fontWeight(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'bold') return true;
  if (value === 'normal') return false;
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) ? undefined : n >= 600;
}

function textAlign(value: string | undefined): Paragraph['align'] | null | undefined {
  if (value === undefined) return undefined;
  if (value === 'center') return 'center';
  if (value === 'end' || value === 'right') return 'right';
  if (value === 'justify') return 'justify';
  return null; // start/left: explicitly not aligned
}

class OdtReader {
  readonly top: Block[] = [];
  readonly notes: string[] = [];
  readonly #budget: Budget;
  readonly #styles = new Map<string, Style>();
  readonly #lists = new Map<string, Map<number, ListLevel>>();
  /** The counters of the last outermost list of each list style, for a list that continues it. */
  readonly #lastCounters = new Map<string | undefined, number[]>();

  constructor(budget: Budget) {
    this.#budget = budget;
  }

  collectStyles(nodes: readonly ChildNode[]): void {
    const stack = [...nodes];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (!isTag(node)) continue;
      if (node.name === 'office:body') continue;
      if (node.name === 'style:style') this.#style(node);
      else if (node.name === 'text:list-style') this.#listStyle(node);
      else stack.push(...node.children);
    }
  }

  #style(el: Element): void {
    const name = el.attribs['style:name'];
    if (name === undefined) return;
    const text = tags(el).find((c) => c.name === 'style:text-properties');
    const paragraph = tags(el).find((c) => c.name === 'style:paragraph-properties');
    this.#styles.set(name, {
      parent: el.attribs['style:parent-style-name'],
      bold: fontWeight(text?.attribs['fo:font-weight']),
      italic: text?.attribs['fo:font-style'] === undefined ? undefined : text.attribs['fo:font-style'] !== 'normal',
      align: textAlign(paragraph?.attribs['fo:text-align']),
      listStyle: el.attribs['style:list-style-name'],
      displayName: el.attribs['style:display-name'] ?? name,
      outline: el.attribs['style:default-outline-level'] ? repeat(el.attribs['style:default-outline-level']) : undefined,
    });
  }

  #listStyle(el: Element): void {
    const name = el.attribs['style:name'];
    if (name === undefined) return;
    const levels = new Map<number, ListLevel>();
    for (const level of tags(el)) {
      const n = repeat(level.attribs['text:level']);
      if (level.name === 'text:list-level-style-number') {
        levels.set(n, {
          ordered: (level.attribs['style:num-format'] ?? '1') !== '',
          prefix: level.attribs['style:num-prefix'] ?? '',
          suffix: level.attribs['style:num-suffix'] ?? '',
          bullet: '',
          displayLevels: repeat(level.attribs['text:display-levels']),
        });
      } else if (level.name === 'text:list-level-style-bullet') {
        levels.set(n, { ordered: false, prefix: '', suffix: '', bullet: level.attribs['text:bullet-char'] ?? '•', displayLevels: 1 });
      }
    }
    this.#lists.set(name, levels);
  }

  /** A property of a style, looked up through its parents. */
  #resolve<K extends 'bold' | 'italic' | 'align' | 'listStyle'>(name: string | undefined, key: K): Style[K] | undefined {
    for (let depth = 0; name !== undefined && depth < 32; depth++) {
      const style = this.#styles.get(name);
      if (!style) return undefined;
      if (style[key] !== undefined) return style[key];
      name = style.parent;
    }
    return undefined;
  }

  #headingOfStyle(name: string | undefined): number | undefined {
    for (let depth = 0; name !== undefined && depth < 32; depth++) {
      const style = this.#styles.get(name);
      if (style?.outline !== undefined) return style.outline;
      const shown = style?.displayName ?? name;
      const numbered = /^(?:Heading|Заголовок) ([1-6])$/.exec(shown);
      if (numbered) return Number(numbered[1]);
      if (shown === 'Title' || shown === 'Заголовок') return 1;
      if (shown === 'Subtitle' || shown === 'Подзаголовок') return 2;
      name = style?.parent;
    }
    return undefined;
  }

  /** Block-level content into `out`; `list` is the list being read, if any. */
  blocks(nodes: readonly ChildNode[], out: Block[], list: { state: ListState; depth: number } | null): void {
    for (const node of nodes) {
      if (!isTag(node) || SKIPPED.has(node.name)) continue;
      switch (node.name) {
        case 'text:p':
        case 'text:h':
          this.#paragraph(node, out, null);
          break;
        case 'text:list':
          this.#list(node, out, list);
          break;
        case 'table:table':
          if (out === this.top) out.push(this.#table(node));
          else {
            // a table inside a cell: its cells' paragraphs become the outer cell's
            this.notes.push(NOTE_NESTED_TABLE);
            for (const row of this.#table(node).rows) for (const cell of row.cells) out.push(...cell.paragraphs);
          }
          break;
        default:
          // sections, indexes, frames and text boxes hold paragraphs too
          if (node.name === 'draw:image' || node.name === 'draw:object') this.notes.push(NOTE_IMAGE);
          this.blocks(node.children, out, list);
      }
    }
  }

  #list(el: Element, out: Block[], outer: { state: ListState; depth: number } | null): void {
    const style = el.attribs['text:style-name'];
    // a list that continues an earlier one (split by a paragraph) goes on counting
    const continues = el.attribs['text:continue-numbering'] === 'true' || el.attribs['text:continue-list'] !== undefined;
    const counters = outer?.state.counters ?? (continues ? (this.#lastCounters.get(style) ?? []) : []);
    const state: ListState = outer && style === undefined ? outer.state : { style: style ?? outer?.state.style, counters };
    if (!outer) this.#lastCounters.set(style, counters);
    const listDepth = outer ? outer.depth + 1 : 0;
    for (const item of tags(el)) {
      if (item.name !== 'text:list-item' && item.name !== 'text:list-header') continue;
      const numbered = item.name === 'text:list-item';
      if (numbered) {
        state.counters.length = listDepth + 1;
        const start = item.attribs['text:start-value'];
        state.counters[listDepth] = start !== undefined ? repeat(start) : (state.counters[listDepth] ?? 0) + 1;
      }
      let first = numbered;
      for (const child of tags(item)) {
        if (child.name === 'text:p' || child.name === 'text:h') {
          this.#paragraph(child, out, first ? this.#listProps(state, listDepth) : null);
          first = false;
        } else this.blocks([child], out, { state, depth: listDepth });
      }
    }
  }

  #listProps(state: ListState, depth: number): NonNullable<Paragraph['list']> {
    const level = state.style ? this.#lists.get(state.style)?.get(depth + 1) : undefined;
    if (!level) return { ordered: false, depth };
    if (!level.ordered) return { ordered: false, depth, marker: level.bullet };
    const shown = state.counters.slice(Math.max(0, depth + 1 - level.displayLevels), depth + 1).map((n) => n ?? 1);
    return { ordered: true, depth, marker: `${level.prefix}${shown.join('.')}${level.suffix}` };
  }

  /** A `text:p`/`text:h`: one paragraph per line (`text:line-break` splits it). */
  #paragraph(el: Element, out: Block[], list: Paragraph['list'] | null): void {
    const styleName = el.attribs['text:style-name'];
    const props: ParagraphProps = {};
    const outline = el.name === 'text:h' ? repeat(el.attribs['text:outline-level']) : this.#headingOfStyle(styleName);
    if (outline !== undefined) props.heading = Math.min(outline, 6);
    const align = this.#resolve(styleName, 'align');
    if (align) props.align = align;
    if (list) props.list = list;
    const marks = {
      bold: this.#resolve(styleName, 'bold') ?? false,
      italic: this.#resolve(styleName, 'italic') ?? false,
      href: undefined as string | undefined,
    };
    let inlines: Inline[] = [];
    let firstLine = true;
    const flush = () => {
      const p = paragraphOf(inlines, firstLine ? props : { ...props, list: undefined });
      inlines = [];
      if (!p) return;
      firstLine = false;
      this.#budget.paragraph();
      out.push(p);
    };
    const walk = (nodes: readonly ChildNode[], current: typeof marks) => {
      for (const node of nodes) {
        if (isText(node)) {
          const inline: Inline = { text: node.data };
          if (current.bold) inline.bold = true;
          if (current.italic) inline.italic = true;
          if (current.href !== undefined) inline.href = current.href;
          inlines.push(inline);
          continue;
        }
        if (!isTag(node) || SKIPPED.has(node.name)) continue;
        switch (node.name) {
          case 'text:s':
            inlines.push({ text: ' '.repeat(Math.min(repeat(node.attribs['text:c']), 100)) });
            break;
          case 'text:tab':
            inlines.push({ text: ' ' });
            break;
          case 'text:line-break':
            flush();
            break;
          case 'text:soft-page-break':
          case 'text:note-citation':
            break;
          case 'text:number':
            // the number a list item showed when saved; ours comes from the list style (a heading keeps its own)
            if (!list) walk(node.children, current);
            break;
          case 'draw:image':
          case 'draw:object':
            this.notes.push(NOTE_IMAGE);
            break;
          case 'text:span': {
            const span = node.attribs['text:style-name'];
            walk(node.children, { ...current, bold: this.#resolve(span, 'bold') ?? current.bold, italic: this.#resolve(span, 'italic') ?? current.italic });
            break;
          }
          case 'text:a':
            walk(node.children, { ...current, href: node.attribs['xlink:href'] });
            break;
          default:
            walk(node.children, current);
        }
      }
    };
    walk(el.children, marks);
    flush();
  }

  #table(el: Element): { type: 'table'; rows: Row[] } {
    const rows: Row[] = [];
    let wide = false;
    const visit = (nodes: readonly Element[], header: boolean) => {
      for (const node of nodes) {
        if (node.name === 'table:table-header-rows') visit(tags(node), true);
        else if (node.name === 'table:table-rows' || node.name === 'table:table-row-group') visit(tags(node), header);
        else if (node.name === 'table:table-row') {
          const cells = this.#cells(node, () => (wide = true));
          const empty = cells.every((c) => c.paragraphs.length === 0);
          // a repeated empty row is the tail of a sheet-like table: one stands for all
          const times = empty ? 1 : repeat(node.attribs['table:number-rows-repeated']);
          for (let i = 0; i < times; i++) {
            this.#budget.rows();
            const copy = i === 0 ? cells : cells.map((c) => ({ ...c, paragraphs: [...c.paragraphs] }));
            rows.push(header ? { cells: copy, header: true } : { cells: copy });
          }
        }
      }
    };
    visit(tags(el), false);
    if (wide) this.notes.push(NOTE_WIDE_TABLE);
    return { type: 'table', rows };
  }

  #cells(row: Element, tooWide: () => void): Cell[] {
    const cells: Cell[] = [];
    let width = 0;
    for (const node of tags(row)) {
      // a cell covered by a span is already counted by the spanning cell
      if (node.name !== 'table:table-cell') continue;
      const paragraphs: Block[] = [];
      this.blocks(node.children, paragraphs, null);
      const cell = cellOf(
        paragraphs.filter((b): b is Paragraph => b.type === 'paragraph'),
        repeat(node.attribs['table:number-columns-spanned']),
        repeat(node.attribs['table:number-rows-spanned']),
      );
      // cells repeated to a sheet's edge (16 384 columns) stop at the cap; only text cut is worth a note
      const times = repeat(node.attribs['table:number-columns-repeated']);
      let pushed = 0;
      for (; pushed < times && width + cell.colSpan <= MAX_COLUMNS; pushed++) {
        width += cell.colSpan;
        cells.push(pushed === 0 ? cell : { ...cell, paragraphs: [...cell.paragraphs] });
      }
      if (pushed < times && cell.paragraphs.length > 0) tooWide();
    }
    return cells;
  }
}
