// What an update will cost to apply, read before it touches the document (SPEC rules L5–L7). Yjs
// integrates an item in constant time unless other items sit between its left and right origins (a
// conflict: inserts made concurrently at one place); then it scans all of them, so many concurrent
// inserts at one position cost quadratic time on the shared event loop. This module decodes the
// update (linear in its size) and walks, for each item, the document items its integration would
// scan, plus the items of other clients in the same update that share its origin, stopping as soon
// as the total passes the caller's budget. It also counts the structs and deletions the update holds
// and those that would wait for missing dependencies (which integrate, uncounted, when those arrive).
import * as Y from 'yjs';

export interface UpdateCost {
  /** Structs (items, GC and skipped ranges) plus delete ranges. */
  structs: number;
  /** Items of the document the integration may scan (an upper bound), capped at the budget + 1. */
  steps: number;
  /** Structs that would wait for dependencies the document lacks. */
  pending: number;
}

type Struct = Y.Item | Y.GC | Y.Skip;
type ItemParent = Y.AbstractType<unknown> | Y.ID | string | null;

const idKey = (id: Y.ID | null) => (id === null ? '' : `${id.client}:${id.clock}`);

export function updateCost(doc: Y.Doc, update: Uint8Array, stepBudget: number): UpdateCost {
  const decoded = Y.decodeUpdate(update);
  const structs = decoded.structs as Struct[];
  const ds = decoded.ds;
  let deleteRanges = 0;
  for (const ranges of ds.clients.values()) deleteRanges += ranges.length;
  const store = doc.store;
  const inDoc = (id: Y.ID) => id.clock < Y.getState(store, id.client);
  const placement = new Placement(doc, structs, inDoc);

  let steps = 0;
  const over = () => steps > stepBudget;
  /** Same-origin items seen so far in this update, per origin: how many in all and per client. */
  const sameOrigin = new Map<string, { all: number; byClient: Map<number, number> }>();

  for (const struct of structs) {
    if (over()) break;
    if (!(struct instanceof Y.Item)) continue;
    const where = placement.of(struct);
    const originKey = `${idKey(struct.origin)}|${where ? where.key : '?'}`;
    let seen = sameOrigin.get(originKey);
    if (!seen) sameOrigin.set(originKey, (seen = { all: 0, byClient: new Map() }));
    steps += seen.all - (seen.byClient.get(struct.id.client) ?? 0);
    seen.all++;
    seen.byClient.set(struct.id.client, (seen.byClient.get(struct.id.client) ?? 0) + 1);
    if (over() || !where) break;
    steps += scanLength(doc, struct, where, inDoc, stepBudget - steps);
  }

  return { structs: structs.length + deleteRanges, steps, pending: pendingStructs(structs, (client) => Y.getState(store, client)) };
}

interface Where {
  /** The document's type the item goes into; null when the type is new (created by this update). */
  type: Y.AbstractType<unknown> | null;
  parentSub: string | null;
  /** Identifies the list (type and map key) the item goes into. */
  key: string;
}

/**
 * Which list of which type each item of the update goes into. An item with an origin names no
 * parent: it inherits its origin's (or right origin's), which may be another item of this update,
 * so answers are memoised and chains of typing resolve in linear time.
 */
class Placement {
  readonly #doc: Y.Doc;
  readonly #inDoc: (id: Y.ID) => boolean;
  readonly #byClient = new Map<number, Y.Item[]>();
  readonly #known = new Map<Y.Item, Where | null>();

  constructor(doc: Y.Doc, structs: Struct[], inDoc: (id: Y.ID) => boolean) {
    this.#doc = doc;
    this.#inDoc = inDoc;
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue;
      const list = this.#byClient.get(s.id.client);
      if (list) list.push(s);
      else this.#byClient.set(s.id.client, [s]);
    }
  }

  /** The update's item holding `id`, if any (binary search over the client's structs, in clock order). */
  inUpdate(id: Y.ID): Y.Item | null {
    const list = this.#byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  }

  of(item: Y.Item, depth = 0): Where | null {
    if (this.#known.has(item)) return this.#known.get(item)!;
    const where = depth > 256 ? null : this.#resolve(item, depth);
    this.#known.set(item, where);
    return where;
  }

  #resolve(item: Y.Item, depth: number): Where | null {
    const parent = item.parent as ItemParent;
    if (parent !== null) {
      if (typeof parent === 'string')
        return {
          type: (this.#doc.share.get(parent) as Y.AbstractType<unknown> | undefined) ?? null,
          parentSub: item.parentSub,
          key: `${parent}|${item.parentSub ?? ''}`,
        };
      const parentId = parent instanceof Y.AbstractType ? parent._item?.id : parent;
      if (!parentId) return null;
      const key = `${idKey(parentId)}|${item.parentSub ?? ''}`;
      if (!this.#inDoc(parentId)) return { type: null, parentSub: item.parentSub, key };
      const holder = Y.getItem(this.#doc.store, parentId);
      const type = holder instanceof Y.Item && holder.content instanceof Y.ContentType ? (holder.content.type as Y.AbstractType<unknown>) : null;
      return { type, parentSub: item.parentSub, key };
    }
    for (const neighbour of [item.origin, item.rightOrigin]) {
      if (neighbour === null) continue;
      if (this.#inDoc(neighbour)) {
        const found = Y.getItem(this.#doc.store, neighbour);
        if (!(found instanceof Y.Item)) return null;
        const type = found.parent instanceof Y.AbstractType ? (found.parent as Y.AbstractType<unknown>) : null;
        return { type, parentSub: found.parentSub, key: `${type?._item ? idKey(type._item.id) : rootName(this.#doc, type)}|${found.parentSub ?? ''}` };
      }
      const other = this.inUpdate(neighbour);
      if (other) return this.of(other, depth + 1);
    }
    return null;
  }
}

function rootName(doc: Y.Doc, type: Y.AbstractType<unknown> | null): string {
  if (!type) return '';
  for (const [name, shared] of doc.share) if (shared === type) return name;
  return '';
}

function contains(struct: Y.Item, id: Y.ID): boolean {
  return struct.id.client === id.client && struct.id.clock <= id.clock && id.clock < struct.id.clock + struct.length;
}

/**
 * The document items between an item's origins that Yjs would walk to place it (at most `limit` + 1).
 * When the right origin is an item of this update its place in the list is unknown, so the walk goes
 * to the end of the list: an upper bound, and exact for the inserts-at-one-place attack.
 */
function scanLength(doc: Y.Doc, item: Y.Item, where: Where, inDoc: (id: Y.ID) => boolean, limit: number): number {
  let start: Y.Item | null;
  let walked = 0;
  if (item.origin !== null) {
    // An origin inside this update belongs to an item this update places: what follows it in the
    // document is only other new items, which the same-origin count covers.
    if (!inDoc(item.origin)) return 0;
    const left = Y.getItem(doc.store, item.origin);
    if (!(left instanceof Y.Item)) return 0;
    start = left.right;
  } else {
    const type = where.type;
    if (!type) return 0;
    if (where.parentSub !== null) {
      start = type._map.get(where.parentSub) ?? null;
      while (start !== null && start.left !== null && walked <= limit) {
        start = start.left;
        walked++;
      }
    } else start = type._start;
  }
  const right = item.rightOrigin !== null && inDoc(item.rightOrigin) ? item.rightOrigin : null;
  for (let o = start; o !== null && walked <= limit; o = o.right) {
    if (right !== null && contains(o, right)) break;
    walked++;
  }
  return walked;
}

/**
 * Structs that would wait for missing dependencies. Yjs integrates each client's structs in clock
 * order and stashes a client's rest from its first struct whose origin, right origin or parent is
 * neither in the document nor integrated by this update (or that follows a gap).
 */
function pendingStructs(structs: Struct[], stateOf: (client: number) => number): number {
  const inDoc = (id: Y.ID) => id.clock < stateOf(id.client);
  const byClient = new Map<number, Struct[]>();
  for (const s of structs) {
    const list = byClient.get(s.id.client);
    if (list) list.push(s);
    else byClient.set(s.id.client, [s]);
  }
  /** Per client, the clock from which its structs in this update wait; absent: all integrate. */
  const waitsFrom = new Map<number, number>();
  const available = (id: Y.ID | null) => {
    if (id === null || inDoc(id)) return true;
    const list = byClient.get(id.client);
    if (!list) return false;
    const from = waitsFrom.get(id.client);
    return id.clock >= list[0]!.id.clock && (from === undefined || id.clock < from);
  };
  for (let pass = 0, changed = true; changed && pass < 8; pass++) {
    changed = false;
    for (const [client, list] of byClient) {
      let expected = -1;
      for (const s of list) {
        const from = waitsFrom.get(client);
        if (from !== undefined && s.id.clock >= from) break;
        const gap = expected === -1 ? s.id.clock > stateOf(client) : s.id.clock !== expected;
        const blocked =
          gap ||
          s instanceof Y.Skip ||
          (s instanceof Y.Item &&
            (!available(s.origin) ||
              !available(s.rightOrigin) ||
              (s.parent !== null && typeof s.parent !== 'string' && !(s.parent instanceof Y.AbstractType) && !available(s.parent as Y.ID))));
        if (blocked) {
          waitsFrom.set(client, s.id.clock);
          changed = true;
          break;
        }
        expected = s.id.clock + s.length;
      }
    }
  }
  let pending = 0;
  for (const [client, list] of byClient) {
    const from = waitsFrom.get(client);
    if (from !== undefined) pending += list.filter((s) => s.id.clock >= from).length;
  }
  return pending;
}
