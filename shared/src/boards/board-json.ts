// The board JSON form (SPEC rule B10): every field of a board of any kind as plain JSON, stable and
// versioned. Export writes it (`GET /api/boards/:id/export?format=json`), import previews it
// (`POST /api/workspaces/:id/imports` answers `content` in this form) and board creation accepts it;
// `boardFromJson(boardToJson(doc))` gives back the same board. Numbers (1, 1.1, 1.1.1) are derived
// from order and never part of the form. zod checks it at every edge, with bounds, so a hostile
// file cannot make a board larger than the sync limits allow.
import { z } from 'zod';
import { ITEM_STATUSES } from '../status.ts';
import { MAX_TITLE_LENGTH } from '../limits.ts';
import { BOARD_KINDS } from './kinds.ts';

/** Bounds of the form: what one imported or created board may hold. */
export const BOARD_JSON_LIMITS = {
  /** Characters of one typed field (a board's field may be long; the 20 MiB body bounds the whole). */
  text: 100_000,
  /** Characters of a long text (a rich-text section, a приказ's body). */
  longText: 1_000_000,
  /** Entries of any one list (items of a section, events, stages, steps of a route, ...). */
  list: 5_000,
  /** Names in one list of responsibles or links. */
  names: 100,
  /** Entries of the whole board: sections, items, events, stages, steps, rich-text blocks and list items… */
  entries: 10_000,
} as const;

const text = z.string().max(BOARD_JSON_LIMITS.text);
const longText = z.string().max(BOARD_JSON_LIMITS.longText);
const names = z.array(text).max(BOARD_JSON_LIMITS.names);
const list = <T extends z.ZodType>(of: T) => z.array(of).max(BOARD_JSON_LIMITS.list);
const status = z.enum(ITEM_STATUSES);
const month = z.string().regex(/^(19|2[01])\d\d-(0[1-9]|1[0-2])$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The document around a plan (DESIGN «Documents in and out»): the приказ that approves it and the
 * plan's own preamble. Every field is typed text (a Y.Text on the board, rule B9); empty when the
 * source had none.
 */
export const DOCUMENT_HEADER_FIELDS = [
  /** The issuing authority («Департамент образования мэрии города Ярославля»). */
  'authority',
  /** The kind of document: «ПРИКАЗ», «РАСПОРЯЖЕНИЕ». */
  'documentKind',
  /** Its date as written («12.10.2021»). */
  'date',
  /** Its number as written («01-05/812»). */
  'number',
  /** Its title («Об утверждении плана мероприятий …»). */
  'title',
  /** Its body: the paragraphs between the title and the signature, one per line. */
  'body',
  /** Who signs («Директор департамента И.О. Фамилия»). */
  'signatory',
  /** The plan's «Цель». */
  'goal',
  /** The plan's «Задачи», one per line. */
  'tasks',
  /** The list of abbreviations («ДОО – дошкольная образовательная организация»), one per line. */
  'abbreviations',
] as const;
export type DocumentHeaderField = (typeof DOCUMENT_HEADER_FIELDS)[number];
export type DocumentHeader = Record<DocumentHeaderField, string>;

export const documentHeaderJson = z.strictObject(
  Object.fromEntries(DOCUMENT_HEADER_FIELDS.map((f) => [f, longText.default('')])) as Record<DocumentHeaderField, z.ZodDefault<typeof longText>>,
);

export const emptyDocumentHeader = (): DocumentHeader => Object.fromEntries(DOCUMENT_HEADER_FIELDS.map((f) => [f, ''])) as DocumentHeader;

/** A roadmap item (and an item of a programme's plan). */
export const planItemJson = z.strictObject({
  title: text,
  period: text.default(''),
  responsibles: names.default([]),
  result: text.default(''),
  status: status.default('planned'),
  evidence: names.default([]),
});
export type PlanItemJson = z.infer<typeof planItemJson>;

/** A subsection (подраздел 1.1): items only; sections nest one level (rule B6). */
export const planSubsectionJson = z.strictObject({
  title: text,
  items: list(planItemJson).default([]),
});
export type PlanSubsectionJson = z.infer<typeof planSubsectionJson>;

/** A section (направление 1): its own items first (1.1, 1.2), then its subsections continuing the count. */
export const planSectionJson = z.strictObject({
  title: text,
  items: list(planItemJson).default([]),
  sections: list(planSubsectionJson).default([]),
});
export type PlanSectionJson = z.infer<typeof planSectionJson>;

/** A plan of sections and items: a roadmap's whole body, a programme's plan of events. */
export const planJson = z.strictObject({
  sections: list(planSectionJson).default([]),
  /** Items whose section is gone (shown apart on the board, rule B6). */
  unplaced: list(planItemJson).default([]),
});
export type PlanJson = z.infer<typeof planJson>;

/** Whether an ISO date is a day of the calendar («2021-02-30» is not). */
const inCalendar = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
};

export const planGraphEventJson = z
  .strictObject({
    month,
    title: text,
    form: text.default(''),
    /** Exact date, a day of the event's month, or '' when only the month is known. */
    date: z.union([isoDate, z.literal('')]).default(''),
    responsibles: names.default([]),
    partner: text.default(''),
    status: status.default('planned'),
    notes: text.default(''),
  })
  .refine((e) => e.date === '' || (e.date.startsWith(e.month) && inCalendar(e.date)), { path: ['date'], message: 'a day of the event’s month' });
export type PlanGraphEventJson = z.infer<typeof planGraphEventJson>;

/** A run of rich text: its characters and the marks the editor keeps. */
export const richRunJson = z.strictObject({ text: longText, bold: z.boolean().optional(), italic: z.boolean().optional() });
export type RichRunJson = z.infer<typeof richRunJson>;
const runs = z.array(richRunJson).max(BOARD_JSON_LIMITS.list);

/** A block of a rich-text section: a paragraph, a heading, or a list whose items are lines of runs. */
export const richBlockJson = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), runs }),
  z.strictObject({ type: z.literal('heading'), level: z.number().int().min(1).max(6), runs }),
  z.strictObject({ type: z.enum(['bulletList', 'orderedList']), items: z.array(runs).max(BOARD_JSON_LIMITS.list) }),
]);
export type RichBlockJson = z.infer<typeof richBlockJson>;

const passportJson = z.strictObject({
  developers: longText.default(''),
  term: longText.default(''),
  targetCategory: longText.default(''),
  legalBasis: longText.default(''),
  participants: longText.default(''),
  relevance: longText.default(''),
  goal: longText.default(''),
  tasks: longText.default(''),
  expectedResults: longText.default(''),
});

const stepJson = z.strictObject({ title: text, period: text.default(''), status: status.default('planned') });

export const programmeContentJson = z.strictObject({
  passport: passportJson.default(passportJson.parse({})),
  sections: list(z.strictObject({ title: text, body: list(richBlockJson).default([]) })).default([]),
  stages: list(z.strictObject({ title: text, period: text.default(''), description: longText.default(''), status: status.default('planned') })).default([]),
  indicators: list(z.strictObject({ title: text, target: text.default(''), actual: text.default('') })).default([]),
  pairs: list(
    z.strictObject({
      mentor: text.default(''),
      mentee: text.default(''),
      form: z.enum(['traditional', 'flash', 'reverse', 'team', 'partner', 'virtual', 'group']).default('traditional'),
      deficits: longText.default(''),
      route: list(stepJson).default([]),
    }),
  ).default([]),
  nominations: list(text).default([]),
  products: list(text).default([]),
  /** The programme's plan of events: sections and items like a roadmap's (rule B7). */
  plan: planJson.default(planJson.parse({})),
});
export type ProgrammeContentJson = z.infer<typeof programmeContentJson>;

export const planGraphContentJson = z
  .strictObject({
    /** First and last month of the plan (`YYYY-MM`), the first not after the last. */
    from: month,
    to: month,
    events: list(planGraphEventJson).default([]),
  })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'the plan ends before it starts' });
export type PlanGraphContentJson = z.infer<typeof planGraphContentJson>;

const common = {
  format: z.literal('soplan-board'),
  version: z.literal(1),
  title: z.string().trim().min(1).max(MAX_TITLE_LENGTH),
  document: documentHeaderJson.default(documentHeaderJson.parse({})),
};

/** A plan's sections (subsections too) and items (unplaced ones too). */
export const planCounts = (plan: PlanJson): { sections: number; items: number } => ({
  sections: plan.sections.reduce((n, s) => n + 1 + s.sections.length, 0),
  items: plan.unplaced.length + plan.sections.reduce((n, s) => n + s.items.length + s.sections.reduce((m, x) => m + x.items.length, 0), 0),
});
/**
 * A plan as the rows of its table, in order (rule B6): each section's row («1. Title»), its own items
 * (1.1, 1.2), then its subsections continuing the count («1.3. Title», 1.3.1); items whose section is
 * gone last, under «Вне разделов», numbered —.1. Every document writes its plan from these.
 */
export type PlanRow = { type: 'section'; label: string } | { type: 'item'; number: string; item: PlanItemJson; unplaced: boolean };

export function planRows(plan: PlanJson): PlanRow[] {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const rows: PlanRow[] = [];
  plan.sections.forEach((s, i) => {
    const n = `${i + 1}`;
    rows.push({ type: 'section', label: `${n}. ${oneLine(s.title)}` });
    s.items.forEach((item, k) => rows.push({ type: 'item', number: `${n}.${k + 1}`, item, unplaced: false }));
    s.sections.forEach((sub, j) => {
      const sn = `${n}.${s.items.length + j + 1}`;
      rows.push({ type: 'section', label: `${sn}. ${oneLine(sub.title)}` });
      sub.items.forEach((item, k) => rows.push({ type: 'item', number: `${sn}.${k + 1}`, item, unplaced: false }));
    });
  });
  if (plan.unplaced.length > 0) {
    rows.push({ type: 'section', label: 'Вне разделов' });
    plan.unplaced.forEach((item, k) => rows.push({ type: 'item', number: `—.${k + 1}`, item, unplaced: true }));
  }
  return rows;
}

/** The derived numbers of a plan's items in its sections (rule B6): 1.1 for a section's own items, then its subsections continue the count, their items 1.3.1. */
export function numberPlan(plan: PlanJson): Map<PlanItemJson, string> {
  return new Map(planRows(plan).flatMap((r): [PlanItemJson, string][] => (r.type === 'item' && !r.unplaced ? [[r.item, r.number]] : [])));
}
const planEntries = (plan: PlanJson) => {
  const { sections, items } = planCounts(plan);
  return sections + items;
};
const richEntries = (blocks: readonly RichBlockJson[]) => blocks.reduce((n, b) => n + 1 + ('items' in b ? b.items.length : 0), 0);

/** Everything a board of the form holds, counted once: what the whole-board bound is measured in. */
export function boardEntries(board: { kind: string; roadmap?: PlanJson; planGraph?: PlanGraphContentJson; programme?: ProgrammeContentJson }): number {
  if (board.roadmap) return planEntries(board.roadmap);
  if (board.planGraph) return board.planGraph.events.length;
  const p = board.programme;
  if (!p) return 0;
  return (
    planEntries(p.plan) +
    p.sections.reduce((n, s) => n + 1 + richEntries(s.body), 0) +
    p.stages.length +
    p.indicators.length +
    p.pairs.reduce((n, x) => n + 1 + x.route.length, 0) +
    p.nominations.length +
    p.products.length
  );
}

/** The whole board: which kind, its title, the document header and the kind's content, within the whole-board bound. */
export const boardJson = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...common, kind: z.literal('roadmap'), roadmap: planJson }),
    z.strictObject({ ...common, kind: z.literal('plan-graph'), planGraph: planGraphContentJson }),
    z.strictObject({ ...common, kind: z.literal('programme'), programme: programmeContentJson }),
  ])
  .superRefine((board, ctx) => {
    const entries = boardEntries(board);
    if (entries > BOARD_JSON_LIMITS.entries)
      ctx.addIssue({
        code: 'too_big',
        origin: 'array',
        maximum: BOARD_JSON_LIMITS.entries,
        inclusive: true,
        path: [board.kind === 'plan-graph' ? 'planGraph' : board.kind],
        message: `a board holds at most ${BOARD_JSON_LIMITS.entries} entries (this one ${entries})`,
      });
  });
export type BoardJson = z.infer<typeof boardJson>;
export type BoardJsonOf<K extends (typeof BOARD_KINDS)[number]> = Extract<BoardJson, { kind: K }>;
