// How a board shows what it understood of a typed period: dates, recurrence, the next occurrence.
import { nextOccurrence, type Period } from '@soplan/shared';
import { i18n, t } from '../i18n/i18n.svelte.ts';

function day(iso: string): string {
  return new Date(`${iso}T00:00:00`).toLocaleDateString(i18n.current === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export function spanText(start: string | null, end: string | null): string {
  if (start && end) return start === end ? day(start) : `${day(start)} – ${day(end)}`;
  if (end) return `… – ${day(end)}`;
  return '';
}

export function periodNote(period: Period, today: string): string {
  switch (period.kind) {
    case 'date':
    case 'range':
      return t('period.understood', { value: spanText(period.start, period.end) });
    case 'recurring': {
      const every = t(`period.recurring.${period.recurrence!.every}`) + (period.separateSchedule ? `, ${t('period.separate')}` : '');
      const next = nextOccurrence(period, today);
      return next ? `${every} · ${t('period.next', { value: spanText(next.start, next.end) })}` : every;
    }
    case 'ongoing':
      return period.separateSchedule ? t('period.separate') : t('period.ongoing');
    default:
      return period.text.trim() ? t('period.unknown') : '';
  }
}
