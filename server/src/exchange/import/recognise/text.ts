// Text helpers of the recogniser: comparing words as a methodologist would (case, «ё», quotes and
// punctuation aside) and reading the numbering plans put in front of their lines («1.», «1.1.»,
// «2)», «I.»).
import { paragraphText, type Cell, type Paragraph } from '../source-document.ts';

/** Lower case, «ё» as «е», quotes, brackets and punctuation as spaces, single spaces: for matching words, never for storing. */
export const norm = (text: string): string =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„'`()[\]{}.,:;!?*_/\\|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The non-empty lines of a cell: one per paragraph, with a list item's marker put back in front when it is a number. */
export function cellLines(cell: Cell | undefined): Line[] {
  if (!cell) return [];
  // A line that is only a dash («—», «-») is how tables write «nothing here».
  return cell.paragraphs.map(lineOf).filter((l) => l.text !== '' && !/^[-‐‒–—―−]+$/.test(l.text));
}

export interface Line {
  text: string;
  /** The numbering written or listed in front of it («1», «1.2», «3»), without the dot. */
  number: string | null;
  /** The text without its numbering. */
  rest: string;
  /** A bullet item (•, ·, -, a Word bullet list). */
  bullet: boolean;
  bold: boolean;
}

const NUMBERING = /^\s*(\d{1,3}(?:\.\d{1,3}){0,3})(?:[.)]\s*|\s+(?=\p{Lu}))(?=\S)/u;

/** Reads a paragraph's numbering: «1.Анализ» → 1, «1.1. Подраздел» → 1.1, «2) текст» → 2; a numbered list item's marker counts too. */
export function lineOf(p: Paragraph): Line {
  const raw = paragraphText(p).trim();
  const bold = p.inlines.length > 0 && p.inlines.every((i) => i.bold || i.text.trim() === '');
  const marker = p.list?.ordered ? (p.list.marker ?? '').replace(/[.)]+$/, '') : '';
  if (marker && /^\d{1,3}(?:\.\d{1,3}){0,3}$/.test(marker)) return { text: raw, number: marker, rest: raw, bullet: false, bold };
  const m = NUMBERING.exec(raw);
  if (m && !/^\d{1,2}\.\d{1,2}\.\d{2,4}/.test(raw)) return { text: raw, number: m[1]!, rest: raw.slice(m[0].length).trim(), bullet: false, bold };
  return { text: raw, number: null, rest: raw, bullet: Boolean(p.list && !p.list.ordered), bold };
}

/** «1.1.2» → 3. */
export const depthOf = (number: string): number => number.split('.').length;

/**
 * Several numbered entries written in one line («1. Семинар … 2. Круглый стол …») as separate
 * lines; a line with at most one entry is returned as it is. Entries must count up from 1 or from
 * the number they start at, so a date or «№ 8» inside the text is never a split point.
 */
export function splitInlineNumbering(text: string): string[] {
  const starts: { at: number; n: number; len: number }[] = [];
  const re = /(?:^|\s)(\d{1,2})[.)]\s*(?=\p{Lu})/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = +m[1]!;
    const expected = starts.length === 0 ? n : starts.at(-1)!.n + 1;
    if (n === expected) starts.push({ at: m.index + (m[0].startsWith(' ') ? 1 : 0), n, len: 0 });
  }
  if (starts.length < 2) return [text];
  const parts: string[] = [];
  if (starts[0]!.at > 0 && text.slice(0, starts[0]!.at).trim()) parts.push(text.slice(0, starts[0]!.at).trim());
  starts.forEach((s, i) => parts.push(text.slice(s.at, starts[i + 1]?.at ?? text.length).trim()));
  return parts;
}

/** The lines of a cell joined as one field: `sep` between paragraphs. */
export const joinLines = (lines: readonly Line[], sep = ' '): string =>
  lines
    .map((l) => l.text)
    .join(sep)
    .trim();

/** Whether `next` continues a numbering that is at `previous` («3» → «4», «1.2» → «1.3»); null starts at 1. */
export function continuesNumbering(previous: string | null, next: string): boolean {
  if (previous === null) return /^1$|\.1$/.test(next) || next === '1';
  const a = previous.split('.');
  const b = next.split('.');
  if (a.length !== b.length) return b.length === a.length + 1 && b.at(-1) === '1' && b.slice(0, -1).join('.') === previous;
  return a.slice(0, -1).join('.') === b.slice(0, -1).join('.') && +b.at(-1)! === +a.at(-1)! + 1;
}
