// Limits (SPEC rules L1–L10): what one connection may cost the others. Frames over
// MAX_SYNC_FRAME_BYTES are refused by the WebSocket layer (1009, L1), and a peer that leaves too much
// output unread is closed by sync/index.ts (4508, L10). This hook caps /sync connections per user and
// per IP (L8), meters messages, bytes, sync step 1 and awareness queries per connection (L2, 4529;
// awareness frames are metered by presence.ts instead, A5), refuses an update whose size or estimated
// integration work is over its bound before it is applied (L5, 4413), and refuses updates that would
// grow a document past its bound (L6). It charges the measured time of every frame to the user and to
// the room as soon as the frame is handled (L7): a user who overspends has the connection closed with
// 4429 and may not open that board for a while (quarantine); a room that overspends refuses updates
// (4503, clients retry) until its budget refills.
import { CLOSE, SYNC_LIMITS, type CloseEvent } from '@soplan/shared';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { Room } from './room.ts';
import type { ConnectAttempt, Connection, Refusal, SyncHook, SyncMessage } from './types.ts';
import { updateCost } from './update-cost.ts';

/** A token bucket: `burst` tokens, refilled at `perSecond`; it may go negative when charged after the fact. */
export class Budget {
  #tokens: number;
  #last: number;
  readonly #burst: number;
  readonly #perSecond: number;

  constructor(burst: number, perSecond: number, now = performance.now()) {
    this.#burst = burst;
    this.#perSecond = perSecond;
    this.#tokens = burst;
    this.#last = now;
  }

  #refill(now: number): void {
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#last) / 1000) * this.#perSecond);
    this.#last = now;
  }

  /** Takes `amount` if the bucket holds it; false (and nothing taken) otherwise. */
  take(amount = 1, now = performance.now()): boolean {
    this.#refill(now);
    if (this.#tokens < amount) return false;
    this.#tokens -= amount;
    return true;
  }

  /** Charges `amount` whatever the bucket holds; false when that overdrew it. */
  charge(amount: number, now = performance.now()): boolean {
    this.#refill(now);
    this.#tokens -= amount;
    return this.#tokens >= 0;
  }

  full(now = performance.now()): boolean {
    this.#refill(now);
    return this.#tokens >= this.#burst;
  }

  overdrawn(now = performance.now()): boolean {
    this.#refill(now);
    return this.#tokens < 0;
  }
}

export interface LimitsOptions {
  log: Logger;
  maxConnectionsPerUser: number;
  maxConnectionsPerIp: number;
  /** Tests lower the bounds; production uses SYNC_LIMITS. */
  limits?: Partial<Record<keyof typeof SYNC_LIMITS, number>>;
}

interface Meters {
  messages: Budget;
  bytes: Budget;
  /** Each sync step 1 and awareness query is answered with an encoding of the whole room (L2). */
  step1: Budget;
  queries: Budget;
}

/** How often full user budgets and ended quarantines are forgotten. */
const SWEEP_MS = 60_000;

export class Limits implements SyncHook {
  readonly name = 'limits';
  readonly #options: LimitsOptions;
  readonly #limits: Record<keyof typeof SYNC_LIMITS, number>;
  readonly #meters = new WeakMap<Connection, Meters>();
  readonly #roomBudgets = new WeakMap<Room, Budget>();
  /** Time per user over all their connections, kept until it has refilled, so reconnecting does not refill it. */
  readonly #userBudgets = new Map<string, Budget>();
  #lastSweep = performance.now();
  readonly #perUser = new Map<string, number>();
  readonly #perIp = new Map<string, number>();
  /** `userId board` → until when that user may not open that board. */
  readonly #quarantine = new Map<string, number>();

  constructor(options: LimitsOptions) {
    this.#options = options;
    this.#limits = { ...SYNC_LIMITS, ...options.limits };
  }

  onConnect({ identity, ip }: ConnectAttempt): Refusal | null {
    if (!identity) return null;
    // Every entry of either map is made after an upgrade, so sweeping here bounds both.
    this.#sweep();
    const until = this.#quarantine.get(`${identity.userId} ${identity.boardId}`);
    if (until !== undefined) {
      if (until > Date.now()) return { status: 429, code: 'rate_limited', message: 'Your edits to this board cost too much to apply; try again later' };
      this.#quarantine.delete(`${identity.userId} ${identity.boardId}`);
    }
    if ((this.#perUser.get(identity.userId) ?? 0) >= this.#options.maxConnectionsPerUser) {
      return { status: 429, code: 'rate_limited', message: 'Too many open board connections for this account' };
    }
    if ((this.#perIp.get(ip) ?? 0) >= this.#options.maxConnectionsPerIp)
      return { status: 429, code: 'rate_limited', message: 'Too many open board connections from this address' };
    return null;
  }

  onJoin(conn: Connection): void {
    bump(this.#perUser, conn.userId, 1);
    bump(this.#perIp, conn.ip, 1);
    const l = this.#limits;
    this.#meters.set(conn, {
      messages: new Budget(l.messageBurst, l.messagesPerSecond),
      bytes: new Budget(l.byteBurst, l.bytesPerSecond),
      step1: new Budget(l.step1Burst, l.step1PerSecond),
      queries: new Budget(l.queryAwarenessBurst, l.queryAwarenessPerSecond),
    });
  }

  onDisconnect(conn: Connection): void {
    bump(this.#perUser, conn.userId, -1);
    bump(this.#perIp, conn.ip, -1);
  }

  onMessage(conn: Connection, message: SyncMessage, room: Room): CloseEvent | null {
    const meters = this.#meters.get(conn);
    if (!meters) return null;
    // The stock provider echoes every awareness state it hears, so awareness frames would make a
    // peer's flurry of states cost an honest client its message budget: presence meters the states
    // a connection speaks for instead (A5).
    if (message.type !== 'awareness' && !meters.messages.take()) return CLOSE.rateLimited;
    if (!meters.bytes.take(message.bytes)) return CLOSE.rateLimited;
    if (message.type === 'step1' && !meters.step1.take()) return CLOSE.rateLimited;
    if (message.type === 'query-awareness' && !meters.queries.take()) return CLOSE.rateLimited;
    if (message.type !== 'update' || conn.readOnly) return null;
    const l = this.#limits;
    const doc = room.doc;
    let cost;
    try {
      cost = updateCost(doc, message.update, l.updateScanSteps);
    } catch {
      // Undecodable or malformed: what Yjs itself would refuse, or fail on half-way (P5).
      return CLOSE.malformedMessage;
    }
    const refuse = (why: string, detail: Record<string, number>) => {
      this.#options.log.warn({ boardId: conn.boardId, userId: conn.userId, ...detail }, why);
      return CLOSE.overLimits;
    };
    const structs = cost.items + cost.deleteRanges;
    if (structs > l.updateStructs) return refuse('refused an update with too many structs', { structs });
    if (cost.steps > l.updateScanSteps) return refuse('refused an update too costly to integrate', { steps: cost.steps });
    if (cost.pending > l.pendingStructs) return refuse('refused an update that leaves too much waiting for missing dependencies', { pending: cost.pending });
    if (cost.pendingDeletes > l.pendingDeleteRanges)
      return refuse('refused an update that leaves too many deletions waiting for missing structs', { pendingDeletes: cost.pendingDeletes });
    // Only what adds items is held to the size bound: deletions always pass, so a full board can be
    // repaired, and so does an update the board already holds (a provider resends what it sent).
    if (cost.newItems > 0 && documentStructs(doc) + cost.newItems > l.documentStructs)
      return refuse('refused an update that grows the board past its size limit', { structs: documentStructs(doc) });
    // An update with nothing in it (the empty sync step 2 every client answers the server's step 1
    // with) costs nothing to apply: budgets never refuse it, so a busy board still lets people in.
    if (structs === 0) return null;
    if (this.#userBudget(conn.userId).overdrawn()) return this.#quarantined(conn, 0);
    if (this.#roomBudget(room).overdrawn()) return CLOSE.roomBusy;
    return null;
  }

  /**
   * Charges the time the room spent on a frame to its user and to the room at once, so the next
   * frame, even one of the same read, already sees the charge (L7). An overdrawn room refuses the
   * next updates (onMessage) whoever sends them; only the user who overdrew their own budget is held
   * responsible.
   */
  afterMessage(conn: Connection, room: Room, ms: number): CloseEvent | null {
    this.#roomBudget(room).charge(ms);
    if (this.#userBudget(conn.userId).charge(ms)) return null;
    return this.#quarantined(conn, ms);
  }

  #userBudget(userId: string): Budget {
    let budget = this.#userBudgets.get(userId);
    if (!budget) this.#userBudgets.set(userId, (budget = new Budget(this.#limits.userApplyMsBurst, this.#limits.userApplyMsPerSecond)));
    return budget;
  }

  #roomBudget(room: Room): Budget {
    let budget = this.#roomBudgets.get(room);
    if (!budget) this.#roomBudgets.set(room, (budget = new Budget(this.#limits.roomApplyMsBurst, this.#limits.roomApplyMsPerSecond)));
    return budget;
  }

  #quarantined(conn: Connection, ms: number): CloseEvent {
    this.#options.log.warn({ boardId: conn.boardId, userId: conn.userId, ms }, 'a user overspent their apply-time budget; quarantined');
    this.#quarantine.set(`${conn.userId} ${conn.boardId}`, Date.now() + this.#limits.quarantineMs);
    return CLOSE.quarantined;
  }

  /** Forgets full user budgets (a fresh one is the same) and ended quarantines, at most once a minute. */
  #sweep(now = performance.now()): void {
    if (now - this.#lastSweep < SWEEP_MS) return;
    this.#lastSweep = now;
    for (const [userId, budget] of this.#userBudgets) if (budget.full(now)) this.#userBudgets.delete(userId);
    const wall = Date.now();
    for (const [key, until] of this.#quarantine) if (until <= wall) this.#quarantine.delete(key);
  }
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

/** Structs a document holds (items and GC ranges), summed per client: cheap, a few hundred clients at most. */
export function documentStructs(doc: Y.Doc): number {
  let total = 0;
  for (const structs of doc.store.clients.values()) total += structs.length;
  return total;
}
