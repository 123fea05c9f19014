// Indexed items and activity lines as the workspace's pages (dashboard, calendar, «Мои задачи») word them.
import { statusOf, type ActivityDto, type WorkspaceItemDto } from '@soplan/shared';
import { i18n, t } from './i18n/i18n.svelte.ts';

/** When the item happens (next): its dates in the chosen language, or its period as typed when it has none. */
export function whenOf(item: WorkspaceItemDto): string {
  const start = item.nextStart ?? item.start;
  return start ? i18n.formatRange(start, item.nextEnd ?? item.end) : item.period;
}

/**
 * What a line quotes: a status by its name, a month or a date in words, a section or period as
 * written; an empty title or period is named as such instead of leaving «» or a bare arrow.
 */
function quoted(kind: ActivityDto['kind'], value: string | null): string {
  if (kind === 'status') return t(`status.${statusOf(value)}`);
  const v = value ?? '';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(v))
    return new Date(`${v}-01T00:00:00`).toLocaleDateString(i18n.current === 'ru' ? 'ru-RU' : 'en-GB', { month: 'long', year: 'numeric' });
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return i18n.formatDate(v);
  if (v.trim() === '') {
    if (kind === 'moved') return t('activity.nowhere');
    if (kind === 'rescheduled') return t('activity.noPeriod');
  }
  return innerQuotes(v);
}

/** A title as the line's «…» quotes it: untitled when empty, its own «» turned into „“ so quotes never nest alike. */
function title(value: string): string {
  return value.trim() === '' ? t('activity.untitled') : innerQuotes(value);
}

const innerQuotes = (value: string) => value.replaceAll('«', '„').replaceAll('»', '“');

/** «Иванова, Петрова перенесли …»: the verb agrees with how many people made the change. */
export function activityLine(a: ActivityDto): string {
  const who = a.actors.map((x) => x.name).join(', ') || t('dash.activity.someone');
  return t(`activity.${a.kind}`, {
    who,
    n: Math.max(a.actors.length, 1),
    item: title(a.itemTitle),
    before: quoted(a.kind, a.before),
    after: quoted(a.kind, a.after),
  });
}
