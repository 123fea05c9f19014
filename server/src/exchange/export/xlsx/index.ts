// A board as an Excel workbook (issue 14), the working-file twin of the DOCX: the same table — a
// roadmap's or a programme's plan with its derived numbers and section rows, a plan-graph's events
// by month — with the item's status added, one sheet per part of a programme, each set up to print
// (sheet.ts). This folder owns the XLSX export; the exchange worker runs it (board-jobs.ts).
import type { BoardJson, DocumentSettings } from '@soplan/shared';
import { PLAN_GRAPH_COLUMNS, planGraphRows, ROADMAP_COLUMNS, roadmapRows } from './plan-rows.ts';
import { programmeParts, type Part } from './programme.ts';
import { addSheet } from './sheet.ts';
import { linesOf, SheetNames } from './text.ts';

function partsOf(board: BoardJson, title: string): Part[] {
  if (board.kind === 'roadmap') return [{ name: title, heading: '', columns: ROADMAP_COLUMNS, header: true, rows: roadmapRows(board.roadmap) }];
  if (board.kind === 'plan-graph') return [{ name: title, heading: '', columns: PLAN_GRAPH_COLUMNS, header: true, rows: planGraphRows(board.planGraph) }];
  return programmeParts(title, board.programme);
}

export async function boardXlsx(board: BoardJson, settings: DocumentSettings): Promise<Uint8Array> {
  // loaded when first needed, as the import's reader does: it is a quarter of a second of a worker's start
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Soplan';
  const names = new SheetNames();
  const title = linesOf(board.title);
  for (const part of partsOf(board, title))
    addSheet(
      workbook,
      {
        name: names.name(part.name, board.kind === 'plan-graph' ? 'План-график' : 'План'),
        title: part.heading ? `${title}\n${part.heading}` : title,
        columns: part.columns,
        header: part.header,
        rows: part.rows,
      },
      settings,
    );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
