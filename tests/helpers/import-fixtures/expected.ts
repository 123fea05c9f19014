// What a fixture's board must contain, written as an outline with derived numbers (rule B6: a
// section's own items 1.1, 1.2 first, then its subsections continue the count, their items 1.3.1),
// and `outlineOf`, which gives the same outline of an import's preview, so a test reads
//   expect(outlineOf(preview)).toMatchObject(fixture.expected)
// An expected outline lists every section, item, month, event and stage (arrays must match in
// length); the document header and the passport name only the fields that must be filled, and
// `warnings` only the codes that must occur, each with its exact count. Text is compared after
// runs of spaces and tabs inside a line are made one space (a signatory «Директор\tИ.О. Фамилия»
// is «Директор И.О. Фамилия» however the tab was read); line breaks count.
import type { BoardJson, DocumentHeader, ImportWarning, ImportWarningCode, PlanJson, RichBlockJson } from '@soplan/shared';
import type { SourceDocument } from './model.ts';

export interface ExpectedItem {
  number: string;
  title: string;
  period: string;
  responsibles: string[];
  result: string;
}

export interface ExpectedSubsection {
  number: string;
  title: string;
  items: ExpectedItem[];
}

export interface ExpectedSection extends ExpectedSubsection {
  sections: ExpectedSubsection[];
}

export interface ExpectedPlan {
  sections: ExpectedSection[];
  unplaced: Omit<ExpectedItem, 'number'>[];
}

export interface ExpectedEvent {
  title: string;
  form: string;
  /** ISO date, or '' when only the month is known. */
  date: string;
  responsibles: string[];
  partner: string;
}

export interface ExpectedMonth {
  /** `YYYY-MM`. */
  month: string;
  events: ExpectedEvent[];
}

export interface ExpectedStage {
  title: string;
  period: string;
  description: string;
}

export type Passport = Extract<BoardJson, { kind: 'programme' }>['programme']['passport'];

interface ExpectedCommon {
  /** The board's title; left out when the source names none (a pasted table). */
  title?: string;
  document: Partial<DocumentHeader>;
  warnings: Partial<Record<ImportWarningCode, number>>;
}

export type ExpectedBoard =
  | (ExpectedCommon & { kind: 'roadmap'; plan: ExpectedPlan })
  | (ExpectedCommon & { kind: 'plan-graph'; from: string; to: string; months: ExpectedMonth[] })
  | (ExpectedCommon & {
      kind: 'programme';
      passport: Partial<Passport>;
      sections: { title: string; body: RichBlockJson[] }[];
      stages: ExpectedStage[];
      plan: ExpectedPlan;
    });

/** A hand-made fixture: the file, the model it was written from, and what its board must contain. */
export interface Fixture {
  name: string;
  fileName: string;
  buffer: Buffer;
  source: SourceDocument;
  expected: ExpectedBoard;
  /** Strings that must appear nowhere in the preview's content (a `javascript:` link, a soft hyphen). */
  absent: string[];
}

/** Spaces and tabs inside a line as one space, every line trimmed: the comparison the outline makes. */
export const spaced = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n');

const itemOf = (item: PlanJson['unplaced'][number]) => ({
  title: spaced(item.title),
  period: spaced(item.period),
  responsibles: item.responsibles.map(spaced),
  result: spaced(item.result),
});

/** The outline of a plan, with numbers derived from order as the board derives them. */
export function planOutline(plan: PlanJson): ExpectedPlan {
  return {
    sections: plan.sections.map((section, s) => {
      const number = `${s + 1}`;
      return {
        number,
        title: spaced(section.title),
        items: section.items.map((item, i) => ({ number: `${number}.${i + 1}`, ...itemOf(item) })),
        sections: section.sections.map((sub, j) => {
          const subNumber = `${number}.${section.items.length + j + 1}`;
          return { number: subNumber, title: spaced(sub.title), items: sub.items.map((item, k) => ({ number: `${subNumber}.${k + 1}`, ...itemOf(item) })) };
        }),
      };
    }),
    unplaced: plan.unplaced.map(itemOf),
  };
}

export function warningCounts(warnings: readonly ImportWarning[]): Partial<Record<ImportWarningCode, number>> {
  const counts: Partial<Record<ImportWarningCode, number>> = {};
  for (const w of warnings) counts[w.code] = (counts[w.code] ?? 0) + 1;
  return counts;
}

const spacedRecord = <T extends Record<string, string>>(record: T): T => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, spaced(v)])) as T;

/** The outline of an import's preview (or of any board JSON with the warnings that came with it), to compare with an ExpectedBoard. */
export function outlineOf(preview: { content: BoardJson; warnings?: readonly ImportWarning[] }): ExpectedBoard {
  const { content } = preview;
  const common = { title: spaced(content.title), document: spacedRecord(content.document), warnings: warningCounts(preview.warnings ?? []) };
  if (content.kind === 'roadmap') return { ...common, kind: 'roadmap', plan: planOutline(content.roadmap) };
  if (content.kind === 'plan-graph') {
    const months = [...new Set(content.planGraph.events.map((e) => e.month))].sort();
    return {
      ...common,
      kind: 'plan-graph',
      from: content.planGraph.from,
      to: content.planGraph.to,
      months: months.map((month) => ({
        month,
        events: content.planGraph.events
          .filter((e) => e.month === month)
          .map((e) => ({ title: spaced(e.title), form: spaced(e.form), date: e.date, responsibles: e.responsibles.map(spaced), partner: spaced(e.partner) })),
      })),
    };
  }
  const programme = content.programme;
  return {
    ...common,
    kind: 'programme',
    passport: spacedRecord(programme.passport),
    sections: programme.sections.map((s) => ({ title: spaced(s.title), body: s.body })),
    stages: programme.stages.map((s) => ({ title: spaced(s.title), period: spaced(s.period), description: spaced(s.description) })),
    plan: planOutline(programme.plan),
  };
}
