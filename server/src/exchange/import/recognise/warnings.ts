// The preview's warnings (ImportWarning in shared/src/imports.ts): what the recogniser could not
// place or changed on the way, each pointing at the source's table and row and, once it became one,
// at the item's derived number. English here for API users; the web words them from code and params.
import type { ErrorParams, ImportWarning, ImportWarningCode } from '@soplan/shared';

const MESSAGES: Record<ImportWarningCode, (p: ErrorParams) => string> = {
  row_skipped: (p) => `Row skipped: it has no title to make an item of («${p.text ?? ''}»)`,
  row_continued: () => 'Row without a number joined to the item above it (a row split across pages)',
  header_repeated: () => 'Header row repeated inside the table, skipped',
  column_ignored: (p) => `Column «${p.header ?? ''}» is not used by this kind of board`,
  period_unknown: (p) => `Period «${p.text ?? ''}» is not understood; kept as written`,
  cell_split: (p) => `One cell lists ${p.count ?? 'several'} numbered activities; each became an item`,
  responsible_unmatched: (p) => `«${p.name ?? ''}» matches none of the workspace's organisations`,
  dropped: (p) => `Not imported: ${p.text ?? ''}`,
  month_unknown: (p) => `Event without a month the plan can place («${p.text ?? ''}»); put in the plan's first month`,
  no_plan: () => 'The document holds no plan table; the board starts without items',
};

/** How many warnings of one kind a preview lists before it only counts them (a 5 000-row table must not answer 5 000 lines). */
const MAX_PER_CODE = 50;

export class Warnings {
  readonly list: ImportWarning[] = [];
  private readonly perCode = new Map<ImportWarningCode, number>();

  /** Adds a warning; returns it, or null when it is only counted (beyond MAX_PER_CODE of its code). */
  add(code: ImportWarningCode, where: ImportWarning['where'], params?: ErrorParams): ImportWarning | null {
    const n = (this.perCode.get(code) ?? 0) + 1;
    this.perCode.set(code, n);
    if (n > MAX_PER_CODE) return null;
    const warning: ImportWarning = { code, where, message: MESSAGES[code](params ?? {}), ...(params ? { params } : {}) };
    this.list.push(warning);
    return warning;
  }

  get total(): number {
    let n = 0;
    for (const v of this.perCode.values()) n += v;
    return n;
  }
}

/** A quotation of source text for a warning, cut to a readable length. */
export const quote = (text: string, max = 80): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
