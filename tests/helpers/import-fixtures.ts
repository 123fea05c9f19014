// Import fixtures (issue 13): files to import and what their boards must contain. Writers from the
// neutral model (DOCX with the `docx` package, XLSX with exceljs, HTML, ODT through LibreOffice), the
// three real sources as files, hand-made messy Word documents, clipboard pastes from Word,
// LibreOffice and Google Docs, and big files for the limits and the benchmark. The parts live in
// import-fixtures/; this module is what tests import.
import { dirtyText } from './import-fixtures/cases/dirty-text.ts';
import { mergedCells } from './import-fixtures/cases/merged-cells.ts';
import { numberedInCell } from './import-fixtures/cases/numbered-in-cell.ts';
import { planGraph } from './import-fixtures/cases/plan-graph.ts';
import { prikaz } from './import-fixtures/cases/prikaz.ts';
import { programme } from './import-fixtures/cases/programme.ts';
import { repeatedHeader } from './import-fixtures/cases/repeated-header.ts';
import { splitRows } from './import-fixtures/cases/split-rows.ts';
import { threeLevels } from './import-fixtures/cases/three-levels.ts';
import type { Fixture } from './import-fixtures/expected.ts';

export { sourceToDocx, type DocxOptions } from './import-fixtures/docx.ts';
export { sourceToXlsx } from './import-fixtures/xlsx.ts';
export { sourceToHtml } from './import-fixtures/html.ts';
export { docxToOdt, docxToHtml } from './import-fixtures/libreoffice.ts';
export * from './import-fixtures/model.ts';
export * from './import-fixtures/expected.ts';
export {
  sourceFixture,
  fixtureAs,
  sourceModel,
  sourceText,
  SOURCE_NAMES,
  SOURCE_FORMATS,
  type SourceName,
  type SourceFileFormat,
} from './import-fixtures/sources.ts';
export {
  clipboardSample,
  clipboardFile,
  clipboardTable,
  clipboardTableDocx,
  clipboardExpected,
  CLIPBOARD_SAMPLES,
  type ClipboardSample,
  type ClipboardSampleName,
} from './import-fixtures/clipboard.ts';
export { largeRoadmapDocx, twentyMebibyteDocx, noisePng } from './import-fixtures/large.ts';
export { ROADMAP_COLUMNS } from './import-fixtures/cases/roadmap.ts';
export { repeatedHeader, splitRows, mergedCells, numberedInCell, threeLevels, dirtyText, prikaz, planGraph, programme };

/** Every hand-made messy case, by name. */
export const MESSY_CASES: Record<string, () => Promise<Fixture>> = {
  repeatedHeader,
  splitRows,
  mergedCells,
  numberedInCell,
  threeLevels,
  dirtyText,
  prikaz,
  planGraph,
  programme,
};
