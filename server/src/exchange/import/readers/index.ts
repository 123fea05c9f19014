// Readers: a file (or pasted HTML or text) → SourceDocument. The format is taken from the file's
// extension and checked against its content before any parser sees it: a «.docx» that is a PDF, a
// picture or a spreadsheet is refused (format_mismatch), archives pass the checks of archive.ts, and
// text must be text (no NUL bytes). Board JSON (`.json`) is not a source document: the caller reads
// it before coming here (`readSourceFormat` tells it so).
import type { ImportFormat, ImportPreviewDto } from '@soplan/shared';
import { Archive } from '../archive.ts';
import { ImportFailure } from '../import-failure.ts';
import type { SourceDocument } from '../source-document.ts';
import { Budget } from './budget.ts';
import { hasText } from './clean.ts';
import { decodeText, sniffContent, type ContentKind } from './content.ts';
import { readCsv } from './csv.ts';
import { readDocx } from './docx.ts';
import { readHtml } from './html.ts';
import { readOdt } from './odt.ts';
import { readText } from './text.ts';
import { readXlsx } from './xlsx.ts';

export type SourceInput = { fileName: string; bytes: Uint8Array } | { html: string } | { text: string };
export type SourceFormat = ImportPreviewDto['format'];

export interface ReadSource {
  format: SourceFormat;
  document: SourceDocument;
}

const EXTENSIONS: Record<string, ImportFormat> = {
  docx: 'docx',
  odt: 'odt',
  xlsx: 'xlsx',
  csv: 'csv',
  html: 'html',
  htm: 'html',
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  json: 'json',
};

/** The format a file name says it is, or null when Soplan reads no such files. */
export function readSourceFormat(fileName: string): ImportFormat | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  return EXTENSIONS[fileName.slice(dot + 1).toLowerCase()] ?? null;
}

/** Reads a source into the neutral model; throws ImportFailure when it cannot or when nothing usable is in it. */
export async function readSource(input: SourceInput): Promise<ReadSource> {
  const budget = new Budget();
  const { format, document } =
    'text' in input
      ? { format: 'clipboard-text' as const, document: readText(input.text, budget) }
      : 'html' in input
        ? { format: 'clipboard-html' as const, document: readHtml(input.html, budget) }
        : await readFile(input.fileName, input.bytes, budget);
  if (!hasText(document)) throw new ImportFailure('nothing_to_import', 'The document holds no text or table to import');
  return { format, document };
}

/** What an archive is, by the part each format must have. */
type ArchiveKind = 'docx' | 'odt' | 'xlsx' | 'ods' | 'odp' | 'pptx' | 'zip';

const ODF_TYPES: Record<string, ArchiveKind> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

function archiveKind(archive: Archive): ArchiveKind {
  if (archive.has('word/document.xml')) return 'docx';
  if (archive.has('xl/workbook.xml')) return 'xlsx';
  if (archive.has('ppt/presentation.xml')) return 'pptx';
  const mimetype = archive.entries.get('mimetype');
  // the mimetype entry is a few dozen bytes; anything bigger is not one
  if (mimetype && mimetype.size <= 256) return ODF_TYPES[new TextDecoder().decode(archive.read('mimetype')).trim()] ?? 'zip';
  return 'zip';
}

const mismatch = (expected: ImportFormat, found: ContentKind | ArchiveKind) =>
  new ImportFailure('format_mismatch', `The file is named .${expected} but holds ${found === 'binary' ? 'binary data' : found}`, { expected, found });

async function readFile(fileName: string, bytes: Uint8Array, budget: Budget): Promise<ReadSource> {
  const format = readSourceFormat(fileName);
  if (format === null || format === 'json') {
    const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : '';
    throw new ImportFailure('unsupported_format', `Files of type .${extension || '(none)'} are not read as documents`, { extension });
  }
  const kind = sniffContent(bytes);
  if (format === 'docx' || format === 'odt' || format === 'xlsx') {
    if (kind !== 'zip') throw mismatch(format, kind);
    const archive = Archive.open(bytes);
    const found = archiveKind(archive);
    if (found !== format) throw mismatch(format, found);
    const document = format === 'docx' ? await readDocx(archive, budget) : format === 'odt' ? readOdt(archive, budget) : await readXlsx(archive, budget);
    return { format, document };
  }
  if (kind !== 'text') throw mismatch(format, kind);
  const text = decodeText(bytes);
  const document = format === 'csv' ? readCsv(text, budget) : format === 'html' ? readHtml(text, budget) : readText(text, budget);
  return { format, document };
}
