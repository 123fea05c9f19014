// Plain text (.txt, .md, the clipboard's text/plain) → SourceDocument. Each non-empty line is a
// paragraph; Markdown marks what it can (`#` headings, `**bold**` — also over several lines, as the
// title of source 001 —, `[text](url)` links, pipe tables). Tables come in the three layouts text
// copies of Word documents really have:
//   (a) a row per line, cells split by tabs (Word's and Excel's clipboard text, source 001): the
//       first line is the header; a row whose only text is its first cell («title\t\t\t\t») is a
//       section title spanning the row; blank lines between rows are nothing; Excel's quoted cells
//       may hold line breaks;
//   (b) a cell per line, each starting with a tab (source 000): lines without a tab continue the
//       cell as paragraphs of it; the first run of consecutive tab lines is the header and fixes
//       the number of columns; cells fill rows in order; the table ends when, after a complete row,
//       two or more blank lines are followed by a line without a tab;
//   (c) Markdown pipe tables, `| a | b |` over a `|---|---|` separator.
import type { Block, Cell, Inline, Paragraph, Row, SourceDocument } from '../source-document.ts';
import { Budget, MAX_COLUMNS } from './budget.ts';
import { cellOf, cleanText, finishDocument, paragraphOf } from './clean.ts';
import { isBlankRecord, readRecord, splitLines } from './delimited.ts';
import { NOTE_WIDE_TABLE } from './notes.ts';

/** Reads text: a file's decoded content or what was pasted. */
export function readText(text: string, budget = new Budget()): SourceDocument {
  const reader = new TextReader(splitLines(text.replace(/^\uFEFF/, '')).map(stripArtefacts), budget);
  return finishDocument(reader.read(), reader.notes);
}

// Converters leave bookmarks in the text («[bookmark: _GoBack]», Word's last edit position).
const stripArtefacts = (line: string): string => line.replace(/\[bookmark: [^\]]*\]/g, '');

const isBlank = (line: string): boolean => cleanText(line) === '';
/** A cell line of layout (b): a leading tab and no other. */
const isCellLine = (line: string): boolean => line.startsWith('\t') && !line.includes('\t', 1);
const isPipeRow = (line: string): boolean => /^\s*\|/.test(line);
const isPipeSeparator = (line: string): boolean => /^\s*\|?(\s*:?-+:?\s*\|)+(\s*:?-+:?\s*)?$/.test(line);
const isRule = (line: string): boolean => /^\s*([-*_=])(\s*\1){2,}\s*$/.test(line);

/** `# Title` … `###### Title`, a closing run of `#` dropped; (level, text) or null. Not a regex over the whole line: long lines of spaces would make one backtrack. */
function heading(line: string): [number, string] | null {
  const open = /^[ \t]*(#{1,6})[ \t]+/.exec(line);
  if (!open) return null;
  let text = line.slice(open[0].length).trimEnd();
  const closing = /[ \t]#+$/.exec(text.slice(-64));
  if (closing) text = text.slice(0, text.length - closing[0].length).trimEnd();
  return [open[1]!.length, text];
}

/** A header cell of layout (b) is a label: longer lines are text indented by a tab, not a table. */
const MAX_HEADER_CELL = 120;

/**
 * Markdown links `[text](url)` of one line, by the position of their `[`: the text holds no brackets,
 * the address no spaces or brackets and one level of parentheses at most. One pass over the line (a
 * pattern tried at every `[` would rescan the rest of the line each time).
 */
function linksOf(text: string): Map<number, { end: number; label: string; href: string }> {
  const links = new Map<number, { end: number; label: string; href: string }>();
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[') open = i;
    if (ch !== ']') continue;
    const start = open;
    open = -1;
    if (start < 0 || text[i + 1] !== '(') continue;
    let depth = 0;
    let j = i + 2;
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (c === ')' && depth === 0) break;
      if (c === ')') depth -= 1;
      else if (c === '(') depth += 1;
      if (depth > 1 || c === '[' || c === ']' || /\s/.test(c)) {
        j = text.length;
        break;
      }
    }
    if (j >= text.length) continue;
    links.set(start, { end: j + 1, label: text.slice(start + 1, i), href: text.slice(i + 2, j) });
    i = j;
  }
  return links;
}

class TextReader {
  readonly #lines: string[];
  readonly #budget: Budget;
  readonly #blocks: Block[] = [];
  readonly notes: string[] = [];
  /** Bold opened by `**` on an earlier line of the same group of lines. */
  #bold = false;

  constructor(lines: string[], budget: Budget) {
    this.#lines = lines;
    this.#budget = budget;
  }

  read(): Block[] {
    const lines = this.#lines;
    let i = 0;
    while (i < lines.length) {
      const line = lines[i]!;
      if (isBlank(line) && !isCellLine(line)) {
        this.#bold = false;
        i += 1;
        continue;
      }
      const next =
        (isPipeRow(line) && i + 1 < lines.length && isPipeSeparator(lines[i + 1]!) ? this.#pipeTable(i) : null) ??
        (isCellLine(line) ? this.#cellPerLineTable(i) : null) ??
        (line.includes('\t') && !isCellLine(line) ? this.#rowPerLineTable(i) : null);
      if (next !== null) {
        this.#bold = false;
        i = next;
        continue;
      }
      this.#line(i);
      i += 1;
    }
    return this.#blocks;
  }

  #push(block: Block): void {
    if (block.type === 'paragraph') this.#budget.paragraph();
    this.#blocks.push(block);
  }

  #line(i: number): void {
    const line = this.#lines[i]!;
    if (isRule(line)) return;
    const marked = heading(line);
    if (marked) {
      const inlines = this.#inlines(marked[1], i);
      const p = paragraphOf(inlines, { heading: marked[0] });
      if (p) this.#push(p);
      return;
    }
    const p = paragraphOf(this.#inlines(line, i));
    if (p) this.#push(p);
  }

  /**
   * The runs of one line. A `**` opens bold only when a closing `**` follows in this line or a later
   * one of the same group (lines up to a blank one), as Markdown reads it; an unpaired one is text.
   */
  #inlines(text: string, lineIndex: number | null): Inline[] {
    const out: Inline[] = [];
    let bold = lineIndex === null ? false : this.#bold;
    let buffer = '';
    const emit = (run: string, href?: string) => {
      if (run === '') return;
      const inline: Inline = { text: run };
      if (bold) inline.bold = true;
      if (href !== undefined) inline.href = href;
      out.push(inline);
    };
    let links: ReturnType<typeof linksOf> | undefined;
    let pos = 0;
    while (pos < text.length) {
      if (text.startsWith('**', pos)) {
        if (bold || this.#closes(text, pos + 2, lineIndex)) {
          emit(buffer);
          buffer = '';
          bold = !bold;
          pos += 2;
          continue;
        }
        buffer += '**';
        pos += 2;
        continue;
      }
      const link = text[pos] === '[' ? (links ??= linksOf(text)).get(pos) : undefined;
      if (link) {
        emit(buffer);
        buffer = '';
        emit(link.label, link.href);
        pos = link.end;
        continue;
      }
      buffer += text[pos];
      pos += 1;
    }
    emit(buffer);
    if (lineIndex !== null) this.#bold = bold;
    return out;
  }

  #closes(text: string, from: number, lineIndex: number | null): boolean {
    if (text.includes('**', from)) return true;
    if (lineIndex === null) return false;
    for (let j = lineIndex + 1; j < this.#lines.length; j++) {
      const line = this.#lines[j]!;
      if (isBlank(line) || line.includes('\t')) return false;
      if (line.includes('**')) return true;
    }
    return false;
  }

  /** A cell's paragraphs from lines of its text (each line a paragraph, `<br>` too in Markdown). */
  #cell(lines: readonly string[], colSpan = 1): Cell {
    const paragraphs: (Paragraph | null)[] = [];
    for (const line of lines) {
      for (const part of line.split(/<br\s*\/?>/i)) {
        this.#budget.paragraph();
        paragraphs.push(paragraphOf(this.#inlines(part, null)));
      }
    }
    return cellOf(paragraphs, colSpan);
  }

  /** A row's fields up to the column cap (noted when text is cut). */
  #capped(fields: string[]): string[] {
    if (fields.length <= MAX_COLUMNS) return fields;
    if (fields.slice(MAX_COLUMNS).some((f) => cleanText(f) !== '')) this.notes.push(NOTE_WIDE_TABLE);
    return fields.slice(0, MAX_COLUMNS);
  }

  #row(cells: Cell[], header: boolean): Row {
    this.#budget.rows();
    return header ? { cells, header: true } : { cells };
  }

  /** Layout (c); returns the line after the table. */
  #pipeTable(start: number): number {
    const split = (line: string): string[] => {
      const cells = line
        .trim()
        .replace(/^\|/, '')
        .replace(/(?<!\\)\|$/, '')
        .split(/(?<!\\)\|/)
        .map((c) => c.replace(/\\\|/g, '|'));
      return this.#capped(cells);
    };
    const rows: Row[] = [
      this.#row(
        split(this.#lines[start]!).map((c) => this.#cell([c])),
        true,
      ),
    ];
    let i = start + 2;
    while (i < this.#lines.length && isPipeRow(this.#lines[i]!)) {
      rows.push(
        this.#row(
          split(this.#lines[i]!).map((c) => this.#cell([c])),
          false,
        ),
      );
      i += 1;
    }
    this.#push({ type: 'table', rows });
    return i;
  }

  /** Layout (a), or null for a single line with tabs (a signature «Директор\tИ.О. Фамилия»); returns the line after the table. */
  #rowPerLineTable(start: number): number | null {
    const records: string[][] = [];
    let i = start;
    while (i < this.#lines.length) {
      // a line without a tab ends the table, unless it opens a quoted cell that goes on over lines
      const line = this.#lines[i]!;
      if (!line.includes('\t') && !isBlank(line) && !line.startsWith('"')) break;
      const { fields, next } = readRecord(this.#lines, i, '\t');
      if (isBlankRecord(fields)) {
        i = next;
        continue;
      }
      if (fields.length < 2) break;
      records.push(this.#capped(fields));
      this.#budget.rows();
      i = next;
    }
    if (records.length < 2) return null;
    // Trailing tabs are Word's empty cells: the table is as wide as its header, or as its widest
    // row counting only up to its last cell with text.
    const width = (fields: string[]): number => fields.findLastIndex((f) => cleanText(f) !== '') + 1;
    const columns = Math.max(records[0]!.length, ...records.map(width));
    const rows = records.map((fields, index): Row => {
      const header = index === 0;
      const texts = fields.map((f) => f.split('\n'));
      if (!header && width(fields) === 1 && fields.length > 1) return { cells: [this.#cell(texts[0]!, columns)] };
      const cells = Array.from({ length: columns }, (_, c) => this.#cell(texts[c] ?? []));
      return header ? { cells, header: true } : { cells };
    });
    this.#blocks.push({ type: 'table', rows });
    return i;
  }

  /** Layout (b), or null when the lines at `start` are text indented by tabs; returns the line after the table. */
  #cellPerLineTable(start: number): number | null {
    const lines = this.#lines;
    let i = start;
    const header: string[] = [];
    while (i < lines.length && isCellLine(lines[i]!) && header.length <= MAX_COLUMNS) {
      header.push(lines[i]!.slice(1));
      i += 1;
    }
    if (header.length < 2 || header.length > MAX_COLUMNS || header.some((h) => cleanText(h).length > MAX_HEADER_CELL)) return null;
    const columns = header.length;
    const rows: string[][][] = [header.map((h) => [h])];
    let blanks = 0;
    let end = i;
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      const row = rows.at(-1)!;
      if (isCellLine(line)) {
        if (row.length === columns) {
          this.#budget.rows();
          rows.push([[line.slice(1)]]);
        } else row.push([line.slice(1)]);
        blanks = 0;
        end = i + 1;
        continue;
      }
      if (isBlank(line)) {
        blanks += 1;
        continue;
      }
      if (row.length === columns && blanks >= 2 && !line.includes('\t')) break;
      row.at(-1)!.push(line);
      blanks = 0;
      end = i + 1;
    }
    if (rows.length < 2) return null;
    this.#budget.rows();
    const table: Row[] = rows.map((cells, index) => {
      const built = Array.from({ length: columns }, (_, c) => this.#cell(cells[c] ?? []));
      return index === 0 ? { cells: built, header: true } : { cells: built };
    });
    this.#blocks.push({ type: 'table', rows: table });
    return end;
  }
}
