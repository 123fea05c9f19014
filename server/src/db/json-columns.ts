// Columns that hold a JSON array of strings (an item's responsibles, an activity line's actors):
// read defensively, since a row written by an older version may hold anything.
export function stringsOf(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
