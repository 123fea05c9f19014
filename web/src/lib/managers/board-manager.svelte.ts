// One open board in the browser: its Y.Doc, kept offline in IndexedDB and synced live through the
// stock y-websocket provider (the session cookie authenticates), who else is here, the connection
// state, and per-user undo (Ctrl+Z undoes only this person's edits: remote changes arrive with the
// provider as origin, which the undo manager does not track). When the connection fails it asks
// whether the account's session still holds: a session ended elsewhere (password changed, logged
// out) stops the provider and leaves the board read-only instead of retrying for ever.
import { CLOSE, plainTextOf, textField, type Item } from '@soplan/shared';
import { api, ApiError } from '#lib/api.ts';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** The origin of this person's own edits; the undo manager tracks only these (and plain local ones). */
export const LOCAL_EDIT = 'local-edit';

const LOCAL_FALLBACK_MS = 2500;
/** How long the live connection waits for the offline copy before it connects anyway. */
const LOCAL_FIRST_MS = 1000;

/**
 * `refused` and `quarantined`: the server closed for good because an edit was over its limits (SPEC L5–L7).
 * `signed-out`: the browser's session ended (the server refuses the upgrade with 401 and /api/me says so).
 */
export type ConnectionState = 'connecting' | 'online' | 'offline' | 'denied' | 'refused' | 'quarantined' | 'signed-out';

/** The final states: the provider stops reconnecting and the state stays until the page reloads. */
const FINAL_STATES: ReadonlySet<ConnectionState> = new Set(['denied', 'refused', 'quarantined', 'signed-out']);

export interface Peer {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
}

/** A typed field as a view gets it: its Y.Text when it is one, else the plain value (an older board's) and a way to create it. */
export interface TextBinding {
  text: Y.Text | null;
  fallback: string;
  ensure: () => Y.Text;
}

interface AwarenessUser {
  name?: unknown;
  color?: unknown;
}

export class BoardManager {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly undoManager: Y.UndoManager;
  #readOnly = $state(true);
  #connection = $state<ConnectionState>('connecting');
  #ready = $state(false);
  #version = $state(0);
  #peers = $state.raw<Peer[]>([]);
  #canUndo = $state(false);
  #canRedo = $state(false);
  readonly #local: IndexeddbPersistence;
  #localReady = false;
  #fallback: ReturnType<typeof setTimeout> | undefined;
  #localFirst: ReturnType<typeof setTimeout> | undefined;
  /** A look at /api/me is on its way: failures in a row ask once, not once per reconnect. */
  #checkingSession = false;
  /** The browser's own word on the network, heard at once rather than after the provider's 30 s ping. */
  readonly #offline: () => void;
  readonly #online: () => void;

  constructor(boardId: string, roots: readonly string[]) {
    this.#local = new IndexeddbPersistence(`soplan-board-${boardId}`, this.doc);
    // The live connection opens once the offline copy is loaded, so the server sends only what the
    // copy lacks instead of the whole board a second time.
    let connected = false;
    const connect = () => {
      clearTimeout(this.#localFirst);
      if (connected) return;
      connected = true;
      this.provider.connect();
    };
    this.#localFirst = setTimeout(connect, LOCAL_FIRST_MS);
    // A board this browser never opened has no copy to wait for: its first visit connects at once.
    const copyMark = `soplan-board-copy:${boardId}`;
    if (!localStorage.getItem(copyMark)) queueMicrotask(connect);
    // A board this browser has a copy of shows that copy at once and takes the server's changes as
    // they arrive; a board seen for the first time waits for the server, and falls back to the
    // (empty) offline copy when the server does not answer.
    this.#local.once('synced', () => {
      connect();
      this.#localReady = true;
      if (this.doc.store.clients.size > 0) this.#ready = true;
      this.#fallback = setTimeout(() => (this.#ready = true), LOCAL_FALLBACK_MS);
      if (this.#connection === 'offline' || FINAL_STATES.has(this.#connection)) this.#ready = true;
    });
    const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
    this.provider = new WebsocketProvider(base, boardId, this.doc, { maxBackoffTime: 5000, connect: false });
    this.provider.on('status', ({ status }) => {
      if (FINAL_STATES.has(this.#connection)) return;
      this.#connection = status === 'connected' ? 'online' : status === 'connecting' && this.#connection !== 'offline' ? 'connecting' : 'offline';
      if (this.#connection === 'offline' && this.#localReady) this.#ready = true;
      // When a socket closes the server marks this person's presence gone one clock past theirs, and
      // a state at that clock or below reads as stale to everyone: renewed twice, it is newer, and the
      // others see them back at once rather than at the next 15 s renewal.
      const here = this.provider.awareness.getLocalState();
      if (status === 'connected' && here !== null) for (let i = 0; i < 2; i++) this.provider.awareness.setLocalState(here);
    });
    this.provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      this.#ready = true;
      // From now on this browser keeps a copy (y-indexeddb stores what the server sent).
      localStorage.setItem(copyMark, '1');
    });
    this.provider.on('connection-close', (event: { code: number } | null) => {
      // The server closes a session's sockets when its authorization changes; the session may be the change.
      if (event?.code === CLOSE.authorizationChanged.code) void this.#checkSession();
    });
    this.provider.on('closed', (event: { code: number }) => {
      if (event.code === CLOSE.overLimits.code) this.#connection = 'refused';
      else if (event.code === CLOSE.quarantined.code) this.#connection = 'quarantined';
      else if (event.code >= 4400 && event.code < 4500) {
        this.#connection = 'denied';
        // Access is revoked when the person leaves the workspace, and when their session ends (a logout
        // in another tab): only the API tells which.
        void this.#checkSession();
      }
    });
    this.provider.on('connection-error', () => {
      if (FINAL_STATES.has(this.#connection)) return;
      this.#connection = 'offline';
      // A refused upgrade looks like a network failure from here; only the API can tell the two apart.
      void this.#checkSession();
    });
    // The network gone: said now, and the socket closed, so the server lets the others know this
    // person left instead of waiting for a ping to time out. Back: a new connection at once, not
    // after the provider's backoff.
    this.#offline = () => {
      if (FINAL_STATES.has(this.#connection)) return;
      this.#connection = 'offline';
      if (this.#localReady) this.#ready = true;
      this.provider.ws?.close();
    };
    this.#online = () => {
      if (FINAL_STATES.has(this.#connection) || !connected) return;
      this.provider.disconnect();
      this.provider.connect();
    };
    window.addEventListener('offline', this.#offline);
    window.addEventListener('online', this.#online);
    this.undoManager = new Y.UndoManager(
      roots.map((name) => this.doc.getMap(name)),
      { captureTimeout: 600, trackedOrigins: new Set([null, LOCAL_EDIT]) },
    );
    const refreshUndo = () => {
      this.#canUndo = this.undoManager.canUndo();
      this.#canRedo = this.undoManager.canRedo();
    };
    this.undoManager.on('stack-item-added', refreshUndo);
    this.undoManager.on('stack-item-popped', refreshUndo);
    this.undoManager.on('stack-cleared', refreshUndo);
    this.doc.on('update', () => this.#version++);
    const awareness = this.provider.awareness;
    const refreshPeers = () => {
      const peers: Peer[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: AwarenessUser }).user;
        if (!user || typeof user.name !== 'string') return;
        peers.push({ clientId, name: user.name, color: typeof user.color === 'string' ? user.color : '#888', self: clientId === awareness.clientID });
      });
      this.#peers = peers;
    };
    awareness.on('change', refreshPeers);
    // The server stamps the authenticated name and colour; announcing presence makes it send them back.
    awareness.setLocalStateField('here', true);
  }

  get connection(): ConnectionState {
    return this.#connection;
  }

  /** There is something to show: the server's copy, or this browser's offline copy of the board. */
  get ready(): boolean {
    return this.#ready;
  }

  /** Increases on every change of the document; views derive from it. */
  get version(): number {
    return this.#version;
  }

  get peers(): Peer[] {
    return this.#peers;
  }

  get canUndo(): boolean {
    return this.#canUndo;
  }

  get canRedo(): boolean {
    return this.#canRedo;
  }

  /** Whether this person may only look: read-only until the page knows their role; an ended session is read-only whatever the role. */
  get readOnly(): boolean {
    return this.#readOnly || this.#connection === 'signed-out';
  }

  /** The page says so once it knows the person's role and whether the board is archived. */
  setReadOnly(value: boolean): void {
    this.#readOnly = value;
  }

  /**
   * On a 401 from /api/me the session is over: stop reconnecting (edits stay in the offline copy),
   * whether the connection was failing or the server had closed it for good. Any other answer, or
   * none, changes nothing.
   */
  async #checkSession(): Promise<void> {
    if (this.#checkingSession) return;
    this.#checkingSession = true;
    try {
      await api.me();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401 && (this.#connection === 'denied' || !FINAL_STATES.has(this.#connection))) {
        this.#connection = 'signed-out';
        this.provider.disconnect();
        if (this.#localReady) this.#ready = true;
      }
    } finally {
      this.#checkingSession = false;
    }
  }

  /** Runs a change as one undoable step; does nothing on a read-only board. */
  change(fn: () => void): void {
    if (this.readOnly) return;
    this.doc.transact(fn, LOCAL_EDIT);
  }

  /**
   * Binds a view to an item's typed field without writing during render: the Y.Text is created
   * only when someone types (holding what the field showed, rule B3). Reading `version` makes the
   * view rebind when the field's Y.Text arrives from the server after the first render.
   */
  text(item: Item | undefined, key: string): TextBinding {
    void this.#version;
    const value = item?.get(key);
    return {
      text: value instanceof Y.Text ? value : null,
      fallback: plainTextOf(value),
      ensure: () => {
        let created = new Y.Text();
        if (item) this.doc.transact(() => (created = textField(item, key)), LOCAL_EDIT);
        return created;
      },
    };
  }

  undo(): void {
    if (!this.readOnly) this.undoManager.undo();
  }

  redo(): void {
    if (!this.readOnly) this.undoManager.redo();
  }

  destroy(): void {
    window.removeEventListener('offline', this.#offline);
    window.removeEventListener('online', this.#online);
    clearTimeout(this.#fallback);
    clearTimeout(this.#localFirst);
    this.undoManager.destroy();
    this.provider.destroy();
    void this.#local.destroy();
    this.doc.destroy();
  }
}
