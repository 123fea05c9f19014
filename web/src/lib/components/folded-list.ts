// A long list opens folded to its first few entries, with a button that unfolds it: «Весь период»
// in the calendar, the week's and the month's events on the dashboard.

/**
 * What a list shows folded to `folded` entries: all of them once unfolded, and all of them when
 * folding would hide only one or two (which would save less than the button costs).
 */
export function foldedList<T>(items: readonly T[], folded: number, unfolded: boolean): { folds: boolean; visible: readonly T[] } {
  const folds = items.length > folded + 2;
  return { folds, visible: folds && !unfolded ? items.slice(0, folded) : items };
}
