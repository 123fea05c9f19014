// The board JSON form (SPEC rule B10, board-json.ts) both ways. `boardToJson` reads a board of any
// kind through the kinds' defensive readers, so any document gives a form; `boardFromJson` writes a
// fresh document with the writers the editors use, every typed field a Y.Text (nothing is left for
// the server's upgrade, B8), rich text in the editor's shape. `boardFromJson(boardToJson(x))` is the
// same board: read again it gives the same form. `shiftBoardJson` makes next year's plan of a form.
import * as Y from 'yjs';
import { shiftPeriodText } from '../periods.ts';
import type { ItemStatus } from '../status.ts';
import type { BoardKind } from './kinds.ts';
import { DOCUMENT_HEADER_FIELDS, type BoardJson, type PlanItemJson, type PlanJson } from './board-json.ts';
import { documentHeaderField, readDocumentHeader } from './document-header.ts';
import { addPlanSection, appendPlanItems, PROGRAMME_PLAN, readPlan, ROADMAP_PLAN, type PlanItem, type PlanRoots } from './plan.ts';
import { appendPlanGraphEvents, planGraphRange, readPlanGraph, setPlanGraphRange } from './plan-graph.ts';
import { addProgrammeEntry, addRouteStep, PASSPORT_FIELDS, programmeList, readProgramme, setPassportField } from './programme.ts';
import { richBlocksOf, richFragment } from './rich-text.ts';

const itemJson = (item: PlanItem): PlanItemJson => ({
  title: item.title,
  period: item.period,
  responsibles: item.responsibles,
  result: item.result,
  status: item.status,
  evidence: item.evidence,
});

function planJsonOf(doc: Y.Doc, roots: PlanRoots): PlanJson {
  const view = readPlan(doc, roots);
  return {
    sections: view.sections.map((s) => ({
      title: s.title,
      items: s.items.map(itemJson),
      sections: s.subsections.map((sub) => ({ title: sub.title, items: sub.items.map(itemJson) })),
    })),
    unplaced: view.orphans.map(itemJson),
  };
}

/**
 * The board as its JSON form. `today` resolves a plan-graph without a stored range (its academic
 * year then), so the form always names its months. A plan-graph event without a month of the
 * calendar (only a client outside the editors writes one) is put in the plan's first month, as the
 * board shows it apart: exported, it is not lost.
 */
export function boardToJson(kind: BoardKind, title: string, doc: Y.Doc, today: string): BoardJson {
  const common = { format: 'soplan-board', version: 1, title, document: readDocumentHeader(doc) } as const;
  if (kind === 'roadmap') return { ...common, kind, roadmap: planJsonOf(doc, ROADMAP_PLAN) };
  if (kind === 'plan-graph') {
    const { from, to } = planGraphRange(doc, today);
    const events = readPlanGraph(doc, today).events.map((e) => ({
      month: e.month || from,
      title: e.title,
      form: e.form,
      date: e.date,
      responsibles: e.responsibles,
      partner: e.partner,
      status: e.status,
      notes: e.notes,
    }));
    return { ...common, kind, planGraph: { from, to, events } };
  }
  const view = readProgramme(doc);
  const sections = programmeList(doc, 'sections');
  return {
    ...common,
    kind,
    programme: {
      passport: view.passport,
      sections: view.sections.map((s) => ({ title: s.title, body: richBlocksOf(sections.get(s.id)?.get('body')) })),
      stages: view.stages.map(({ title, period, description, status }) => ({ title, period, description, status })),
      indicators: view.indicators.map(({ title, target, actual }) => ({ title, target, actual })),
      pairs: view.pairs.map((p) => ({
        mentor: p.mentor,
        mentee: p.mentee,
        form: p.form,
        deficits: p.deficits,
        route: p.route.map(({ title, period, status }) => ({ title, period, status })),
      })),
      nominations: view.nominations.map((n) => n.title),
      products: view.products.map((n) => n.title),
      plan: planJsonOf(doc, PROGRAMME_PLAN),
    },
  };
}

function writePlan(doc: Y.Doc, roots: PlanRoots, plan: PlanJson): void {
  for (const section of plan.sections) {
    const id = addPlanSection(doc, roots, section.title);
    appendPlanItems(doc, roots, id, section.items);
    for (const sub of section.sections) appendPlanItems(doc, roots, addPlanSection(doc, roots, sub.title, { parent: id }), sub.items);
  }
  // An item naming no section is shown apart, as the form's unplaced items are.
  appendPlanItems(doc, roots, '', plan.unplaced);
}

/** A fresh board document holding the form, written in one transaction. */
export function boardFromJson(json: BoardJson): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const field of DOCUMENT_HEADER_FIELDS) documentHeaderField(doc, field).insert(0, json.document[field]);
    if (json.kind === 'roadmap') writePlan(doc, ROADMAP_PLAN, json.roadmap);
    else if (json.kind === 'plan-graph') {
      const { from, to, events } = json.planGraph;
      // The form checks each month, not their order: a range written backwards means the same months.
      setPlanGraphRange(doc, from <= to ? from : to, from <= to ? to : from);
      // Events are ordered within their month (rule B5): each month's, in the form's order.
      const byMonth = new Map<string, typeof events>();
      for (const event of events) {
        const month = byMonth.get(event.month);
        if (month) month.push(event);
        else byMonth.set(event.month, [event]);
      }
      for (const [month, inMonth] of byMonth) appendPlanGraphEvents(doc, month, inMonth);
    } else {
      const p = json.programme;
      for (const field of PASSPORT_FIELDS) setPassportField(doc, field, p.passport[field]);
      for (const s of p.sections) addProgrammeEntry(doc, 'sections', { title: s.title, body: richFragment(s.body) });
      for (const stage of p.stages) addProgrammeEntry(doc, 'stages', stage);
      for (const indicator of p.indicators) addProgrammeEntry(doc, 'indicators', indicator);
      for (const { route, ...pair } of p.pairs) {
        const id = addProgrammeEntry(doc, 'pairs', pair);
        for (const step of route) addRouteStep(doc, id, step);
      }
      for (const title of p.nominations) addProgrammeEntry(doc, 'nominations', { title });
      for (const title of p.products) addProgrammeEntry(doc, 'products', { title });
      writePlan(doc, PROGRAMME_PLAN, p.plan);
    }
  });
  return doc;
}

export interface ShiftOptions {
  /** Whole years every date, month and period moves by (negative: back). */
  years: number;
  /** Every status becomes `planned`: the copy is a plan not yet begun. */
  resetStatus: boolean;
}

/**
 * The form as next year's plan («copy as a new board»): every month and exact date moves by
 * `years` (a 29 February that lands in a common year becomes the 28th), and so does every year
 * written in a period (the items', stages', route steps', the passport's term, the приказ's date;
 * `shiftPeriodText`); with `resetStatus` every status is `planned`. What a person wrote as prose
 * (titles, the приказ's body, results) is kept as written: a year there may be a law's or a
 * founding date's, not the plan's. A month or date the move would take outside 1900–2199 stays.
 */
export function shiftBoardJson(json: BoardJson, { years, resetStatus }: ShiftOptions): BoardJson {
  const period = (text: string) => shiftPeriodText(text, years);
  const status = (value: ItemStatus): ItemStatus => (resetStatus ? 'planned' : value);
  const year = (y: number) => (y + years >= 1900 && y + years <= 2199 ? y + years : y);
  const month = (m: string) => `${year(+m.slice(0, 4))}${m.slice(4)}`;
  const date = (d: string) => {
    if (d === '') return d;
    const y = year(+d.slice(0, 4));
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return `${y}${d.slice(4, 8)}${d.slice(5) === '02-29' && !leap ? '28' : d.slice(8)}`;
  };
  const item = (i: PlanItemJson): PlanItemJson => ({ ...i, period: period(i.period), status: status(i.status) });
  const plan = (p: PlanJson): PlanJson => ({
    sections: p.sections.map((s) => ({ ...s, items: s.items.map(item), sections: s.sections.map((sub) => ({ ...sub, items: sub.items.map(item) })) })),
    unplaced: p.unplaced.map(item),
  });
  // A plan for another year is approved by a new приказ: the old one's date and number do not
  // carry over (they would claim an order nobody signed); the years its title names move (a copy
  // kept in the same year, `years` 0, keeps everything).
  const document = years === 0 ? json.document : { ...json.document, date: '', number: '', title: period(json.document.title) };
  if (json.kind === 'roadmap') return { ...json, document, roadmap: plan(json.roadmap) };
  if (json.kind === 'plan-graph') {
    const g = json.planGraph;
    return {
      ...json,
      document,
      planGraph: {
        from: month(g.from),
        to: month(g.to),
        events: g.events.map((e) => ({ ...e, month: month(e.month), date: date(e.date), status: status(e.status) })),
      },
    };
  }
  const p = json.programme;
  return {
    ...json,
    document,
    programme: {
      ...p,
      passport: { ...p.passport, term: period(p.passport.term) },
      stages: p.stages.map((s) => ({ ...s, period: period(s.period), status: status(s.status) })),
      pairs: p.pairs.map((pair) => ({ ...pair, route: pair.route.map((step) => ({ ...step, period: period(step.period), status: status(step.status) })) })),
      plan: plan(p.plan),
    },
  };
}
