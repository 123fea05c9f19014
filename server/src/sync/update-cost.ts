// What an update will cost to apply, read before it touches the document (SPEC rule L5). Yjs places
// an item in constant time when nothing sits between its left and right origins; otherwise
// (concurrent inserts at one place) it scans items of the same list, so many such inserts cost
// quadratic time on the event loop every board shares. This module gives a sound upper bound:
//   - An item costs nothing when it provably lands between its origins with nothing in between:
//     its gap (the place right of its root origin, following origins inside the update) holds no
//     document item between its borders and receives items of one client only, and following the
//     gap's items in order shows its left neighbour's right to be its right origin (typing forward,
//     typing at one place, fixing a typo, overwriting a map key).
//   - Any other item may scan its whole list: it costs the list's length (document items plus the
//     update's items in it; a map key's list is the chain of its values).
//   - A delete range may split a struct, which costs a splice of that client's struct array.
// Structs already waiting in the document for missing dependencies are analysed with the update,
// since this update may release them. The walk stops once the total passes the caller's budget.
import * as Y from 'yjs';

export interface UpdateCost {
  /** Structs (items, GC and skipped ranges) the update holds. */
  items: number;
  /** Of those, the ones the document does not hold yet (a repeated update adds none). */
  newItems: number;
  deleteRanges: number;
  /** Items Yjs may scan to integrate it and the structs it releases, plus delete splicing; capped near the budget. */
  steps: number;
  /** Structs that would wait for missing dependencies afterwards, those waiting now included. */
  pending: number;
  /** Delete ranges that would wait for structs the document lacks afterwards, those waiting now included. */
  pendingDeletes: number;
}

export class MalformedUpdate extends Error {}

type Struct = Y.Item | Y.GC | Y.Skip;
type ItemParent = Y.AbstractType<unknown> | Y.ID | string | null;

const idKey = (id: Y.ID | null) => (id === null ? '^' : `${id.client}:${id.clock}`);
const sameId = (a: Y.ID | null, b: Y.ID | null) => (a === null ? b === null : b !== null && a.client === b.client && a.clock === b.clock);
const holds = (s: { id: Y.ID; length: number }, id: Y.ID) => s.id.client === id.client && s.id.clock <= id.clock && id.clock < s.id.clock + s.length;

/** A delete range that splits a struct shifts the client's struct array: one step per this many structs. */
const STRUCTS_PER_DELETE_STEP = 1024;

interface List {
  key: string;
  /** The document's type; null when this update creates it (empty so far). */
  type: Y.AbstractType<unknown> | null;
  parentSub: string | null;
  /** Items of this update that go into it. */
  updateItems: number;
  docLength: number | null;
}

export function updateCost(doc: Y.Doc, update: Uint8Array, stepBudget: number): UpdateCost {
  const own = Y.decodeUpdate(update);
  const store = doc.store;
  const parts: Uint8Array[] = [];
  if (store.pendingStructs) parts.push(Y.convertUpdateFormatV2ToV1(store.pendingStructs.update));
  if (store.pendingDs) parts.push(Y.convertUpdateFormatV2ToV1(store.pendingDs));
  const merged = parts.length > 0 ? Y.decodeUpdate(Y.mergeUpdates([...parts, update])) : own;
  // Structs the document already holds are skipped by Yjs at once (a provider resending what it
  // sent): they cost nothing, and only the rest is analysed.
  const structs = (merged.structs as Struct[]).filter((s) => s.id.clock + s.length > Y.getState(store, s.id.client));
  const { ds } = merged;
  const analysis = new Analysis(doc, structs, stepBudget);
  analysis.run();
  const deletes = countDeletes(doc, ds, structs, analysis.waitsFrom);
  return {
    items: own.structs.length,
    newItems: own.structs.filter((s) => s.id.clock + s.length > Y.getState(store, s.id.client)).length,
    deleteRanges: rangesIn(own.ds),
    steps: analysis.steps + deletes.steps,
    pending: analysis.pending,
    pendingDeletes: deletes.pending,
  };
}

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

function rangesIn(ds: DeleteSet): number {
  let n = 0;
  for (const ranges of ds.clients.values()) n += ranges.length;
  return n;
}

class Analysis {
  readonly #doc: Y.Doc;
  readonly #structs: Struct[];
  readonly #budget: number;
  readonly #byClient = new Map<number, Struct[]>();
  readonly #lists = new Map<string, List>();
  readonly #listOf = new Map<Y.Item, List | null>();
  /** Each item's root: the first item up its origin chain whose origin is not in this update. */
  readonly #rootOf = new Map<Y.Item, Y.Item>();
  readonly #gapClients = new Map<string, Set<number>>();
  readonly #free = new Map<Y.Item, boolean>();
  /** Per list and origin, the last free item placed right after that origin. */
  readonly #lastRightOf = new Map<string, Y.Item>();
  #rootNames: Map<Y.AbstractType<unknown>, string> | null = null;
  /** Per client, the clock from which its structs wait for missing dependencies. */
  readonly waitsFrom = new Map<number, number>();
  steps = 0;
  pending = 0;

  constructor(doc: Y.Doc, structs: Struct[], budget: number) {
    this.#doc = doc;
    this.#structs = structs;
    this.#budget = budget;
    for (const s of structs) {
      const list = this.#byClient.get(s.id.client);
      if (list) list.push(s);
      else this.#byClient.set(s.id.client, [s]);
    }
  }

  #inDoc(id: Y.ID): boolean {
    return id.clock < Y.getState(this.#doc.store, id.client);
  }

  /** The update's struct holding `id` (binary search over the client's structs, in clock order). */
  #inUpdate(id: Y.ID): Struct | null {
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

  run(): void {
    this.#validate();
    this.#findWaiting();
    const items = this.#structs.filter((s): s is Y.Item => s instanceof Y.Item && !this.#waits(s));
    for (const item of items) {
      const list = this.#list(item);
      if (!list) continue;
      list.updateItems++;
      const gap = this.#gapKey(item, list);
      let clients = this.#gapClients.get(gap);
      if (!clients) this.#gapClients.set(gap, (clients = new Set()));
      clients.add(item.id.client);
    }
    for (const item of items) {
      if (this.steps > this.#budget) return;
      const list = this.#listOf.get(item);
      if (!list || this.#isFree(item, list)) continue;
      this.steps += this.#length(list);
    }
  }

  /** A struct may only refer to its own client's earlier clocks (Yjs throws half-way otherwise). */
  #validate(): void {
    for (const s of this.#structs) {
      if (!(s instanceof Y.Item)) continue;
      const refs = [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null];
      for (const ref of refs)
        if (ref && ref.client === s.id.client && ref.clock >= s.id.clock) throw new MalformedUpdate('a struct refers to a later clock of its own client');
    }
  }

  #waits(s: Struct): boolean {
    const from = this.waitsFrom.get(s.id.client);
    return from !== undefined && s.id.clock >= from;
  }

  /**
   * Yjs integrates each client's structs in clock order and stashes a client's rest from its first
   * struct that follows a gap or whose origin, right origin or parent is neither in the document nor
   * in this update's integrated part. Repeated until nothing changes (a chain across clients).
   */
  #findWaiting(): void {
    const available = (id: Y.ID | null) => {
      if (id === null || this.#inDoc(id)) return true;
      const s = this.#inUpdate(id);
      return s !== null && !this.#waits(s) && !(s instanceof Y.Skip);
    };
    for (let changed = true, pass = 0; changed && pass <= this.#byClient.size; pass++) {
      changed = false;
      for (const [client, list] of this.#byClient) {
        let expected = Y.getState(this.#doc.store, client);
        for (const s of list) {
          if (this.#waits(s)) break;
          const end = s.id.clock + s.length;
          const blocked =
            s.id.clock > expected ||
            s instanceof Y.Skip ||
            (s instanceof Y.Item && (!available(s.origin) || !available(s.rightOrigin) || (s.parent instanceof Y.ID && !available(s.parent))));
          if (blocked) {
            this.waitsFrom.set(client, s.id.clock);
            changed = true;
            break;
          }
          expected = Math.max(expected, end);
        }
      }
    }
    for (const s of this.#structs) if (this.#waits(s)) this.pending++;
  }

  #rootName(type: Y.AbstractType<unknown>): string {
    if (!this.#rootNames) {
      this.#rootNames = new Map();
      for (const [name, shared] of this.#doc.share) this.#rootNames.set(shared as Y.AbstractType<unknown>, name);
    }
    return this.#rootNames.get(type) ?? '?';
  }

  #listFor(key: string, type: Y.AbstractType<unknown> | null, parentSub: string | null): List {
    const full = `${key}|${parentSub ?? ''}`;
    let list = this.#lists.get(full);
    if (!list) this.#lists.set(full, (list = { key: full, type, parentSub, updateItems: 0, docLength: null }));
    return list;
  }

  /**
   * The list an item goes into; null when it integrates as a GC (its origin or parent was collected)
   * or cannot be placed. An item with an origin names no parent and inherits its neighbour's list,
   * which may be another item of this update: the chain is followed without recursion.
   */
  #list(item: Y.Item): List | null {
    const chain = new Set<Y.Item>();
    let list: List | null = null;
    for (let at: Y.Item | null = item; at !== null;) {
      if (this.#listOf.has(at)) {
        list = this.#listOf.get(at)!;
        break;
      }
      chain.add(at);
      const parent = at.parent as ItemParent;
      if (typeof parent === 'string') {
        list = this.#listFor(`root:${parent}`, (this.#doc.share.get(parent) as Y.AbstractType<unknown> | undefined) ?? null, at.parentSub);
        break;
      }
      if (parent instanceof Y.ID) {
        if (!this.#inDoc(parent)) list = this.#listFor(idKey(parent), null, at.parentSub);
        else {
          const holder = Y.getItem(this.#doc.store, parent);
          if (holder instanceof Y.Item && holder.content instanceof Y.ContentType)
            list = this.#listFor(idKey(holder.id), holder.content.type as Y.AbstractType<unknown>, at.parentSub);
        }
        break;
      }
      const neighbour = at.origin ?? at.rightOrigin;
      if (!neighbour) break;
      if (this.#inDoc(neighbour)) {
        const found = Y.getItem(this.#doc.store, neighbour);
        if (found instanceof Y.Item && found.parent instanceof Y.AbstractType) {
          const type = found.parent as Y.AbstractType<unknown>;
          list = this.#listFor(type._item ? idKey(type._item.id) : `root:${this.#rootName(type)}`, type, found.parentSub);
        }
        break;
      }
      const other = this.#inUpdate(neighbour);
      at = other instanceof Y.Item && !chain.has(other) ? other : null;
    }
    for (const c of chain) this.#listOf.set(c, list);
    return list;
  }

  /** The item up the origin chain whose origin is outside this update (or none). */
  #root(item: Y.Item): Y.Item {
    const known = this.#rootOf.get(item);
    if (known) return known;
    const chain: Y.Item[] = [];
    let at = item;
    for (;;) {
      const cached = this.#rootOf.get(at);
      if (cached) {
        at = cached;
        break;
      }
      chain.push(at);
      const origin = at.origin && !this.#inDoc(at.origin) ? this.#inUpdate(at.origin) : null;
      if (!(origin instanceof Y.Item)) break;
      at = origin;
    }
    for (const c of chain) this.#rootOf.set(c, at);
    return at;
  }

  #gapKey(item: Y.Item, list: List): string {
    return `${list.key}#${idKey(this.#root(item).origin)}`;
  }

  /**
   * Whether the item provably integrates without a scan: Yjs scans unless, when the item comes, its
   * left neighbour's right is its right origin. In a gap one client fills, with nothing of the
   * document between its borders, that is followed exactly: right of an origin sits the last item
   * placed right after it, else what sat there first (the document's neighbour, or the right origin
   * of the update's item). Items are asked in the update's order, each client's by clock, as Yjs
   * integrates them; anything not proven free may scan its list.
   */
  #isFree(item: Y.Item, list: List): boolean {
    const known = this.#free.get(item);
    if (known !== undefined) return known;
    let free = false;
    if (this.#gapClients.get(this.#gapKey(item, list))!.size === 1) {
      const slot = `${list.key}@${idKey(item.origin)}`;
      const last = this.#lastRightOf.get(slot);
      const originItem = item.origin && !this.#inDoc(item.origin) ? this.#inUpdate(item.origin) : null;
      if (last) free = sameId(item.rightOrigin, last.id);
      else if (originItem instanceof Y.Item)
        free = this.#free.get(originItem) === true && sameId(item.rightOrigin, this.#firstRightOf(originItem, item.origin!));
      else free = this.#adjacent(item, list);
      if (free) this.#lastRightOf.set(slot, item);
    }
    this.#free.set(item, free);
    return free;
  }

  /** What sat right of `at` (an id of the update's item) when that item was placed without a scan. */
  #firstRightOf(holder: Y.Item, at: Y.ID): Y.ID | null {
    return at.clock < holder.id.clock + holder.length - 1 ? Y.createID(at.client, at.clock + 1) : holder.rightOrigin;
  }

  /** Nothing sits between the item's origins in the document's list. */
  #adjacent(item: Y.Item, list: List): boolean {
    const type = list.type;
    const right = item.rightOrigin;
    if (right && !this.#inDoc(right)) return false;
    if (list.parentSub !== null) {
      // A map key: a new value goes right of the key's last value, or starts an empty chain.
      const last = type ? (type._map.get(list.parentSub) ?? null) : null;
      if (item.origin === null) return last === null && right === null;
      return last !== null && holds(last, item.origin) && item.origin.clock === last.id.clock + last.length - 1 && right === null;
    }
    if (item.origin === null) {
      const first = type ? type._start : null;
      return right === null ? first === null : first !== null && sameId(first.id, right);
    }
    const left = Y.getItem(this.#doc.store, item.origin);
    if (!(left instanceof Y.Item)) return true; // integrates as a GC
    if (item.origin.clock < left.id.clock + left.length - 1) return right !== null && holds(left, right) && right.clock === item.origin.clock + 1;
    return right === null ? left.right === null : left.right !== null && sameId(left.right.id, right);
  }

  /** Document items in the list plus this update's (a map key's list: the chain of its values). */
  #length(list: List): number {
    if (list.docLength === null) {
      let n = 0;
      const limit = this.#budget - this.steps + 1;
      if (list.type) {
        if (list.parentSub !== null) {
          for (let o = list.type._map.get(list.parentSub) ?? null; o !== null && n <= limit; o = o.left) n++;
          n *= 2; // walked left to its start, then scanned right
        } else for (let o = list.type._start; o !== null && n <= limit; o = o.right) n++;
      }
      list.docLength = n;
    }
    return list.docLength + list.updateItems;
  }
}

/** Delete ranges: what splitting structs may cost, and those that would wait for structs the document lacks. */
function countDeletes(doc: Y.Doc, ds: DeleteSet, structs: Struct[], waitsFrom: Map<number, number>): { steps: number; pending: number } {
  const integratedEnd = new Map<number, number>();
  for (const s of structs) {
    const from = waitsFrom.get(s.id.client);
    if (from !== undefined && s.id.clock >= from) continue;
    integratedEnd.set(s.id.client, Math.max(integratedEnd.get(s.id.client) ?? 0, s.id.clock + s.length));
  }
  let steps = 0;
  let pending = 0;
  for (const [client, ranges] of ds.clients) {
    const known = Math.max(Y.getState(doc.store, client), integratedEnd.get(client) ?? 0);
    const spliced = doc.store.clients.get(client)?.length ?? 0;
    for (const range of ranges) {
      steps += Math.floor(spliced / STRUCTS_PER_DELETE_STEP);
      if (range.clock + range.len > known) pending++;
    }
  }
  return { steps, pending };
}
