// Words any failure in the current language from the server's error code and parameters, never from
// its English message: an API error by its code, a validation failure by each issue's code, the field
// named with the label the page shows for it.
import type { ApiIssue, ErrorCode, IssueCode } from '@soplan/shared';
import { ApiError } from './api.ts';
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
  return t(errorKey(e.code), e.params);
}
