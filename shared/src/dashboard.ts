// What the dashboard, the calendar and «Мои задачи» derive from indexed items on a given day: overdue
// and next occurrences, this week's and month's events, each board's counts, each organisation's
// load, whose tasks an item is and their order. The server answers with these and the page derives
// them again as the live feed changes items or the day turns, so the two always agree (SPEC F3, F7).
import type { IndexedItem } from './boards/board-items.ts';
import type { BoardKind } from './boards/kinds.ts';
import type { BoardSummaryDto, OrganisationLoadDto, StatusCounts, WorkspaceItemDto } from './live.ts';
import { namesOrganisation, namesPerson } from './responsibles.ts';
import { ITEM_STATUSES, nextOn, overdueOn, type ItemStatus } from './status.ts';

export interface BoardRef {
  id: string;
  title: string;
  kind: BoardKind;
}

/** The board's item as it stands on `today`. */
export function workspaceItemOn(item: IndexedItem, board: BoardRef, today: string): WorkspaceItemDto {
  const next = nextOn(item, today);
  return {
    boardId: board.id,
    boardTitle: board.title,
    boardKind: board.kind,
    id: item.id,
    title: item.title,
    period: item.period,
    periodKind: item.periodKind,
    start: item.start,
    end: item.end,
    status: item.status,
    responsibles: item.responsibles,
    form: item.form,
    group: item.group,
    groupTitle: item.groupTitle,
    overdue: overdueOn(item, today),
    nextStart: next?.start ?? null,
    nextEnd: next?.end ?? null,
  };
}

/** An item sent for one day, seen on another (a page left open past midnight). */
export const itemOnDay = (item: WorkspaceItemDto, today: string): WorkspaceItemDto =>
  workspaceItemOn(item, { id: item.boardId, title: item.boardTitle, kind: item.boardKind }, today);

const isoOf = (date: Date) => date.toISOString().slice(0, 10);

/** Monday to Sunday of the week holding `today`, and the first to the last day of its month. */
function weekAndMonthOf(today: string): { week: [string, string]; month: [string, string] } {
  const day = new Date(`${today}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  const monday = new Date(day.getTime() - weekday * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  const first = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  const last = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0));
  return { week: [isoOf(monday), isoOf(sunday)], month: [isoOf(first), isoOf(last)] };
}

/** Whether the item happens (next) within [from, to], both ISO dates. */
function happensWithin(item: WorkspaceItemDto, from: string, to: string): boolean {
  const start = item.nextStart ?? item.start;
  const end = item.nextEnd ?? item.end ?? start;
  return start !== null && end !== null && start <= to && end >= from;
}

/** Earliest (next) start first. */
const byNext = (a: WorkspaceItemDto, b: WorkspaceItemDto) => (a.nextStart ?? a.start ?? '').localeCompare(b.nextStart ?? b.start ?? '');

/** The items, derived for `today`, that happen this week and this month (cancelled ones left out), earliest first. */
export function weekAndMonthItems(items: WorkspaceItemDto[], today: string): { week: WorkspaceItemDto[]; month: WorkspaceItemDto[] } {
  const { week, month } = weekAndMonthOf(today);
  const live = items.filter((i) => i.status !== 'cancelled');
  return { week: live.filter((i) => happensWithin(i, ...week)).sort(byNext), month: live.filter((i) => happensWithin(i, ...month)).sort(byNext) };
}

/** A board's counts by status and overdue. */
export function boardSummaryOf(board: BoardRef, items: readonly { status: ItemStatus; overdue: boolean }[]): BoardSummaryDto {
  const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as StatusCounts;
  let overdue = 0;
  for (const item of items) {
    counts[item.status]++;
    if (item.overdue) overdue++;
  }
  return { id: board.id, title: board.title, kind: board.kind, counts, total: items.length, overdue };
}

/** Each board's summary, in the boards' order. */
export function boardSummaries(boards: readonly BoardRef[], items: readonly WorkspaceItemDto[]): BoardSummaryDto[] {
  const byBoard = new Map<string, WorkspaceItemDto[]>();
  for (const item of items) {
    const list = byBoard.get(item.boardId);
    if (list) list.push(item);
    else byBoard.set(item.boardId, [item]);
  }
  return boards.map((b) => boardSummaryOf(b, byBoard.get(b.id) ?? []));
}

/** How many items name each organisation and how many of them are overdue; the most overdue first. */
export function organisationLoads(names: readonly string[], items: readonly WorkspaceItemDto[]): OrganisationLoadDto[] {
  return names
    .map((name) => {
      const theirs = items.filter((i) => i.responsibles.some((r) => namesOrganisation(r, name)));
      return { name, total: theirs.length, overdue: theirs.filter((i) => i.overdue).length };
    })
    .sort((a, b) => b.overdue - a.overdue || b.total - a.total || a.name.localeCompare(b.name, 'ru'));
}

/** Whether the item is one of «Мои задачи»: a responsible names me or my organisation. */
export function namesMe(item: Pick<WorkspaceItemDto, 'responsibles'>, person: string, organisation: string | null): boolean {
  return item.responsibles.some((r) => namesPerson(r, person) || (organisation !== null && namesOrganisation(r, organisation)));
}

/** Statuses of work still to do («Запланировано», «В работе»). */
const OPEN_STATUSES: ReadonlySet<ItemStatus> = new Set<ItemStatus>(['planned', 'in-progress']);

/** «Мои задачи» in order: overdue first, then open ones, then the rest, each by date. */
export function inTaskOrder(items: readonly WorkspaceItemDto[]): WorkspaceItemDto[] {
  const rank = (i: WorkspaceItemDto) => (i.overdue ? 0 : OPEN_STATUSES.has(i.status) ? 1 : 2);
  return [...items].sort((a, b) => rank(a) - rank(b) || byNext(a, b));
}

/** Whether the calendar can place the item: it has a date, or a next occurrence. */
export const isDated = (item: WorkspaceItemDto): boolean => (item.nextStart ?? item.start) !== null;

/**
 * Whether the item runs the whole time without dates of its own («Постоянно», «В течение учебного
 * года»): the calendar lists it in «Весь период» rather than on any day (SPEC C1).
 */
export const isLasting = (item: WorkspaceItemDto): boolean => !isDated(item) && item.periodKind === 'ongoing';
