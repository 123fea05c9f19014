// Delimited records (RFC 4180): fields split by one delimiter character, a field that starts with
// `"` is quoted (it may hold the delimiter and line breaks, `""` is a quote), records end at a line
// break. Used for CSV files and for the tab-separated text Word and Excel put on the clipboard.
// Lenient where real files are not: a quote inside an unquoted field is text, text after a closing
// quote joins the field, and an unclosed quote runs to the end of the input.

export interface DelimitedRecord {
  fields: string[];
  /** Index of the line after the record. */
  next: number;
}

/** Reads the record that starts at `lines[start]` (which exists). */
export function readRecord(lines: readonly string[], start: number, delimiter: string): DelimitedRecord {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  let index = start;
  let line = lines[index] ?? '';
  let pos = 0;
  for (;;) {
    if (pos >= line.length) {
      if (quoted && index + 1 < lines.length) {
        // a line break inside quotes belongs to the field
        field += '\n';
        index += 1;
        line = lines[index] ?? '';
        pos = 0;
        continue;
      }
      fields.push(field);
      return { fields, next: index + 1 };
    }
    const ch = line[pos]!;
    pos += 1;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (line[pos] === '"') {
        field += '"';
        pos += 1;
      } else quoted = false;
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
      continue;
    }
    if (ch === '"' && atFieldStart) quoted = true;
    else field += ch;
    atFieldStart = false;
  }
}

/** Every line of a text, whatever its line breaks. */
export const splitLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** Whether a record is a blank line. */
export const isBlankRecord = (fields: readonly string[]): boolean => fields.length === 1 && fields[0]!.trim() === '';
