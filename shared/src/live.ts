// The live workspace feed (socket.io at /socket.io) and the dashboard, calendar and task-list data it
// keeps current. The server sends only what any member of the workspace may already read over /api.
import { z } from 'zod';
import type { BoardItem } from './boards/board-items.ts';
import type { BoardKind } from './boards/kinds.ts';
import type { ItemStatus } from './status.ts';

export const LIVE_PATH = '/socket.io';
/** No client message is bigger than a join request. */
export const MAX_LIVE_MESSAGE_BYTES = 16 * 1024;
export const ACTIVITY_PAGE = 50;

export type StatusCounts = Record<ItemStatus, number>;

export interface BoardSummaryDto {
  id: string;
  title: string;
  kind: BoardKind;
  counts: StatusCounts;
  total: number;
  overdue: number;
}

/**
 * One indexed item of a board, as dashboards, the calendar and task lists show it. `overdue`,
 * `nextStart` and `nextEnd` hold for the day it was sent on; a page that stays open past midnight
 * derives them again (`itemOnDay`, SPEC F7).
 */
export interface WorkspaceItemDto extends Omit<BoardItem, 'next'> {
  boardId: string;
  boardTitle: string;
  boardKind: BoardKind;
  /** When it happens next: the period itself, or a recurring period's next occurrence. */
  nextStart: string | null;
  nextEnd: string | null;
}

export interface OrganisationLoadDto {
  name: string;
  total: number;
  overdue: number;
}

export interface OnlineUserDto {
  userId: string;
  name: string;
  color: string;
  /** Boards this person has open right now (ids). */
  boardIds: string[];
}

export const ACTIVITY_KINDS = ['added', 'removed', 'renamed', 'status', 'rescheduled', 'moved'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityDto {
  id: number;
  boardId: string;
  boardTitle: string;
  at: number;
  actors: { id: string; name: string }[];
  kind: ActivityKind;
  itemId: string;
  itemTitle: string;
  /** For status: the statuses; for renamed: the titles; for rescheduled: the periods; for moved: the sections' titles or the months (`YYYY-MM`), '' for none. */
  before: string | null;
  after: string | null;
}

/** The dashboard on `today`. Everything but `items`, `online` and `activity` derives from `items` (shared/src/dashboard.ts). */
export interface DashboardDto {
  workspaceId: string;
  today: string;
  boards: BoardSummaryDto[];
  /** Every item of the workspace's boards, so that a page can apply the feed's changes and derive the rest. */
  items: WorkspaceItemDto[];
  /** Dated items happening this week (Monday to Sunday) and this month, across all boards. */
  week: WorkspaceItemDto[];
  month: WorkspaceItemDto[];
  organisations: OrganisationLoadDto[];
  online: OnlineUserDto[];
  activity: ActivityDto[];
}

export interface TasksDto {
  today: string;
  /** Whom the list is for: my name and my organisation in this workspace (if I chose one). */
  person: string;
  organisation: string | null;
  items: WorkspaceItemDto[];
}

/**
 * A board was indexed (SPEC F3): everything a dashboard, calendar or task list needs to follow it
 * without asking the server again.
 */
export interface BoardIndexedEvent {
  workspaceId: string;
  /** The day the summary and the items' overdue and next occurrence were derived for. */
  today: string;
  board: BoardSummaryDto;
  /** The board's items that are new or changed since its previous index, and the ids of those gone. */
  items: WorkspaceItemDto[];
  removedItemIds: string[];
  /** Activity lines this index recorded or extended (an extended line keeps its id), and the ids of lines it withdrew. */
  activity: ActivityDto[];
  removedActivityIds: number[];
}

export interface PresenceEvent {
  workspaceId: string;
  online: OnlineUserDto[];
}

export type JoinResult = { ok: true } | { ok: false; error: string };

export interface LiveServerEvents {
  'board:indexed': (event: BoardIndexedEvent) => void;
  /** A board was archived, restored, renamed, added or removed: refetch (the only refetch besides a reconnect, F5). */
  'workspace:changed': (event: { workspaceId: string }) => void;
  presence: (event: PresenceEvent) => void;
}

export interface LiveClientEvents {
  'workspace:join': (request: { workspaceId: string }, ack: (result: JoinResult) => void) => void;
  'workspace:leave': (request: { workspaceId: string }) => void;
}

export const joinRequest = z.strictObject({ workspaceId: z.string().min(1).max(64) });
