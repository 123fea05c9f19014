import {
  ACTIVITY_KINDS,
  ACTIVITY_PAGE,
  ITEM_STATUSES,
  namesOrganisation,
  namesPerson,
  todayIso,
  type ActivityDto,
  type ActivityKind,
  type BoardSummaryDto,
  type DashboardDto,
  type ItemStatus,
  type OnlineUserDto,
  type StatusCounts,
  type TasksDto,
  type WorkspaceItemDto,
} from '@soplan/shared';
import { boardActivity, boardItems, boards, members, organisations, users, type Db } from '../db/index.ts';
import type { ActivityWithBoard } from '../db/queries/board-activity.ts';
import type { BoardRow } from '../db/queries/boards.ts';
import type { WorkspaceItemRow } from '../db/queries/board-items.ts';
import { notFound } from '../errors.ts';
import { requireMembership } from '../workspaces/access.ts';

const itemDto = (row: WorkspaceItemRow): WorkspaceItemDto => ({
  boardId: row.board_id,
  boardTitle: row.board_title,
  boardKind: row.board_kind,
  id: row.item_id,
  title: row.title,
  period: row.period,
  periodKind: row.period_kind,
  start: row.start_date,
  end: row.end_date,
  nextStart: row.next_start,
  nextEnd: row.next_end,
  status: row.status,
  overdue: row.overdue === 1,
  responsibles: parseNames(row.responsibles),
  form: row.form,
});

function parseNames(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function summaryOf(board: BoardRow, items: { status: ItemStatus; overdue: boolean }[]): BoardSummaryDto {
  const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as StatusCounts;
  let overdue = 0;
  for (const item of items) {
    counts[item.status]++;
    if (item.overdue) overdue++;
  }
  return { id: board.id, title: board.title, kind: board.kind, counts, total: items.length, overdue };
}

function itemsOf(db: Db, workspaceId: string): WorkspaceItemDto[] {
  return boardItems.ofWorkspace(db, workspaceId).map(itemDto);
}

/** Whether the item happens (next) within [from, to], both ISO dates. */
function happensWithin(item: WorkspaceItemDto, from: string, to: string): boolean {
  const start = item.nextStart ?? item.start;
  const end = item.nextEnd ?? item.end ?? start;
  return start !== null && end !== null && start <= to && end >= from;
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Monday to Sunday of the week holding `today`, and the first to the last day of its month. */
export function weekAndMonthOf(today: string): { week: [string, string]; month: [string, string] } {
  const day = new Date(`${today}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  const monday = new Date(day.getTime() - weekday * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  const first = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  const last = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0));
  return { week: [isoOf(monday), isoOf(sunday)], month: [isoOf(first), isoOf(last)] };
}

const byNext = (a: WorkspaceItemDto, b: WorkspaceItemDto) => (a.nextStart ?? a.start ?? '').localeCompare(b.nextStart ?? b.start ?? '');

export function activityDtos(db: Db, rows: ActivityWithBoard[]): ActivityDto[] {
  const names = new Map<string, string>();
  const nameOf = (id: string) => {
    if (!names.has(id)) names.set(id, users.byId(db, id)?.name ?? '');
    return names.get(id)!;
  };
  return rows.map((r) => ({
    id: r.id,
    boardId: r.board_id,
    boardTitle: r.board_title,
    at: r.at,
    actors: parseNames(r.actor_ids).map((id) => ({ id, name: nameOf(id) })),
    kind: (ACTIVITY_KINDS as readonly string[]).includes(r.kind) ? (r.kind as ActivityKind) : 'added',
    itemId: r.item_id,
    itemTitle: r.item_title,
    before: r.before,
    after: r.after,
  }));
}

export function dashboardOf(db: Db, userId: string, workspaceId: string, online: OnlineUserDto[], today = todayIso()): DashboardDto {
  requireMembership(db, workspaceId, userId);
  const items = itemsOf(db, workspaceId);
  const byBoard = new Map<string, WorkspaceItemDto[]>();
  for (const item of items) {
    const list = byBoard.get(item.boardId);
    if (list) list.push(item);
    else byBoard.set(item.boardId, [item]);
  }
  const { week, month } = weekAndMonthOf(today);
  const orgs = organisations.list(db, workspaceId);
  return {
    workspaceId,
    today,
    boards: boards.list(db, workspaceId, false).map((b) => summaryOf(b, byBoard.get(b.id) ?? [])),
    week: items.filter((i) => i.status !== 'cancelled' && happensWithin(i, ...week)).sort(byNext),
    month: items.filter((i) => i.status !== 'cancelled' && happensWithin(i, ...month)).sort(byNext),
    organisations: orgs
      .map((o) => {
        const theirs = items.filter((i) => i.responsibles.some((r) => namesOrganisation(r, o.name)));
        return { name: o.name, total: theirs.length, overdue: theirs.filter((i) => i.overdue).length };
      })
      .sort((a, b) => b.overdue - a.overdue || b.total - a.total || a.name.localeCompare(b.name, 'ru')),
    online,
    activity: activityDtos(db, boardActivity.recent(db, workspaceId, ACTIVITY_PAGE)),
  };
}

/** A board's summary as the live feed sends it; null when the board is archived or gone. */
export function boardSummary(db: Db, boardId: string): BoardSummaryDto | null {
  const board = boards.byId(db, boardId);
  if (!board || board.archived_at !== null) return null;
  return summaryOf(board, boardItems.ofBoard(db, boardId).map((row) => ({ status: row.status, overdue: row.overdue === 1 })));
}

/** Every item of the workspace with a date (or a next occurrence), for the calendar. */
export function calendarOf(db: Db, userId: string, workspaceId: string): WorkspaceItemDto[] {
  requireMembership(db, workspaceId, userId);
  return itemsOf(db, workspaceId).filter((i) => (i.nextStart ?? i.start) !== null);
}

const OPEN = new Set(['planned', 'in_progress']);

/** «Мои задачи»: items naming me or my organisation; overdue first, then open ones by date, then the rest. */
export function tasksOf(db: Db, userId: string, workspaceId: string): TasksDto {
  requireMembership(db, workspaceId, userId);
  const user = users.byId(db, userId);
  if (!user) throw notFound('User not found');
  const organisationId = members.organisationOf(db, workspaceId, userId);
  const organisation = organisationId ? (organisations.byId(db, workspaceId, organisationId)?.name ?? null) : null;
  const mine = itemsOf(db, workspaceId).filter((i) => i.responsibles.some((r) => namesPerson(r, user.name) || (organisation !== null && namesOrganisation(r, organisation))));
  const rank = (i: WorkspaceItemDto) => (i.overdue ? 0 : OPEN.has(i.status) ? 1 : 2);
  mine.sort((a, b) => rank(a) - rank(b) || byNext(a, b));
  return { person: user.name, organisation, items: mine };
}

/** Which of the workspace's organisations I work for (null: none); any member may say it of themselves. */
export function setMyOrganisation(db: Db, userId: string, workspaceId: string, organisationId: string | null): TasksDto {
  requireMembership(db, workspaceId, userId);
  if (organisationId !== null && !organisations.byId(db, workspaceId, organisationId)) throw notFound('Organisation not found');
  members.setOrganisation(db, workspaceId, userId, organisationId);
  return tasksOf(db, userId, workspaceId);
}
