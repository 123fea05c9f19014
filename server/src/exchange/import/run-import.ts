// One import, start to end, as the worker runs it: a board JSON file is checked and previewed as it
// is (export → import gives the same board, rule B10); any other file or pasted text is read into a
// SourceDocument and recognised.
import { boardJson, MAX_TITLE_LENGTH, type ImportOptions, type ImportPreviewDto } from '@soplan/shared';
import { ImportFailure } from './import-failure.ts';
import { readSource, readSourceFormat, type SourceInput } from './readers/index.ts';
import { countsOf } from './recognise/counts.ts';
import { boardTitle } from './recognise/document-header.ts';
import { recognise, type RecogniseContext } from './recognise/index.ts';

export interface ImportJob {
  input: SourceInput;
  options: ImportOptions;
  context: RecogniseContext;
}

export async function runImport(job: ImportJob): Promise<ImportPreviewDto> {
  const { input } = job;
  if ('fileName' in input && readSourceFormat(input.fileName) === 'json') return previewBoardJson(input.bytes, job.options);
  const { format, document } = await readSource(input);
  return { format, ...recognise(document, job.options, job.context) };
}

function previewBoardJson(bytes: Uint8Array, options: ImportOptions): ImportPreviewDto {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ImportFailure('corrupt_file', 'The file is not valid UTF-8 JSON');
  }
  // A title longer than a board's, or with control characters, is made one a board can hold.
  if (typeof value === 'object' && value !== null && typeof (value as { title?: unknown }).title === 'string')
    value = { ...value, title: boardTitle((value as { title: string }).title, MAX_TITLE_LENGTH) };
  const parsed = boardJson.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportFailure('corrupt_file', 'The file is not a Soplan board', { path: issue?.path.join('.') ?? '', issue: issue?.message ?? '' });
  }
  const content = options.title ? { ...parsed.data, title: options.title } : parsed.data;
  return {
    format: 'json',
    kind: content.kind,
    title: content.title,
    content,
    counts: countsOf(content, 0),
    warnings: [],
    columns: [],
    tables: [],
    table: null,
  };
}
