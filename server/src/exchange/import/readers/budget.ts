// What one document may grow into while it is read, counted as readers build it so that a small file
// that expands (20 MiB of line breaks, an ODT row repeated a million times, a sheet 16 384 columns
// wide) is refused or cut before it fills the worker's heap, not after.
import { IMPORT_LIMITS } from '@soplan/shared';
import { ImportFailure } from '../import-failure.ts';

/** Paragraphs of the whole document, cells included: ten per row of the row cap is far beyond any plan. */
export const MAX_PARAGRAPHS = IMPORT_LIMITS.maxRows * 10;
/** Columns of a table: as many as a preview can give roles to (`importOptions.columns`); wider tables are cut with a note. */
export const MAX_COLUMNS = 50;

export class Budget {
  #rows = 0;
  #paragraphs = 0;

  /** Counts `count` table rows; over IMPORT_LIMITS.maxRows the import is refused as too complex. */
  rows(count = 1): void {
    this.#rows += count;
    if (this.#rows > IMPORT_LIMITS.maxRows)
      throw new ImportFailure('import_too_complex', `The document has more than ${IMPORT_LIMITS.maxRows} table rows`, { maxRows: IMPORT_LIMITS.maxRows });
  }

  /** Counts one paragraph; over MAX_PARAGRAPHS the import is refused as too complex. */
  paragraph(): void {
    this.#paragraphs += 1;
    if (this.#paragraphs > MAX_PARAGRAPHS)
      throw new ImportFailure('import_too_complex', `The document has more than ${MAX_PARAGRAPHS} paragraphs`, { maxParagraphs: MAX_PARAGRAPHS });
  }
}
