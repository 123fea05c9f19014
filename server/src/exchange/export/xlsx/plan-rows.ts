// The rows of a plan's table as the DOCX has them (docx/plan-tables.ts): a roadmap's (and a
// programme's plan) with section rows «1. …», «1.3. …» and items numbered from order (rule B6), the
// items outside sections last under «Вне разделов»; a plan-graph's events by month.
import {
  DOCUMENT_STATUS_LABELS as STATUS_LABELS,
  documentMonth as monthName,
  planRows,
  type PlanGraphContentJson,
  type PlanItemJson,
  type PlanJson,
  PLAN_GRAPH_COLUMNS as PLAN_GRAPH_HEADERS,
  ROADMAP_COLUMNS as ROADMAP_HEADERS,
} from '@soplan/shared';
import type { Column, Row } from './sheet.ts';
import { linesOf, oneLine } from './text.ts';

const STATUS_COLUMN: Column = { header: 'Статус', width: 16 };

/** The roadmap's columns of the DOCX (their headers shared), and the item's status last: the workbook is a working file. */
export const ROADMAP_COLUMNS: readonly Column[] = [
  ...ROADMAP_HEADERS.map((header, i): Column => ({ header, width: [10, 48, 20, 28, 34][i]!, ...(i === 0 ? { centre: true } : {}) })),
  STATUS_COLUMN,
];

export const PLAN_GRAPH_COLUMNS: readonly Column[] = [
  ...PLAN_GRAPH_HEADERS.map((header, i): Column => ({ header, width: [17, 44, 20, 13, 26, 20][i]!, ...(i === 3 ? { centre: true } : {}) })),
  STATUS_COLUMN,
];

const itemRow = (number: string, item: PlanItemJson): Row => ({
  cells: [number, linesOf(item.title), linesOf(item.period), linesOf(...item.responsibles), linesOf(item.result, ...item.evidence), STATUS_LABELS[item.status]],
});

export function roadmapRows(plan: PlanJson): Row[] {
  return planRows(plan).map((row) => (row.type === 'section' ? { section: oneLine(row.label) } : itemRow(row.number, row.item)));
}

/** A day of the calendar as Excel's date: midnight UTC, which exceljs writes as that day's whole serial number. */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * A plan-graph's events by month, in month order. The month is written on each of its events
 * rather than merged down beside them (as the DOCX does): a merged cell keeps its text in its first
 * row only, so filtering or sorting would lose every other event's month.
 */
export function planGraphRows(planGraph: PlanGraphContentJson): Row[] {
  const events = [...planGraph.events].sort((a, b) => a.month.localeCompare(b.month));
  return events.map((e) => ({
    cells: [
      monthName(e.month),
      linesOf(e.title),
      linesOf(e.form),
      e.date ? day(e.date) : '',
      linesOf(...e.responsibles),
      linesOf(e.partner),
      STATUS_LABELS[e.status],
    ],
  }));
}
