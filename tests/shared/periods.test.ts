// periodOf on every period form DESIGN.md lists and on every «Сроки» the source plans use, plus the
// status rules built on it.
import fs from 'node:fs';
import path from 'node:path';
import { isOverdue, nextOccurrence, periodOf, statusOf, upcoming, type Period } from '@soplan/shared';
import { describe, expect, it } from 'vitest';

const sources = path.resolve(import.meta.dirname, '../../server/src/demo/sources');
const source = (prefix: string) =>
  fs.readFileSync(
    path.join(
      sources,
      fs.readdirSync(sources).find((f) => f.startsWith(prefix))!,
    ),
    'utf8',
  );

const span = (p: Period) => [p.kind, p.start, p.end];

describe('periodOf: the forms DESIGN.md lists', () => {
  it.each([
    ['11.10.2021', 'date', '2021-10-11', '2021-10-11'],
    ['13.09.2021- 08.10.2021', 'range', '2021-09-13', '2021-10-08'],
    ['01.11.-03.11 2021', 'range', '2021-11-01', '2021-11-03'],
    ['16-27 мая 2022', 'range', '2022-05-16', '2022-05-27'],
    ['Октябрь 2021 г.', 'range', '2021-10-01', '2021-10-31'],
    ['Октябрь – ноябрь 2021 г.', 'range', '2021-10-01', '2021-11-30'],
    ['Январь – март 2022 .', 'range', '2022-01-01', '2022-03-31'],
    ['2021-2023 г.г.', 'range', '2021-01-01', '2023-12-31'],
    ['Май 2022 г.', 'range', '2022-05-01', '2022-05-31'],
    ['Ежегодно', 'recurring', null, null],
    ['Ежегодно в январе и мае', 'recurring', null, null],
    ['ежеквартально', 'recurring', null, null],
    ['Ежемесячно', 'recurring', null, null],
    ['Постоянно', 'ongoing', null, null],
    ['В течение всего периода', 'ongoing', null, null],
    ['В течение периода реализации', 'ongoing', null, null],
    ['По отдельному графику', 'ongoing', null, null],
  ])('%s', (text, kind, start, end) => {
    const p = periodOf(text);
    expect(p.text).toBe(text);
    expect(span(p)).toEqual([kind, start, end]);
  });

  it('reads the recurrences', () => {
    expect(periodOf('Ежегодно в январе и мае').recurrence).toEqual({ every: 'year', months: [1, 5] });
    expect(periodOf('ежеквартально').recurrence).toEqual({ every: 'quarter', months: [] });
    expect(periodOf('Ежемесячно').recurrence).toEqual({ every: 'month', months: [] });
    expect(periodOf('По отдельному графику').separateSchedule).toBe(true);
  });
});

describe('periodOf: every «Сроки» of the sources', () => {
  const roadmap = source('001')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((cells) => cells.length >= 5 && /^\d+$/.test(cells[0]!.trim()))
    .map((cells) => cells[2]!);

  it('finds the 23 items of source 001', () => expect(roadmap).toHaveLength(23));

  it.each(roadmap.map((t) => [t]))('001: %s is understood', (text) => {
    const p = periodOf(text);
    expect(p.kind).not.toBe('unknown');
    if (p.kind === 'range') expect(p.start! <= p.end!).toBe(true);
  });

  it.each([
    ['Сентябрь 2021 – декабрь 2021 г.', 'range', '2021-09-01', '2021-12-31'],
    ['Ноябрь 2021 г. – февраль 2022 г.', 'range', '2021-11-01', '2022-02-28'],
    ['Ежегодно (постоянно)', 'recurring', null, null],
    ['Ежегодно (по отдельному графику)', 'recurring', null, null],
    ['В течение всего периода реализации дорожной карты', 'ongoing', null, null],
    ['В течение всего периода действия дорожной карты', 'ongoing', null, null],
    // Source 004's stages and term.
    ['сентябрь- декабрь 2020гг.', 'range', '2020-09-01', '2020-12-31'],
    ['январь 2021- март 2022 гг.', 'range', '2021-01-01', '2022-03-31'],
    ['апрель-май 2022', 'range', '2022-04-01', '2022-05-31'],
    ['с 2020 по 2022 годы', 'range', '2020-01-01', '2022-12-31'],
  ])('%s', (text, kind, start, end) => expect(span(periodOf(text))).toEqual([kind, start, end]));

  it('resolves the plan-graph months of 000 inside the academic year', () => {
    expect(span(periodOf('Сентябрь', { academicYearStart: 2021 }))).toEqual(['range', '2021-09-01', '2021-09-30']);
    expect(span(periodOf('Май', { academicYearStart: 2021 }))).toEqual(['range', '2022-05-01', '2022-05-31']);
    expect(periodOf('Сентябрь').kind).toBe('unknown');
  });
});

describe('periodOf: more of what people type', () => {
  it.each([
    ['2022-03-15', 'date', '2022-03-15', '2022-03-15'],
    ['до 01.12.2021', 'range', null, '2021-12-01'],
    ['I квартал 2022', 'range', '2022-01-01', '2022-03-31'],
    ['2-й квартал 2022 г.', 'range', '2022-04-01', '2022-06-30'],
    ['II полугодие 2021', 'range', '2021-07-01', '2021-12-31'],
    ['2021-2022 учебный год', 'range', '2021-09-01', '2022-08-31'],
    ['сентябрь - май 2022', 'range', '2021-09-01', '2022-05-31'],
    ['29.02.2024', 'date', '2024-02-29', '2024-02-29'],
  ])('%s', (text, kind, start, end) => expect(span(periodOf(text))).toEqual([kind, start, end]));

  it.each([[''], ['когда-нибудь'], ['31.02.2022'], ['15.13.2022'], ['03.11 - 01.11 2021'], ['1 - 2 - 3'], ['Мартовские иды']])(
    '«%s» stays as typed, kind unknown',
    (text) => {
      expect(periodOf(text)).toEqual({ text, kind: 'unknown', start: null, end: null });
    },
  );

  it('never throws, whatever it is given', () => {
    for (const value of [null, undefined, 42, {}, [], 'ё'.repeat(10_000), '\u0000-\u0000', '.-.-.', '99.99.9999 - 00.00.0000']) {
      expect(() => periodOf(value)).not.toThrow();
    }
    expect(periodOf(42).kind).toBe('unknown');
  });
});

describe('status rules', () => {
  const today = '2022-01-15';
  it('an ended period is overdue until the item is done or cancelled', () => {
    const ended = periodOf('Декабрь 2021 г.');
    expect(isOverdue(ended, 'planned', today)).toBe(true);
    expect(isOverdue(ended, 'in-progress', today)).toBe(true);
    expect(isOverdue(ended, 'done', today)).toBe(false);
    expect(isOverdue(ended, 'cancelled', today)).toBe(false);
    expect(isOverdue(periodOf('Январь 2022'), 'planned', today)).toBe(false);
    expect(isOverdue(periodOf('до 14.01.2022'), 'planned', today)).toBe(true);
  });

  it('recurring, open-ended and unknown periods are never overdue', () => {
    for (const text of ['Ежегодно', 'ежеквартально', 'Постоянно', 'По отдельному графику', 'когда-нибудь']) {
      expect(isOverdue(periodOf(text), 'planned', today)).toBe(false);
    }
  });

  it('recurring periods show their next occurrence', () => {
    expect(nextOccurrence(periodOf('Ежегодно в январе и мае'), '2022-02-01')).toEqual({ start: '2022-05-01', end: '2022-05-31' });
    expect(nextOccurrence(periodOf('Ежегодно в январе и мае'), '2022-06-01')).toEqual({ start: '2023-01-01', end: '2023-01-31' });
    expect(nextOccurrence(periodOf('Ежегодно в январе и мае'), '2022-05-20')).toEqual({ start: '2022-05-01', end: '2022-05-31' });
    expect(nextOccurrence(periodOf('ежеквартально'), '2022-05-20')).toEqual({ start: '2022-04-01', end: '2022-06-30' });
    expect(nextOccurrence(periodOf('Ежемесячно'), '2022-02-03')).toEqual({ start: '2022-02-01', end: '2022-02-28' });
    expect(nextOccurrence(periodOf('Ежегодно'), today)).toBeNull();
    expect(upcoming(periodOf('Постоянно'), today)).toBeNull();
  });

  it('reads any stored value as a status', () => {
    expect(statusOf('done')).toBe('done');
    expect(statusOf('DONE')).toBe('planned');
    expect(statusOf(undefined)).toBe('planned');
  });
});
