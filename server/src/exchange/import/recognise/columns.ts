// Which column of a plan table means what, from its header's words («№ п/п», «Наименование
// мероприятия», «Сроки (реализации, исполнения)», «Ответственный (исполнитель, -ые)», «Ожидаемый
// результат», «Месяц», «Форма», «Дата», «Партнёр»), and which rows are that header (the first one,
// and its copies repeated on later pages).
import type { ColumnRole } from '@soplan/shared';
import { cellLines, joinLines, norm } from './text.ts';
import type { Grid, Slot } from './grid.ts';

/** Header words for each role, tried in this order (the first that matches a header wins). */
const HEADER_WORDS: [ColumnRole, RegExp][] = [
  ['number', /^(?:n|№|no)(?: п п| пп)?$|^п п$|^№ п п|^порядковый/],
  ['month', /^месяц/],
  ['date', /^дата(?! и место)|^дата проведения|^число/],
  ['period', /срок|^период|^дата и место|^время проведения|^когда/],
  ['responsibles', /ответствен|исполнител|^кто|^организатор/],
  ['result', /результат|^продукт|отчетн|^итог|выход|показател/],
  ['form', /^форм[аы]/],
  ['partner', /партнер|^соисполнител|при участии|^социальн/],
  ['notes', /примечани|^комментари|^отметка/],
  ['section', /^направлени|^раздел|^блок|^модул/],
  ['title', /мероприяти|^наименовани|^название|^содержани|^тема|^вид деятельности|^задач|^действи/],
];

export function roleOfHeader(header: string): ColumnRole | null {
  const h = norm(header);
  if (!h) return null;
  for (const [role, re] of HEADER_WORDS) if (re.test(h)) return role;
  return null;
}

const slotText = (slot: Slot | null) => (slot ? joinLines(cellLines(slot.cell)) : '');

export interface HeaderInfo {
  /** Grid rows that make the header (usually one; two when cells span a sub-header). */
  rows: number[];
  /** Each column's header text. */
  headers: string[];
  roles: (ColumnRole | null)[];
}

/**
 * The header among the table's first rows: the first row where at least two distinct cells are
 * header words (or the row the source marks as its header). A header cell spanning two rows with
 * sub-headers below («Сроки» over «начало | окончание») takes the row below into the header.
 */
export function findHeader(grid: Grid): HeaderInfo | null {
  const limit = Math.min(grid.rows.length, 8);
  for (let r = 0; r < limit; r++) {
    const row = grid.rows[r]!;
    const roles = row.slots.map((s, c) => (s && s.originColumn === c ? roleOfHeader(slotText(s)) : null));
    const known = roles.filter((x) => x !== null).length;
    if (known < 2 && !(row.header && known >= 1)) continue;
    const rows = [r];
    const spansDown = row.slots.some((s) => s && s.cell.rowSpan > 1);
    const next = grid.rows[r + 1];
    if (spansDown && next) rows.push(r + 1);
    const headers = Array.from({ length: grid.columns }, (_, c) => {
      const texts = rows.map((rr) => slotText(grid.rows[rr]!.slots[c] ?? null));
      return [...new Set(texts.filter(Boolean))].join(' ');
    });
    return { rows, headers, roles: headers.map(roleOfHeader) };
  }
  return null;
}

/** Whether a row repeats the header (a page break in the source) or is the «1 | 2 | 3 | 4» row of column numbers under it. */
export function repeatsHeader(grid: Grid, r: number, header: HeaderInfo): 'header' | 'column-numbers' | null {
  const texts = grid.rows[r]!.slots.map((s) => norm(slotText(s)));
  if (texts.every((t, c) => t === norm(header.headers[c] ?? ''))) return 'header';
  const numbers = texts.filter(Boolean);
  if (numbers.length >= 3 && numbers.every((t, i) => t === String(i + 1))) return 'column-numbers';
  return null;
}

/**
 * Roles for every column: the header's, then what the user chose (`chosen[c]`), then guesses for a
 * table without a header (a first column of small numbers, the longest text as the title). Each role
 * but `ignore` is kept by one column only: the first that claims it.
 */
export function assignRoles(grid: Grid, header: HeaderInfo | null, chosen?: readonly ColumnRole[]): ColumnRole[] {
  const roles: ColumnRole[] = Array.from({ length: grid.columns }, (_, c) => chosen?.[c] ?? header?.roles[c] ?? 'ignore');
  if (!chosen && !header) guessWithoutHeader(grid, roles);
  const taken = new Set<ColumnRole>();
  return roles.map((role) => {
    if (role === 'ignore') return role;
    if (taken.has(role) && !chosen) return 'ignore';
    taken.add(role);
    return role;
  });
}

function guessWithoutHeader(grid: Grid, roles: ColumnRole[]): void {
  const sample = grid.rows.slice(0, 50);
  const textAt = (c: number) => sample.map((r) => slotText(r.slots[c] ?? null));
  const lengths = Array.from({ length: grid.columns }, (_, c) => textAt(c).reduce((n, t) => n + t.length, 0));
  const numeric = (c: number) => {
    const t = textAt(c).filter(Boolean);
    return t.length > 0 && t.filter((x) => /^\d{1,3}(?:\.\d{1,3})*\.?$/.test(x)).length >= t.length * 0.6;
  };
  let first = 0;
  if (grid.columns > 1 && numeric(0)) {
    roles[0] = 'number';
    first = 1;
  }
  let title = first;
  for (let c = first; c < grid.columns; c++) if (lengths[c]! > lengths[title]!) title = c;
  if (title < grid.columns) roles[title] = 'title';
  const rest = ['period', 'responsibles', 'result'] as const;
  let k = 0;
  for (let c = title + 1; c < grid.columns && k < rest.length; c++) roles[c] = rest[k++]!;
}
