// What the sync modules share: the tiny socket interface the room depends on (real WebSockets in
// production, fakes in unit tests), one authenticated connection, the decoded messages, and the
// hook interface every concern around the room implements (auth, limits, presence, persistence,
// indexing), run in the order sync/index.ts lists them.
import type { IncomingMessage } from 'node:http';
import type { CloseEvent, PresenceUser } from '@soplan/shared';
import type { Room } from './room.ts';

export interface SyncSocket {
  readonly isOpen: boolean;
  /** Bytes sent but not yet written to the network: a peer that does not read lets them pile up (L10). */
  readonly bufferedAmount: number;
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Who connects to which board, decided before the upgrade (S1–S4). */
export interface SyncIdentity {
  boardId: string;
  workspaceId: string;
  userId: string;
  userName: string;
  sessionId: string | null;
  tokenId: string | null;
  /** Viewers (and everyone on an archived board) receive everything and change nothing. */
  readOnly: boolean;
}

export interface Connection extends SyncIdentity {
  readonly socket: SyncSocket;
  /** The peer's address, for per-IP limits. */
  readonly ip: string;
  readonly user: PresenceUser;
  /** Awareness client ids this connection introduced; only it may update them. */
  readonly clientIds: Set<number>;
}

/** A frame, decoded (P1). Hooks may read it; `awareness.update` may be rewritten or dropped (null). */
export type SyncMessage =
  | { type: 'step1'; bytes: number; stateVector: Uint8Array }
  | { type: 'update'; bytes: number; update: Uint8Array }
  | { type: 'awareness'; bytes: number; update: Uint8Array | null }
  | { type: 'query-awareness'; bytes: number };

/** An update the room applied that brought something new, once it is on disk. */
export interface CommittedChange {
  room: Room;
  update: Uint8Array;
  /** Keys of the Y.Map entries it created, changed or deleted, at any depth (item ids among them). */
  keys: ReadonlySet<string>;
}

/** An upgrade being decided: auth fills `identity`; any hook may refuse. */
export interface ConnectAttempt {
  req: IncomingMessage;
  ip: string;
  identity: SyncIdentity | null;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/**
 * A concern around the sync room. Every hook is optional. A refusal or close returned by `onConnect`
 * or `onMessage` stops the chain; `afterMessage` and `afterCommit` run every hook and the first close wins (H2).
 */
export interface SyncHook {
  readonly name: string;
  /** Before the WebSocket upgrade. */
  onConnect?(attempt: ConnectAttempt): Refusal | null | void;
  /** After the upgrade, once the connection is in its room. */
  onJoin?(conn: Connection, room: Room): void;
  /** Every frame, decoded, before the room handles it. The room is built (its `doc` is loaded) when an update arrives. */
  onMessage?(conn: Connection, message: SyncMessage, room: Room): CloseEvent | null | void;
  /** Right after the room handled a frame of `conn` (hooks included), with the milliseconds that took on the event loop. */
  afterMessage?(conn: Connection, room: Room, ms: number): CloseEvent | null | void;
  /** After an update from `conn` is committed and sent to the room's other connections. */
  afterCommit?(conn: Connection, change: CommittedChange): CloseEvent | null | void;
  onDisconnect?(conn: Connection, room: Room | undefined): void;
  /** A room leaves memory (idle after its grace period, or at shutdown). */
  onUnload?(room: Room): void;
  /** A room is dropped without storing what it holds: its document is ahead of the disk (D5). */
  onReset?(room: Room): void;
}

/** What hooks may ask of the server around them. */
export interface SyncControl {
  close(conn: Connection, event: CloseEvent): void;
  connections(): Iterable<Connection>;
}
