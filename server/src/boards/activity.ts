// What changed on a board between two indexes: items added, removed, renamed, rescheduled or moved
// to another status. The indexer compares its previous rows with the new items, so the feed says
// what the document now holds, never what a client claims it did.
import type { ActivityKind, BoardItem } from '@soplan/shared';
import type { BoardItemRow } from '../db/queries/board-items.ts';

export interface ItemChange {
  kind: ActivityKind;
  itemId: string;
  itemTitle: string;
  before: string | null;
  after: string | null;
}

/** A board edited from scratch (a pasted plan) reports its size, not hundreds of lines. */
export const MAX_CHANGES_PER_INDEX = 20;

export function changesBetween(previous: BoardItemRow[], items: BoardItem[]): ItemChange[] {
  const old = new Map(previous.map((row) => [row.item_id, row]));
  const changes: ItemChange[] = [];
  for (const item of items) {
    const was = old.get(item.id);
    old.delete(item.id);
    if (!was) {
      // An empty new item is noise until someone names it; it is reported as added then.
      if (item.title.trim()) changes.push({ kind: 'added', itemId: item.id, itemTitle: item.title, before: null, after: null });
      continue;
    }
    if (!was.title.trim() && item.title.trim()) {
      changes.push({ kind: 'added', itemId: item.id, itemTitle: item.title, before: null, after: null });
      continue;
    }
    if (was.status !== item.status) changes.push({ kind: 'status', itemId: item.id, itemTitle: item.title, before: was.status, after: item.status });
    if (was.title !== item.title && was.title.trim() && item.title.trim()) changes.push({ kind: 'renamed', itemId: item.id, itemTitle: item.title, before: was.title, after: item.title });
    if (was.period !== item.period) changes.push({ kind: 'rescheduled', itemId: item.id, itemTitle: item.title, before: was.period, after: item.period });
  }
  for (const gone of old.values()) if (gone.title.trim()) changes.push({ kind: 'removed', itemId: gone.item_id, itemTitle: gone.title, before: null, after: null });
  return changes.slice(0, MAX_CHANGES_PER_INDEX);
}
