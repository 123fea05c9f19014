// CSV → one table. The delimiter is whichever of `;` (Excel in a Russian locale), `,` and tab gives
// the most records of one width over the first lines; quoted fields may hold line breaks, which
// become paragraphs of the cell. Blank records are skipped, empty columns at the right dropped.
import type { Row, SourceDocument } from '../source-document.ts';
import { Budget, MAX_COLUMNS } from './budget.ts';
import { cellOf, cleanText, finishDocument, paragraphOf } from './clean.ts';
import { isBlankRecord, readRecord, splitLines } from './delimited.ts';
import { NOTE_WIDE_TABLE } from './notes.ts';

const DELIMITERS = [';', ',', '\t'] as const;
/** Records looked at to choose the delimiter. */
const SAMPLE = 50;

export function readCsv(text: string, budget = new Budget()): SourceDocument {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const delimiter = sniffDelimiter(lines);
  const records: string[][] = [];
  for (let i = 0; i < lines.length;) {
    const { fields, next } = readRecord(lines, i, delimiter);
    i = next;
    if (isBlankRecord(fields)) continue;
    budget.rows();
    records.push(fields);
  }
  const width = Math.max(0, ...records.map((fields) => fields.findLastIndex((f) => cleanText(f) !== '') + 1));
  const notes = width > MAX_COLUMNS ? [NOTE_WIDE_TABLE] : [];
  const columns = Math.min(width, MAX_COLUMNS);
  const rows: Row[] = records.map((fields) => ({
    cells: Array.from({ length: columns }, (_, c) =>
      cellOf(
        (fields[c] ?? '').split('\n').map((line) => {
          budget.paragraph();
          return paragraphOf([{ text: line }]);
        }),
      ),
    ),
  }));
  return finishDocument(columns > 0 ? [{ type: 'table', rows }] : [], notes);
}

function sniffDelimiter(lines: readonly string[]): string {
  let best: { delimiter: string; score: number; width: number } = { delimiter: ';', score: -1, width: 0 };
  for (const delimiter of DELIMITERS) {
    const widths = new Map<number, number>();
    for (let i = 0, seen = 0; i < lines.length && seen < SAMPLE;) {
      const { fields, next } = readRecord(lines, i, delimiter);
      i = next;
      if (isBlankRecord(fields)) continue;
      seen += 1;
      widths.set(fields.length, (widths.get(fields.length) ?? 0) + 1);
    }
    // the most common width over 1 wins, by how many records have it, then by how wide it is
    for (const [width, count] of widths) {
      if (width < 2) continue;
      if (count > best.score || (count === best.score && width > best.width)) best = { delimiter, score: count, width };
    }
  }
  return best.delimiter;
}
