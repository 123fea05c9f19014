// Reads a JSON body through a zod schema: malformed JSON and invalid fields become 400s, each invalid
// field an issue with a stable code and its parameters, so the web can word it in the reader's language.
import { ISSUE_CODES, type ApiIssue, type IssueCode } from '@soplan/shared';
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors.ts';

const KNOWN_ISSUES = new Set<string>(ISSUE_CODES);

/** The API's issue for one zod issue. Refinements name their code in `params.code` (see `nameText`). */
function issueOf(i: z.core.$ZodIssue): ApiIssue {
  const path = i.path.join('.');
  const at = (code: IssueCode, params?: ApiIssue['params']): ApiIssue => ({ path, code, message: i.message, ...(params ? { params } : {}) });
  switch (i.code) {
    case 'invalid_type':
      if (i.input === undefined) return at('required');
      return i.expected === 'int' ? at('not_integer') : at('invalid_type', { expected: i.expected });
    case 'too_small':
      return i.origin === 'string' ? at('too_short', { minimum: Number(i.minimum) }) : at('too_small', { minimum: Number(i.minimum) });
    case 'too_big':
      if (i.origin === 'string') return at('too_long', { maximum: Number(i.maximum) });
      return i.origin === 'array' ? at('too_many', { maximum: Number(i.maximum) }) : at('too_big', { maximum: Number(i.maximum) });
    case 'invalid_format':
      return i.format === 'email' ? at('invalid_email') : at('invalid');
    case 'invalid_value':
      return at('invalid_option', { options: i.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return at('unknown_field', { keys: i.keys.join(', ') });
    case 'custom': {
      const code = i.params?.code;
      return typeof code === 'string' && KNOWN_ISSUES.has(code) ? at(code as IssueCode) : at('invalid');
    }
    default:
      return at('invalid');
  }
}

/** The API's issues of a zod error (parsed with `reportInput`, so a missing field is told from one of the wrong type). */
export const issuesOf = (error: z.ZodError): ApiIssue[] => error.issues.map(issueOf);

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let value: unknown;
  try {
    value = text.length === 0 ? undefined : JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON');
  }
  if (value === undefined) throw new AppError('invalid_json', 'The request needs a JSON body');
  return validate(schema, value);
}

/** A value through a zod schema, or a 400 listing each invalid field as an issue. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  // The input is reported only to tell a missing field from one of the wrong type; it is not sent back.
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    throw new AppError('validation_failed', issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), { issues });
  }
  return parsed.data;
}
