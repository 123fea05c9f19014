// The items of a board of any kind, flattened for the index table and the dashboard: what each
// item is called, when it happens, its status, who answers for it, where on the board it sits and
// (on a given day) whether it is overdue. It reads through the kinds' defensive readers, so any
// document yields a (possibly empty) list.
import type * as Y from 'yjs';
import { periodOf, type Period, type PeriodKind } from '../periods.ts';
import { isOverdue, upcoming, type ItemStatus } from '../status.ts';
import { HEADER_ROOT } from './document-header.ts';
import type { BoardKind } from './kinds.ts';
import { PROGRAMME_PLAN, readPlan, ROADMAP_PLAN, type PlanRoots } from './plan.ts';
import { PLAN_GRAPH_ROOTS, planGraphEventPeriod, readPlanGraph } from './plan-graph.ts';
import { PROGRAMME_ROOTS, readProgramme } from './programme.ts';
import { ROADMAP_ROOTS } from './roadmap.ts';

/** Every root map a board of each kind uses (what an editor's undo manager tracks): the kind's own and the document header (B9). */
export const BOARD_ROOTS: Record<BoardKind, readonly string[]> = {
  'plan-graph': [...PLAN_GRAPH_ROOTS, HEADER_ROOT],
  roadmap: [...ROADMAP_ROOTS, HEADER_ROOT],
  programme: [...PROGRAMME_ROOTS, HEADER_ROOT],
};

/** What the index stores of an item: everything that does not depend on the day it is read. */
export interface IndexedItem {
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
  /** Where the item sits: its plan section's (or subsection's) id, its plan-graph month (`YYYY-MM`), its programme pair's id; '' for none. */
  group: string;
  /** What that place is called: the section's title, the month, the pair's mentee. */
  groupTitle: string;
}

/** An item as it stands on a given day. */
export interface BoardItem extends IndexedItem {
  overdue: boolean;
  /** The dates it happens next: the period itself, or a recurring period's next occurrence. */
  next: { start: string | null; end: string | null } | null;
}

interface Source {
  id: string;
  title: string;
  period: Period;
  status: ItemStatus;
  responsibles: string[];
  form?: string;
  group?: string;
  groupTitle?: string;
}

function itemOf(s: Source, today: string): BoardItem {
  return {
    id: s.id,
    title: s.title,
    period: s.period.text,
    periodKind: s.period.kind,
    start: s.period.start,
    end: s.period.end,
    status: s.status,
    responsibles: s.responsibles,
    form: s.form ?? '',
    group: s.group ?? '',
    groupTitle: s.groupTitle ?? '',
    overdue: isOverdue(s.period, s.status, today),
    next: upcoming(s.period, today),
  };
}

export function boardItemsOf(kind: BoardKind, doc: Y.Doc, today: string): BoardItem[] {
  if (kind === 'plan-graph') {
    return readPlanGraph(doc, today).events.map((e) =>
      itemOf(
        {
          id: e.id,
          title: e.title,
          period: planGraphEventPeriod(e.month, e.date),
          status: e.status,
          responsibles: e.responsibles,
          form: e.form,
          group: e.month,
          groupTitle: e.month,
        },
        today,
      ),
    );
  }
  if (kind === 'roadmap') return planItemsOf(doc, ROADMAP_PLAN, today);
  const programme = readProgramme(doc);
  return [
    ...programme.stages.map((s) => itemOf({ id: s.id, title: s.title, period: periodOf(s.period), status: s.status, responsibles: [] }, today)),
    ...planItemsOf(doc, PROGRAMME_PLAN, today),
    ...programme.pairs.flatMap((p) =>
      p.route.map((step) =>
        itemOf(
          {
            id: step.id,
            title: `${p.mentee}: ${step.title}`,
            period: periodOf(step.period),
            status: step.status,
            responsibles: [p.mentor, p.mentee].filter(Boolean),
            group: p.id,
            groupTitle: p.mentee,
          },
          today,
        ),
      ),
    ),
  ];
}

/** A plan's items in board order, each in its section or subsection (group: its id, groupTitle: its title). */
function planItemsOf(doc: Y.Doc, roots: PlanRoots, today: string): BoardItem[] {
  const view = readPlan(doc, roots);
  const placed = view.sections.flatMap((s) => [
    ...s.items.map((i) => ({ item: i, group: s.id, groupTitle: s.title })),
    ...s.subsections.flatMap((sub) => sub.items.map((i) => ({ item: i, group: sub.id, groupTitle: sub.title }))),
  ]);
  return [...placed, ...view.orphans.map((i) => ({ item: i, group: '', groupTitle: '' }))].map(({ item: i, group, groupTitle }) =>
    itemOf({ id: i.id, title: i.title, period: periodOf(i.period), status: i.status, responsibles: i.responsibles, group, groupTitle }, today),
  );
}
