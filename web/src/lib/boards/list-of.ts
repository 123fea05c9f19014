// Plain-value fields of the board views: a comma-separated list as typed, to the names it holds.
export const listOf = (typed: string) =>
  typed
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
