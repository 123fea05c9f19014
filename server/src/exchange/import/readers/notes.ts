// What readers tell the preview they had to drop or change (SourceDocument.notes): English, stable,
// shown as `dropped` warnings.
import { MAX_COLUMNS } from './budget.ts';

export const NOTE_IMAGE = 'An image was dropped';
export const NOTE_NESTED_TABLE = 'A table inside a table cell became paragraphs of that cell';
export const NOTE_WIDE_TABLE = `Columns beyond ${MAX_COLUMNS} were dropped`;
