// The plan's table as a методист sets it: a header row repeated on every page, section rows spanning
// the table, numbers derived from order (rule B6) — a roadmap's or a programme's plan — and a
// plan-graph's events by month.
import {
  documentDate as russianDate,
  documentMonth as monthName,
  planRows,
  PLAN_GRAPH_COLUMN_SHARES,
  PLAN_GRAPH_COLUMNS,
  ROADMAP_COLUMN_SHARES,
  ROADMAP_COLUMNS,
  type PlanGraphContentJson,
  type PlanItemJson,
  type PlanJson,
} from '@soplan/shared';
import { Table, WidthType } from 'docx';
import { clean, columnWidths, linesOf, tableRow, type CellSpec, type Layout } from './layout.ts';

const table = (layout: Layout, widths: number[], rows: ReturnType<typeof tableRow>[]) =>
  new Table({ width: { size: layout.textWidth, type: WidthType.DXA }, columnWidths: widths, rows });

/** A roadmap's table (and a programme's plan). */
export function roadmapTable(layout: Layout, plan: PlanJson): Table {
  const widths = columnWidths(layout, ROADMAP_COLUMN_SHARES);
  const span = ROADMAP_COLUMNS.length;
  const rows = [
    tableRow(
      layout,
      widths,
      ROADMAP_COLUMNS.map((c) => ({ lines: [c] })),
      true,
    ),
  ];
  const itemRow = (number: string, item: PlanItemJson) =>
    tableRow(layout, widths, [
      { lines: [number], centre: true },
      { lines: linesOf(item.title) },
      { lines: linesOf(item.period) },
      { lines: item.responsibles.flatMap(linesOf) },
      { lines: [...linesOf(item.result), ...item.evidence.flatMap(linesOf)] },
    ]);
  for (const row of planRows(plan))
    rows.push(
      row.type === 'section'
        ? tableRow(layout, widths, [{ lines: [clean(row.label).replace(/\s+/g, ' ')], bold: true, columnSpan: span, keepNext: true }])
        : itemRow(row.number, row.item),
    );
  return table(layout, widths, rows);
}

/** A plan-graph's table: each month's name merged down beside its events, dates as dd.mm.yyyy. */
export function planGraphTable(layout: Layout, planGraph: PlanGraphContentJson): Table {
  const widths = columnWidths(layout, PLAN_GRAPH_COLUMN_SHARES);
  const rows = [
    tableRow(
      layout,
      widths,
      PLAN_GRAPH_COLUMNS.map((c) => ({ lines: [c] })),
      true,
    ),
  ];
  const months = new Map<string, PlanGraphContentJson['events']>();
  for (const e of planGraph.events) months.set(e.month, [...(months.get(e.month) ?? []), e]);
  for (const [month, events] of [...months].sort(([a], [b]) => a.localeCompare(b)))
    events.forEach((e, k) => {
      const cells: CellSpec[] = [
        { lines: linesOf(e.title) },
        { lines: linesOf(e.form) },
        { lines: [russianDate(e.date)], centre: true },
        { lines: e.responsibles.flatMap(linesOf) },
        { lines: linesOf(e.partner) },
      ];
      rows.push(
        k === 0
          ? tableRow(layout, widths, [{ lines: [monthName(month)], bold: true, rowSpan: events.length }, ...cells])
          : tableRow(layout, widths, cells, false, 1),
      );
    });
  return table(layout, widths, rows);
}
