// How recurring periods become RRULEs (issue 14, calendars/rules.ts): each recurring form of DESIGN.md
// «Periods» and of the real plans (shared/sources), read by the shared period parser, then expanded by
// a real iCalendar engine (ical.js) to check the days the calendar will show.
import { ruleOf, rruleText, firstOccurrence, type CalendarRule } from '@soplan/server/calendars/index.ts';
import { periodOf } from '@soplan/shared';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';

const ruleOfText = (text: string): CalendarRule | null => {
  const recurrence = periodOf(text).recurrence;
  if (!recurrence) throw new Error(`${text} is not recurring`);
  return ruleOf(recurrence);
};

/** The first `n` days the rule gives from its first occurrence on or after `from`, as ical.js expands it. */
function days(rule: CalendarRule, from: string, n: number, until?: string): string[] {
  const start = ICAL.Time.fromDateString(firstOccurrence(rule, from));
  const iterator = ICAL.Recur.fromString(rruleText(rule, until)).iterator(start);
  const out: string[] = [];
  for (let next = iterator.next(); next && out.length < n; next = iterator.next()) out.push(next.toString());
  return out;
}

describe('recurring periods as RRULE', () => {
  it.each([
    ['Ежегодно в январе и мае', 'FREQ=YEARLY;BYMONTH=1,5', ['2022-01-01', '2022-05-01', '2023-01-01', '2023-05-01']],
    ['Май – июнь, ежегодно', 'FREQ=YEARLY;BYMONTH=5,6', ['2022-05-01', '2022-06-01', '2023-05-01']],
    ['Ноябрь-декабрь ежегодно', 'FREQ=YEARLY;BYMONTH=11,12', ['2021-11-01', '2021-12-01', '2022-11-01']],
    ['Ежемесячно', 'FREQ=MONTHLY', ['2021-09-01', '2021-10-01', '2021-11-01']],
    ['Ежемесячно (сентябрь - май)', 'FREQ=MONTHLY;BYMONTH=1,2,3,4,5,9,10,11,12', ['2021-09-01', '2021-10-01', '2021-11-01', '2021-12-01', '2022-01-01']],
    ['ежеквартально', 'FREQ=MONTHLY;INTERVAL=3', ['2021-10-01', '2022-01-01', '2022-04-01', '2022-07-01']],
    ['ежеквартально в марте, июне, сентябре и декабре', 'FREQ=YEARLY;BYMONTH=3,6,9,12', ['2021-09-01', '2021-12-01', '2022-03-01', '2022-06-01']],
    ['ежеполугодно', 'FREQ=MONTHLY;INTERVAL=6', ['2022-01-01', '2022-07-01', '2023-01-01']],
    ['Еженедельно', 'FREQ=WEEKLY', ['2021-09-06', '2021-09-13', '2021-09-20']],
    ['Ежедневно', 'FREQ=DAILY', ['2021-09-01', '2021-09-02', '2021-09-03']],
  ])('%s → %s, on the first day of what recurs from 1 September 2021', (text, rrule, expected) => {
    const rule = ruleOfText(text)!;
    expect(rruleText(rule)).toBe(rrule);
    expect(days(rule, '2021-09-01', expected.length)).toEqual(expected);
  });

  it('a weekly or daily recurrence limited to months starts in a named month', () => {
    const weekly = ruleOf({ every: 'week', months: [10] })!;
    expect(rruleText(weekly)).toBe('FREQ=WEEKLY;BYMONTH=10');
    expect(days(weekly, '2021-09-01', 3)).toEqual(['2021-10-04', '2021-10-11', '2021-10-18']);
    expect(days(ruleOf({ every: 'day', months: [2] })!, '2021-09-01', 2)).toEqual(['2022-02-01', '2022-02-02']);
  });

  it('every month named is no limit', () => {
    const all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    expect(ruleOf({ every: 'year', months: all })).toEqual({ freq: 'MONTHLY' });
    expect(ruleOf({ every: 'month', months: all })).toEqual({ freq: 'MONTHLY' });
  });

  it('«Ежегодно» naming no month says nothing of when: it has no rule (the calendar leaves it out)', () => {
    for (const text of ['Ежегодно', 'Ежегодно (постоянно)', 'Ежегодно (по отдельному графику)']) expect(ruleOfText(text)).toBeNull();
  });

  it('UNTIL bounds the repetition, as a date like DTSTART', () => {
    const rule = ruleOfText('Ежегодно в январе и мае')!;
    expect(rruleText(rule, '2023-08-31')).toBe('FREQ=YEARLY;UNTIL=20230831;BYMONTH=1,5');
    expect(days(rule, '2021-09-01', 10, '2023-08-31')).toEqual(['2022-01-01', '2022-05-01', '2023-01-01', '2023-05-01']);
  });
});
