// The dashboard, the calendar and «Мои задачи» of a workspace, read from the board index for the day
// asked (overdue and next occurrences derived then, SPEC F7) with shared/src/dashboard.ts's functions.
import {
  ACTIVITY_PAGE,
  boardSummaries,
  inTaskOrder,
  isDated,
  isLasting,
  namesMe,
  organisationLoads,
  weekAndMonthItems,
  workspaceItemOn,
  type ActivityDto,
  type DashboardDto,
  type OnlineUserDto,
  type TasksDto,
  type WorkspaceItemDto,
} from '@soplan/shared';
import { activityDtoOf } from '../boards/activity.ts';
import { boardActivity, boardItems, boards, members, organisations, users, type Db } from '../db/index.ts';
import type { ActivityWithBoard } from '../db/queries/board-activity.ts';
import { indexedItemOf } from '../db/queries/board-items.ts';
import { notFound } from '../errors.ts';
import { requireMembership } from '../workspaces/access.ts';

/** The workspace's indexed items as they stand on `today`: overdue and next occurrences are derived now, never read from the index (SPEC F7). */
function itemsOf(db: Db, workspaceId: string, today: string): WorkspaceItemDto[] {
  return boardItems
    .ofWorkspace(db, workspaceId)
    .map((row) => workspaceItemOn(indexedItemOf(row), { id: row.board_id, title: row.board_title, kind: row.board_kind }, today));
}

function activityDtos(db: Db, rows: ActivityWithBoard[]): ActivityDto[] {
  const names = new Map<string, string>();
  const nameOf = (id: string) => {
    if (!names.has(id)) names.set(id, users.byId(db, id)?.name ?? '');
    return names.get(id)!;
  };
  return rows.map((r) => activityDtoOf(r, r.board_title, nameOf));
}

export function dashboardOf(db: Db, userId: string, workspaceId: string, online: OnlineUserDto[], today: string): DashboardDto {
  requireMembership(db, workspaceId, userId);
  const items = itemsOf(db, workspaceId, today);
  const boardRefs = boards.list(db, workspaceId, false).map((b) => ({ id: b.id, title: b.title, kind: b.kind }));
  return {
    workspaceId,
    today,
    boards: boardSummaries(boardRefs, items),
    items,
    ...weekAndMonthItems(items, today),
    organisations: organisationLoads(
      organisations.list(db, workspaceId).map((o) => o.name),
      items,
    ),
    online,
    activity: activityDtos(db, boardActivity.recent(db, workspaceId, ACTIVITY_PAGE)),
  };
}

/** Every item of the workspace with a date (or a next occurrence), and those running the whole time, for the calendar. */
export function calendarOf(db: Db, userId: string, workspaceId: string, today: string): WorkspaceItemDto[] {
  requireMembership(db, workspaceId, userId);
  return itemsOf(db, workspaceId, today).filter((item) => isDated(item) || isLasting(item));
}

/** «Мои задачи»: items naming me or my organisation; overdue first, then open ones by date, then the rest. */
export function tasksOf(db: Db, userId: string, workspaceId: string, today: string): TasksDto {
  requireMembership(db, workspaceId, userId);
  const user = users.byId(db, userId);
  if (!user) throw notFound('User not found');
  const organisationId = members.organisationOf(db, workspaceId, userId);
  const organisation = organisationId ? (organisations.byId(db, workspaceId, organisationId)?.name ?? null) : null;
  const mine = itemsOf(db, workspaceId, today).filter((i) => namesMe(i, user.name, organisation));
  return { today, person: user.name, organisation, items: inTaskOrder(mine) };
}

/** Which of the workspace's organisations I work for (null: none); any member may say it of themselves. */
export function setMyOrganisation(db: Db, userId: string, workspaceId: string, organisationId: string | null, today: string): TasksDto {
  requireMembership(db, workspaceId, userId);
  if (organisationId !== null && !organisations.byId(db, workspaceId, organisationId)) throw notFound('Organisation not found');
  members.setOrganisation(db, workspaceId, userId, organisationId);
  return tasksOf(db, userId, workspaceId, today);
}
