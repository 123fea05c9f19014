// Periods («Сроки»): the loose ways real plans write when something happens, parsed into dates
// both sides agree on. `periodOf` never throws: text it does not understand stays as typed, with
// kind `unknown`. Dates are ISO `YYYY-MM-DD` strings (calendar days, no time zone).

export type PeriodKind = 'date' | 'range' | 'recurring' | 'ongoing' | 'unknown';

export interface Recurrence {
  every: 'year' | 'quarter' | 'month';
  /** Months (1–12) a yearly recurrence names («Ежегодно в январе и мае»); empty when it names none. */
  months: number[];
}

export interface Period {
  /** Exactly what the user typed. */
  text: string;
  kind: PeriodKind;
  /** First day, when known. A deadline («до 01.12.2021») has an end and no start. */
  start: string | null;
  /** Last day, when known. */
  end: string | null;
  recurrence?: Recurrence;
  /** «По отдельному графику»: the dates live in a separate schedule. */
  separateSchedule?: boolean;
}

export interface PeriodContext {
  /**
   * The year an academic year starts in (2021 for 2021–2022). Months written without a year
   * («Сентябрь», «Январь») resolve inside it: September–December in this year, January–August in
   * the next. Without it, a month without a year is not understood.
   */
  academicYearStart?: number;
}

const MONTH_STEMS: [RegExp, number][] = [
  [/^январ/, 1],
  [/^феврал/, 2],
  [/^март/, 3],
  [/^апрел/, 4],
  [/^ма[йяею]/, 5],
  [/^июн/, 6],
  [/^июл/, 7],
  [/^август/, 8],
  [/^сентябр/, 9],
  [/^октябр/, 10],
  [/^ноябр/, 11],
  [/^декабр/, 12],
];

/** The month a Russian month word names in any case («май», «мая», «мае»), or null. */
export function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  for (const [stem, month] of MONTH_STEMS) if (stem.test(w)) return month;
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const fullYear = (y: number) => (y < 100 ? 2000 + y : y);

function validDate(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** One side of a range, possibly missing parts that the other side supplies. */
interface Point {
  year?: number;
  month?: number;
  day?: number;
  /** A span named as a unit: a quarter or half of a year, or a whole academic year. */
  span?: { fromMonth: number; toMonth: number; yearShift?: number };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function pointOf(side: string): Point | null {
  const s = side.trim();
  if (s === '') return null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d|i{1,3}|iv)\s*(?:-?й\s*)?(квартал|полугодие)(?:\s+(\d{4}))?$/.exec(s))) {
    const n = ROMAN[m[1]!] ?? +m[1]!;
    const quarter = m[2] === 'квартал';
    if (n < 1 || n > (quarter ? 4 : 2)) return null;
    const size = quarter ? 3 : 6;
    return { span: { fromMonth: (n - 1) * size + 1, toMonth: n * size }, ...(m[3] ? { year: +m[3] } : {}) };
  }
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(s))) return { day: +m[1]!, month: +m[2]!, year: fullYear(+m[3]!) };
  if ((m = /^(\d{1,2})\.(\d{1,2})\.?(?:\s+(\d{4}))?$/.exec(s))) return { day: +m[1]!, month: +m[2]!, ...(m[3] ? { year: +m[3] } : {}) };
  if ((m = /^(\d{1,2})(?:\s+([а-яё]+)(?:\s+(\d{4}))?)?$/.exec(s))) {
    const point: Point = { day: +m[1]! };
    if (m[2]) {
      const month = monthOf(m[2]);
      if (!month) return null;
      point.month = month;
    }
    if (m[3]) point.year = +m[3];
    return point;
  }
  if ((m = /^([а-яё]+)(?:\s+(\d{4}))?$/.exec(s))) {
    const month = monthOf(m[1]!);
    if (!month) return null;
    return m[2] ? { month, year: +m[2] } : { month };
  }
  if ((m = /^(\d{4})$/.exec(s))) return { year: +m[1]! };
  return null;
}

/** Resolves a missing year: from the other side of the range, or from the academic year. */
function yearFor(month: number, context: PeriodContext): number | undefined {
  if (context.academicYearStart === undefined) return undefined;
  return month >= 9 ? context.academicYearStart : context.academicYearStart + 1;
}

function firstDay(p: Required<Pick<Point, 'year'>> & Point): string | null {
  if (p.span) return isoDate(p.year, p.span.fromMonth, 1);
  const month = p.month ?? 1;
  const day = p.day ?? 1;
  return validDate(p.year, month, day) ? isoDate(p.year, month, day) : null;
}

function lastDay(p: Required<Pick<Point, 'year'>> & Point): string | null {
  if (p.span) return isoDate(p.year, p.span.toMonth, daysIn(p.year, p.span.toMonth));
  const month = p.month ?? 12;
  const day = p.day ?? daysIn(p.year, month);
  return validDate(p.year, month, day) ? isoDate(p.year, month, day) : null;
}

/** Lower-cases, unifies dashes and drops the year words and stray punctuation plans add. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/(\d)-(?:й|ый|ое|я|е|го|х)(?=\s|$)/g, '$1')
    .replace(/(\d)\s*(?:г\.\s*г\.?|гг\.?|г\.|годы|годов|года|год|г)(?=[\s\-.,)]|$)/g, '$1 ')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s+\.(?=\s|$)/g, ' ')
    .replace(/[.,;]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const ONGOING =
  /^(?:постоянно|в течени[ие] (?:всего |учебного )?(?:периода|года|срока)(?: .*)?|в течени[ие] (?:всего )?(?:учебного года|реализации .*)|весь период(?: .*)?|на протяжении (?:всего )?периода(?: .*)?)$/;
const SEPARATE = /по отдельному (?:графику|плану)/;

function recurrenceOf(s: string): Recurrence | null {
  if (/^ежеквартально/.test(s)) return { every: 'quarter', months: [] };
  if (/^ежемесячно/.test(s)) return { every: 'month', months: [] };
  if (!/^ежегодно/.test(s)) return null;
  const rest = s.replace(/^ежегодно/, '').replace(/\(.*?\)/g, ' ');
  const months = [
    ...new Set(
      rest
        .split(/[^а-яе]+/)
        .map(monthOf)
        .filter((m): m is number => m !== null),
    ),
  ].sort((a, b) => a - b);
  return { every: 'year', months };
}

function rangeOf(s: string, context: PeriodContext): { start: string | null; end: string | null } | null {
  const deadline = /^(?:до|не позднее|не позже|к)\s+(.+)$/.exec(s);
  if (deadline) {
    const end = rangeOf(deadline[1]!, context);
    return end?.end ? { start: null, end: end.end } : null;
  }
  const fromTo = /^с\s+(.+?)\s+по\s+(.+)$/.exec(s);
  const academic = /^(\d{4})\s*[-/]\s*(\d{4})\s+учебн\S* год\S*$/.exec(s);
  if (academic) {
    const from = +academic[1]!;
    const to = +academic[2]!;
    return to === from + 1 ? { start: isoDate(from, 9, 1), end: isoDate(to, 8, 31) } : null;
  }
  const sides = fromTo ? [fromTo[1]!, fromTo[2]!] : s.split(' - ');
  if (sides.length > 2) return null;
  const points = sides.map(pointOf);
  if (points.some((p) => p === null)) return null;
  const [a, b = a] = points as Point[] as [Point, Point?];
  const left: Point = { ...a };
  const right: Point = { ...b! };
  if (sides.length === 2) {
    // «01.11.-03.11 2021», «16-27 мая 2022», «Октябрь – ноябрь 2021»: the left side borrows what it lacks.
    if (left.day !== undefined && left.month === undefined) left.month = right.month;
    if (left.year === undefined) left.year = right.year;
    if (right.year === undefined) right.year = left.year;
  }
  for (const p of [left, right]) if (p.year === undefined && p.month !== undefined) p.year = yearFor(p.month, context);
  if (left.year === undefined || right.year === undefined) return null;
  if (
    sides.length === 2 &&
    a.year === undefined &&
    left.month !== undefined &&
    right.month !== undefined &&
    left.month > right.month &&
    left.year === right.year
  ) {
    left.year -= 1; // «сентябрь - май 2022» spans the new year
  }
  const start = firstDay(left as Point & { year: number });
  const end = lastDay(right as Point & { year: number });
  if (!start || !end || start > end) return null;
  return { start, end };
}

export function periodOf(input: unknown, context: PeriodContext = {}): Period {
  const text = typeof input === 'string' ? input : '';
  const unknown: Period = { text, kind: 'unknown', start: null, end: null };
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  if (iso) {
    const [y, m, d] = [+iso[1]!, +iso[2]!, +iso[3]!];
    return validDate(y, m, d) ? { text, kind: 'date', start: isoDate(y, m, d), end: isoDate(y, m, d) } : unknown;
  }
  const s = normalise(text);
  if (s === '') return unknown;
  const separateSchedule = SEPARATE.test(s);
  const extra = separateSchedule ? { separateSchedule } : {};
  const recurrence = recurrenceOf(s);
  if (recurrence) return { text, kind: 'recurring', start: null, end: null, recurrence, ...extra };
  const bare = s.replace(/\s*\(.*\)\s*$/, '');
  if (ONGOING.test(bare) || SEPARATE.test(bare)) return { text, kind: 'ongoing', start: null, end: null, ...extra };
  const range = rangeOf(bare, context);
  if (!range) return unknown;
  return { text, kind: range.start !== null && range.start === range.end ? 'date' : 'range', ...range };
}

/** Today as an ISO date in the local calendar. */
export function todayIso(now = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * The next time a recurring period happens, from `today` on (the current occurrence when today is
 * inside one), or null when the period does not say («Ежегодно» alone).
 */
export function nextOccurrence(period: Period, today: string): { start: string; end: string } | null {
  const r = period.recurrence;
  if (period.kind !== 'recurring' || !r) return null;
  const year = +today.slice(0, 4);
  const month = +today.slice(5, 7);
  const monthSpan = (y: number, m: number) => ({ start: isoDate(y, m, 1), end: isoDate(y, m, daysIn(y, m)) });
  if (r.every === 'month') return monthSpan(year, month);
  if (r.every === 'quarter') {
    const from = Math.floor((month - 1) / 3) * 3 + 1;
    return { start: isoDate(year, from, 1), end: isoDate(year, from + 2, daysIn(year, from + 2)) };
  }
  if (r.months.length === 0) return null;
  const next = r.months.find((m) => m >= month);
  return next !== undefined ? monthSpan(year, next) : monthSpan(year + 1, r.months[0]!);
}
