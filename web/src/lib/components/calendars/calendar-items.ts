// How the workspace calendar places an item: the days it spans (its next occurrence for a recurring
// period), whether that is too long for the grid, and the colour its status is drawn in.
import type { WorkspaceItemDto } from '@soplan/shared';

/**
 * Longer than the longest month: a period that would be drawn as a bar across every week of the
 * month grid («2021-2022 уч. г.», «I полугодие», «Ежеквартально»). A month itself still fits.
 */
export const LONG_PERIOD_DAYS = 31;

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** First and last day (ISO, inclusive) the calendar places a dated item on. */
export function spanOf(item: WorkspaceItemDto): { start: string; end: string } {
  const start = (item.nextStart ?? item.start)!;
  return { start, end: item.nextEnd ?? item.end ?? start };
}

export function isLongPeriod(item: WorkspaceItemDto): boolean {
  const { start, end } = spanOf(item);
  return dayNumber(end) - dayNumber(start) + 1 > LONG_PERIOD_DAYS;
}

/** Whether the item happens on some day of [from, to), ISO dates, `to` excluded (the calendar's own ranges). */
export function happensIn(item: WorkspaceItemDto, from: string, to: string): boolean {
  const { start, end } = spanOf(item);
  return start < to && end >= from;
}

/**
 * Of items none of which happens in [from, to), the one nearest to it (the latest before, or the
 * earliest after, whichever is closer; after on a tie), or null when there are none.
 */
export function nearestTo(items: readonly WorkspaceItemDto[], from: string, to: string): WorkspaceItemDto | null {
  let nearest: WorkspaceItemDto | null = null;
  let distance = Infinity;
  for (const item of items) {
    const { start, end } = spanOf(item);
    const days = start >= to ? dayNumber(start) - dayNumber(to) + 1 : dayNumber(from) - dayNumber(end) + 0.5;
    if (days < distance) [nearest, distance] = [item, days];
  }
  return nearest;
}

/** The day after `iso`: the calendar's all-day events end exclusively. */
export const dayAfter = (iso: string) => new Date((dayNumber(iso) + 1) * DAY_MS).toISOString().slice(0, 10);

const STATUS_COLORS: Record<WorkspaceItemDto['status'], string> = { planned: '#5b7c99', 'in-progress': '#1f5f8b', done: '#2e7d46', cancelled: '#9a9a9a' };
const OVERDUE_COLOR = '#b3261e';

/** The colour of an item's status (overdue first): event bars and the whole-period list's marks. */
export const statusColor = (item: WorkspaceItemDto) => (item.overdue ? OVERDUE_COLOR : STATUS_COLORS[item.status]);

/** Earliest first, then by title: the order the whole-period list reads in. */
export const bySpan = (a: WorkspaceItemDto, b: WorkspaceItemDto) =>
  spanOf(a).start.localeCompare(spanOf(b).start) || spanOf(a).end.localeCompare(spanOf(b).end) || a.title.localeCompare(b.title, 'ru');
