// Big boards render their first screen at once and the rest in idle time, group by group (a month,
// a section), so a 2 000-event plan-graph is on screen quickly and complete shortly after. A move
// or an addition reveals its target at once; printing reveals everything first.
import { flushSync } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';

export interface RevealOptions {
  /**
   * The most items a group shows when it first renders (columns side by side: each fills the screen),
   * or that number for the group's place in first-render order (the first row of columns fills the
   * screen, the rows below it need only their first items).
   */
  perGroup?: number | ((order: number) => number);
  /** The most items all groups together show when they first render, in order (a table read downwards). */
  total?: number;
  /** Items revealed per idle step, across groups in order. */
  step: number;
}

export class Reveal {
  readonly #limits = new SvelteMap<string, number>();
  /** What each group showed when it first rendered; plain, because rendering must not write state. */
  readonly #initial = new Map<string, number>();
  #initialBudget: number;
  /** Each group's latest size, in the order groups first rendered. */
  readonly #sizes = new Map<string, number>();
  readonly #options: RevealOptions;
  #pending = 0;
  /** Whether every group has shown all its items once (a page mark tells benchmarks when). */
  #complete = false;

  constructor(options: RevealOptions) {
    this.#options = options;
    this.#initialBudget = options.total ?? Infinity;
    addEventListener('beforeprint', this.#revealAll);
  }

  /** How many of the group's `size` items to render now. */
  limit(group: string, size: number): number {
    if (!this.#initial.has(group)) {
      const { perGroup = Infinity } = this.#options;
      const initial = Math.min(size, typeof perGroup === 'number' ? perGroup : perGroup(this.#initial.size), this.#initialBudget);
      this.#initial.set(group, initial);
      this.#initialBudget -= initial;
    }
    this.#sizes.set(group, size);
    const limit = this.#limitOf(group);
    if (limit < size) this.#schedule();
    return limit;
  }

  /** Makes sure the item at `index` of the group is rendered (after a move or an addition). */
  show(group: string, index: number): void {
    if (this.#limitOf(group) <= index) this.#limits.set(group, index + 1);
  }

  #limitOf(group: string): number {
    return this.#limits.get(group) ?? this.#initial.get(group) ?? 0;
  }

  destroy(): void {
    removeEventListener('beforeprint', this.#revealAll);
    if (this.#pending) cancelIdleCallback(this.#pending);
  }

  #schedule(): void {
    if (!this.#pending) this.#pending = requestIdleCallback(this.#step, { timeout: 100 });
  }

  readonly #step = () => {
    this.#pending = 0;
    let budget = this.#options.step;
    for (const [group, size] of this.#sizes) {
      const limit = this.#limitOf(group);
      if (limit >= size || budget === 0) continue;
      const add = Math.min(size - limit, budget);
      this.#limits.set(group, limit + add);
      budget -= add;
    }
    const complete = [...this.#sizes].every(([group, size]) => this.#limitOf(group) >= size);
    if (complete && !this.#complete) {
      this.#complete = true;
      requestAnimationFrame(() => performance.mark('soplan:board-complete'));
    }
  };

  readonly #revealAll = () => {
    flushSync(() => {
      for (const [group, size] of this.#sizes) this.#limits.set(group, size);
    });
  };
}

/** Marks the moment a board view's first render is on screen (read by `pnpm bench:boards`). */
export function markShown(): void {
  requestAnimationFrame(() => setTimeout(() => performance.mark('soplan:board-shown'), 0));
}

/**
 * Opens the item a link points at (`/boards/:id#item-<itemId>`, from the dashboard, the calendar or
 * «Мои задачи»): renders it if it is not yet, scrolls it to the middle of the screen and focuses it.
 */
export function showLinkedItem(reveal: Reveal, place: (itemId: string) => { group: string; index: number } | null): void {
  const itemId = linkedItemId();
  if (itemId === null) return;
  const at = place(itemId);
  if (!at) return;
  reveal.show(at.group, at.index);
  requestAnimationFrame(() => focusItem(itemId));
}

/** The same for a view that renders all its items at once (a programme's stages, indicators, pairs and routes). */
export function showLinkedElement(): void {
  const itemId = linkedItemId();
  if (itemId !== null) requestAnimationFrame(() => focusItem(itemId));
}

/** The item id of the page's `#item-<itemId>`, or null. */
function linkedItemId(): string | null {
  const match = /^#item-(.+)$/.exec(location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null; // a link with broken escapes («%E0%A4%A») points at no item; the board still opens
  }
}

function focusItem(itemId: string): void {
  const element = document.getElementById(`item-${itemId}`);
  element?.scrollIntoView({ block: 'center' });
  element?.focus({ preventScroll: true });
}
