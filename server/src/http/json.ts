// Reads a JSON body through a zod schema: malformed JSON and invalid fields become 400s.
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors.ts';

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let value: unknown;
  try {
    value = text.length === 0 ? undefined : JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON');
  }
  if (value === undefined) throw new AppError('invalid_json', 'The request needs a JSON body');
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('validation_failed', issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), { issues });
  }
  return parsed.data;
}
