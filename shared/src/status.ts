// Item status (DESIGN «Status and approval»): planned → in progress → done, or cancelled. Overdue
// and the next occurrence are derived from the period and today, never stored (SPEC F7).
import { nextOccurrence, periodOf, type Period, type PeriodKind } from './periods.ts';

export const ITEM_STATUSES = ['planned', 'in-progress', 'done', 'cancelled'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Any stored value read as a status; anything else a client wrote reads as planned. */
export function statusOf(value: unknown): ItemStatus {
  return ITEM_STATUSES.includes(value as ItemStatus) ? (value as ItemStatus) : 'planned';
}

export const isFinished = (status: ItemStatus) => status === 'done' || status === 'cancelled';

/** Overdue: the period has a known end before today and the item is neither done nor cancelled. */
export function isOverdue(period: Period, status: ItemStatus, today: string): boolean {
  if (isFinished(status)) return false;
  if (period.kind !== 'date' && period.kind !== 'range') return false;
  return period.end !== null && period.end < today;
}

/** What a board shows about when an item happens next: recurring periods show their next occurrence. */
export function upcoming(period: Period, today: string): { start: string | null; end: string | null } | null {
  if (period.kind === 'recurring') return nextOccurrence(period, today);
  if (period.kind === 'date' || period.kind === 'range') return { start: period.start, end: period.end };
  return null;
}

/** What an indexed item keeps of when it happens: enough to say, on any day, whether it is overdue and when it happens next. */
export interface DatedFacts {
  period: string;
  periodKind: PeriodKind;
  start: string | null;
  end: string | null;
  status: ItemStatus;
}

/** The period an index row describes. A recurring one is parsed again from its text: the index keeps its dates, not its rule. */
function storedPeriod(item: DatedFacts): Period {
  if (item.periodKind === 'recurring') return periodOf(item.period);
  return { text: item.period, kind: item.periodKind, start: item.start, end: item.end };
}

/** Whether the indexed item is overdue on `today`. */
export const overdueOn = (item: DatedFacts, today: string): boolean => isOverdue(storedPeriod(item), item.status, today);

/** When the indexed item happens next, seen from `today`. */
export const nextOn = (item: DatedFacts, today: string): { start: string | null; end: string | null } | null => upcoming(storedPeriod(item), today);
