// Turns any failure into a sentence in the current language.
import { ApiError } from './api.ts';
import { t, type MessageKey } from './i18n/i18n.svelte.ts';

const KNOWN = new Set(['invalid_credentials', 'rate_limited', 'conflict', 'not_found', 'forbidden', 'validation_failed', 'unauthenticated']);

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'network') return t('error.network');
    if (e.code === 'validation_failed' || e.code === 'conflict' || e.code === 'forbidden') return `${t(`error.${e.code}` as MessageKey)} (${e.message})`;
    if (KNOWN.has(e.code)) return t(`error.${e.code}` as MessageKey);
  }
  return t('error.generic');
}
