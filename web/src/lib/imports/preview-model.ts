// What the import preview derives from the server's answer, the way the board will: the numbers of
// sections and items (1, 1.1, 1.1.1, SPEC B6/B10), the organisation each responsible names, and
// each warning worded from its code, parameters and place in the source.
import {
  COLUMN_ROLES,
  namesOrganisation,
  type BoardKind,
  type ColumnRole,
  type ImportWarning,
  type ImportWarningCode,
  type OrganisationDto,
  type PlanGraphEventJson,
  type PlanItemJson,
  type PlanJson,
} from '@soplan/shared';
import { i18n, t, type MessageKey } from '../i18n/i18n.svelte.ts';

/** A section or a subsection of a plan with its derived number and its items numbered under it. */
export interface NumberedGroup {
  number: string;
  title: string;
  /** 0 for a section (направление), 1 for a subsection (подраздел). */
  depth: 0 | 1;
  items: { number: string; item: PlanItemJson }[];
}

/**
 * A plan's sections and subsections in board order. A section's own items come first (1.1, 1.2),
 * then its subsections continue the count (1.3) and number their items under it (1.3.1).
 */
export function numberedPlan(plan: PlanJson): NumberedGroup[] {
  const groups: NumberedGroup[] = [];
  plan.sections.forEach((section, s) => {
    const number = String(s + 1);
    groups.push({ number, title: section.title, depth: 0, items: section.items.map((item, i) => ({ number: `${number}.${i + 1}`, item })) });
    section.sections.forEach((sub, k) => {
      const subNumber = `${number}.${section.items.length + k + 1}`;
      groups.push({ number: subNumber, title: sub.title, depth: 1, items: sub.items.map((item, i) => ({ number: `${subNumber}.${i + 1}`, item })) });
    });
  });
  return groups;
}

/** The workspace's organisation a responsible names, or null (then the preview marks it unmatched). */
export function organisationOf(responsible: string, organisations: readonly OrganisationDto[]): OrganisationDto | null {
  return organisations.find((o) => namesOrganisation(responsible, o.name)) ?? null;
}

/** The parameters each warning's sentence needs; without them the server's own message is shown. */
const NEEDS: Partial<Record<ImportWarningCode, string[]>> = {
  row_skipped: ['text'],
  column_ignored: ['header'],
  period_unknown: ['text'],
  cell_split: ['count'],
  responsible_unmatched: ['name'],
  dropped: ['text'],
};

const warningKey = (code: ImportWarningCode): MessageKey => `import.warning.${code}` as const;
const warningKindKey = (code: ImportWarningCode): MessageKey => `import.warningKind.${code}` as const;

/** «Сентябрь 2021» for '2021-09'. */
export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const name = new Date(y, m - 1, 1).toLocaleDateString(i18n.current === 'ru' ? 'ru-RU' : 'en-GB', { month: 'long', year: 'numeric' });
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The number the server gives a plan-graph's event in warnings: «<month>.<k>», the month counted
 * among the months that have events (in order), the event counted within its month in the plan's order.
 */
export function planGraphEventNumbers(events: readonly PlanGraphEventJson[]): Map<PlanGraphEventJson, string> {
  const months = [...new Set(events.map((e) => e.month))].sort();
  const inMonth = new Map<string, number>();
  const numbers = new Map<PlanGraphEventJson, string>();
  for (const e of events) {
    const k = (inMonth.get(e.month) ?? 0) + 1;
    inMonth.set(e.month, k);
    numbers.set(e, `${months.indexOf(e.month) + 1}.${k}`);
  }
  return numbers;
}

/** «Сентябрь 2021, мероприятие 1» for a plan-graph event's number, or null when it names no event of the plan. */
function eventPlace(item: string, events: readonly PlanGraphEventJson[]): string | null {
  const match = /^(\d+)\.(\d+)$/.exec(item);
  if (!match) return null;
  const month = [...new Set(events.map((e) => e.month))].sort()[Number(match[1]) - 1];
  // «Сентябрь 2021», without the «г.» Russian dates add: the place is a label, not a date in a sentence.
  return month ? t('import.where.event', { month: monthName(month).replace(/\s*г\.$/, ''), n: Number(match[2]) }) : null;
}

/**
 * «Таблица 1, строка 12», «Таблица 2, столбец 3», «Пункт 1.2» (on a plan-graph, «Сентябрь 2021,
 * мероприятие 1»), or '' when the warning is about the whole document.
 */
export function warningPlace(where: ImportWarning['where'], events?: readonly PlanGraphEventJson[]): string {
  const parts: string[] = [];
  if (where.table !== undefined) parts.push(t('import.where.table', { n: where.table }));
  if (where.row !== undefined) parts.push(t(parts.length ? 'import.where.row' : 'import.where.rowFirst', { n: where.row }));
  if (where.column !== undefined) parts.push(t(parts.length ? 'import.where.column' : 'import.where.columnFirst', { n: where.column }));
  if (parts.length === 0 && where.item) parts.push((events && eventPlace(where.item, events)) || t('import.where.item', { number: where.item }));
  return parts.join(', ');
}

/** The warning as one sentence: where, then what happened. `events`: those of a plan-graph, whose numbers name months. */
export function warningText(warning: ImportWarning, events?: readonly PlanGraphEventJson[]): string {
  const params = warning.params ?? {};
  const complete = (NEEDS[warning.code] ?? []).every((name) => params[name] !== undefined && params[name] !== '');
  const what = complete ? t(warningKey(warning.code), params) : warning.message;
  const place = warningPlace(warning.where, events);
  // The sentences start in lower case to follow the place; alone, they start with a capital.
  return place ? `${place}: ${what}` : what.charAt(0).toLocaleUpperCase() + what.slice(1);
}

/** The short name of a kind of warning, for the counts above the list. */
export const warningKind = (code: ImportWarningCode): string => t(warningKindKey(code));

/** Warnings grouped by code, in the order codes first appear. */
export function warningGroups(warnings: readonly ImportWarning[]): { code: ImportWarningCode; warnings: ImportWarning[] }[] {
  const groups = new Map<ImportWarningCode, ImportWarning[]>();
  for (const w of warnings) groups.set(w.code, [...(groups.get(w.code) ?? []), w]);
  return [...groups].map(([code, list]) => ({ code, warnings: list }));
}

/** The roles a column may take for a kind of board, in the order the select offers them. */
const ROLES_OF: Record<BoardKind, readonly ColumnRole[]> = {
  roadmap: ['number', 'section', 'title', 'period', 'responsibles', 'result', 'ignore'],
  programme: ['number', 'section', 'title', 'period', 'responsibles', 'result', 'ignore'],
  'plan-graph': ['month', 'date', 'number', 'title', 'form', 'responsibles', 'partner', 'notes', 'ignore'],
};

/** The roles to offer for a column: those of the kind, and the one it has even when the kind does not use it. */
export function rolesFor(kind: BoardKind, current: ColumnRole): ColumnRole[] {
  const roles = ROLES_OF[kind];
  return COLUMN_ROLES.filter((r) => roles.includes(r) || r === current);
}
