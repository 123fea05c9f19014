// Presence (SPEC rules A1–A6): awareness states pass through this hook before the room applies them.
// The server writes `user` (id, name, colour) from the authenticated account; a connection may only
// speak for awareness client ids it introduced, and an id stays its first user's for the room's life,
// so after a disconnect nobody else can take it and hide that person (their reconnect takes it back);
// a user may introduce only so many ids in a room, and none is ever forgotten. A state over 8 KiB, or
// awareness frames or bytes beyond the connection's rate (counting only states it speaks for, never
// echoes), closes the connection. Who has which board open is reported to the workspace presence
// (live/presence.ts). Nothing is persisted.
import { CLOSE, SYNC_LIMITS, type CloseEvent } from '@soplan/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WorkspacePresence } from '../live/presence.ts';
import { Budget } from './limits.ts';
import type { Room } from './room.ts';
import type { Connection, SyncHook, SyncMessage } from './types.ts';

interface RoomIds {
  /** The connection speaking for each client id now. */
  owners: Map<number, Connection>;
  /** The user who first introduced each client id in this room: never forgotten, so never taken over. */
  firstUser: Map<number, string>;
  /** How many ids each user introduced in this room (at most `clientIdsPerUser`, which bounds `firstUser`). */
  introduced: Map<string, number>;
}

interface Rates {
  messages: Budget;
  bytes: Budget;
}

type Sanitized = { ok: true; update: Uint8Array | null } | { ok: false; close: CloseEvent };

export class Presence implements SyncHook {
  readonly name = 'presence';
  readonly #workspace: WorkspacePresence;
  readonly #rooms = new WeakMap<Room, RoomIds>();
  readonly #rates = new WeakMap<Connection, Rates>();

  constructor(workspace: WorkspacePresence) {
    this.#workspace = workspace;
  }

  #ids(room: Room): RoomIds {
    let ids = this.#rooms.get(room);
    if (!ids) this.#rooms.set(room, (ids = { owners: new Map(), firstUser: new Map(), introduced: new Map() }));
    return ids;
  }

  onJoin(conn: Connection, room: Room): void {
    this.#rates.set(conn, {
      messages: new Budget(SYNC_LIMITS.awarenessMessageBurst, SYNC_LIMITS.awarenessMessagesPerSecond),
      bytes: new Budget(SYNC_LIMITS.awarenessByteBurst, SYNC_LIMITS.awarenessBytesPerSecond),
    });
    this.#ids(room);
    this.#workspace.boardOpened(conn, {
      workspaceId: conn.workspaceId,
      userId: conn.userId,
      name: conn.user.name,
      color: conn.user.color,
      boardId: conn.boardId,
    });
  }

  onMessage(conn: Connection, message: SyncMessage, room: Room): CloseEvent | null {
    if (message.type !== 'awareness' || !message.update) return null;
    const result = this.#sanitize(message.update, conn, room);
    if (!result.ok) return result.close;
    // Only states the connection speaks for count: the stock provider echoes every peer's state back.
    const rates = this.#rates.get(conn);
    if (result.update && rates && (!rates.messages.take() || !rates.bytes.take(result.update.byteLength))) return CLOSE.rateLimited;
    message.update = result.update;
    return null;
  }

  /**
   * Rewrites an awareness update from `conn`: keeps only entries for ids it may speak for, stamps
   * `user` on every state. Undecodable input and states over the size limit close the connection.
   */
  #sanitize(update: Uint8Array, conn: Connection, room: Room): Sanitized {
    const ids = this.#ids(room);
    const entries: { clientId: number; clock: number; state: string }[] = [];
    try {
      const decoder = decoding.createDecoder(update);
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) {
        const clientId = decoding.readVarUint(decoder);
        const clock = decoding.readVarUint(decoder);
        const json = decoding.readVarString(decoder);
        if (!this.#claim(ids, clientId, clock, conn, room)) continue;
        if (Buffer.byteLength(json) > SYNC_LIMITS.awarenessStateBytes) return { ok: false, close: CLOSE.overLimits };
        const raw = JSON.parse(json) as unknown;
        const state = raw === null ? null : { ...(typeof raw === 'object' && !Array.isArray(raw) ? raw : {}), user: conn.user };
        entries.push({ clientId, clock, state: JSON.stringify(state) });
      }
      if (decoding.hasContent(decoder)) return { ok: false, close: CLOSE.malformedMessage };
    } catch {
      return { ok: false, close: CLOSE.malformedMessage };
    }
    if (entries.length === 0) return { ok: true, update: null };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, entries.length);
    for (const e of entries) {
      encoding.writeVarUint(encoder, e.clientId);
      encoding.writeVarUint(encoder, e.clock);
      encoding.writeVarString(encoder, e.state);
    }
    return { ok: true, update: encoding.toUint8Array(encoder) };
  }

  /**
   * Whether `conn` may speak for `clientId` (A2): an id it holds; a free id no other user introduced
   * before (at most 8 per connection and 64 per user in the room); or an id its own user introduced,
   * taken back from whoever holds it now (a reconnect after a dropped connection). Only a state newer than the room's counts
   * as a claim: the stock provider echoes every state it hears, and an echo claims nothing.
   */
  #claim(ids: RoomIds, clientId: number, clock: number, conn: Connection, room: Room): boolean {
    const owner = ids.owners.get(clientId);
    if (owner === conn) return true;
    const known = room.awareness.meta.get(clientId);
    if (known !== undefined && clock <= known.clock) return false;
    const first = ids.firstUser.get(clientId);
    if (first !== undefined && first !== conn.userId) return false;
    if (conn.clientIds.size >= SYNC_LIMITS.clientIdsPerConnection) return false;
    if (first === undefined) {
      const introduced = ids.introduced.get(conn.userId) ?? 0;
      if (introduced >= SYNC_LIMITS.clientIdsPerUser) return false;
      ids.introduced.set(conn.userId, introduced + 1);
      ids.firstUser.set(clientId, conn.userId);
    }
    if (owner) owner.clientIds.delete(clientId);
    conn.clientIds.add(clientId);
    ids.owners.set(clientId, conn);
    return true;
  }

  /** The connection's states leave with it and peers are told (A3). */
  onDisconnect(conn: Connection, room: Room | undefined): void {
    this.#workspace.boardClosed(conn);
    if (!room) return;
    const ids = this.#ids(room);
    const gone = [...conn.clientIds].filter((id) => ids.owners.get(id) === conn);
    for (const id of gone) ids.owners.delete(id);
    if (gone.length > 0) awarenessProtocol.removeAwarenessStates(room.awareness, gone, conn);
  }
}
