// What an import request carries (SPEC I1): a multipart upload (`file` and the options as fields)
// or JSON `{ html }` / `{ text }` (a paste) with the options, each checked at the edge.
import { IMPORT_LIMITS, importJsonBody, importOptions, type ImportOptions } from '@soplan/shared';
import type { Context } from 'hono';
import { AppError } from '../errors.ts';
import type { SourceInput } from '../exchange/import/readers/index.ts';
import { readJson, validate } from './json.ts';

/** An import request: a multipart upload (`file` and the options as fields) or JSON `{ html }` / `{ text }` with the options. */
export async function readImport(c: Context): Promise<{ input: SourceInput; options: ImportOptions }> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    const body = await readJson(c, importJsonBody);
    const { html, text, ...options } = body as typeof body & { html?: string; text?: string };
    return { input: html !== undefined ? { html } : { text: text! }, options };
  }
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw new AppError('bad_request', 'The upload is not valid multipart/form-data');
  }
  const file = form.file;
  if (!(file instanceof File))
    throw new AppError('validation_failed', 'The upload needs one file in the field «file»', {
      issues: [{ path: 'file', code: 'required', message: 'file is required' }],
    });
  if (file.size > IMPORT_LIMITS.maxBytes)
    throw new AppError('payload_too_large', `The file is larger than ${IMPORT_LIMITS.maxBytes} bytes`, { params: { maxBytes: IMPORT_LIMITS.maxBytes } });
  const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
  const raw: Record<string, unknown> = {};
  for (const name of ['kind', 'title'] as const) if (field(name)?.trim()) raw[name] = field(name);
  // An empty field is no choice (a form sends its empty inputs too).
  if (field('table')?.trim()) raw.table = Number(field('table'));
  if (field('columns')?.trim()) {
    try {
      raw.columns = JSON.parse(field('columns')!);
    } catch {
      throw new AppError('validation_failed', 'columns must be a JSON array of column roles', {
        issues: [{ path: 'columns', code: 'invalid', message: 'not JSON' }],
      });
    }
  }
  const options = validate(importOptions, raw);
  return { input: { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, options };
}
