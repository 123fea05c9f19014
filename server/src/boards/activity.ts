// What changed on a board between two indexes: which index rows to write, and the activity lines —
// items added, removed, renamed, rescheduled, moved to another section or month, or given another
// status. The indexer compares its previous rows with the new items, so the feed says what the
// document now holds, never what a client claims it did. Each line is credited to the accounts whose
// committed updates touched that item (SPEC F3), and a person's run of edits of one field of one
// item within a minute stays one line, extended as it goes (SPEC F8).
import { ACTIVITY_KINDS, type ActivityDto, type ActivityKind, type BoardItem } from '@soplan/shared';
import { boardActivity, stringsOf, type Db } from '../db/index.ts';
import type { ActivityRow } from '../db/queries/board-activity.ts';
import type { BoardItemRow } from '../db/queries/board-items.ts';

export interface ItemChange {
  kind: ActivityKind;
  itemId: string;
  itemTitle: string;
  before: string | null;
  after: string | null;
  /** The places the item sat in before and after (a programme pair, a section): whoever touched them answers for the item when nobody touched it directly. */
  groups: string[];
}

/** A board edited from scratch (a pasted plan) gives a screenful of lines per kind, not hundreds; kinds are capped apart so a flood of one never hides another. */
const MAX_CHANGES_PER_KIND = 20;
/** A person's edits of one field of one item less than this apart are one line. */
const COALESCE_MS = 60_000;
/** How far back in an item's lines a new change looks for the line it extends. */
const LOOK_BACK = 20;

const sameNames = (json: string, names: string[]) => json === JSON.stringify(names);

/** Whether the row stores exactly what the item says (where it sits included). */
function unchanged(row: BoardItemRow, item: BoardItem): boolean {
  return (
    row.title === item.title &&
    row.period === item.period &&
    row.period_kind === item.periodKind &&
    row.start_date === item.start &&
    row.end_date === item.end &&
    row.status === item.status &&
    sameNames(row.responsibles, item.responsibles) &&
    row.form === item.form &&
    row.group_id === item.group &&
    row.group_title === item.groupTitle
  );
}

export interface IndexDiff {
  /** Rows to write: new items, changed ones and those that changed position. */
  upsert: { item: BoardItem; position: number }[];
  /** Items whose content changed (or that are new): what pages showing them need. */
  changed: BoardItem[];
  /** Ids of the items gone from the board. */
  removed: string[];
}

export function diffIndex(previous: BoardItemRow[], items: BoardItem[]): IndexDiff {
  const old = new Map(previous.map((row) => [row.item_id, row]));
  const diff: IndexDiff = { upsert: [], changed: [], removed: [] };
  items.forEach((item, position) => {
    const was = old.get(item.id);
    old.delete(item.id);
    const same = was !== undefined && unchanged(was, item);
    if (!same) diff.changed.push(item);
    if (!same || was.position !== position) diff.upsert.push({ item, position });
  });
  diff.removed = [...old.keys()];
  return diff;
}

export function changesBetween(previous: BoardItemRow[], items: BoardItem[]): ItemChange[] {
  const old = new Map(previous.map((row) => [row.item_id, row]));
  const changes: ItemChange[] = [];
  const change = (
    kind: ActivityKind,
    item: { id: string; title: string },
    groups: (string | null)[],
    before: string | null = null,
    after: string | null = null,
  ) => changes.push({ kind, itemId: item.id, itemTitle: item.title, before, after, groups: [...new Set(groups.filter((g): g is string => !!g))] });
  for (const item of items) {
    const was = old.get(item.id);
    old.delete(item.id);
    const groups = [was?.group_id ?? null, item.group];
    if (!was || (!was.title.trim() && item.title.trim())) {
      // An empty new item is noise until someone names it; it is reported as added then.
      if (item.title.trim()) change('added', item, groups);
      continue;
    }
    if (was.status !== item.status) change('status', item, groups, was.status, item.status);
    if (was.title !== item.title && was.title.trim() && item.title.trim()) change('renamed', item, groups, was.title, item.title);
    // A row from before the index knew places (null) has not moved; on a plan-graph the month of an
    // event without a date is its period too, so a move there is not also a reschedule.
    const moved = was.group_id !== null && was.group_id !== item.group;
    if (moved) change('moved', item, groups, was.group_title, item.groupTitle);
    if (was.period !== item.period && !(moved && was.period === was.group_id && item.period === item.group))
      change('rescheduled', item, groups, was.period, item.period);
  }
  for (const gone of old.values()) if (gone.title.trim()) change('removed', { id: gone.item_id, title: gone.title }, [gone.group_id]);
  const perKind = new Map<ActivityKind, number>();
  return changes.filter((c) => {
    const n = (perKind.get(c.kind) ?? 0) + 1;
    perKind.set(c.kind, n);
    return n <= MAX_CHANGES_PER_KIND;
  });
}

/** Who answers for a change: the accounts whose updates touched the item, else those who touched the place it sat in. */
function creditFor(change: ItemChange, touched: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const direct = touched.get(change.itemId);
  if (direct && direct.size > 0) return [...direct].sort();
  return [...new Set(change.groups.flatMap((g) => [...(touched.get(g) ?? [])]))].sort();
}

export interface Recorded {
  /** Lines inserted or extended, as stored now. */
  lines: ActivityRow[];
  /** Lines withdrawn: a run of edits that ended where it began. */
  removed: number[];
}

/**
 * The line a change extends: the item's latest line of the same field (an added item's line for its
 * renames and its removal, a removal's line for its undoing) by the same accounts, less than a
 * minute old, with no one else's line about the item since. With it, the lines of that run after it.
 */
function runOf(db: Db, boardId: string, change: ItemChange, actorIds: string, at: number): ActivityRow[] | null {
  const run: ActivityRow[] = [];
  for (const row of boardActivity.latestOfItem(db, boardId, change.itemId, LOOK_BACK)) {
    if (row.actor_ids !== actorIds) return null;
    run.push(row);
    const continues =
      row.kind === change.kind ||
      (row.kind === 'added' && (change.kind === 'renamed' || change.kind === 'removed')) ||
      (row.kind === 'removed' && change.kind === 'added');
    if (continues) return at - row.at <= COALESCE_MS ? run : null;
  }
  return null;
}

/** Records the changes as activity lines, extending or withdrawing the lines of a run they continue. */
export function recordActivity(
  db: Db,
  board: { workspaceId: string; boardId: string },
  changes: ItemChange[],
  touched: ReadonlyMap<string, ReadonlySet<string>>,
  at: number,
): Recorded {
  const recorded: Recorded = { lines: [], removed: [] };
  const withdraw = (rows: ActivityRow[]) => {
    boardActivity.remove(
      db,
      rows.map((r) => r.id),
    );
    for (const row of rows) {
      recorded.removed.push(row.id);
      recorded.lines = recorded.lines.filter((l) => l.id !== row.id);
    }
  };
  for (const change of changes) {
    const actors = creditFor(change, touched);
    const actorIds = JSON.stringify(actors);
    const run = actors.length > 0 ? runOf(db, board.boardId, change, actorIds, at) : null;
    const target = run?.at(-1);
    if (run && target) {
      const named = target.kind === 'added' && (change.kind === 'renamed' || change.kind === 'added');
      if (named || (target.kind === change.kind && change.after !== target.before)) {
        // An added item's line takes its later title; any other line keeps its first `before` and takes the latest `after`.
        const line = { ...target, at, item_title: change.itemTitle, ...(named ? {} : { after: change.after }) };
        boardActivity.extend(db, target.id, line);
        recorded.lines = [...recorded.lines.filter((l) => l.id !== target.id), line];
      } else {
        // Added then removed, removed then restored, or a field edited back to what it was: nothing happened.
        withdraw(target.kind === change.kind ? [target] : run);
      }
      continue;
    }
    const row = {
      workspace_id: board.workspaceId,
      board_id: board.boardId,
      at,
      actor_ids: actorIds,
      kind: change.kind,
      item_id: change.itemId,
      item_title: change.itemTitle,
      before: change.before,
      after: change.after,
    };
    const [id] = boardActivity.insert(db, [row]);
    recorded.lines.push({ id: id!, ...row });
  }
  return recorded;
}

/** A stored line as the feed sends it; `nameOf` gives an account's current name. */
export function activityDtoOf(row: ActivityRow, boardTitle: string, nameOf: (userId: string) => string): ActivityDto {
  return {
    id: row.id,
    boardId: row.board_id,
    boardTitle,
    at: row.at,
    actors: stringsOf(row.actor_ids).map((id) => ({ id, name: nameOf(id) })),
    kind: (ACTIVITY_KINDS as readonly string[]).includes(row.kind) ? (row.kind as ActivityKind) : 'added',
    itemId: row.item_id,
    itemTitle: row.item_title,
    before: row.before,
    after: row.after,
  };
}
