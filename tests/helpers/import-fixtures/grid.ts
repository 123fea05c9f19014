// Where each cell of a model table lands on the table's grid. The model omits the cells a span
// covers (as HTML does); Word and Excel need every grid position accounted for: Word writes a
// «continue» cell under a vertically merged one, Excel names the merged range. Rows shorter than
// the widest are padded with empty cells, since a table Word writes is always rectangular.
import type { Cell, Table } from './model.ts';

export type Slot =
  | { kind: 'cell'; cell: Cell; column: number }
  /** Under a cell of an earlier row that spans down to here. */
  | { kind: 'covered'; origin: Cell; column: number }
  | { kind: 'pad'; column: number };

export interface Grid {
  columns: number;
  rows: Slot[][];
}

export function layoutTable(table: Table): Grid {
  // covering[r]: for each column of row r that a cell of an earlier row spans down to, that cell.
  const covering: Map<number, Cell>[] = table.rows.map(() => new Map());
  const placed: Slot[][] = [];
  let columns = 0;
  table.rows.forEach((row, r) => {
    const slots: Slot[] = [];
    const cells = [...row.cells];
    let column = 0;
    while (cells.length > 0) {
      const origin = covering[r]!.get(column);
      if (origin) {
        slots.push({ kind: 'covered', origin, column });
        column += origin.colSpan;
        continue;
      }
      const next = cells.shift()!;
      slots.push({ kind: 'cell', cell: next, column });
      for (let d = 1; d < next.rowSpan && r + d < table.rows.length; d++) covering[r + d]!.set(column, next);
      column += next.colSpan;
    }
    columns = Math.max(columns, column, ...[...covering[r]!].map(([c, origin]) => c + origin.colSpan));
    placed.push(slots);
  });
  placed.forEach((slots, r) => {
    let column = slots.length ? slotEnd(slots.at(-1)!) : 0;
    while (column < columns) {
      const origin = covering[r]!.get(column);
      slots.push(origin ? { kind: 'covered', origin, column } : { kind: 'pad', column });
      column += origin ? origin.colSpan : 1;
    }
  });
  return { columns, rows: placed };
}

/** The grid column after the slot. */
function slotEnd(slot: Slot): number {
  if (slot.kind === 'cell') return slot.column + slot.cell.colSpan;
  if (slot.kind === 'covered') return slot.column + slot.origin.colSpan;
  return slot.column + 1;
}

/**
 * Relative column widths for a writer: a column's share follows the length of its longest line,
 * within bounds, so a «№» column stays narrow and «Наименование мероприятия» gets the room.
 */
export function columnWeights(grid: Grid): number[] {
  const longest = Array.from({ length: grid.columns }, () => 0);
  grid.rows.forEach((slots) => {
    for (const slot of slots) {
      if (slot.kind !== 'cell' || slot.cell.colSpan !== 1) continue;
      const length = Math.max(0, ...slot.cell.paragraphs.map((para) => para.inlines.reduce((n, i) => n + i.text.length, 0)));
      longest[slot.column] = Math.max(longest[slot.column]!, length);
    }
  });
  return longest.map((n) => Math.min(60, Math.max(4, n)));
}
