// The /sync protocol constants: message types (y-websocket's), close codes and limits. The server
// closes with these; the web app picks its message by code. See docs/SPEC.md. Codes follow the
// stock y-websocket provider's convention: 4400–4499 are final (it stops), 4500–4599 transient.

/** y-websocket's message types (first varUint of every frame). */
export const SYNC_MESSAGE = { sync: 0, awareness: 1, queryAwareness: 3 } as const;

/** Inside a sync message (y-protocols/sync). */
export const SYNC_STEP = { step1: 0, step2: 1, update: 2 } as const;

export const MAX_SYNC_FRAME_BYTES = 1024 * 1024;

/**
 * What one member may cost everyone else (SPEC rules L1–L9). Yjs applies an update synchronously on
 * the event loop every board shares, so an update's size and integration work are bounded before
 * it is applied, and the time applying takes is measured and charged to the connection and the room.
 */
export const SYNC_LIMITS = {
  /** Messages per connection: a bucket of this many, refilled per second (L2). */
  messageBurst: 600,
  messagesPerSecond: 300,
  /** Document and awareness bytes per connection: a bucket of this many, refilled per second (L2). */
  byteBurst: 4 * 1024 * 1024,
  bytesPerSecond: 512 * 1024,
  /** Structs plus delete ranges in one update (L5). A 2 000-event plan-graph sent whole is about 22 000. */
  updateStructs: 50_000,
  /** Document items an update's integration may scan, estimated before it is applied (L5). */
  updateScanSteps: 200_000,
  /** Structs waiting for missing dependencies in a room's document (L5). */
  pendingStructs: 200,
  /** Delete ranges waiting for structs the document lacks (L5). */
  pendingDeleteRanges: 1000,
  /** Structs a board's document may hold; updates that would add more are refused (L6). */
  documentStructs: 400_000,
  /** Time spent applying one user's updates, over all their connections: a bucket of ms, refilled per second (L7). */
  userApplyMsBurst: 1_000,
  userApplyMsPerSecond: 100,
  /** The same for all of a room's connections together (L7). */
  roomApplyMsBurst: 3_000,
  roomApplyMsPerSecond: 400,
  /** How long a user whose connection overspent may not open that board again (L7). */
  quarantineMs: 10 * 60_000,
  /** Sync step 1 per connection (each is answered with a document encoding): a bucket of this many, refilled per second (L2). */
  step1Burst: 3,
  step1PerSecond: 0.1,
  /** Awareness queries per connection (each is answered with every state): the same (L2). */
  queryAwarenessBurst: 5,
  queryAwarenessPerSecond: 1,
  /** Output a connection has not read yet; beyond, it is closed with 4508 (L10). */
  unsentBytes: 8 * 1024 * 1024,
  /** One awareness (presence) state as JSON, and awareness bytes per connection per second (A5). */
  awarenessStateBytes: 8 * 1024,
  awarenessByteBurst: 64 * 1024,
  awarenessBytesPerSecond: 16 * 1024,
  /** Awareness frames per connection that carry a state it speaks for (echoes are free): a bucket, refilled per second (A5). */
  awarenessMessageBurst: 60,
  awarenessMessagesPerSecond: 30,
  /** Awareness client ids one connection may introduce, and one user in one room over its life (A2). */
  clientIdsPerConnection: 8,
  clientIdsPerUser: 64,
} as const;

export interface CloseEvent {
  code: number;
  reason: string;
  /** Whether a client should try again by itself. */
  reconnect: boolean;
}

export const CLOSE = {
  goingAway: { code: 1001, reason: 'server shutting down', reconnect: true },
  frameTooLarge: { code: 1009, reason: 'frame over 1 MiB', reconnect: true },
  internalError: { code: 1011, reason: 'internal error; your edits are kept locally', reconnect: true },
  malformedMessage: { code: 4400, reason: 'malformed message', reconnect: false },
  unknownMessageType: { code: 4401, reason: 'unknown message type', reconnect: false },
  accessRevoked: { code: 4403, reason: 'access revoked', reconnect: false },
  overLimits: { code: 4413, reason: 'update or presence over the limits', reconnect: false },
  quarantined: { code: 4429, reason: 'too costly to apply; this board refuses your edits for a while', reconnect: false },
  tooSlow: { code: 4508, reason: 'too much unread output; reconnect', reconnect: true },
  authorizationChanged: { code: 4509, reason: 'authorization changed; reconnect', reconnect: true },
  rateLimited: { code: 4529, reason: 'too many messages or bytes; slow down', reconnect: true },
  roomBusy: { code: 4503, reason: 'the board is over its budget; reconnect shortly', reconnect: true },
} as const satisfies Record<string, CloseEvent>;

/** Presence a client sees for every peer: set by the server from the authenticated account. */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}
