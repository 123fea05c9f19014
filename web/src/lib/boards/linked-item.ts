// A link to an item (`/boards/:id#item-<itemId>`, from the dashboard, the calendar, «Мои задачи» or
// activity) opens the board on that item: scrolled to the middle of the window and focused. And the
// marks `pnpm bench:boards` reads: when a view has its data, and when its first render is painted.

/** The item id of the page's `#item-<itemId>`, or null. */
export function linkedItemId(): string | null {
  const match = /^#item-(.+)$/.exec(location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null; // a link with broken escapes («%E0%A4%A») points at no item; the board still opens
  }
}

/** Scrolls the item's element into the middle of the window and focuses it. */
export function focusItem(itemId: string): void {
  const element = document.getElementById(`item-${itemId}`);
  element?.scrollIntoView({ block: 'center' });
  element?.focus({ preventScroll: true });
}

/** For a view that renders all its items (a programme's stages, indicators, pairs and routes). */
export function showLinkedElement(): void {
  const itemId = linkedItemId();
  if (itemId !== null) requestAnimationFrame(() => focusItem(itemId));
}

/** Marks the moment a board view starts rendering its data (the document is there: synced or the offline copy). */
export function markData(): void {
  if (performance.getEntriesByName('soplan:board-data').length === 0) performance.mark('soplan:board-data');
}

/** Marks the moment a board view's first render is on screen. */
export function markShown(): void {
  requestAnimationFrame(() => setTimeout(() => performance.mark('soplan:board-shown'), 0));
}
