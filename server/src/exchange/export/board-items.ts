// `GET /api/boards/:id/items` (SPEC B10): a board's items in board order, of every kind, each with
// its derived number, where it sits (a roadmap section or subsection, a plan-graph's month, a
// programme's plan section, its stages, a pair's route), when it happens as Soplan understands it,
// and whether it is overdue today.
import {
  isOverdue,
  periodOf,
  planGraphEventPeriod,
  PROGRAMME_PLAN,
  readPlan,
  readPlanGraph,
  readProgramme,
  readRoadmap,
  type BoardItemDto,
  type BoardKind,
  type ItemStatus,
  type Period,
  type PlanView,
} from '@soplan/shared';
import type * as Y from 'yjs';

interface Source {
  id: string;
  number: string;
  section: { number: string; title: string };
  title: string;
  period: Period;
  responsibles: string[];
  result: string;
  status: ItemStatus;
}

const dto = (s: Source, today: string): BoardItemDto => ({
  id: s.id,
  number: s.number,
  section: s.section,
  title: s.title,
  period: { text: s.period.text, kind: s.period.kind, start: s.period.start, end: s.period.end },
  responsibles: s.responsibles,
  result: s.result,
  status: s.status,
  overdue: isOverdue(s.period, s.status, today),
});

function planItems(view: PlanView): Source[] {
  const out: Source[] = [];
  const push = (section: { number: string; title: string }, items: PlanView['orphans']) => {
    for (const i of items)
      out.push({
        id: i.id,
        number: i.number,
        section,
        title: i.title,
        period: periodOf(i.period),
        responsibles: i.responsibles,
        result: i.result,
        status: i.status,
      });
  };
  for (const s of view.sections) {
    push({ number: s.number, title: s.title }, s.items);
    for (const sub of s.subsections) push({ number: sub.number, title: sub.title }, sub.items);
  }
  push({ number: '', title: '' }, view.orphans);
  return out;
}

export function boardItemList(kind: BoardKind, doc: Y.Doc, today: string): BoardItemDto[] {
  if (kind === 'roadmap') return planItems(readRoadmap(doc)).map((s) => dto(s, today));
  if (kind === 'plan-graph') {
    const view = readPlanGraph(doc, today);
    // Months of the plan are numbered in order; an event outside them (only a client outside the
    // editors writes one) is shown apart on the board (B4), and numbered «—.k» here.
    const counts = new Map<string, number>();
    return view.events.map((e) => {
      const m = view.months.indexOf(e.month);
      const k = (counts.get(e.month) ?? 0) + 1;
      counts.set(e.month, k);
      const section = { number: m >= 0 ? String(m + 1) : '', title: e.month };
      return dto(
        {
          id: e.id,
          number: m >= 0 ? `${m + 1}.${k}` : `—.${k}`,
          section,
          title: e.title,
          period: planGraphEventPeriod(e.month, e.date),
          responsibles: e.responsibles,
          result: e.notes,
          status: e.status,
        },
        today,
      );
    });
  }
  const programme = readProgramme(doc);
  const stages: Source[] = programme.stages.map((s, i) => ({
    id: s.id,
    number: String(i + 1),
    section: { number: '', title: 'stages' },
    title: s.title,
    period: periodOf(s.period),
    responsibles: [],
    result: s.description,
    status: s.status,
  }));
  const routes: Source[] = programme.pairs.flatMap((p) =>
    p.route.map((step, i) => ({
      id: step.id,
      number: String(i + 1),
      section: { number: '', title: p.mentee },
      title: step.title,
      period: periodOf(step.period),
      responsibles: [p.mentor, p.mentee].filter(Boolean),
      result: '',
      status: step.status,
    })),
  );
  return [...stages, ...planItems(readPlan(doc, PROGRAMME_PLAN)), ...routes].map((s) => dto(s, today));
}
