// Error codes of the HTTP API. Every error body is `{ error: { code, message, params?, issues? } }`:
// `code` is stable and the web words the error from it and `params` in the reader's language;
// `message` is English, for API users and logs, and is never shown as it is. A validation failure
// lists `issues`, each with a stable code of its own (and its parameters, e.g. `{ maximum }`).
/** Why a file could not be read for import (SPEC I3): what the import readers and recogniser answer. */
export const IMPORT_FAILURE_CODES = [
  'unsupported_format',
  'format_mismatch',
  'corrupt_file',
  'archive_too_large',
  'doctype_refused',
  'nothing_to_import',
  'import_too_complex',
] as const;

export const ERROR_CODES = [
  'bad_request',
  'invalid_json',
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'current_password_wrong',
  'password_unchanged',
  'session_required',
  'forbidden',
  'role_above_own',
  'csrf_origin_mismatch',
  'not_found',
  'invite_invalid',
  'invite_used_up',
  'conflict',
  'email_taken',
  'organisation_exists',
  'last_owner',
  'payload_too_large',
  ...IMPORT_FAILURE_CODES,
  'import_busy',
  'pdf_unavailable',
  'export_failed',
  'export_timeout',
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Values an error or issue names: `{ name }` of a duplicate organisation, `{ retryAfter }` seconds of a 429. */
export type ErrorParams = Record<string, string | number>;

export const ISSUE_CODES = [
  'required',
  'invalid_type',
  'not_integer',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'too_many',
  'invalid_email',
  'invalid_option',
  'unknown_field',
  'nothing_to_change',
  'duplicate_form',
  'name_empty',
  'name_control_character',
  'name_bidi_control',
  'name_lone_surrogate',
  'invalid',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface ApiIssue {
  /** The field, dotted (`forms.3`); empty for the body as a whole. */
  path: string;
  code: IssueCode;
  message: string;
  params?: ErrorParams;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; params?: ErrorParams; issues?: ApiIssue[] };
}
