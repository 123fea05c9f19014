// Calendar feeds: a member creates a secret URL for a board, a workspace or «Мои задачи» (shown once,
// stored as its SHA-256 like API tokens), lists and revokes them; the URL answers the ICS without a
// login while its owner may still read what it shows: access is checked again on every fetch, so a
// feed of a member who left answers 404. A feed reads the board index, never a board's document.
import type { CalendarFeedDto, CreatedFeedDto, CreateFeedBody, FeedScope } from '@soplan/shared';
import { hashSecret, newId, newSecret } from '../auth/ids.ts';
import { tasksOf } from '../dashboard/index.ts';
import { boardItems, calendarFeeds, workspaces, type Db } from '../db/index.ts';
import type { BoardItemRow } from '../db/queries/board-items.ts';
import type { CalendarFeedRow, FeedBoardRow } from '../db/queries/calendar-feeds.ts';
import { indexedItemOf } from '../db/queries/board-items.ts';
import { AppError, notFound } from '../errors.ts';
import { requireBoard, requireMembership } from '../workspaces/access.ts';
import { writeCalendar, type CalendarItem, type CalendarSpec } from './ics-writer.ts';

/** Where a feed's URL lives, outside /api. */
export const FEED_PATH = '/ics';
/** What a feed's secret starts with, so that one found in a log or a paste is recognised as Soplan's. */
export const FEED_SECRET_PREFIX = 'spc_';

const MINE = 'Мои задачи';
const iso = (ms: number) => new Date(ms).toISOString();

function rowItem(row: BoardItemRow): CalendarItem {
  const i = indexedItemOf(row);
  return { ...i, boardId: row.board_id, sequence: row.sequence };
}

const boardMap = (rows: FeedBoardRow[]) => new Map(rows.map((b) => [b.id, b]));

/** «Мои задачи» of one workspace, as GET /api/workspaces/:id/tasks selects them. */
function myItems(db: Db, userId: string, workspaceId: string, today: string): CalendarItem[] {
  const sequences = calendarFeeds.sequencesOfWorkspace(db, workspaceId);
  return tasksOf(db, userId, workspaceId, today).items.map((i) => ({
    boardId: i.boardId,
    id: i.id,
    title: i.title,
    period: i.period,
    periodKind: i.periodKind,
    start: i.start,
    end: i.end,
    status: i.status,
    responsibles: i.responsibles,
    groupTitle: i.groupTitle,
    sequence: sequences.get(calendarFeeds.sequenceKey(i.boardId, i.id)) ?? 0,
  }));
}

/** The calendar a scope shows to `userId`, or not found when they may not read it (any more). */
function calendarOf(db: Db, userId: string, scope: FeedScope, targetId: string | null, today: string): Omit<CalendarSpec, 'baseUrl'> {
  if (scope === 'board') {
    const { board } = requireBoard(db, targetId ?? '', userId);
    const row = calendarFeeds.feedBoard(db, board.id)!;
    // An archived board leaves the workspace's calendar; its feed empties, so subscribed calendars drop its events.
    if (row.archived_at !== null) return { name: board.title, items: [], boards: boardMap([row]), note: 'Доска в архиве: её мероприятий нет в календаре.' };
    return { name: board.title, items: boardItems.ofBoard(db, board.id).map(rowItem), boards: boardMap([row]) };
  }
  if (scope === 'workspace') {
    const { workspace } = requireMembership(db, targetId ?? '', userId);
    return {
      name: workspace.name,
      items: boardItems.ofWorkspace(db, workspace.id).map(rowItem),
      boards: boardMap(calendarFeeds.feedBoardsOfWorkspace(db, workspace.id)),
    };
  }
  if (targetId !== null) {
    const { workspace } = requireMembership(db, targetId, userId);
    return {
      name: `${MINE} — ${workspace.name}`,
      items: myItems(db, userId, workspace.id, today),
      boards: boardMap(calendarFeeds.feedBoardsOfWorkspace(db, workspace.id)),
    };
  }
  const mine = workspaces.listOfUser(db, userId);
  return {
    name: MINE,
    items: mine.flatMap((w) => myItems(db, userId, w.id, today)),
    boards: boardMap(mine.flatMap((w) => calendarFeeds.feedBoardsOfWorkspace(db, w.id))),
  };
}

/** What the feed's calendar is called, or null when its owner may no longer read it. */
function titleOf(db: Db, userId: string, scope: FeedScope, targetId: string | null): string | null {
  try {
    if (scope === 'board') return requireBoard(db, targetId ?? '', userId).board.title;
    if (scope === 'workspace') return requireMembership(db, targetId ?? '', userId).workspace.name;
    return targetId === null ? MINE : `${MINE} — ${requireMembership(db, targetId, userId).workspace.name}`;
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
}

const feedDto = (db: Db, f: CalendarFeedRow): CalendarFeedDto => ({
  id: f.id,
  scope: f.scope,
  targetId: f.target_id,
  targetTitle: titleOf(db, f.user_id, f.scope, f.target_id),
  createdAt: iso(f.created_at),
  lastUsedAt: f.last_used_at === null ? null : iso(f.last_used_at),
});

export interface CalendarFeedsOptions {
  db: Db;
  /** Today's date (ISO): «Мои задачи» is selected as of it. */
  today: () => string;
}

export class CalendarFeeds {
  readonly #db: Db;
  readonly #today: () => string;

  constructor(options: CalendarFeedsOptions) {
    this.#db = options.db;
    this.#today = options.today;
  }

  /** The ICS text of one board for `userId` (members only, viewers too; else not found): the one-off export. */
  boardIcs(userId: string, boardId: string, baseUrl: string): string {
    return writeCalendar({ ...calendarOf(this.#db, userId, 'board', boardId, this.#today()), baseUrl });
  }

  /** A new feed of something the user may read (else not found); its URL, which holds the secret, is in this answer only. */
  create(userId: string, body: CreateFeedBody, baseUrl: string, now = Date.now()): CreatedFeedDto {
    const targetId = body.id ?? null;
    const title = titleOf(this.#db, userId, body.scope, targetId);
    if (title === null) throw notFound(body.scope === 'board' ? 'Board not found' : 'Workspace not found');
    const secret = FEED_SECRET_PREFIX + newSecret();
    const row: CalendarFeedRow = {
      id: newId(),
      user_id: userId,
      scope: body.scope,
      target_id: targetId,
      secret_hash: hashSecret(secret),
      created_at: now,
      last_used_at: null,
    };
    calendarFeeds.insert(this.#db, row);
    return { ...feedDto(this.#db, row), url: `${baseUrl}${FEED_PATH}/${secret}` };
  }

  /** The user's feeds, newest first, without their secrets. */
  list(userId: string): CalendarFeedDto[] {
    return calendarFeeds.listOfUser(this.#db, userId).map((f) => feedDto(this.#db, f));
  }

  /** Revokes one of the user's own feeds (another person's is "not found"); its URL answers 404 from now on. */
  revoke(userId: string, feedId: string): void {
    if (!calendarFeeds.removeOfUser(this.#db, feedId, userId)) throw notFound('Feed not found');
  }

  /** The ICS text behind a secret URL, or null (404): no such feed, revoked, or its owner may no longer read what it shows. */
  fetch(secret: string, baseUrl: string, now = Date.now()): string | null {
    if (!secret.startsWith(FEED_SECRET_PREFIX)) return null;
    const feed = calendarFeeds.byHash(this.#db, hashSecret(secret));
    if (!feed) return null;
    let spec: Omit<CalendarSpec, 'baseUrl'>;
    try {
      spec = calendarOf(this.#db, feed.user_id, feed.scope, feed.target_id, this.#today());
    } catch (e) {
      if (e instanceof AppError) return null;
      throw e;
    }
    calendarFeeds.touch(this.#db, feed.id, now);
    return writeCalendar({ ...spec, baseUrl });
  }
}
