// How a recurring period («Ежегодно в январе и мае», «Ежемесячно», «ежеквартально») becomes an RRULE
// (RFC 5545 §3.3.10), and where its first occurrence goes. Pure: no database, no clock.
//
// Every occurrence is one all-day event on the first day of what recurs: the 1st of each named month
// (the occurrence of a yearly, half-yearly or quarterly recurrence that names months), the 1st of each
// month, of each quarter or half-year (calendar quarters and halves), each Monday, each day. Named
// months limit a monthly, weekly or daily recurrence (as shared nextOccurrence reads them, T17).
import type { Recurrence } from '@soplan/shared';

export interface CalendarRule {
  freq: 'YEARLY' | 'MONTHLY' | 'WEEKLY' | 'DAILY';
  /** Every n-th period; 1 when absent. */
  interval?: number;
  /** The months (1–12) the occurrences fall in. */
  byMonth?: number[];
}

/** The rule of a recurrence, or null when it cannot be placed: «Ежегодно» naming no month says nothing of when. */
export function ruleOf(r: Recurrence): CalendarRule | null {
  const months = [...new Set(r.months)].filter((m) => Number.isInteger(m) && m >= 1 && m <= 12).sort((a, b) => a - b);
  // Every month named is no limit at all («Ежегодно, ежемесячно»).
  const named = months.length > 0 && months.length < 12 ? months : null;
  const byMonth = named ? { byMonth: named } : {};
  switch (r.every) {
    case 'year':
    case 'half-year':
    case 'quarter':
      if (named) return { freq: 'YEARLY', byMonth: named };
      if (months.length === 12) return { freq: 'MONTHLY' };
      if (r.every === 'year') return null;
      return { freq: 'MONTHLY', interval: r.every === 'quarter' ? 3 : 6 };
    case 'month':
      return { freq: 'MONTHLY', ...byMonth };
    case 'week':
      return { freq: 'WEEKLY', ...byMonth };
    case 'day':
      return { freq: 'DAILY', ...byMonth };
  }
}

/** The rule as the value of an RRULE line; `until` (ISO date, inclusive) bounds it. */
export function rruleText(rule: CalendarRule, until?: string): string {
  return [
    `FREQ=${rule.freq}`,
    ...(rule.interval && rule.interval > 1 ? [`INTERVAL=${rule.interval}`] : []),
    ...(until ? [`UNTIL=${until.replaceAll('-', '')}`] : []),
    ...(rule.byMonth ? [`BYMONTH=${rule.byMonth.join(',')}`] : []),
  ].join(';');
}

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Whether an ISO date is an occurrence of the rule (the first day of what recurs; see the head of this file). */
function isOccurrence(rule: CalendarRule, iso: string): boolean {
  const month = +iso.slice(5, 7);
  const day = +iso.slice(8, 10);
  if (rule.byMonth && !rule.byMonth.includes(month)) return false;
  switch (rule.freq) {
    case 'YEARLY':
      return day === 1;
    case 'MONTHLY':
      return day === 1 && (month - 1) % (rule.interval ?? 1) === 0;
    case 'WEEKLY':
      return new Date(`${iso}T00:00:00Z`).getUTCDay() === 1;
    case 'DAILY':
      return true;
  }
}

/**
 * The first occurrence on or after `from` (ISO date): the event's DTSTART, which RFC 5545 wants to be
 * an occurrence itself. Every rule recurs within a year, so the search ends.
 */
export function firstOccurrence(rule: CalendarRule, from: string): string {
  let day = from;
  for (let n = 0; n < 400 && !isOccurrence(rule, day); n++) day = dayAfter(day);
  return day;
}
