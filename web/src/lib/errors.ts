// Words any failure in the current language from the server's error code and parameters, never from
// its English message: an API error by its code, a validation failure by each issue's code, the field
// named with the label the page shows for it.
import { IMPORT_FORMATS, IMPORT_LIMITS, type ApiIssue, type ErrorCode, type ImportFormat, type IssueCode } from '@soplan/shared';
import { ApiError, type ImportSource } from './api.ts';
import { i18n, t, type MessageKey } from './i18n/i18n.svelte.ts';

/** The labels a page shows for the fields it sends, by field name (`{ name: t('orgs.name') }`). */
export type FieldLabels = Record<string, string>;

// Typed so that a code without a message in the dictionaries does not compile.
const errorKey = (code: ErrorCode): MessageKey => `error.${code}` as const;
const issueKey = (code: IssueCode): MessageKey => `issue.${code}` as const;

function issueText(issue: ApiIssue, fields: FieldLabels): string {
  const text = t(issueKey(issue.code), issue.params);
  const label = fields[issue.path] ?? fields[issue.path.split('.')[0] ?? ''];
  // Issue sentences start with a common word, so lowering their first letter reads right after «Поле:».
  return label ? t('error.inField', { field: label, issue: text.charAt(0).toLocaleLowerCase(i18n.current) + text.slice(1) }) : text;
}

export function errorMessage(e: unknown, fields: FieldLabels = {}): string {
  if (!(e instanceof ApiError)) return t('error.generic');
  if (e.code === 'network') return t('error.network');
  if (e.code === 'validation_failed' && e.issues.length > 0) return [...new Set(e.issues.map((i) => issueText(i, fields)))].join(' ');
  if (e.code === 'rate_limited' && typeof e.params.retryAfter === 'number') {
    return t('error.rate_limited_wait', { minutes: Math.max(1, Math.ceil(e.params.retryAfter / 60)) });
  }
  // The import's refusals quote its limits, which the client knows as well as the server; what the
  // server says (an export's time limit) goes first.
  return t(errorKey(e.code), { ...importParams(), ...e.params });
}

const MIB = 1024 * 1024;
const importParams = () => ({
  maxMb: IMPORT_LIMITS.maxBytes / MIB,
  unpackedMb: IMPORT_LIMITS.maxUncompressedBytes / MIB,
  entries: IMPORT_LIMITS.maxEntries,
  seconds: IMPORT_LIMITS.maxMilliseconds / 1000,
  rows: IMPORT_LIMITS.maxRows,
  formats: t('import.formats'),
});

const formatKey = (format: ImportFormat): MessageKey => `import.format.${format}` as const;

/** The format a file's name claims, by its extension (`.htm` is HTML), or null for one import does not read. */
function claimedFormat(fileName: string): ImportFormat | null {
  const ext = extensionOf(fileName);
  const format = ext === 'htm' ? 'html' : ext;
  return IMPORT_FORMATS.find((f) => f === format) ?? null;
}

const extensionOf = (fileName: string): string => /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/**
 * An import's refusal in words that say what to do, naming the file's own format where that helps:
 * «Файл не похож на документ Word: …» for a `.docx` that is something else, the sizes in МБ.
 */
export function importErrorMessage(e: unknown, source: ImportSource): string {
  if (!(e instanceof ApiError)) return errorMessage(e);
  const file = 'file' in source ? source.file : null;
  if (e.code === 'payload_too_large') return t(file ? 'import.error.fileTooLarge' : 'import.error.pasteTooLarge', importParams());
  if (file && e.code === 'format_mismatch') {
    const format = claimedFormat(file.name);
    if (format) return t('import.error.formatMismatch', { what: t(formatKey(format)), ext: extensionOf(file.name) });
  }
  if (file && e.code === 'unsupported_format' && extensionOf(file.name)) {
    return t('import.error.unsupportedExtension', { ext: extensionOf(file.name), formats: t('import.formats') });
  }
  return errorMessage(e);
}
