// Plan-graph (План-график на учебный год), SPEC rule B5: the academic year as months, each month
// holding events. Root `meta` holds the year range; root `events` is an ordered collection whose
// items carry their month (`YYYY-MM`) and are ordered within it. What a person types (title, form,
// responsibles, partner, notes) is a Y.Text; the month, the date and the status are picked, plain.
import * as Y from 'yjs';
import { isoDate, periodOf, type Period } from '../periods.ts';
import { statusOf, type ItemStatus } from '../status.ts';
import { appendItems, insertItem, moveItem, orderedEntries, rootCollection, str, strList, typedList, type Collection } from './collection.ts';

/** The forms real plans use; a board offers them and accepts any other typed in. */
export const DEFAULT_EVENT_FORMS = [
  'Сбор ГТГ',
  'Семинар',
  'Круглый стол',
  'Консультация',
  'Презентационная площадка',
  'Коучинг-сессия',
  'Тренинг',
  'Мастер-класс',
  'Конференция',
  'Конкурс',
  'Анкетирование',
  'Вебинар',
] as const;

export interface PlanGraphEvent {
  id: string;
  month: string;
  title: string;
  form: string;
  /** Exact date (ISO), or '' when only the month is known. */
  date: string;
  responsibles: string[];
  partner: string;
  status: ItemStatus;
  notes: string;
}

export interface PlanGraphView {
  /** First and last month shown, `YYYY-MM`. */
  from: string;
  to: string;
  months: string[];
  events: PlanGraphEvent[];
}

/** A month of a plan: `YYYY-MM` in the years dates are understood in (1900–2199). */
const MONTH = /^(19|2[01])\d\d-(0[1-9]|1[0-2])$/;
/** The academic years `meta.yearStart` may name: their September and next August are plan months. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2198;

/** Whether a value is a month a plan can show (what the range pickers may set). */
export const isPlanMonth = (value: unknown): value is string => typeof value === 'string' && MONTH.test(value);

/** An exact date: an ISO date that exists in the calendar («2021-02-30» does not). */
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && periodOf(value).kind === 'date';

/** The document's root maps, in the order SPEC rule B5 names them. */
export const PLAN_GRAPH_ROOTS = ['meta', 'events'] as const;

export const planGraphEvents = (doc: Y.Doc): Collection => rootCollection(doc, 'events');
const meta = (doc: Y.Doc) => doc.getMap<unknown>('meta');

/** The academic year a date falls in: September 2021 → 2021. */
export const academicYearOf = (isoDate: string) => (+isoDate.slice(5, 7) >= 9 ? +isoDate.slice(0, 4) : +isoDate.slice(0, 4) - 1);

/** The month (`YYYY-MM`) `by` months away from `month`. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let i = 0; i < 60; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= to) break;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return months;
}

/** The month range: `meta.from`/`meta.to` when valid, else September → August of `meta.yearStart` (or this academic year). */
export function planGraphRange(doc: Y.Doc, today: string): { from: string; to: string } {
  const m = meta(doc);
  const from = m.get('from');
  const to = m.get('to');
  if (typeof from === 'string' && typeof to === 'string' && MONTH.test(from) && MONTH.test(to) && from <= to) return { from, to };
  const year = m.get('yearStart');
  const yearStart = Number.isInteger(year) && (year as number) >= FIRST_YEAR && (year as number) <= LAST_YEAR ? (year as number) : academicYearOf(today);
  return { from: `${yearStart}-09`, to: `${yearStart + 1}-08` };
}

export function setPlanGraphRange(doc: Y.Doc, from: string, to: string): void {
  if (!MONTH.test(from) || !MONTH.test(to) || from > to) throw new RangeError('the range must be two months, the first not after the last');
  doc.transact(() => {
    meta(doc).set('from', from);
    meta(doc).set('to', to);
  });
}

export function readPlanGraph(doc: Y.Doc, today: string): PlanGraphView {
  const { from, to } = planGraphRange(doc, today);
  const events = orderedEntries(planGraphEvents(doc)).map(([id, item]): PlanGraphEvent => {
    const month = str(item, 'month');
    const date = str(item, 'date');
    return {
      id,
      month: MONTH.test(month) ? month : '',
      title: str(item, 'title'),
      form: str(item, 'form').trim(),
      date: isDate(date) ? date : '',
      responsibles: strList(item, 'responsibles'),
      partner: str(item, 'partner').trim(),
      status: statusOf(item.get('status')),
      notes: str(item, 'notes'),
    };
  });
  // Order keys are per month: months first, then the keys (a stable sort keeps the key order).
  events.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  return { from, to, months: monthsBetween(from, to), events };
}

/** When an event happens: its exact date when it has one, else its whole month. */
export function planGraphEventPeriod(month: string, date: string): Period {
  if (date) return { text: date, kind: 'date', start: date, end: date };
  if (!MONTH.test(month)) return { text: '', kind: 'unknown', start: null, end: null };
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { text: month, kind: 'range', start: isoDate(y, m, 1), end: isoDate(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate()) };
}

export interface NewPlanGraphEvent {
  title: string;
  form?: string;
  date?: string;
  responsibles?: string[];
  partner?: string;
  status?: ItemStatus;
  notes?: string;
}

const inMonth = (month: string) => (item: Y.Map<unknown>) => item.get('month') === month;

/** The fields a new event is written with: its month, date and status plain (picked), everything typed a Y.Text. */
const eventFields = (month: string, event: NewPlanGraphEvent): Record<string, unknown> => ({
  month,
  title: new Y.Text(event.title),
  form: new Y.Text(event.form ?? ''),
  date: event.date ?? '',
  responsibles: new Y.Text(typedList(event.responsibles ?? [])),
  partner: new Y.Text(event.partner ?? ''),
  status: event.status ?? 'planned',
  notes: new Y.Text(event.notes ?? ''),
});

export function addPlanGraphEvent(doc: Y.Doc, month: string, event: NewPlanGraphEvent, index?: number): string {
  return insertItem(planGraphEvents(doc), eventFields(month, event), { filter: inMonth(month), ...(index !== undefined ? { index } : {}) });
}

/** Adds events at the end of a month, in order, and returns their ids (what a board written from its JSON form does). */
export function appendPlanGraphEvents(doc: Y.Doc, month: string, events: readonly NewPlanGraphEvent[]): string[] {
  return appendItems(
    planGraphEvents(doc),
    events.map((event) => eventFields(month, event)),
    inMonth(month),
  );
}

/** Moves an event to `index` within `month` (another month or the same one). */
export function movePlanGraphEvent(doc: Y.Doc, id: string, month: string, index?: number): void {
  moveItem(planGraphEvents(doc), id, { filter: inMonth(month), change: { month }, ...(index !== undefined ? { index } : {}) });
}
