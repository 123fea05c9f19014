// Big boards render only what is near the screen: a 1 000-item roadmap or a 2 000-event plan-graph
// puts a few dozen rows in the page, and the rest are spacers of their measured (or, until first
// seen, estimated) height, so the page is as long as the board and scrolling brings rows in and out
// as they come near. The page scrolls (or, on a narrow screen, the table's own frame: every scroll is
// heard), so sticky headers keep working. Rows that hold the focus, are being dragged or were just
// linked to stay rendered wherever they are; the board's own find (board-find.svelte) stands in for
// the browser's Ctrl+F. Printing needs none of it: the printed document is print-document.svelte.
import { flushSync, untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { SvelteMap } from 'svelte/reactivity';

/** One row of a windowed list: its key (stable across edits) and its kind (rows of a kind share a first estimate). */
export interface WindowRow {
  key: string;
  kind: string;
}

/**
 * What a list renders, in order: a row (by its index in the list), or a spacer of `spacer` px standing
 * for the rows from `index` on that are not rendered.
 */
export interface Slot {
  key: string;
  index: number;
  spacer?: number;
}

export interface WindowingOptions {
  /** A first guess of a row's height in px per kind, until rows of that kind are measured. */
  estimates: Record<string, number>;
  /** Rows of these kinds are always rendered (a plan's section headings: few, and they stick to the top). */
  keep?: readonly string[];
  /** The flex or grid gap between rows, in px. */
  gap?: number;
  /** How far beyond the window rows are rendered, in window heights, above and below. */
  overscan?: number;
  /** Render every row (a list known to be small): the class then only keeps the rows' interface. */
  everything?: boolean;
}

export class Windowing {
  /** Bumped when the window scrolls or resizes, or a list moves in the page. */
  #moved = $state(0);
  /** Bumped when a rendered row's height changes. */
  #measured = $state(0);
  readonly #everything: boolean;
  /** The margin rendered beyond the window, in window heights: none for the first screen, then the option's. */
  #overscan = $state(0);
  /** Rows kept rendered, each with how many reasons keep it (the focus, a drag, the find). */
  readonly #pinned = new SvelteMap<string, number>();
  readonly #options: Required<Omit<WindowingOptions, 'everything'>>;
  readonly #keep: ReadonlySet<string>;
  /** Each list's element and where its top was in the window at the last look. */
  readonly #lists = new Map<string, { element: HTMLElement; top: number }>();
  readonly #heights = new Map<string, number>();
  /** Per kind, the measured heights' sum and count: unmeasured rows are guessed at their kind's mean. */
  readonly #kinds = new Map<string, { sum: number; count: number }>();
  readonly #rowOf = new WeakMap<Element, WindowRow>();
  readonly #resizes: ResizeObserver;
  #frame = 0;
  #widen: ReturnType<typeof setTimeout> | undefined;
  #windowHeight = innerHeight;

  constructor(options: WindowingOptions) {
    this.#options = { keep: [], gap: 0, overscan: 1, ...options };
    this.#keep = new Set(this.#options.keep);
    this.#everything = options.everything ?? false;
    this.#resizes = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const row = this.#rowOf.get(entry.target);
        if (row) changed = this.#record(row, entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height) || changed;
      }
      if (changed) this.#measured++;
      this.#schedule();
    });
    if (this.#everything) return;
    // Capturing: a table scrolling in its own frame (a phone) is heard as well as the page.
    addEventListener('scroll', this.#schedule, { capture: true, passive: true });
    addEventListener('resize', this.#schedule);
    // Whatever moves the lists in the page without a scroll (a panel above them opening or closing)
    // changes the page's size.
    this.#resizes.observe(document.body);
    // The first screen paints with the rows in the window only; the margin around it renders just
    // after, so the first paint waits for no row that is out of sight (Safari has no idle callbacks).
    this.#widen = setTimeout(() => (this.#overscan = this.#options.overscan), 50);
  }

  /** An attachment for the element a list's rows are laid out in (a table, a `<ul>`). */
  list(name: string): Attachment<HTMLElement> {
    return (element) => {
      if (this.#everything) return;
      this.#lists.set(name, { element, top: element.getBoundingClientRect().top });
      this.#resizes.observe(element);
      untrack(() => this.#moved++);
      return () => {
        this.#resizes.unobserve(element);
        if (this.#lists.get(name)?.element === element) this.#lists.delete(name);
      };
    };
  }

  /** An attachment for a rendered row: its height is measured, and kept while it is out of sight. */
  row(row: WindowRow): Attachment<HTMLElement> {
    return (element) => {
      if (this.#everything) return;
      this.#rowOf.set(element, row);
      this.#resizes.observe(element);
      return () => this.#resizes.unobserve(element);
    };
  }

  /** Keeps a row rendered wherever it is (the focus is in it, it is being dragged, a link or the find points at it) until as many `unpin`s. */
  pin(key: string): void {
    // Untracked: an effect that pins (a drag starting) must not re-run because the pins changed.
    untrack(() => this.#pinned.set(key, (this.#pinned.get(key) ?? 0) + 1));
  }

  unpin(key: string): void {
    untrack(() => {
      const count = this.#pinned.get(key) ?? 0;
      if (count <= 1) this.#pinned.delete(key);
      else this.#pinned.set(key, count - 1);
    });
  }

  /** The row holding the focus (by its `data-key`), kept rendered while it is scrolled away: its field keeps the caret. */
  #focused: string | null = null;
  /** The row the board's find last brought in, kept until the next or until the find closes. */
  #found: string | null = null;

  /** `focusin` of the element around the rows. */
  readonly focusIn = (event: FocusEvent): void => {
    const key = (event.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset.key ?? null;
    if (key === this.#focused) return;
    if (this.#focused) this.unpin(this.#focused);
    this.#focused = key;
    if (key) this.pin(key);
  };

  /** `focusout` of the element around the rows: the focus leaving every row lets its row go. */
  readonly focusOut = (event: FocusEvent): void => {
    if ((event.relatedTarget as HTMLElement | null)?.closest('[data-key]') || !this.#focused) return;
    this.unpin(this.#focused);
    this.#focused = null;
  };

  /** Brings in the row the find points at (or, with null, lets the last one go: the find closed). */
  found(key: string | null, element: () => HTMLElement | null = () => null): void {
    if (this.#found) this.unpin(this.#found);
    this.#found = key;
    if (key) this.reveal(key, element);
  }

  /** Renders a row now (pinned: `unpin` it once it may go) and scrolls it into the middle of the window. */
  reveal(key: string, element: () => HTMLElement | null): void {
    flushSync(() => this.pin(key));
    element()?.scrollIntoView({ block: 'center' });
    // The rows around it render and take their real heights, which can be far from the guesses (a
    // phone's narrow columns make tall rows), moving it: it is put back each frame until it stays.
    let frames = 0;
    let last = Number.NaN;
    const settle = () => {
      const box = element()?.getBoundingClientRect();
      if (!box || frames++ > 30) return;
      if (box.bottom > 0 && box.top < innerHeight && Math.abs(box.top - last) < 1) return;
      element()?.scrollIntoView({ block: 'center' });
      last = element()?.getBoundingClientRect().top ?? Number.NaN;
      requestAnimationFrame(settle);
    };
    requestAnimationFrame(settle);
  }

  /**
   * What list `name` renders now, in order. `breaks` are indexes where a part of the list begins (a
   * plan's sections, each its own `<tbody>`): a spacer never spans two parts.
   */
  slots(name: string, rows: readonly WindowRow[], breaks: readonly number[] = []): Slot[] {
    if (this.#everything) return rows.map((row, index) => ({ key: row.key, index }));
    void this.#moved;
    void this.#measured;
    const list = this.#lists.get(name);
    const margin = innerHeight * this.#overscan;
    // Before the list is in the page its place is unknown: only the rows that must be there render,
    // and once it is attached (before the first paint) the rows near the window follow.
    const from = list ? -list.top - margin : Infinity;
    const to = list ? -list.top + innerHeight + margin : -Infinity;
    const gap = this.#options.gap;
    const starts = new Set(breaks);
    const slots: Slot[] = [];
    let spacer = 0;
    let skipped = 0;
    let spacerFrom = 0;
    const close = () => {
      if (skipped > 0) slots.push({ key: `spacer-${spacerFrom}`, index: spacerFrom, spacer: spacer + gap * (skipped - 1) });
      spacer = 0;
      skipped = 0;
    };
    let y = 0;
    rows.forEach((row, index) => {
      if (starts.has(index)) close();
      const height = this.#heightOf(row);
      const near = y + height >= from && y <= to;
      if (near || this.#keep.has(row.kind) || this.#pinned.has(row.key)) {
        close();
        slots.push({ key: row.key, index });
      } else {
        if (skipped === 0) spacerFrom = index;
        spacer += height;
        skipped++;
      }
      y += height + gap;
    });
    close();
    return slots;
  }

  destroy(): void {
    this.#resizes.disconnect();
    removeEventListener('scroll', this.#schedule, { capture: true });
    removeEventListener('resize', this.#schedule);
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#widen);
  }

  #heightOf(row: WindowRow): number {
    const measured = this.#heights.get(row.key);
    if (measured !== undefined) return measured;
    const kind = this.#kinds.get(row.kind);
    return kind ? kind.sum / kind.count : (this.#options.estimates[row.kind] ?? 48);
  }

  /** Whether the row's height changed. */
  #record(row: WindowRow, height: number): boolean {
    const before = this.#heights.get(row.key);
    if (height === 0 || before === height) return false;
    const kind = this.#kinds.get(row.kind) ?? { sum: 0, count: 0 };
    if (before === undefined) kind.count++;
    kind.sum += height - (before ?? 0);
    this.#kinds.set(row.kind, kind);
    this.#heights.set(row.key, height);
    return true;
  }

  /** Looks where the lists are once per frame, however many scroll events came. */
  readonly #schedule = () => {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      let moved = innerHeight !== this.#windowHeight;
      this.#windowHeight = innerHeight;
      for (const list of this.#lists.values()) {
        const top = list.element.getBoundingClientRect().top;
        if (top === list.top) continue;
        list.top = top;
        moved = true;
      }
      if (moved) this.#moved++;
    });
  };
}
