// Ordered collections inside a board document (DESIGN «Rules that keep it honest», SPEC rules B1–B4):
// items live in a Y.Map keyed by a stable id, each item a nested Y.Map with an `order` fractional
// index; moving an item rewrites its `order` only, never deletes and re-inserts it. Typed fields
// are Y.Text (lists of names as their typed text, rule B3), created from an older board's plain
// value on first edit. Everything here reads defensively: any client can write anything into a
// document.
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';

export type Item = Y.Map<unknown>;
export type Collection = Y.Map<Item>;

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new random item id (12 characters, 62 bits). */
export function newItemId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

/** The collection under `key` in a parent map, created if absent (and replaced if a client wrote junk there). */
export function collectionIn(parent: Y.Map<unknown>, key: string): Collection {
  const existing = parent.get(key);
  if (existing instanceof Y.Map) return existing as Collection;
  const created = new Y.Map<Item>();
  parent.set(key, created);
  return created;
}

/** A root-level collection of the document. */
export const rootCollection = (doc: Y.Doc, name: string): Collection => doc.getMap(name) as Collection;

export function str(item: Item, key: string, fallback = ''): string {
  const v = item.get(key);
  if (typeof v === 'string') return v;
  if (v instanceof Y.Text) return v.toString();
  return fallback;
}

/** A list of names (or links) as typed, to the entries it holds: one splitter for every reader and writer. */
export const listOf = (typed: string): string[] =>
  typed
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** How a list is typed: the entries joined with ", " (what `listOf` splits again). */
export const typedList = (entries: readonly string[]): string => entries.join(', ');

/**
 * The text a field shows before it is a Y.Text: a plain string as it is, an older board's plain
 * list of names joined as typed; anything else is empty (rule B4).
 */
export function plainTextOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return typedList(value.filter((x): x is string => typeof x === 'string'));
  return '';
}

/** A list field: the typed Y.Text (or a plain string) split by `listOf`, or an older board's plain array. */
export function strList(item: Item, key: string): string[] {
  const v = item.get(key);
  if (v instanceof Y.Text) return listOf(v.toString());
  if (typeof v === 'string') return listOf(v);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * The Y.Text of a typed field, created on first edit. What the field held before becomes its
 * content in the same transaction (a plain string as it is, an older board's array of names joined
 * with ", "), so nobody sees it blank in between; junk becomes an empty Y.Text.
 */
export function textField(item: Item, key: string): Y.Text {
  const v = item.get(key);
  if (v instanceof Y.Text) return v;
  // One `set` of a Y.Text built with its content is one transaction: the old value and the new
  // text are never both absent.
  const text = new Y.Text(plainTextOf(v));
  item.set(key, text);
  return text;
}

/** An item's order key, or null when it is missing or is not shaped like a fractional index. */
const orderOf = (item: Item) => {
  const o = item.get('order');
  return typeof o === 'string' && /^[A-Za-z][0-9A-Za-z]*$/.test(o) ? o : null;
};

/** Entries whose value is an item, ordered by their fractional index, then by id; junk entries are skipped. */
export function orderedEntries(collection: Collection, filter?: (item: Item) => boolean): [string, Item][] {
  const entries: [string, Item][] = [];
  collection.forEach((item, id) => {
    if (item instanceof Y.Map && (!filter || filter(item))) entries.push([id, item]);
  });
  return entries.sort(([ia, a], [ib, b]) => {
    const oa = orderOf(a);
    const ob = orderOf(b);
    if (oa !== ob) {
      if (oa === null) return 1;
      if (ob === null) return -1;
      return oa < ob ? -1 : 1;
    }
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
}

function validKey(key: string | null): key is string {
  if (key === null) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/**
 * Gives `id` an order key that puts it at `index` among `siblings` (the ordered entries it moves
 * among, itself excluded). When neighbours' keys are missing, invalid or equal (two people inserted
 * at the same place at once), the siblings are renumbered first, in the same transaction.
 */
function placeAt(siblings: [string, Item][], item: Item, index: number): void {
  const at = Math.max(0, Math.min(index, siblings.length));
  const before = at > 0 ? orderOf(siblings[at - 1]![1]) : null;
  const after = at < siblings.length ? orderOf(siblings[at]![1]) : null;
  const beforeOk = at === 0 || validKey(before);
  const afterOk = at === siblings.length || validKey(after);
  if (beforeOk && afterOk && (before === null || after === null || before < after)) {
    item.set('order', generateKeyBetween(before, after));
    return;
  }
  const keys = generateNKeysBetween(null, null, siblings.length + 1);
  const all = [...siblings.slice(0, at).map(([, s]) => s), item, ...siblings.slice(at).map(([, s]) => s)];
  all.forEach((s, i) => {
    if (orderOf(s) !== keys[i]) s.set('order', keys[i]);
  });
}

/** Runs `fn` as one transaction of the collection's document (directly when it is not in one yet). */
function inTransaction(collection: Collection, fn: () => void): void {
  if (collection.doc) collection.doc.transact(fn);
  else fn();
}

export interface Placement {
  /** Among the items `filter` selects (a section's items, a month's events); all when absent. */
  filter?: (item: Item) => boolean;
  /** Position among them; the end when absent. */
  index?: number;
}

/** Adds an item with the given fields and returns its id. */
export function insertItem(collection: Collection, fields: Record<string, unknown>, placement: Placement = {}): string {
  const id = newItemId();
  inTransaction(collection, () => {
    const siblings = orderedEntries(collection, placement.filter);
    const item = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(fields)) item.set(k, v);
    collection.set(id, item);
    placeAt(siblings, item, placement.index ?? siblings.length);
  });
  return id;
}

/**
 * Adds items with the given fields after the last of the items `filter` selects, in order, and
 * returns their ids: one sort of the siblings and one run of keys for all of them, where inserting
 * them one by one would sort the collection once per item (a board written from its JSON form holds
 * thousands). When the last sibling's key is missing or malformed, they are placed one by one, which
 * renumbers the siblings first (rule B2).
 */
export function appendItems(collection: Collection, entries: readonly Record<string, unknown>[], filter?: (item: Item) => boolean): string[] {
  const ids: string[] = [];
  inTransaction(collection, () => {
    const siblings = orderedEntries(collection, filter);
    const last = siblings.length > 0 ? orderOf(siblings.at(-1)![1]) : null;
    if (siblings.length > 0 && !validKey(last)) {
      for (const fields of entries) ids.push(insertItem(collection, fields, filter ? { filter } : {}));
      return;
    }
    const keys = generateNKeysBetween(last, null, entries.length);
    entries.forEach((fields, i) => {
      const id = newItemId();
      const item = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(fields)) item.set(k, v);
      item.set('order', keys[i]);
      collection.set(id, item);
      ids.push(id);
    });
  });
  return ids;
}

/**
 * Moves an item to `index` among the items `filter` selects, after applying `change` (e.g. a new
 * section or month) in the same transaction. The item keeps its id and every other field.
 */
export function moveItem(collection: Collection, id: string, placement: Placement & { change?: Record<string, unknown> }): void {
  const item = collection.get(id);
  if (!(item instanceof Y.Map)) return;
  inTransaction(collection, () => {
    for (const [k, v] of Object.entries(placement.change ?? {})) item.set(k, v);
    const siblings = orderedEntries(collection, placement.filter).filter(([sid]) => sid !== id);
    placeAt(siblings, item, placement.index ?? siblings.length);
  });
}

/** Sets plain fields of an item (long-text fields go through `textField`). */
export function updateItem(collection: Collection, id: string, fields: Record<string, unknown>): void {
  const item = collection.get(id);
  if (!(item instanceof Y.Map)) return;
  inTransaction(collection, () => {
    for (const [k, v] of Object.entries(fields)) item.set(k, v);
  });
}
