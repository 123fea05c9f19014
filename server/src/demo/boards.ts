// The demo's boards, made at first start by the import pipeline from the source texts kept beside
// this file (sources/, the plans Soplan grew from): what a methodologist's own documents give, not a
// hand transcription. Source 000 holds two plans (the roadmap's «Содержание деятельности» and the
// plan-graph), so it is imported twice, once per table, as a user would pick them in the preview.
import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_LIMITS, isFinished, periodOf, type BoardJson, type ImportOptions, type ItemStatus, type PlanJson } from '@soplan/shared';
import { runImport } from '../exchange/import/run-import.ts';
import type { Organisation } from '../exchange/import/recognise/plan-graph.ts';

const SOURCES = path.join(import.meta.dirname, 'sources');

const DEMO_IMPORTS: { source: string; options: ImportOptions }[] = [
  { source: '000', options: { table: 1 } },
  { source: '000', options: { table: 0 } },
  { source: '001', options: {} },
  { source: '004', options: {} },
];

/**
 * The demo's own story on top of the documents: the network is in March 2022 of its plans, so what
 * ended before then is done and what runs through it is in progress (everything else stays planned,
 * and what ended since shows as overdue, as on any real board).
 */
const STORY_DAY = '2022-03-01';

function progressOf(period: string, academicYearStart?: number): ItemStatus {
  const p = periodOf(period, academicYearStart !== undefined ? { academicYearStart } : {});
  if (p.kind === 'ongoing' || p.kind === 'recurring') return 'in-progress';
  if (p.end && p.end < STORY_DAY) return 'done';
  if (p.start && p.start <= STORY_DAY) return 'in-progress';
  return 'planned';
}

function withProgress(plan: PlanJson): void {
  for (const s of plan.sections)
    for (const item of [...s.items, ...s.sections.flatMap((x) => x.items)]) if (!isFinished(item.status)) item.status = progressOf(item.period);
}

function story(content: BoardJson): BoardJson {
  if (content.kind === 'roadmap') withProgress(content.roadmap);
  else if (content.kind === 'programme') {
    withProgress(content.programme.plan);
    for (const stage of content.programme.stages) stage.status = progressOf(stage.period);
  } else
    for (const e of content.planGraph.events)
      e.status = e.month < STORY_DAY.slice(0, 7) ? 'done' : e.month === STORY_DAY.slice(0, 7) ? 'in-progress' : 'planned';
  return content;
}

/** The demo boards' contents, in the order the workspace lists them. */
export async function demoBoards(organisations: readonly Organisation[], today: string): Promise<BoardJson[]> {
  const files = fs.readdirSync(SOURCES);
  const boards: BoardJson[] = [];
  for (const { source, options } of DEMO_IMPORTS) {
    const file = files.find((f) => f.startsWith(`${source}_`));
    if (!file) throw new Error(`demo source ${source} is missing from ${SOURCES}`);
    const text = fs.readFileSync(path.join(SOURCES, file), 'utf8');
    const preview = await runImport({ input: { text }, options, context: { today, organisations, maxRows: IMPORT_LIMITS.maxRows } });
    boards.push(story(preview.content));
  }
  return boards;
}
