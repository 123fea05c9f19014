// Periods («Сроки»): the loose ways real plans write when something happens, parsed into dates
// both sides agree on. `periodOf` never throws: text it does not understand stays as typed, with
// kind `unknown`. Dates are ISO `YYYY-MM-DD` strings (calendar days, no time zone).
//
// The text is read by a small grammar (docs/SPEC.md, rules T1–T19), not matched against a list of
// phrases: it is cut into tokens (numbers, dates, words, dashes, brackets), the tokens into clauses
// (a time, a recurrence, an ongoing phrase, a separate schedule), and the clauses, written in any
// order, are combined into one period. The reader backtracks only inside the clause it is reading
// and looks ahead at most one clause, so its work grows with the length of the text (T19), which
// is capped anyway (T1).

export type PeriodKind = 'date' | 'range' | 'recurring' | 'ongoing' | 'unknown';

export interface Recurrence {
  every: 'year' | 'half-year' | 'quarter' | 'month' | 'week' | 'day';
  /** Months (1–12) the recurrence names («Ежегодно в январе и мае», «Май – июнь, ежегодно»); empty when it names none. */
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

type Every = Recurrence['every'];

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const isLeap = (year: number) => daysIn(year, 2) === 29;
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function validDate(year: number, month: number, day: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR + 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** The ISO date `days` days after `iso` (before, when negative). */
function addDays(iso: string, days: number): string {
  const d = new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10) + days));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const monthSpan = (year: number, month: number) => ({ start: isoDate(year, month, 1), end: isoDate(year, month, daysIn(year, month)) });

// ---------------------------------------------------------------------------------------------
// Words (T3)

const MONTH_WORDS = new Map<string, number>();
{
  // Every case of every month (январь, января, январе, январём, январю; март, марта, марте, мартом,
  // марту; май, мая, мае, маем, маю) and the usual abbreviations, but not other words that merely
  // begin like one («Мартовские»).
  const soft = ['ь', 'я', 'е', 'ем', 'ю'];
  const stems: [string, string[]][] = [
    ['январ', soft],
    ['феврал', soft],
    ['март', ['', 'а', 'е', 'ом', 'у']],
    ['апрел', soft],
    ['ма', ['й', 'я', 'е', 'ем', 'ю']],
    ['июн', soft],
    ['июл', soft],
    ['август', ['', 'а', 'е', 'ом', 'у']],
    ['сентябр', soft],
    ['октябр', soft],
    ['ноябр', soft],
    ['декабр', soft],
  ];
  stems.forEach(([stem, endings], i) => endings.forEach((ending) => MONTH_WORDS.set(stem + ending, i + 1)));
  const abbreviations: [string, number][] = [
    ['янв', 1],
    ['фев', 2],
    ['февр', 2],
    ['мар', 3],
    ['апр', 4],
    ['июн', 6],
    ['июл', 7],
    ['авг', 8],
    ['сен', 9],
    ['сент', 9],
    ['окт', 10],
    ['ноя', 11],
    ['нояб', 11],
    ['дек', 12],
  ];
  for (const [word, month] of abbreviations) MONTH_WORDS.set(word, month);
}

/** The month a Russian month word names in any case («май», «мая», «мае») or abbreviated («сент.»), or null. */
export function monthOf(word: string): number | null {
  return MONTH_WORDS.get(word.toLowerCase().replace(/ё/g, 'е').replace(/\.$/, '')) ?? null;
}

type SpanUnit = 'quarter' | 'half' | 'term';
const SPAN_WORDS = new Map<string, SpanUnit>([
  ...['квартал', 'квартала', 'квартале', 'кварталу', 'кварталом', 'кварталы', 'кв'].map((w) => [w, 'quarter'] as const),
  ...['полугодие', 'полугодия', 'полугодии', 'полугодию', 'полугодием', 'полугодье'].map((w) => [w, 'half'] as const),
  ...['четверть', 'четверти', 'четвертью'].map((w) => [w, 'term'] as const),
]);
const SPAN_COUNT: Record<SpanUnit, number> = { quarter: 4, half: 2, term: 4 };
const ROMAN = new Map([
  ['i', 1],
  ['ii', 2],
  ['iii', 3],
  ['iv', 4],
]);
const ORDINAL_WORD = /^(?:(перв)|(втор)|(трет)|(четверт))(?:ый|ой|ий|ого|ому|ом|ое|ая|ую|ье|ья|ьего|ьему|ьем|ьей|ью|ей)$/;

const YEAR_WORDS = new Set(['г', 'гг', 'год', 'года', 'году', 'годы', 'годов', 'годах', 'годом']);
const ACADEMIC_WORDS = new Set(['учебный', 'учебного', 'учебном', 'учебному', 'учебн', 'учеб', 'уч']);

const EVERY_WORDS = new Map<string, Every>([
  ['ежегодно', 'year'],
  ['ежеполугодно', 'half-year'],
  ['ежеквартально', 'quarter'],
  ['ежемесячно', 'month'],
  ['еженедельно', 'week'],
  ['ежедневно', 'day'],
]);
const UNIT_WORDS = new Map<string, Every>([
  ...['год', 'года', 'году'].map((w) => [w, 'year'] as const),
  ...['полугодие', 'полугодия', 'полугодии', 'полгода'].map((w) => [w, 'half-year'] as const),
  ...['квартал', 'квартала', 'квартале'].map((w) => [w, 'quarter'] as const),
  ...['месяц', 'месяца', 'месяце'].map((w) => [w, 'month'] as const),
  ...['неделю', 'неделя', 'недели', 'неделе'].map((w) => [w, 'week'] as const),
  ...['день', 'дня'].map((w) => [w, 'day'] as const),
]);

// ---------------------------------------------------------------------------------------------
// Tokens (T2, T3)

type Token =
  | { kind: 'number'; value: number; digits: number }
  | { kind: 'date'; day: number; month: number; year: number | null; yearDigits: number }
  | { kind: 'month-year'; month: number; year: number }
  | { kind: 'word'; word: string }
  | { kind: 'dash' | 'slash' | 'comma' | 'open' | 'close' | 'quote' | 'other' };

const TOKEN = new RegExp(
  [
    String.raw`(\s+|\.)`, // 1: skipped — spaces, and the dots of «г.», «уч.», «2022 .»
    String.raw`(\d{1,2})\.(\d{4})(?!\d)`, // 2, 3: month.year «09.2021»
    String.raw`(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})(?!\d))?\.?(?!\d)`, // 4, 5, 6: «01.11.2021», «01.11.21», «01.11.», «03.11»
    String.raw`(\d+)(?:-?(?:й|ый|ой|ий|я|ая|е|ое|ее|го|ого|его|м|ом|х|ых)(?![а-яa-z]))?`, // 7: a number; «2-й», «2-е» drop their ending
    String.raw`([а-яa-z]+)`, // 8: a word
    String.raw`([-‐‑‒–—―−])`, // 9: any dash
    String.raw`(\/)`, // 10
    String.raw`([,;:])`, // 11
    String.raw`([(\[])`, // 12
    String.raw`([)\]])`, // 13
    String.raw`(["«»„“”])`, // 14
    String.raw`([\s\S])`, // 15: anything else
  ].join('|'),
  'y',
);

function tokensOf(text: string): Token[] {
  const s = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/і/g, 'i') // a Cyrillic «І» typed for the Roman numeral
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, ''); // soft hyphens and zero-width characters Word leaves in
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(s))) {
    if (m[1]) continue;
    if (m[2]) tokens.push({ kind: 'month-year', month: +m[2], year: +m[3]! });
    else if (m[4]) tokens.push({ kind: 'date', day: +m[4], month: +m[5]!, year: m[6] ? +m[6] : null, yearDigits: m[6]?.length ?? 0 });
    else if (m[7]) tokens.push({ kind: 'number', value: +m[7], digits: m[7].length });
    else if (m[8]) tokens.push({ kind: 'word', word: m[8] });
    else if (m[9]) tokens.push({ kind: 'dash' });
    else if (m[10]) tokens.push({ kind: 'slash' });
    else if (m[11]) tokens.push({ kind: 'comma' });
    else if (m[12]) tokens.push({ kind: 'open' });
    else if (m[13]) tokens.push({ kind: 'close' });
    else if (m[14]) tokens.push({ kind: 'quote' });
    else tokens.push({ kind: 'other' });
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Clauses (T4–T13)

/** A year a point is placed in: a calendar year, or the academic year starting in `academic`. */
type YearRef = { calendar: number } | { academic: number };

/** One side of a range or one element of a list, possibly missing parts a neighbour supplies (T7). */
interface Point {
  day?: number;
  /** A bare «1» or «I» that becomes a quarter or half when its neighbour names the unit («1–2 квартал»). */
  ordinal?: number;
  month?: number;
  span?: { unit: SpanUnit; n: number };
  year?: YearRef;
}

interface Item {
  from: Point;
  to?: Point;
}

type When = { type: 'deadline'; point: Point } | { type: 'items'; items: Item[] };

type Clause = { type: 'when'; when: When } | { type: 'recur'; every: Every } | { type: 'ongoing' } | { type: 'separate' };

class Reader {
  readonly tokens: Token[];
  readonly context: PeriodContext;
  at = 0;

  constructor(tokens: Token[], context: PeriodContext) {
    this.tokens = tokens;
    this.context = context;
  }

  get done(): boolean {
    return this.at >= this.tokens.length;
  }

  peek(): Token | undefined {
    return this.tokens[this.at];
  }

  /** The current token's word, or '' when it is not a word. */
  word(): string {
    const t = this.tokens[this.at];
    return t?.kind === 'word' ? t.word : '';
  }

  /** Consumes the current word when it is one of `words`. */
  take(...words: string[]): boolean {
    const w = this.word();
    if (w === '' || !words.includes(w)) return false;
    this.at++;
    return true;
  }

  takeIn(words: ReadonlySet<string>): boolean {
    if (!words.has(this.word())) return false;
    this.at++;
    return true;
  }

  /** Consumes `words` in this order, or nothing. */
  phrase(...words: string[]): boolean {
    const matches = (w: string, i: number) => {
      const t = this.tokens[this.at + i];
      return t?.kind === 'word' && t.word === w;
    };
    if (!words.every(matches)) return false;
    this.at += words.length;
    return true;
  }

  takeKind(kind: Token['kind']): boolean {
    if (this.tokens[this.at]?.kind !== kind) return false;
    this.at++;
    return true;
  }

  /** Runs `read`; when it gives null, the cursor goes back to where it was. */
  try<T>(read: () => T | null): T | null {
    const at = this.at;
    const result = read();
    if (result === null) this.at = at;
    return result;
  }

  /** Whether `read` would succeed here; consumes nothing. */
  sees(read: () => unknown): boolean {
    const at = this.at;
    const result = read();
    this.at = at;
    return result !== null && result !== false;
  }
}

const isYear = (t: Token | undefined): t is { kind: 'number'; value: number; digits: 4 } =>
  t?.kind === 'number' && t.digits === 4 && t.value >= MIN_YEAR && t.value <= MAX_YEAR;

function yearNumber(r: Reader): number | null {
  const t = r.peek();
  if (!isYear(t)) return null;
  r.at++;
  return t.value;
}

/** «г.», «гг.», «г.г.», «год», «годы», «года»… after a year (T5). */
function yearWord(r: Reader): void {
  if (r.takeIn(YEAR_WORDS)) r.take('г');
}

/** «учебный год», «уч. г.», «учебного года», «у.г.» (T6). */
function academicWord(r: Reader): boolean {
  return r.try(() => (r.takeIn(ACADEMIC_WORDS) && r.takeIn(YEAR_WORDS)) || null) !== null || r.try(() => (r.take('у') && r.take('г')) || null) !== null;
}

/**
 * An academic year «2021/2022», «2021/22», «2021-2022 уч. г.» (T6): the second year must follow the
 * first. With a dash it needs the academic word: «2021-2022» alone is two calendar years.
 */
function academicYear(r: Reader): number | null {
  return r.try(() => {
    const from = yearNumber(r);
    if (from === null) return null;
    const dash = r.takeKind('dash');
    if (!dash && !r.takeKind('slash')) return null;
    const t = r.peek();
    if (t?.kind !== 'number' || !(t.digits === 4 ? t.value === from + 1 : t.digits === 2 && t.value === (from + 1) % 100)) return null;
    r.at++;
    const marked = academicWord(r);
    if (dash && !marked) return null;
    yearWord(r);
    return from;
  });
}

/** The year written after a month, a day or a quarter (T5, T6, T16). */
function yearRef(r: Reader): YearRef | null {
  const academic = academicYear(r);
  if (academic !== null) return { academic };
  const year = yearNumber(r);
  if (year !== null) {
    yearWord(r);
    return { calendar: year };
  }
  const start = r.context.academicYearStart;
  if (start !== undefined && academicWord(r)) return { academic: start };
  return null;
}

function withYear(r: Reader, point: Point): Point {
  const year = yearRef(r);
  if (year) point.year = year;
  return point;
}

function spanUnit(r: Reader): SpanUnit | null {
  const unit = SPAN_WORDS.get(r.word());
  if (!unit) return null;
  r.at++;
  return unit;
}

/** «I», «второе», «3-й» before «квартал», «полугодие», «четверть» (T4). */
function ordinalOf(word: string): number | null {
  const roman = ROMAN.get(word);
  if (roman) return roman;
  if (SPAN_WORDS.has(word)) return null;
  const m = ORDINAL_WORD.exec(word);
  return m ? m.slice(1).findIndex(Boolean) + 1 : null;
}

function pointCore(r: Reader): Point | null {
  const academic = academicYear(r);
  if (academic !== null) return { year: { academic } };
  const t = r.peek();
  if (!t) return null;
  if (t.kind === 'month-year') {
    if (t.month < 1 || t.month > 12 || t.year < MIN_YEAR || t.year > MAX_YEAR) return null;
    r.at++;
    yearWord(r);
    return { month: t.month, year: { calendar: t.year } };
  }
  if (t.kind === 'date') {
    r.at++;
    if (t.year === null) return withYear(r, { day: t.day, month: t.month });
    yearWord(r);
    return { day: t.day, month: t.month, year: { calendar: t.yearDigits === 2 ? 2000 + t.year : t.year } };
  }
  if (t.kind === 'number' && t.digits <= 2 && t.value >= 1 && t.value <= 31) {
    r.at++;
    const month = MONTH_WORDS.get(r.word());
    if (month) {
      r.at++;
      return withYear(r, { day: t.value, month });
    }
    const unit = spanUnit(r);
    if (unit) return t.value <= SPAN_COUNT[unit] ? withYear(r, { span: { unit, n: t.value } }) : null;
    return t.value <= 4 ? { day: t.value, ordinal: t.value } : { day: t.value };
  }
  if (isYear(t)) {
    r.at++;
    yearWord(r);
    return { year: { calendar: t.value } };
  }
  const word = r.word();
  const month = MONTH_WORDS.get(word);
  if (month) {
    r.at++;
    return withYear(r, { month });
  }
  const ordinal = ordinalOf(word);
  if (ordinal) {
    r.at++;
    const unit = spanUnit(r);
    if (unit) return ordinal <= SPAN_COUNT[unit] ? withYear(r, { span: { unit, n: ordinal } }) : null;
    return ROMAN.has(word) ? { ordinal } : null;
  }
  const start = r.context.academicYearStart;
  if (start !== undefined && academicWord(r)) return { year: { academic: start } };
  return null;
}

/** A point, after «в», «во», «на», «в течение (всего)», «на протяжении (всего)» (T4). */
function point(r: Reader): Point | null {
  return r.try(() => {
    if (r.phrase('в', 'течение') || r.phrase('в', 'течении') || r.phrase('на', 'протяжении')) r.take('всего');
    else r.take('в', 'во', 'на');
    return pointCore(r);
  });
}

function item(r: Reader): Item | null {
  const from = point(r);
  if (!from) return null;
  const to = r.try(() => (r.takeKind('dash') ? point(r) : null));
  return to ? { from, to } : { from };
}

const DEADLINE_MARKERS = [
  ['в', 'срок', 'не', 'позднее'],
  ['в', 'срок', 'до'],
  ['срок', 'до'],
  ['не', 'позднее', 'чем'],
  ['не', 'позднее'],
  ['не', 'позже'],
  ['до'],
  ['к'],
  ['ко'],
];

/** «до 01.12.2021», «не позднее 1 марта 2022», «к концу I квартала 2022 г.» (T8). */
function deadline(r: Reader): When | null {
  return r.try(() => {
    if (!DEADLINE_MARKERS.some((words) => r.phrase(...words))) return null;
    r.take('конца', 'концу', 'окончания', 'завершения');
    const p = point(r);
    if (!p) return null;
    r.take('включительно');
    return { type: 'deadline', point: p };
  });
}

/** «с 2020 по 2022 годы», «с 01.09.2021 до 31.05.2022» (T7). A start without an end is not understood. */
function fromTo(r: Reader): When | null {
  return r.try(() => {
    if (!r.take('с', 'со')) return null;
    const from = point(r);
    if (!from || !(r.take('по', 'до') || r.takeKind('dash'))) return null;
    const to = point(r);
    return to ? { type: 'items', items: [{ from, to }] } : null;
  });
}

/** Ranges and points joined by commas and «и»: «март, май 2022», «в апреле и октябре» (T7). */
function items(r: Reader): When | null {
  const first = item(r);
  if (!first) return null;
  const list = [first];
  for (;;) {
    const next = r.try(() => ((r.takeKind('comma') && (r.take('и') || true)) || r.take('и') ? item(r) : null));
    if (!next) break;
    list.push(next);
  }
  return { type: 'items', items: list };
}

function when(r: Reader): When | null {
  return deadline(r) ?? fromTo(r) ?? items(r);
}

/** «ежегодно», «раз в квартал», «1 раз в полугодие», «2 раза в год», «каждый месяц» (T10). */
function recurrence(r: Reader): Every | null {
  const every = EVERY_WORDS.get(r.word());
  if (every) {
    r.at++;
    return every;
  }
  return r.try(() => {
    if (r.take('каждый', 'каждую', 'каждое', 'каждого', 'каждом', 'каждой', 'каждая')) {
      r.take('учебный', 'учебного', 'учебном');
      return unitOf(r);
    }
    if (r.take('не') && !r.take('реже', 'менее', 'чаще')) return null;
    if (!r.take('дважды', 'трижды')) {
      if (!r.takeKind('number')) r.take('один', 'одного', 'два', 'двух', 'три', 'трех', 'четыре');
      if (!r.take('раз', 'раза')) return null;
    }
    if (!r.take('в')) return null;
    r.take('учебный');
    return unitOf(r);
  });
}

function unitOf(r: Reader): Every | null {
  const unit = UNIT_WORDS.get(r.word());
  if (!unit) return null;
  r.at++;
  return unit;
}

/** «постоянно», «в течение (всего) (учебного) года | периода | срока …», «весь период» (T11). */
function ongoingHead(r: Reader): boolean {
  if (r.take('постоянно', 'круглогодично', 'систематически', 'непрерывно')) return true;
  return (
    r.try(() => {
      if (r.take('весь')) return r.take('период', 'год', 'срок') || r.phrase('учебный', 'год') || null;
      if (!(r.phrase('в', 'течение') || r.phrase('в', 'течении') || r.phrase('на', 'протяжении'))) return null;
      r.take('всего');
      return r.phrase('учебного', 'года') || r.take('года', 'периода', 'срока', 'реализации', 'действия') || null;
    }) !== null
  );
}

const SCHEDULE_AFTER_PO = ['графику', 'плану', 'расписанию'];
const SCHEDULE_AFTER_S = ['графиком', 'планом', 'расписанием'];

/** «по (отдельному) графику | плану», «согласно графику», «в соответствии с графиком» (T12). */
function separateHead(r: Reader): boolean {
  return (
    r.try(() => {
      const nouns = r.take('по', 'согласно') ? SCHEDULE_AFTER_PO : r.phrase('в', 'соответствии') && r.take('с', 'со') ? SCHEDULE_AFTER_S : null;
      // Up to two words may qualify the schedule: «по отдельному графику», «по утверждённому директором графику».
      for (let words = 0; nouns && words <= 2; words++) {
        if (r.take(...nouns)) return true;
        if (!r.takeKind('word')) return null;
      }
      return null;
    }) !== null
  );
}

/**
 * The free words that finish an ongoing or separate-schedule phrase («… реализации дорожной карты»,
 * «… графику МБОУ ДПО МЦ»), up to a word that opens another clause (T11).
 */
function tail(r: Reader): void {
  for (let t = r.peek(); t?.kind === 'word' || t?.kind === 'quote'; t = r.peek()) {
    if (r.sees(() => recurrence(r) ?? (ongoingHead(r) || separateHead(r) || when(r)))) return;
    r.at++;
  }
}

function clause(r: Reader): Clause | null {
  const every = recurrence(r);
  if (every) return { type: 'recur', every };
  if (ongoingHead(r)) {
    tail(r);
    return { type: 'ongoing' };
  }
  if (separateHead(r)) {
    tail(r);
    return { type: 'separate' };
  }
  const w = when(r);
  return w ? { type: 'when', when: w } : null;
}

/** The index of the bracket closing the one at `open`, or the end when it is never closed. */
function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const kind = tokens[i]!.kind;
    if (kind === 'open') depth++;
    else if (kind === 'close' && --depth === 0) return i;
  }
  return tokens.length;
}

/**
 * Every clause of the text, separated by commas, «;», «:» or «и», in any order; a bracketed part
 * adds its clauses, or is a note and adds nothing when it is not a period (T13). Null when a part
 * outside brackets is not understood.
 */
function clausesOf(tokens: Token[], context: PeriodContext): Clause[] | null {
  const r = new Reader(tokens, context);
  const found: Clause[] = [];
  while (!r.done) {
    if (r.takeKind('comma') || r.take('и')) continue;
    if (r.peek()!.kind === 'open') {
      const close = closing(tokens, r.at);
      found.push(...(clausesOf(tokens.slice(r.at + 1, close), context) ?? []));
      r.at = close + 1;
      continue;
    }
    const next = clause(r);
    if (!next) return null;
    found.push(next);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Resolution (T7, T9, T14, T15)

/** The school's четверти: September–October, November–December, January–March, April–May (T9). */
const TERMS: [number, number][] = [
  [9, 10],
  [11, 12],
  [1, 3],
  [4, 5],
];

function spanMonths(span: { unit: SpanUnit; n: number }, academic: boolean): [number, number] {
  if (span.unit === 'quarter') return [span.n * 3 - 2, span.n * 3];
  if (span.unit === 'term') return TERMS[span.n - 1]!;
  if (academic) return span.n === 1 ? [9, 12] : [1, 6];
  return span.n === 1 ? [1, 6] : [7, 12];
}

/** The first month a point names, for ordering neighbours across the new year (T7). */
const firstMonth = (p: Point): number | undefined => p.month ?? (p.span ? spanMonths(p.span, false)[0] : undefined);

/** A point whose parts are all known: a day has its month, a bare ordinal has become a span. */
const complete = (p: Point) => (p.day === undefined || p.month !== undefined) && (p.ordinal === undefined || p.day !== undefined || p.span !== undefined);

/** Day-only and ordinal-only points borrow the month or unit of their right neighbour (T7). */
function borrowUnits(points: Point[]): boolean {
  for (let i = points.length - 2; i >= 0; i--) {
    const p = points[i]!;
    const q = points[i + 1]!;
    if (p.month !== undefined || p.span !== undefined) continue;
    if (q.span && p.ordinal !== undefined && p.ordinal <= SPAN_COUNT[q.span.unit]) {
      p.span = { unit: q.span.unit, n: p.ordinal };
      delete p.day;
    } else if (p.day !== undefined && q.month !== undefined) p.month = q.month;
  }
  return points.every(complete);
}

/**
 * Points without a year take their neighbour's: the next one's first («ноябрь, декабрь 2021»),
 * stepping back a year when the month comes later («декабрь – январь 2022»); else the previous
 * one's, stepping forward («сентябрь 2021 – май»); else the context's academic year (T7, T16).
 */
function borrowYears(points: Point[], context: PeriodContext): boolean {
  const lend = (p: Point, from: Point, step: -1 | 1) => {
    const year = from.year!;
    if ('academic' in year) {
      p.year = year;
      return;
    }
    const [mine, theirs] = [firstMonth(p), firstMonth(from)];
    const crosses = mine !== undefined && theirs !== undefined && (step === -1 ? mine > theirs : mine < theirs);
    p.year = { calendar: year.calendar + (crosses ? step : 0) };
  };
  for (let i = points.length - 2; i >= 0; i--) if (!points[i]!.year && points[i + 1]!.year) lend(points[i]!, points[i + 1]!, -1);
  for (let i = 1; i < points.length; i++) if (!points[i]!.year && points[i - 1]!.year) lend(points[i]!, points[i - 1]!, 1);
  const start = context.academicYearStart;
  for (const p of points) if (!p.year && start !== undefined) p.year = { academic: start };
  return points.every((p) => p.year !== undefined);
}

function interval(p: Point): { start: string; end: string } | null {
  const year = p.year!;
  const place = (month: number) => ('calendar' in year ? year.calendar : month >= 9 ? year.academic : year.academic + 1);
  if (p.span) {
    const [from, to] = spanMonths(p.span, 'academic' in year);
    const y = place(from);
    return { start: isoDate(y, from, 1), end: isoDate(y, to, daysIn(y, to)) };
  }
  if (p.month !== undefined) {
    if (p.month < 1 || p.month > 12) return null;
    const y = place(p.month);
    if (p.day === undefined) return monthSpan(y, p.month);
    if (!validDate(y, p.month, p.day)) return null;
    const day = isoDate(y, p.month, p.day);
    return { start: day, end: day };
  }
  if ('calendar' in year) return { start: isoDate(year.calendar, 1, 1), end: isoDate(year.calendar, 12, 31) };
  return { start: isoDate(year.academic, 9, 1), end: isoDate(year.academic + 1, 8, 31) };
}

const pointsOf = (w: When): Point[] => (w.type === 'deadline' ? [w.point] : w.items.flatMap((i) => (i.to ? [i.from, i.to] : [i.from])));

/** The days a time clause covers: a deadline's end, or from the first item's start to the last one's end (T7, T8). */
function spanOf(w: When, context: PeriodContext): { start: string | null; end: string } | null {
  const points = pointsOf(w);
  if (!borrowUnits(points) || !borrowYears(points, context)) return null;
  if (w.type === 'deadline') {
    const end = interval(w.point)?.end;
    return end ? { start: null, end } : null;
  }
  let start = '';
  let end = '';
  for (const i of w.items) {
    const from = interval(i.from);
    const to = i.to ? interval(i.to) : from;
    if (!from || !to || from.start > to.end) return null;
    if (start === '' || from.start < start) start = from.start;
    if (to.end > end) end = to.end;
  }
  return { start, end };
}

/**
 * The months a time clause names inside a recurrence, whatever their year: «в апреле и октябре» is
 * 4 and 10, «сентябрь – май» 9–12 and 1–5, «II квартал» 4–6; whole years name none (T14).
 */
function monthsOf(w: When, context: PeriodContext): number[] | null {
  const points = pointsOf(w);
  if (!borrowUnits(points)) return null;
  // 2000 is a leap year, so «29 февраля» is a day (every fourth year) and «31 февраля» none.
  if (points.some((p) => p.month !== undefined && (p.month < 1 || p.month > 12 || (p.day !== undefined && !validDate(2000, p.month, p.day))))) return null;
  const academic = (p: Point) => (p.year ? 'academic' in p.year : context.academicYearStart !== undefined);
  const bounds = (p: Point): [number, number] | null => (p.span ? spanMonths(p.span, academic(p)) : p.month !== undefined ? [p.month, p.month] : null);
  const months = new Set<number>();
  for (const { from, to = from } of w.type === 'deadline' ? [{ from: w.point }] : w.items) {
    const [a, b] = [bounds(from), bounds(to)];
    if (!a || !b) continue;
    const years = from.year && to.year && 'calendar' in from.year && 'calendar' in to.year ? to.year.calendar - from.year.calendar : 0;
    // A range of a year or more names every month; a shorter one runs from its first month to its last, across the new year.
    for (let m = a[0], n = 0; n < 12; m = (m % 12) + 1, n++) {
      months.add(m);
      if (m === b[1] && years * 12 + b[1] - a[0] < 11) break;
    }
  }
  return [...months].sort((x, y) => x - y);
}

function combine(text: string, clauses: Clause[], context: PeriodContext): Period | null {
  if (clauses.length === 0) return null;
  const extra = clauses.some((c) => c.type === 'separate') ? { separateSchedule: true } : {};
  const whens = clauses.flatMap((c) => (c.type === 'when' ? [c.when] : []));
  const everies = new Set(clauses.flatMap((c) => (c.type === 'recur' ? [c.every] : [])));
  if (everies.size > 1) return null;
  const [every] = everies;
  if (every) {
    const months = new Set<number>();
    for (const w of whens) {
      const named = monthsOf(w, context);
      if (!named) return null;
      for (const m of named) months.add(m);
    }
    const list = months.size === 12 ? [] : [...months].sort((a, b) => a - b);
    return { text, kind: 'recurring', start: null, end: null, recurrence: { every, months: list }, ...extra };
  }
  if (whens.length > 1 && whens.some((w) => w.type === 'deadline')) return null;
  let start: string | null = null;
  let end: string | null = null;
  for (const w of whens) {
    const span = spanOf(w, context);
    if (!span) return null;
    if (span.start !== null && (start === null || span.start < start)) start = span.start;
    if (end === null || span.end > end) end = span.end;
  }
  if (end !== null) return { text, kind: start !== null && start === end ? 'date' : 'range', start, end, ...extra };
  return { text, kind: 'ongoing', start: null, end: null, ...extra };
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** Longer texts are read only up to a bracketed note that runs to their end (T1). */
const MAX_READ = 300;

function readablePart(text: string): string | null {
  if (text.length <= MAX_READ) return text;
  const open = text.indexOf('(');
  if (open < 0 || open > MAX_READ) return null;
  let last = text.length - 1;
  while (last > open && /[\s.,;]/.test(text[last]!)) last--;
  return text[last] === ')' ? text.slice(0, open) : null;
}

export function periodOf(input: unknown, context: PeriodContext = {}): Period {
  const text = typeof input === 'string' ? input : '';
  const unknown: Period = { text, kind: 'unknown', start: null, end: null };
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  if (iso) {
    const [y, m, d] = [+iso[1]!, +iso[2]!, +iso[3]!];
    return validDate(y, m, d) ? { text, kind: 'date', start: isoDate(y, m, d), end: isoDate(y, m, d) } : unknown;
  }
  const part = readablePart(text);
  const clauses = part === null ? null : clausesOf(tokensOf(part), context);
  return (clauses && combine(text, clauses, context)) ?? unknown;
}

/** Today as an ISO date in the local calendar. */
export function todayIso(now = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The run of consecutive named months (across the new year too) that holds (year, month), or the next one after it. */
function monthRun(named: ReadonlySet<number>, year: number, month: number): { start: string; end: string } {
  let [y, m] = [year, month];
  if (named.has(m)) {
    while (named.has(m === 1 ? 12 : m - 1)) [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
  } else {
    while (!named.has(m)) [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  let [ey, em] = [y, m];
  while (named.has(em === 12 ? 1 : em + 1)) [ey, em] = em === 12 ? [ey + 1, 1] : [ey, em + 1];
  return { start: isoDate(y, m, 1), end: isoDate(ey, em, daysIn(ey, em)) };
}

/** The first named month from (year, month) on, as [year, month]. */
function nextNamed(named: ReadonlySet<number>, year: number, month: number): [number, number] {
  let [y, m] = [year, month];
  while (!named.has(m)) [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  return [y, m];
}

/** Monday to Sunday around `iso`. */
function weekOf(iso: string): { start: string; end: string } {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  const start = addDays(iso, -((weekday + 6) % 7));
  return { start, end: addDays(start, 6) };
}

/**
 * The next time a recurring period happens, from `today` on (the current occurrence when today is
 * inside one), or null when the period does not say («Ежегодно» alone). Named months are the
 * occurrence of a yearly, half-yearly or quarterly recurrence (a run of consecutive months is one
 * occurrence) and limit a monthly, weekly or daily one (T17).
 */
export function nextOccurrence(period: Period, today: string): { start: string; end: string } | null {
  const r = period.recurrence;
  if (period.kind !== 'recurring' || !r) return null;
  const year = +today.slice(0, 4);
  const month = +today.slice(5, 7);
  const named = r.months.length > 0 && r.months.length < 12 ? new Set(r.months) : null;
  const inNamed = !named || named.has(month);
  const [ny, nm] = named ? nextNamed(named, year, month) : [year, month];
  switch (r.every) {
    case 'year':
    case 'half-year':
    case 'quarter': {
      if (named) return monthRun(named, year, month);
      if (r.every === 'year') return null;
      const size = r.every === 'quarter' ? 3 : 6;
      const from = Math.floor((month - 1) / size) * size + 1;
      return { start: isoDate(year, from, 1), end: isoDate(year, from + size - 1, daysIn(year, from + size - 1)) };
    }
    case 'month':
      return monthSpan(ny, nm);
    case 'week': {
      if (inNamed) return weekOf(today);
      const first = isoDate(ny, nm, 1);
      const monday = addDays(first, (8 - new Date(`${first}T00:00:00Z`).getUTCDay()) % 7);
      return { start: monday, end: addDays(monday, 6) };
    }
    case 'day': {
      const day = inNamed ? today : isoDate(ny, nm, 1);
      return { start: day, end: day };
    }
  }
}

/**
 * The text with every year it writes moved by `years` (T18), for «copy as next year's plan»:
 * four-digit years 1900–2199, the two-digit year of «dd.mm.yy», both halves of «2021/22» and
 * «2021-2022»; a 29 February that lands in a common year becomes the 28th. Nothing else changes.
 */
export function shiftPeriodText(text: string, years: number): string {
  const shift4 = (s: string) => {
    const y = +s;
    return y >= MIN_YEAR && y <= MAX_YEAR ? String(y + years) : s;
  };
  const shift2 = (s: string) => {
    const y = 2000 + +s + years;
    return y >= 2000 && y <= 2099 ? pad(y - 2000) : String(y);
  };
  return text.replace(
    /(?<!\d)(?:29(\s*\.\s*0?2\s*\.\s*|\s+феврал[а-яё]*\s+)(\d{4}|\d{2})|(\d{1,2}\.\d{1,2}\.)(\d{2})|(\d{4})(\s*[/\-‐‑‒–—―−]\s*)(\d{2})|(\d{4}))(?!\d)/giu,
    (match, febSep?: string, febYear?: string, dayMonth?: string, shortYear?: string, first?: string, sep?: string, second?: string, year?: string) => {
      if (febSep !== undefined && febYear !== undefined) {
        const shifted = febYear.length === 2 ? shift2(febYear) : shift4(febYear);
        if (shifted === febYear) return match;
        return `${isLeap(shifted.length === 2 ? 2000 + +shifted : +shifted) ? '29' : '28'}${febSep}${shifted}`;
      }
      if (dayMonth !== undefined && shortYear !== undefined) return dayMonth + shift2(shortYear);
      if (first !== undefined && sep !== undefined && second !== undefined) {
        const follows = +second === (+first + 1) % 100 && shift4(first) !== first;
        return shift4(first) + sep + (follows ? pad((+first + years + 1) % 100) : second);
      }
      return year !== undefined ? shift4(year) : match;
    },
  );
}
