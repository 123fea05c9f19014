// The one error type services throw; the HTTP layer turns it into
// `{ error: { code, message, params?, issues? } }` with the status that belongs to the code.
import type { ApiIssue, ErrorCode, ErrorParams } from '@soplan/shared';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  current_password_wrong: 401,
  password_unchanged: 400,
  session_required: 403,
  forbidden: 403,
  role_above_own: 403,
  csrf_origin_mismatch: 403,
  not_found: 404,
  invite_invalid: 404,
  invite_used_up: 410,
  conflict: 409,
  email_taken: 409,
  organisation_exists: 409,
  last_owner: 409,
  payload_too_large: 413,
  unsupported_format: 415,
  format_mismatch: 415,
  corrupt_file: 422,
  archive_too_large: 413,
  doctype_refused: 422,
  nothing_to_import: 422,
  import_too_complex: 422,
  import_busy: 503,
  pdf_unavailable: 503,
  export_failed: 502,
  export_timeout: 504,
  rate_limited: 429,
  internal: 500,
};

export interface AppErrorExtra {
  /** Values the web needs to word the error (`{ name }`), never a sentence. */
  params?: ErrorParams;
  issues?: ApiIssue[];
  headers?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: ErrorParams | undefined;
  readonly issues: ApiIssue[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, extra: AppErrorExtra = {}) {
    super(message);
    this.code = code;
    this.status = STATUS[code];
    this.params = extra.params;
    this.issues = extra.issues;
    this.headers = extra.headers;
  }
}

export const notFound = (what = 'Not found') => new AppError('not_found', what);
export const forbidden = (why = 'You may not do this') => new AppError('forbidden', why);
/** A 429 that says when to come back, in the Retry-After header and in `params.retryAfter` (seconds). */
export const rateLimited = (message: string, retryAfter: number) =>
  new AppError('rate_limited', message, { params: { retryAfter }, headers: { 'Retry-After': String(retryAfter) } });
