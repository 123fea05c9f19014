// How a board shows what it understood of a typed period: dates, a deadline, recurrence with the
// months it names, the next occurrence, a separate schedule (docs/SPEC.md T14–T17).
import { nextOccurrence, type Period } from '@soplan/shared';
import { i18n, t } from '../i18n/i18n.svelte.ts';

const locale = () => (i18n.current === 'ru' ? 'ru-RU' : 'en-GB');

function day(iso: string): string {
  return new Date(`${iso}T00:00:00`).toLocaleDateString(locale(), { day: 'numeric', month: 'short', year: 'numeric' });
}

export function spanText(start: string | null, end: string | null): string {
  if (start && end) return start === end ? day(start) : `${day(start)} – ${day(end)}`;
  if (end) return t('period.until', { value: day(end) });
  return '';
}

const monthName = (month: number) => new Date(Date.UTC(2000, month - 1, 1)).toLocaleDateString(locale(), { month: 'long', timeZone: 'UTC' });

/**
 * The months a recurrence names, consecutive ones as one run, which may cross the new year:
 * [4, 10] → «апрель, октябрь»; [1, 2, 12] → «декабрь – февраль». A recurrence never names all
 * twelve (T14), so every run has a first month.
 */
function monthsText(months: readonly number[]): string {
  const named = new Set(months);
  const runs: string[] = [];
  for (const first of months) {
    if (named.has(first === 1 ? 12 : first - 1)) continue; // not the first month of its run
    let last = first;
    while (named.has((last % 12) + 1)) last = (last % 12) + 1;
    runs.push(last === first ? monthName(first) : `${monthName(first)} – ${monthName(last)}`);
  }
  return runs.join(', ');
}

export function periodNote(period: Period, today: string): string {
  const separate = period.separateSchedule ? `, ${t('period.separate')}` : '';
  switch (period.kind) {
    case 'date':
    case 'range':
      return t('period.understood', { value: spanText(period.start, period.end) }) + separate;
    case 'recurring': {
      const r = period.recurrence!;
      const months = r.months.length > 0 ? ` (${monthsText(r.months)})` : '';
      const every = t(`period.recurring.${r.every}`) + months + separate;
      const next = nextOccurrence(period, today);
      return next ? `${every} · ${t('period.next', { value: spanText(next.start, next.end) })}` : every;
    }
    case 'ongoing':
      return period.separateSchedule ? t('period.separate') : t('period.ongoing');
    default:
      return period.text.trim() ? t('period.unknown') : '';
  }
}
