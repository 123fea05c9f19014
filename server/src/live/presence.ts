// Workspace presence (SPEC rule F4): the one owner of who is online where. Sync connections report
// the boards people open and close; live-feed sockets report who watches a workspace's dashboard.
// Listeners hear about a workspace once per burst of changes (100 ms), and `online` answers one entry
// per person with the boards they have open. Memory only, never stored.
import type { OnlineUserDto, PresenceUser } from '@soplan/shared';

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

/** How a person appears to others: their account's id and name, and a colour derived from the id. */
export function presenceUser(user: { id: string; name: string }): PresenceUser {
  let hash = 0;
  for (const ch of user.id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return { id: user.id, name: user.name, color: PALETTE[hash % PALETTE.length]! };
}

export interface PresenceEntry {
  workspaceId: string;
  userId: string;
  name: string;
  color: string;
  /** The open board; null for someone watching the workspace's feed. */
  boardId: string | null;
}

/** Presence changes come in bursts (a page opening a board, a reconnect): one notice per burst. */
const COALESCE_MS = 100;

export class WorkspacePresence {
  /** Each connection or socket (the key) and what it is present as. */
  readonly #entries = new Map<object, PresenceEntry[]>();
  readonly #listeners = new Set<(workspaceId: string) => void>();
  readonly #timers = new Map<string, NodeJS.Timeout>();

  boardOpened(key: object, entry: PresenceEntry & { boardId: string }): void {
    this.#add(key, entry);
  }

  boardClosed(key: object): void {
    this.#remove(key, () => true);
  }

  watching(key: object, entry: Omit<PresenceEntry, 'boardId'>): void {
    if (this.#entries.get(key)?.some((e) => e.workspaceId === entry.workspaceId)) return;
    this.#add(key, { ...entry, boardId: null });
  }

  /** The socket stops watching one workspace, or every workspace when none is named. */
  stopWatching(key: object, workspaceId?: string): void {
    this.#remove(key, (e) => workspaceId === undefined || e.workspaceId === workspaceId);
  }

  #add(key: object, entry: PresenceEntry): void {
    const list = this.#entries.get(key);
    if (list) list.push(entry);
    else this.#entries.set(key, [entry]);
    this.#changed(entry.workspaceId);
  }

  #remove(key: object, which: (e: PresenceEntry) => boolean): void {
    const list = this.#entries.get(key);
    if (!list) return;
    const kept = list.filter((e) => !which(e));
    for (const e of list) if (which(e)) this.#changed(e.workspaceId);
    if (kept.length > 0) this.#entries.set(key, kept);
    else this.#entries.delete(key);
  }

  online(workspaceId: string): OnlineUserDto[] {
    const people = new Map<string, OnlineUserDto>();
    for (const list of this.#entries.values()) {
      for (const e of list) {
        if (e.workspaceId !== workspaceId) continue;
        let person = people.get(e.userId);
        if (!person) people.set(e.userId, (person = { userId: e.userId, name: e.name, color: e.color, boardIds: [] }));
        if (e.boardId !== null && !person.boardIds.includes(e.boardId)) person.boardIds.push(e.boardId);
      }
    }
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  }

  /** Calls `listener` with a workspace shortly after its presence changed. */
  onChange(listener: (workspaceId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(workspaceId: string): void {
    if (this.#timers.has(workspaceId)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(workspaceId);
      for (const listener of this.#listeners) listener(workspaceId);
    }, COALESCE_MS);
    timer.unref();
    this.#timers.set(workspaceId, timer);
  }

  close(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#listeners.clear();
  }
}
