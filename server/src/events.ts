// Access changes that live connections must react to at once (removed members, revoked tokens,
// ended sessions, changed roles), and changes to a workspace's list of boards. The services that make
// the change emit them (auth/, workspaces/); the sync layer closes affected sockets and the live feed
// tells dashboards to refetch.
export type AccessEvent =
  | { type: 'member-removed'; workspaceId: string; userId: string }
  /** Raised or lowered, by a coordinator or by accepting an invite. */
  | { type: 'member-role-changed'; workspaceId: string; userId: string }
  | { type: 'token-revoked'; tokenId: string }
  | { type: 'session-ended'; sessionId: string }
  | { type: 'user-sessions-ended'; userId: string }
  | { type: 'board-access-changed'; boardId: string }
  | { type: 'boards-listing-changed'; workspaceId: string };

export class AccessEvents {
  readonly #listeners = new Set<(event: AccessEvent) => void>();

  on(listener: (event: AccessEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: AccessEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
