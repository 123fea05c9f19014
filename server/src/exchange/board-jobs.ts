// Board work that costs time in proportion to a board's size, run in the exchange worker process (never in
// the server process everyone shares, SPEC I2, B10): reading a board JSON body and building its document,
// copying a board, its exports (JSON, DOCX, XLSX; a PDF is this DOCX converted) and its list of items. Each job gets the board's stored parts (its
// snapshot and logged updates) and answers bytes or JSON text, which cross the process boundary cheaply.
import { boardToJson, createBoardBody, shiftBoardJson, type ApiIssue, type BoardKind, type DocumentSettings } from '@soplan/shared';
import * as Y from 'yjs';
import { issuesOf } from '../http/json.ts';
import type { BuiltBoard } from '../workspaces/board-service.ts';
import { build } from './build-board.ts';
import { boardItemList } from './export/board-items.ts';
import { boardDocx } from './export/docx/index.ts';
import { boardXlsx } from './export/xlsx/index.ts';
import { runImport, type ImportJob } from './import/run-import.ts';

/** A board as stored: its snapshot and the updates logged after it, in order. */
export interface StoredParts {
  kind: BoardKind;
  title: string;
  parts: Uint8Array[];
}

export type ExchangeJob =
  | { type: 'import'; job: ImportJob }
  | { type: 'create'; body: string; today: string }
  | { type: 'copy'; board: StoredParts; title: string; shiftYears: number; resetStatus: boolean; today: string }
  | { type: 'export'; board: StoredParts; format: 'json' | 'docx' | 'xlsx'; settings: DocumentSettings; today: string }
  | { type: 'items'; board: StoredParts; today: string };

export type CreateResult =
  | { type: 'invalid'; code: 'invalid_json' | 'validation_failed'; message: string; issues?: ApiIssue[] }
  | { type: 'blank'; kind: BoardKind; title: string }
  | { type: 'copy'; from: string; title?: string; shiftYears: number; resetStatus: boolean }
  | { type: 'built'; board: BuiltBoard };

function documentOf(board: StoredParts): Y.Doc {
  const doc = new Y.Doc();
  for (const part of board.parts) Y.applyUpdate(doc, part);
  return doc;
}

function create(body: string, today: string): CreateResult {
  let value: unknown;
  try {
    value = body.length === 0 ? undefined : JSON.parse(body);
  } catch {
    return { type: 'invalid', code: 'invalid_json', message: 'The request body is not valid JSON' };
  }
  if (value === undefined) return { type: 'invalid', code: 'invalid_json', message: 'The request needs a JSON body' };
  const parsed = createBoardBody.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    return { type: 'invalid', code: 'validation_failed', message: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), issues };
  }
  const b = parsed.data;
  if (b.from !== undefined)
    return {
      type: 'copy',
      from: b.from,
      ...(b.title !== undefined ? { title: b.title } : {}),
      shiftYears: b.shiftYears ?? 0,
      resetStatus: b.resetStatus ?? false,
    };
  if (!b.content) return { type: 'blank', kind: b.kind!, title: b.title! };
  return { type: 'built', board: build(b.content, b.title!, today) };
}

export async function runJob(job: ExchangeJob): Promise<unknown> {
  switch (job.type) {
    case 'import':
      // The preview goes back as its JSON text: the server's thread sends it as it is.
      return JSON.stringify(await runImport(job.job));
    case 'create':
      return create(job.body, job.today);
    case 'copy': {
      const json = boardToJson(job.board.kind, job.board.title, documentOf(job.board), job.today);
      return build(shiftBoardJson(json, { years: job.shiftYears, resetStatus: job.resetStatus }), job.title, job.today);
    }
    case 'export': {
      const json = boardToJson(job.board.kind, job.board.title, documentOf(job.board), job.today);
      if (job.format === 'json') return JSON.stringify(json);
      return job.format === 'docx' ? boardDocx(json, job.settings) : boardXlsx(json, job.settings);
    }
    case 'items':
      return JSON.stringify(boardItemList(job.board.kind, documentOf(job.board), job.today));
  }
}
