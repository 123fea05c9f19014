// The /sync protocol constants: message types (y-websocket's), close codes and limits. The server
// closes with these; the web app picks its message by code. See docs/SPEC.md. Codes follow the
// stock y-websocket provider's convention: 4400–4499 are final (it stops), 4500–4599 transient.

/** y-websocket's message types (first varUint of every frame). */
export const SYNC_MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/** Inside a sync message (y-protocols/sync). */
export const SYNC_STEP = { step1: 0, step2: 1, update: 2 } as const;

export const MAX_SYNC_FRAME_BYTES = 1024 * 1024;

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
  authorizationChanged: { code: 4509, reason: 'authorization changed; reconnect', reconnect: true },
  rateLimited: { code: 4529, reason: 'too many messages; slow down', reconnect: true },
} as const satisfies Record<string, CloseEvent>;

/** Presence a client sees for every peer: set by the server from the authenticated account. */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}
