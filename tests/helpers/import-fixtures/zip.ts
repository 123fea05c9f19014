// Fixtures come out byte for byte the same on every run: the `docx` package and exceljs stamp the
// time of writing into the document's properties and into every zip entry. Rewriting those to one
// fixed moment keeps a fixture's content hash stable (so its LibreOffice conversion is cached
// across runs) and lets a test compare bytes.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** When every fixture was «written»: the start of an academic year. */
const WRITTEN = new Date('2023-09-01T09:00:00Z');

export function fixedTimes(archive: Uint8Array): Buffer {
  const files = unzipSync(archive);
  const core = files['docProps/core.xml'];
  if (core)
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${WRITTEN.toISOString().replace('.000', '')}`),
    );
  const zippable: Zippable = {};
  // Pictures are stored as they are: they are compressed already, and deflating megabytes of them gains nothing.
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime: WRITTEN, level: /\.(png|jpe?g)$/.test(name) ? 0 : 6 }];
  return Buffer.from(zipSync(zippable));
}
