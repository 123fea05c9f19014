// Board text as a spreadsheet can hold it: what XML cannot carry dropped (as in the DOCX), Excel's
// «_xHHHH_» escape kept literal, a cell cut at Excel's limit; and the names Excel allows a sheet.
import { clean } from '../docx/layout.ts';

/** Characters one cell holds in Excel (its specification's limit). */
export const MAX_CELL_TEXT = 32_767;

/** Characters of a sheet's name in Excel. */
export const MAX_SHEET_NAME = 31;

const ELLIPSIS = '…';

// Excel reads «_x0041_» in a shared string as the character U+0041 (that is how OOXML escapes
// characters XML cannot hold), so board text spelling one would come out as another character, a
// control character too; «_x005F_» is the escaped underscore, which keeps it as typed.
const EXCEL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

/** A cell's text as written (every cell's, once): cleaned, escapes kept literal, cut with «…» at Excel's limit (never through a surrogate pair). */
export function cellText(text: string): string {
  const cleaned = clean(text).replace(EXCEL_ESCAPE, '_x005F_$1');
  if (cleaned.length <= MAX_CELL_TEXT) return cleaned;
  let end = MAX_CELL_TEXT - ELLIPSIS.length;
  const last = cleaned.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${cleaned.slice(0, end)}${ELLIPSIS}`;
}

/** The non-empty lines of fields, trimmed, one after another: what one cell shows of them. */
export const linesOf = (...texts: readonly string[]): string =>
  texts
    .flatMap((t) => clean(t).split('\n'))
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');

/** Text on one line: runs of white space as one space. */
export const oneLine = (text: string): string => clean(text).replace(/\s+/g, ' ').trim();

// Excel forbids these in a sheet's name; an apostrophe is allowed inside one but the print titles'
// reference quotes the name with it, so it becomes a typographic one.
const FORBIDDEN_IN_NAME = /[[\]:*?/\\]/g;

/**
 * Names for a workbook's sheets: what Excel forbids dropped, at most 31 characters, never empty or
 * «History» (Excel keeps that one), unique regardless of case as Excel compares them.
 */
export class SheetNames {
  readonly #taken = new Set<string>();

  name(wanted: string, fallback: string): string {
    const base = this.#cut(clean(wanted).replace(FORBIDDEN_IN_NAME, ' ').replace(/'/g, '’').replace(/\s+/g, ' ').trim()) || fallback;
    let name = base.toLowerCase() === 'history' ? fallback : base;
    for (let n = 2; this.#taken.has(name.toLowerCase()); n++) name = `${this.#cut(base, ` (${n})`.length)} (${n})`;
    this.#taken.add(name.toLowerCase());
    return name;
  }

  /**
   * At most 31 characters less `room`, never ending in half a surrogate pair or in a space; a longer
   * name is cut after its last whole word when that keeps more than half of it («План-график на
   * 2021-2022», not «… учебны»).
   */
  #cut(name: string, room = 0): string {
    const max = MAX_SHEET_NAME - room;
    let out = '';
    for (const ch of name) {
      if (out.length + ch.length > max) break;
      out += ch;
    }
    if (out.length === name.length) return out.trimEnd();
    const word = out.lastIndexOf(' ');
    return (word > max / 2 && name[out.length] !== ' ' ? out.slice(0, word) : out).trimEnd();
  }
}
