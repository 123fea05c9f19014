// What the sync modules share: the tiny socket interface the room depends on (real WebSockets in
// production, fakes in unit tests) and one authenticated connection.
import type { PresenceUser } from '@soplan/shared';
import type { MessageRateLimit } from './limits.ts';

export interface SyncSocket {
  readonly isOpen: boolean;
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface Connection {
  readonly socket: SyncSocket;
  readonly boardId: string;
  readonly workspaceId: string;
  readonly userId: string;
  readonly sessionId: string | null;
  readonly tokenId: string | null;
  /** Viewers (and everyone on an archived board) receive everything and change nothing. */
  readonly readOnly: boolean;
  readonly user: PresenceUser;
  /** Awareness client ids this connection introduced; only it may update them. */
  readonly clientIds: Set<number>;
  readonly rate: MessageRateLimit;
}
