// The items of a board of any kind, flattened for the index table and the dashboard: what each
// item is called, when it happens, its status, who answers for it and whether it is overdue. It
// reads through the kinds' defensive readers, so any document yields a (possibly empty) list.
import type * as Y from 'yjs';
import { periodOf, type Period, type PeriodKind } from '../periods.ts';
import { isOverdue, upcoming, type ItemStatus } from '../status.ts';
import type { BoardKind } from './kinds.ts';
import { PLAN_GRAPH_ROOTS, planGraphEventPeriod, readPlanGraph } from './plan-graph.ts';
import { PROGRAMME_ROOTS, readProgramme } from './programme.ts';
import { readRoadmap, ROADMAP_ROOTS } from './roadmap.ts';

/** Every root map a board of each kind uses (what an editor's undo manager tracks). */
export const BOARD_ROOTS: Record<BoardKind, readonly string[]> = { 'plan-graph': PLAN_GRAPH_ROOTS, roadmap: ROADMAP_ROOTS, programme: PROGRAMME_ROOTS };

export interface BoardItem {
  id: string;
  title: string;
  /** The period as the board shows it (typed text, or the event's date or month). */
  period: string;
  periodKind: PeriodKind;
  start: string | null;
  end: string | null;
  status: ItemStatus;
  responsibles: string[];
  /** The event's form (семинар, ...) on a plan-graph; '' elsewhere. */
  form: string;
  overdue: boolean;
  /** The dates it happens next: the period itself, or a recurring period's next occurrence. */
  next: { start: string | null; end: string | null } | null;
}

function itemOf(id: string, title: string, period: Period, status: ItemStatus, responsibles: string[], today: string, form = ''): BoardItem {
  return {
    form,
    id,
    title,
    period: period.text,
    periodKind: period.kind,
    start: period.start,
    end: period.end,
    status,
    responsibles,
    overdue: isOverdue(period, status, today),
    next: upcoming(period, today),
  };
}

export function boardItemsOf(kind: BoardKind, doc: Y.Doc, today: string): BoardItem[] {
  if (kind === 'plan-graph') {
    return readPlanGraph(doc, today).events.map((e) => itemOf(e.id, e.title, planGraphEventPeriod(e.month, e.date), e.status, e.responsibles, today, e.form));
  }
  if (kind === 'roadmap') {
    const view = readRoadmap(doc);
    return [...view.sections.flatMap((s) => s.items), ...view.orphans].map((i) => itemOf(i.id, i.title, periodOf(i.period), i.status, i.responsibles, today));
  }
  const programme = readProgramme(doc);
  return [
    ...programme.stages.map((s) => itemOf(s.id, s.title, periodOf(s.period), s.status, [], today)),
    ...programme.pairs.flatMap((p) =>
      p.route.map((step) => itemOf(step.id, `${p.mentee}: ${step.title}`, periodOf(step.period), step.status, [p.mentor, p.mentee].filter(Boolean), today)),
    ),
  ];
}
