// The three real plans of ../shared/sources (kept in server/src/demo/sources, which the demo imports) as the files users
// have them in: read from their text by the import's own text reader, then written as DOCX (the
// `docx` package), ODT (that DOCX saved by LibreOffice), XLSX (exceljs) and HTML; and the hand-made
// fixtures in the same formats.
import fs from 'node:fs';
import path from 'node:path';
import { readSource } from '@soplan/server/exchange/import/readers/index.ts';
import { sourceToDocx } from './docx.ts';
import { sourceToHtml } from './html.ts';
import { docxToOdt } from './libreoffice.ts';
import type { Fixture } from './expected.ts';
import type { SourceDocument } from './model.ts';
import { sourceToXlsx } from './xlsx.ts';

const SOURCES = path.resolve(import.meta.dirname, '../../../server/src/demo/sources');

export const SOURCE_NAMES = ['000', '001', '004'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];
export const SOURCE_FORMATS = ['docx', 'odt', 'xlsx', 'html'] as const;
export type SourceFileFormat = (typeof SOURCE_FORMATS)[number];

/** The source's text as committed (the file name carries the document's hash: `000_ad72bf73f9bd3bbb.txt`). */
export function sourceText(name: SourceName): string {
  const file = fs.readdirSync(SOURCES).find((f) => f.startsWith(`${name}_`) && f.endsWith('.txt'));
  if (!file) throw new Error(`no source ${name}_*.txt in ${SOURCES}`);
  return fs.readFileSync(path.join(SOURCES, file), 'utf8');
}

const models = new Map<SourceName, Promise<SourceDocument>>();
const docxs = new Map<SourceName, Promise<Buffer>>();

/** The source as the neutral model, read by the import's text reader (`readSource({ text })`). */
export function sourceModel(name: SourceName): Promise<SourceDocument> {
  if (!models.has(name))
    models.set(
      name,
      readSource({ text: sourceText(name) }).then((read) => read.document),
    );
  return models.get(name)!;
}

function sourceDocx(name: SourceName): Promise<Buffer> {
  if (!docxs.has(name))
    docxs.set(
      name,
      sourceModel(name).then((doc) => sourceToDocx(doc)),
    );
  return docxs.get(name)!;
}

/** A model (with its DOCX, when already written) as a file of `format`: its name and bytes, ready to upload. */
async function fileOf(
  base: string,
  model: SourceDocument,
  docx: () => Promise<Buffer>,
  format: SourceFileFormat,
): Promise<{ fileName: string; bytes: Buffer }> {
  const fileName = `${base}.${format}`;
  if (format === 'docx') return { fileName, bytes: await docx() };
  if (format === 'odt') return { fileName, bytes: await docxToOdt(await docx()) };
  if (format === 'xlsx') return { fileName, bytes: await sourceToXlsx(model) };
  return { fileName, bytes: Buffer.from(sourceToHtml(model), 'utf8') };
}

/** The source as a file (`001.docx`). */
export async function sourceFixture(name: SourceName, format: SourceFileFormat): Promise<{ fileName: string; bytes: Buffer }> {
  return fileOf(name, await sourceModel(name), () => sourceDocx(name), format);
}

/** A hand-made fixture in another format (`merged-cells.odt`): its DOCX saved by LibreOffice, or its model written as XLSX or HTML. */
export function fixtureAs(fixture: Fixture, format: SourceFileFormat): Promise<{ fileName: string; bytes: Buffer }> {
  return fileOf(fixture.name, fixture.source, () => Promise.resolve(fixture.buffer), format);
}
