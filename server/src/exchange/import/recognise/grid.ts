// A table as a grid: every row has one slot per column, whatever the source merged. A cell spanning
// columns fills them all with itself (so a section title across the row reads as one cell); a cell
// spanning rows («Сроки» for three мероприятия, a month for its events) applies to each row it covers.
import type { Cell, Table } from '../source-document.ts';

export interface Slot {
  cell: Cell;
  /** Where the cell starts: covered slots point at the same origin. */
  originRow: number;
  originColumn: number;
}

export interface Grid {
  columns: number;
  rows: { slots: (Slot | null)[]; header: boolean; source: number }[];
}

/** Bounds of what a table may spread into (a hostile span of 10⁹ columns must not allocate them). */
const MAX_COLUMNS = 60;
const MAX_SPAN_ROWS = 2_000;

export function gridOf(table: Table): Grid {
  const rows: Grid['rows'] = [];
  /** Slots reserved by row spans from above: row → column → slot. */
  const pending = new Map<number, Map<number, Slot>>();
  let columns = 0;
  table.rows.forEach((row, r) => {
    const slots: (Slot | null)[] = [];
    const reserved = pending.get(r) ?? new Map<number, Slot>();
    pending.delete(r);
    let c = 0;
    const skipReserved = () => {
      while (reserved.has(c) && c < MAX_COLUMNS) {
        slots[c] = reserved.get(c)!;
        c++;
      }
    };
    for (const cell of row.cells) {
      skipReserved();
      if (c >= MAX_COLUMNS) break;
      const slot: Slot = { cell, originRow: r, originColumn: c };
      const colSpan = Math.max(1, Math.min(cell.colSpan, MAX_COLUMNS - c));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, MAX_SPAN_ROWS));
      for (let k = 0; k < colSpan; k++) {
        slots[c + k] = slot;
        for (let down = 1; down < rowSpan; down++) {
          const below = pending.get(r + down) ?? new Map<number, Slot>();
          below.set(c + k, slot);
          pending.set(r + down, below);
        }
      }
      c += colSpan;
    }
    skipReserved();
    for (const [col, slot] of reserved) if (slots[col] === undefined) slots[col] = slot;
    columns = Math.max(columns, slots.length);
    rows.push({ slots, header: row.header === true, source: r });
  });
  for (const row of rows) for (let c = 0; c < columns; c++) row.slots[c] ??= null;
  return { columns, rows };
}

/** The distinct cells of a row, left to right (a cell spanning columns once). */
export function distinctCells(slots: readonly (Slot | null)[]): Slot[] {
  const seen = new Set<Slot>();
  const out: Slot[] = [];
  for (const s of slots) {
    if (!s || seen.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}
