// Limits (SPEC rules L1–L9): what one connection may cost the others. Frames over
// MAX_SYNC_FRAME_BYTES are refused by the WebSocket layer (1009, L1). This hook caps /sync
// connections per user and per IP (L8), meters messages and bytes per connection (L2, 4529), refuses
// an update whose size or estimated integration work is over its bound before it is applied (L5,
// 4413), and refuses updates that would grow a document past its bound (L6). It charges the measured
// time of every apply to the user and to the room (L7): a user who overspends has the connection closed
// with 4429 and its user may not open that board for a while (quarantine); a room that overspends
// refuses updates (4503, clients retry) until its budget refills.
import { CLOSE, SYNC_LIMITS, type CloseEvent } from '@soplan/shared';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { Room } from './room.ts';
import type { CommittedChange, ConnectAttempt, Connection, Refusal, SyncHook, SyncMessage } from './types.ts';
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
}

export class Limits implements SyncHook {
  readonly name = 'limits';
  readonly #options: LimitsOptions;
  readonly #limits: Record<keyof typeof SYNC_LIMITS, number>;
  readonly #meters = new WeakMap<Connection, Meters>();
  readonly #roomBudgets = new WeakMap<Room, Budget>();
  /** Apply time per user over all their connections, so reconnecting does not refill it. */
  readonly #userBudgets = new Map<string, Budget>();
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

  onJoin(conn: Connection, room: Room): void {
    bump(this.#perUser, conn.userId, 1);
    bump(this.#perIp, conn.ip, 1);
    const l = this.#limits;
    this.#meters.set(conn, {
      messages: new Budget(l.messageBurst, l.messagesPerSecond),
      bytes: new Budget(l.byteBurst, l.bytesPerSecond),
    });
    if (!this.#userBudgets.has(conn.userId)) this.#userBudgets.set(conn.userId, new Budget(l.userApplyMsBurst, l.userApplyMsPerSecond));
    if (!this.#roomBudgets.has(room)) this.#roomBudgets.set(room, new Budget(l.roomApplyMsBurst, l.roomApplyMsPerSecond));
  }

  onDisconnect(conn: Connection): void {
    bump(this.#perUser, conn.userId, -1);
    bump(this.#perIp, conn.ip, -1);
    // A user's budget outlives their connections only while it is still refilling.
    if (!this.#perUser.has(conn.userId) && this.#userBudgets.get(conn.userId)?.full()) this.#userBudgets.delete(conn.userId);
  }

  onMessage(conn: Connection, message: SyncMessage, room: Room): CloseEvent | null {
    const meters = this.#meters.get(conn);
    if (!meters) return null;
    if (!meters.messages.take() || !meters.bytes.take(message.bytes)) return CLOSE.rateLimited;
    if (message.type !== 'update' || conn.readOnly) return null;
    if (this.#userBudgets.get(conn.userId)?.overdrawn()) return this.#quarantined(conn, 0);
    if (this.#roomBudgets.get(room)?.overdrawn()) return CLOSE.roomBusy;
    const l = this.#limits;
    const doc = room.doc;
    let cost;
    try {
      cost = updateCost(doc, message.update, l.updateScanSteps);
    } catch {
      // Undecodable: what Yjs itself would refuse (P5).
      return CLOSE.malformedMessage;
    }
    const pendingNow = doc.store.pendingStructs ? updateCost(doc, doc.store.pendingStructs.update, 0).structs : 0;
    const refuse = (why: string, detail: Record<string, number>) => {
      this.#options.log.warn({ boardId: conn.boardId, userId: conn.userId, ...detail }, why);
      return CLOSE.overLimits;
    };
    if (cost.structs > l.updateStructs) return refuse('refused an update with too many structs', { structs: cost.structs });
    if (cost.steps > l.updateScanSteps) return refuse('refused an update too costly to integrate', { steps: cost.steps });
    if (cost.pending + pendingNow > l.pendingStructs)
      return refuse('refused an update that leaves too much waiting for missing dependencies', { pending: cost.pending + pendingNow });
    if (cost.structs > 0 && structsIn(doc) + cost.structs > l.documentStructs)
      return refuse('refused an update that grows the board past its size limit', { structs: structsIn(doc) });
    return null;
  }

  afterCommit(conn: Connection, change: CommittedChange): CloseEvent | null {
    // An overdrawn room refuses the next updates (onMessage) whoever sends them; only the user who
    // overdrew their own budget is held responsible.
    this.#roomBudgets.get(change.room)?.charge(change.applyMs);
    if (this.#userBudgets.get(conn.userId)?.charge(change.applyMs) ?? true) return null;
    return this.#quarantined(conn, change.applyMs);
  }

  #quarantined(conn: Connection, applyMs: number): CloseEvent {
    this.#options.log.warn({ boardId: conn.boardId, userId: conn.userId, applyMs }, 'a user overspent their apply-time budget; quarantined');
    this.#quarantine.set(`${conn.userId} ${conn.boardId}`, Date.now() + this.#limits.quarantineMs);
    if (this.#quarantine.size > 10_000) this.#sweepQuarantine();
    return CLOSE.quarantined;
  }

  #sweepQuarantine(): void {
    const now = Date.now();
    for (const [key, until] of this.#quarantine) if (until <= now) this.#quarantine.delete(key);
  }
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

/** Structs a document holds (items and GC ranges), summed per client: cheap, a few hundred clients at most. */
function structsIn(doc: Y.Doc): number {
  let total = 0;
  for (const structs of doc.store.clients.values()) total += structs.length;
  return total;
}
