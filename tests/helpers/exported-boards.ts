// Boards for the export tests: a demo source (server/src/demo/sources, the real plans) read by the
// import as the demo reads it, and an exported file read back by the same import (the round trip).
import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_LIMITS, type BoardJson } from '@soplan/shared';
import { runImport } from '../../server/src/exchange/import/run-import.ts';

const context = { today: '2022-03-01', organisations: [], maxRows: IMPORT_LIMITS.maxRows };
const SOURCES = path.resolve(import.meta.dirname, '../../server/src/demo/sources');

/** The text of source `n` («000», «001», «004»). */
export const sourceText = (n: string): string =>
  fs.readFileSync(
    path.join(
      SOURCES,
      fs.readdirSync(SOURCES).find((f) => f.startsWith(`${n}_`))!,
    ),
    'utf8',
  );

/** The board source `n` becomes (its table `table` when it has several). */
export const sourceBoard = async (n: string, table?: number): Promise<BoardJson> =>
  (await runImport({ input: { text: sourceText(n) }, options: table === undefined ? {} : { table }, context })).content;

/** The board an exported file reads back as. */
export const importedFile = async (fileName: string, bytes: Uint8Array): Promise<BoardJson> =>
  (await runImport({ input: { fileName, bytes }, options: {}, context })).content;
