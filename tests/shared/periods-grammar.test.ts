// The period grammar (docs/SPEC.md T1–T19) on forms real plans use that the sources happen not to:
// quarters and half-years, deadlines, ranges across years, academic years, recurring and ongoing
// phrases combined in any order, and junk that must stay unknown.
import { nextOccurrence, periodOf, shiftPeriodText, type Period, type PeriodContext } from '@soplan/shared';
import { describe, expect, it } from 'vitest';

const span = (text: string, context?: PeriodContext) => {
  const p = periodOf(text, context);
  return [p.kind, p.start, p.end];
};
const recurrence = (text: string) => {
  const p = periodOf(text);
  return [p.kind, p.recurrence?.every, p.recurrence?.months];
};
const unknown = (text: string) => ({ text, kind: 'unknown', start: null, end: null });
const plan2021 = { academicYearStart: 2021 };

describe('[T1] input and limits', () => {
  it('[T1] reads values that are not strings as empty, and keeps the text as typed', () => {
    expect(periodOf(undefined)).toEqual(unknown(''));
    expect(periodOf({ text: 'Май 2022' })).toEqual(unknown(''));
    expect(periodOf('  Май 2022 г.  ').text).toBe('  Май 2022 г.  ');
  });

  it('[T1] a text over 300 characters is unknown, unless a period opens it and a bracketed note closes it', () => {
    const note = 'в соответствии с планом работы '.repeat(700);
    expect(periodOf(`Октябрь 2021 г. (${note})`)).toMatchObject({ kind: 'range', start: '2021-10-01', end: '2021-10-31' });
    expect(periodOf(`Октябрь 2021 г. (${note}).`).kind).toBe('range');
    expect(periodOf(`Октябрь 2021 г. ${note}`).kind).toBe('unknown');
    expect(periodOf(`Октябрь 2021 г. (${note}) и ещё`).kind).toBe('unknown');
    expect(periodOf(`${'x'.repeat(301)} (Октябрь 2021 г.)`).kind).toBe('unknown');
    expect(periodOf('Октябрь 2021 г. '.repeat(20)).kind).toBe('unknown');
  });

  it('[T1] the same period of 300 characters or fewer is still read, its note included', () => {
    const text = `Октябрь 2021 г. (по отдельному графику${' '.repeat(250)})`;
    expect(text.length).toBeLessThanOrEqual(300);
    expect(periodOf(text)).toMatchObject({ kind: 'range', separateSchedule: true });
  });

  it('[T1] an ISO date alone is that date', () => {
    expect(span('2022-03-15')).toEqual(['date', '2022-03-15', '2022-03-15']);
    expect(span('2022-02-30')).toEqual(['unknown', null, null]);
  });
});

describe('[T2] normalisation', () => {
  it.each([
    ['ОКТЯБРЬ 2021 Г.', '2021-10-01', '2021-10-31'],
    ['Сентябрь\u00a02021\u00a0–\u00a0май\u00a02022', '2021-09-01', '2022-05-31'],
    ['Ок\u00adтябрь 2021\u200b г.', '2021-10-01', '2021-10-31'],
    ['І квартал 2022', '2022-01-01', '2022-03-31'],
    ['2021‒2023 гг.', '2021-01-01', '2023-12-31'],
    ['2021 − 2023', '2021-01-01', '2023-12-31'],
    ['Январь—март  2022.', '2022-01-01', '2022-03-31'],
    ['Сентябрь 2021 – февраль 2022 гг..', '2021-09-01', '2022-02-28'],
    ['Май 2022 ё', null, null],
  ])('[T2] %s', (text, start, end) => expect(span(text)).toEqual([start ? 'range' : 'unknown', start, end]));
});

describe('[T3] tokens', () => {
  it.each([
    ['01.09.21', 'date', '2021-09-01', '2021-09-01'],
    ['1.9.2021', 'date', '2021-09-01', '2021-09-01'],
    ['09.2021 – 05.2022', 'range', '2021-09-01', '2022-05-31'],
    ['01.2022', 'range', '2022-01-01', '2022-01-31'],
    ['13.2022', 'unknown', null, null],
    ['в мае 2022', 'range', '2022-05-01', '2022-05-31'],
    ['с мая по июль 2022', 'range', '2022-05-01', '2022-07-31'],
    ['к маю 2022', 'range', null, '2022-05-31'],
    ['сент. 2021 – янв. 2022', 'range', '2021-09-01', '2022-01-31'],
    ['нояб. – дек. 2021', 'range', '2021-11-01', '2021-12-31'],
    ['мартовские', 'unknown', null, null],
    ['маёвка 2022', 'unknown', null, null],
    ['«Октябрь 2021»', 'unknown', null, null],
  ])('[T3] %s', (text, kind, start, end) => expect(span(text)).toEqual([kind, start, end]));
});

describe('[T4] points', () => {
  it.each([
    ['1 декабря 2021 г.', 'date', '2021-12-01', '2021-12-01'],
    ['3-й квартал 2022', 'range', '2022-07-01', '2022-09-30'],
    ['IV квартал 2021 г.', 'range', '2021-10-01', '2021-12-31'],
    ['4 кв. 2021', 'range', '2021-10-01', '2021-12-31'],
    ['второе полугодие 2022', 'range', '2022-07-01', '2022-12-31'],
    ['первый квартал 2023 г.', 'range', '2023-01-01', '2023-03-31'],
    ['во II квартале 2022 года', 'range', '2022-04-01', '2022-06-30'],
    ['в третьем квартале 2022 г.', 'range', '2022-07-01', '2022-09-30'],
    ['на протяжении 2022 года', 'range', '2022-01-01', '2022-12-31'],
    ['2022', 'range', '2022-01-01', '2022-12-31'],
  ])('[T4] %s', (text, kind, start, end) => expect(span(text)).toEqual([kind, start, end]));

  it.each([
    ['5 квартал 2022'],
    ['III полугодие 2022'],
    ['V квартал 2022'],
    ['31.02.2022'],
    ['29.02.2023'],
    ['31 апреля 2022'],
    ['1850'],
    ['2200'],
    ['32 мая 2022'],
    ['II 2022'],
  ])('[T4] «%s» is no point', (text) => expect(periodOf(text)).toEqual(unknown(text)));

  it('[T4] 29 February exists in leap years only', () => {
    expect(span('29 февраля 2024')).toEqual(['date', '2024-02-29', '2024-02-29']);
    expect(span('29 февраля 2023')).toEqual(['unknown', null, null]);
  });
});

describe('[T5] year words', () => {
  it.each([['2022 год'], ['в 2022 году'], ['2022 г.'], ['2022г'], ['2022 гг.'], ['2022 г.г.']])('[T5] %s is the year 2022', (text) =>
    expect(span(text)).toEqual(['range', '2022-01-01', '2022-12-31']),
  );
  it.each([['2021-2023 годы'], ['2021 – 2023 гг.'], ['на 2021-2023 годы'], ['с 2021 по 2023 годов']])('[T5] %s is 2021–2023', (text) =>
    expect(span(text)).toEqual(['range', '2021-01-01', '2023-12-31']),
  );
});

describe('[T6] academic years', () => {
  it.each([
    ['2021/2022'],
    ['2021/2022 учебный год'],
    ['2021 / 2022 уч. г.'],
    ['2021/22 учебный год'],
    ['2021-2022 уч. г.'],
    ['2021–22 уч. год'],
    ['2021-2022 учебного года'],
    ['2021/2022 у.г.'],
    ['на 2021/2022 учебный год'],
    ['в течение 2021-2022 учебного года'],
  ])('[T6] %s is 1 September 2021 – 31 August 2022', (text) => expect(span(text)).toEqual(['range', '2021-09-01', '2022-08-31']));

  it('[T6] the second year must follow the first', () => {
    for (const text of ['2021/2023', '2021/23 учебный год', '2021-2023 уч. г.', '2022/2021']) expect(periodOf(text)).toEqual(unknown(text));
  });

  it('[T6] with a dash and no academic word, two calendar years', () => {
    expect(span('2021-2022')).toEqual(['range', '2021-01-01', '2022-12-31']);
    expect(span('2021-2022 гг.')).toEqual(['range', '2021-01-01', '2022-12-31']);
  });
});

describe('[T7] ranges and lists', () => {
  it.each([
    ['сентябрь 2021 – май 2022', '2021-09-01', '2022-05-31'],
    ['декабрь 2021 – январь 2022', '2021-12-01', '2022-01-31'],
    ['декабрь – январь 2022', '2021-12-01', '2022-01-31'],
    ['сентябрь 2021 – май', '2021-09-01', '2022-05-31'],
    ['октябрь 2021 – декабрь', '2021-10-01', '2021-12-31'],
    ['ноябрь, декабрь 2021', '2021-11-01', '2021-12-31'],
    ['ноябрь, январь 2022', '2021-11-01', '2022-01-31'],
    ['март, май 2022', '2022-03-01', '2022-05-31'],
    ['март и май 2022 г.', '2022-03-01', '2022-05-31'],
    ['в апреле и октябре 2022', '2022-04-01', '2022-10-31'],
    ['5, 12 и 19 мая 2022', '2022-05-05', '2022-05-19'],
    ['январь – март, сентябрь – декабрь 2022', '2022-01-01', '2022-12-31'],
    ['I–II квартал 2022', '2022-01-01', '2022-06-30'],
    ['1-2 полугодие 2022', '2022-01-01', '2022-12-31'],
    ['II–III квартал 2021/2022', '2022-04-01', '2022-09-30'],
    ['с 01.09.2021 по 31.05.2022', '2021-09-01', '2022-05-31'],
    ['с 01.09 по 31.12.2021', '2021-09-01', '2021-12-31'],
    ['с сентября 2021 по май 2022', '2021-09-01', '2022-05-31'],
    ['со 2 по 15 марта 2022', '2022-03-02', '2022-03-15'],
    ['с 1 до 10 марта 2022', '2022-03-01', '2022-03-10'],
    ['сентябрь 2021/2022 – май 2021/2022', '2021-09-01', '2022-05-31'],
  ])('[T7] %s', (text, start, end) => expect(span(text)).toEqual(['range', start, end]));

  it.each([['май 2022 – март 2022'], ['с 01.09.2021'], ['с сентября 2021 г.'], ['16-27'], ['март, май'], ['I–II 2022'], ['до - 2022']])(
    '[T7] «%s» is not understood',
    (text) => expect(periodOf(text)).toEqual(unknown(text)),
  );
});

describe('[T8] deadlines', () => {
  it.each([
    ['не позднее 01.03.2022', '2022-03-01'],
    ['не позже 01.03.2022 г.', '2022-03-01'],
    ['не позднее чем 01.10.2021 включительно', '2021-10-01'],
    ['до 1 декабря 2021 г.', '2021-12-01'],
    ['(до 15.05.2022)', '2022-05-15'],
    ['в срок до 01.09.2022', '2022-09-01'],
    ['в срок не позднее 10 октября 2021 года', '2021-10-10'],
    ['срок до 01.09.2022', '2022-09-01'],
    ['до конца 2022 года', '2022-12-31'],
    ['до окончания 2021/2022 учебного года', '2022-08-31'],
    ['к концу I квартала 2022 г.', '2022-03-31'],
    ['к 1 сентября 2022', '2022-09-01'],
    ['до декабря 2021', '2021-12-31'],
  ])('[T8] %s ends on %s', (text, end) => expect(span(text)).toEqual(['range', null, end]));

  it('[T8] a deadline without a year needs the academic year', () => {
    expect(periodOf('до 15.05').kind).toBe('unknown');
    expect(span('до 15.05', plan2021)).toEqual(['range', null, '2022-05-15']);
  });
});

describe('[T9] quarters, half-years and четверти', () => {
  it.each([
    ['I квартал 2022', '2022-01-01', '2022-03-31'],
    ['I полугодие 2022', '2022-01-01', '2022-06-30'],
    ['II полугодие 2021', '2021-07-01', '2021-12-31'],
    ['2 полугодие 2021-2022 уч. года', '2022-01-01', '2022-06-30'],
    ['1 полугодие 2021/2022', '2021-09-01', '2021-12-31'],
    ['второе полугодие 2021/2022 учебного года', '2022-01-01', '2022-06-30'],
    ['I квартал 2021/2022', '2022-01-01', '2022-03-31'],
    ['IV квартал 2021/2022', '2021-10-01', '2021-12-31'],
    ['I четверть 2021-2022 учебного года', '2021-09-01', '2021-10-31'],
    ['II четверть 2021/2022', '2021-11-01', '2021-12-31'],
    ['III четверть 2021/2022 уч. года', '2022-01-01', '2022-03-31'],
    ['4 четверть 2021/22 уч. г.', '2022-04-01', '2022-05-31'],
    ['III четверть 2022', '2022-01-01', '2022-03-31'],
  ])('[T9] %s', (text, start, end) => expect(span(text)).toEqual(['range', start, end]));
});

describe('[T10] recurrence words', () => {
  it.each([
    ['Ежегодно', 'year'],
    ['ежеполугодно', 'half-year'],
    ['ежеквартально', 'quarter'],
    ['ЕЖЕМЕСЯЧНО', 'month'],
    ['еженедельно', 'week'],
    ['ежедневно', 'day'],
    ['каждый год', 'year'],
    ['каждый учебный год', 'year'],
    ['каждое полугодие', 'half-year'],
    ['каждый квартал', 'quarter'],
    ['каждый месяц', 'month'],
    ['каждую неделю', 'week'],
    ['раз в год', 'year'],
    ['1 раз в полугодие', 'half-year'],
    ['раз в полгода', 'half-year'],
    ['раз в квартал', 'quarter'],
    ['один раз в месяц', 'month'],
    ['2 раза в год', 'year'],
    ['дважды в год', 'year'],
    ['не реже 1 раза в квартал', 'quarter'],
    ['не реже одного раза в неделю', 'week'],
  ])('[T10] %s', (text, every) => expect(recurrence(text)).toEqual(['recurring', every, []]));

  it.each([['раз'], ['раз в'], ['2 раза'], ['каждый'], ['каждый урок'], ['раз в четверть'], ['ежегодный']])('[T10] «%s» is not a recurrence', (text) =>
    expect(periodOf(text)).toEqual(unknown(text)),
  );
});

describe('[T11] ongoing phrases', () => {
  it.each([
    ['Постоянно'],
    ['постоянно.'],
    ['круглогодично'],
    ['систематически'],
    ['весь период'],
    ['весь учебный год'],
    ['в течение года'],
    ['В течение учебного года'],
    ['в течение всего учебного года'],
    ['в течении года'],
    ['на протяжении всего периода реализации проекта'],
    ['в течение срока действия программы'],
    ['в течение реализации проекта «Наставник»'],
    ['в течение года по мере необходимости'],
  ])('[T11] %s', (text) => expect(periodOf(text)).toEqual({ text, kind: 'ongoing', start: null, end: null }));

  it('[T11] «в течение» before a point is that point', () => {
    expect(span('в течение 2022 года')).toEqual(['range', '2022-01-01', '2022-12-31']);
    expect(span('в течение всего 2022 года')).toEqual(['range', '2022-01-01', '2022-12-31']);
    expect(span('в течение I полугодия 2022 г.')).toEqual(['range', '2022-01-01', '2022-06-30']);
    expect(span('в течение сентября', plan2021)).toEqual(['range', '2021-09-01', '2021-09-30']);
  });

  it('[T11] the words after an ongoing phrase stop where another clause opens', () => {
    expect(periodOf('в течение периода реализации программы в 2022 году')).toMatchObject({ kind: 'range', start: '2022-01-01', end: '2022-12-31' });
    expect(periodOf('в течение года по отдельному графику')).toMatchObject({ kind: 'ongoing', separateSchedule: true });
    expect(periodOf('в течение года ежемесячно').recurrence).toEqual({ every: 'month', months: [] });
  });
});

describe('[T12] separate schedules', () => {
  it.each([
    ['по графику'],
    ['По отдельному плану'],
    ['по плану работы МО'],
    ['согласно отдельному графику'],
    ['в соответствии с утверждённым графиком'],
    ['по утверждённому директором расписанию'],
    ['согласно графику проведения олимпиад'],
  ])('[T12] %s', (text) => expect(periodOf(text)).toEqual({ text, kind: 'ongoing', start: null, end: null, separateSchedule: true }));

  it('[T12] marks any kind of period', () => {
    expect(periodOf('Октябрь 2021 г. (по отдельному графику)')).toMatchObject({
      kind: 'range',
      start: '2021-10-01',
      end: '2021-10-31',
      separateSchedule: true,
    });
    expect(periodOf('ежегодно в мае по графику')).toMatchObject({ kind: 'recurring', separateSchedule: true });
    expect(periodOf('Октябрь 2021 г.').separateSchedule).toBeUndefined();
  });

  it.each([['по мере необходимости'], ['по согласованию'], ['по запросу'], ['графику'], ['по запросу школ по графику']])('[T12] «%s» is no schedule', (text) =>
    expect(periodOf(text)).toEqual(unknown(text)),
  );
});

describe('[T13] clauses in any order, brackets', () => {
  it.each([
    ['Май – июнь, ежегодно', [5, 6]],
    ['Май – июнь ежегодно', [5, 6]],
    ['Ежегодно, март-апрель', [3, 4]],
    ['ежегодно в апреле и октябре по отдельному графику', [4, 10]],
    ['По отдельному графику, ежегодно в апреле и октябре', [4, 10]],
    ['(Ежегодно) в мае', [5]],
    ['Ежегодно: май', [5]],
    ['ежегодно; в мае и в ноябре', [5, 11]],
  ])('[T13] %s is yearly in months %j', (text, months) => expect(recurrence(text)).toEqual(['recurring', 'year', months]));

  it('[T13] ongoing phrases joined in any order', () => {
    for (const text of ['Постоянно, в течение учебного года', 'В течение учебного года (постоянно)', 'постоянно и в течение всего периода']) {
      expect(periodOf(text).kind).toBe('ongoing');
    }
    expect(recurrence('Ежегодно (постоянно)')).toEqual(['recurring', 'year', []]);
    expect(recurrence('Постоянно, ежегодно')).toEqual(['recurring', 'year', []]);
  });

  it('[T13] a bracketed part that is not a period is a note', () => {
    expect(span('Октябрь 2021 г. (по согласованию)')).toEqual(['range', '2021-10-01', '2021-10-31']);
    expect(span('Октябрь 2021 г. [уточняется]')).toEqual(['range', '2021-10-01', '2021-10-31']);
    expect(span('Октябрь 2021 г. (по согласованию')).toEqual(['range', '2021-10-01', '2021-10-31']);
    expect(span('(по согласованию) октябрь 2021 г.')).toEqual(['range', '2021-10-01', '2021-10-31']);
    expect(span('Октябрь 2021 (ноябрь 2021)')).toEqual(['range', '2021-10-01', '2021-11-30']);
  });

  it.each([
    ['Октябрь 2021 г. по согласованию'],
    ['по мере необходимости'],
    ['(примечание)'],
    ['()'],
    ['Октябрь 2021 г.)'],
    ['Октябрь 2021 г. – ежегодно'],
    ['ежегодно ?'],
  ])('[T13] «%s» is unknown', (text) => expect(periodOf(text)).toEqual(unknown(text)));
});

describe('[T14] combining clauses', () => {
  it.each([
    ['сентябрь – май, ежегодно', [1, 2, 3, 4, 5, 9, 10, 11, 12]],
    ['ежегодно, декабрь – февраль', [1, 2, 12]],
    ['ежегодно в I квартале', [1, 2, 3]],
    ['ежегодно во II полугодии', [7, 8, 9, 10, 11, 12]],
    ['ежегодно до 15 мая', [5]],
    ['ежегодно 1 сентября', [9]],
    ['ежегодно 29 февраля', [2]],
    ['октябрь 2021, ежегодно', [10]],
    ['ежегодно, сентябрь 2021 – май 2022', [1, 2, 3, 4, 5, 9, 10, 11, 12]],
    ['ежегодно, январь 2021 – март 2022', []],
    ['ежегодно, январь – декабрь', []],
    ['ежегодно в 2021-2023 гг.', []],
    ['ежегодно, 2021/2022 учебный год', []],
  ])('[T14] %s names months %j', (text, months) => expect(recurrence(text)).toEqual(['recurring', 'year', months]));

  it('[T14] a recurrence of another unit keeps the months it names', () => {
    expect(periodOf('ежемесячно, сентябрь – май').recurrence).toEqual({ every: 'month', months: [1, 2, 3, 4, 5, 9, 10, 11, 12] });
    expect(periodOf('еженедельно в сентябре').recurrence).toEqual({ every: 'week', months: [9] });
  });

  it('[T14] a half-year inside a recurrence reads as academic with the context', () => {
    expect(periodOf('ежегодно во 2 полугодии', plan2021).recurrence).toEqual({ every: 'year', months: [1, 2, 3, 4, 5, 6] });
    expect(periodOf('ежегодно в 1 полугодии', plan2021).recurrence).toEqual({ every: 'year', months: [9, 10, 11, 12] });
  });

  it('[T14] recurring periods have no dates', () => {
    expect(periodOf('Май – июнь 2022, ежегодно')).toMatchObject({ kind: 'recurring', start: null, end: null });
  });

  it('[T14] time clauses without a recurrence: a date, a range, a deadline', () => {
    expect(span('Постоянно, 2021-2022 гг.')).toEqual(['range', '2021-01-01', '2022-12-31']);
    expect(span('в течение года, 2022')).toEqual(['range', '2022-01-01', '2022-12-31']);
    expect(span('Постоянно (до 01.06.2022)')).toEqual(['range', null, '2022-06-01']);
    expect(span('15.05.2022 (по графику)')).toEqual(['date', '2022-05-15', '2022-05-15']);
    expect(span('Октябрь 2021 (март 2022)')).toEqual(['range', '2021-10-01', '2022-03-31']);
    expect(span('2021 год 2022 год')).toEqual(['range', '2021-01-01', '2022-12-31']);
  });

  it.each([
    ['Ежегодно, ежемесячно'],
    ['ежеквартально, раз в год'],
    ['в течение 2022 года, не позднее 01.03.2022'],
    ['до 01.03.2022 (до 01.04.2022)'],
    ['ежегодно 31 февраля'],
    ['ежегодно в 13 месяце'],
    ['Постоянно, сентябрь – май'],
    ['ежегодно, 16-27'],
  ])('[T14] «%s» is unknown', (text) => expect(periodOf(text)).toEqual(unknown(text)));
});

describe('[T15] unknown', () => {
  it.each([
    [''],
    ['   '],
    ['когда-нибудь'],
    ['по мере необходимости'],
    ['по мере поступления заявок'],
    ['Мартовские иды'],
    ['1 - 2 - 3'],
    ['03.11 - 01.11 2021'],
    ['31.02.2022'],
    ['15.13.2022'],
    ['с 01.09.2021'],
    ['Сентябрь'],
    ['2 полугодие'],
    ['I квартал'],
    ['учебный год'],
    ['до конца учебного года'],
    ['год'],
    ['ежегодно ежегодно ежемесячно'],
    ['«»'],
    ['-'],
    [',,,'],
    ['и'],
    ['в'],
    ['в течение'],
    ['99.99.9999 - 00.00.0000'],
    ['01.01.1850'],
  ])('[T15] «%s»', (text) => expect(periodOf(text)).toEqual(unknown(text)));
});

describe('[T16] the academic year of the context', () => {
  it.each([
    ['Сентябрь', '2021-09-01', '2021-09-30'],
    ['Май', '2022-05-01', '2022-05-31'],
    ['15 сентября', '2021-09-15', '2021-09-15'],
    ['сентябрь – май', '2021-09-01', '2022-05-31'],
    ['ноябрь, январь', '2021-11-01', '2022-01-31'],
    ['I полугодие', '2021-09-01', '2021-12-31'],
    ['2 полугодие', '2022-01-01', '2022-06-30'],
    ['II четверть', '2021-11-01', '2021-12-31'],
    ['IV квартал', '2021-10-01', '2021-12-31'],
    ['учебный год', '2021-09-01', '2022-08-31'],
    ['2 полугодие учебного года', '2022-01-01', '2022-06-30'],
    ['январь 2023', '2023-01-01', '2023-01-31'],
    ['II полугодие 2021', '2021-07-01', '2021-12-31'],
  ])('[T16] %s', (text, start, end) => expect(span(text, plan2021)).toEqual([start === end ? 'date' : 'range', start, end]));

  it('[T16] the context places only what has no year', () => {
    expect(span('сентябрь – май 2022', plan2021)).toEqual(['range', '2021-09-01', '2022-05-31']);
    expect(span('май – сентябрь 2021', plan2021)).toEqual(['range', '2021-05-01', '2021-09-30']);
    expect(span('Май – март', plan2021)).toEqual(['unknown', null, null]);
    expect(span('до конца учебного года', plan2021)).toEqual(['range', null, '2022-08-31']);
    expect(periodOf('в течение учебного года', plan2021).kind).toBe('ongoing');
  });
});

describe('[T17] next occurrence', () => {
  const next = (text: string, today: string) => nextOccurrence(periodOf(text), today);

  it('[T17] named months occur as runs of consecutive months', () => {
    expect(next('Май – июнь, ежегодно', '2022-02-10')).toEqual({ start: '2022-05-01', end: '2022-06-30' });
    expect(next('Май – июнь, ежегодно', '2022-06-30')).toEqual({ start: '2022-05-01', end: '2022-06-30' });
    expect(next('Май – июнь, ежегодно', '2022-07-01')).toEqual({ start: '2023-05-01', end: '2023-06-30' });
    expect(next('ежегодно в апреле и октябре', '2022-05-01')).toEqual({ start: '2022-10-01', end: '2022-10-31' });
    expect(next('ежегодно в апреле и май', '2022-03-01')).toEqual({ start: '2022-04-01', end: '2022-05-31' });
  });

  it('[T17] a run may cross the new year', () => {
    expect(next('ежегодно, декабрь – февраль', '2022-01-10')).toEqual({ start: '2021-12-01', end: '2022-02-28' });
    expect(next('ежегодно, декабрь – февраль', '2022-12-31')).toEqual({ start: '2022-12-01', end: '2023-02-28' });
    expect(next('ежегодно, декабрь – февраль', '2022-03-01')).toEqual({ start: '2022-12-01', end: '2023-02-28' });
    expect(next('сентябрь – май, ежегодно', '2022-06-15')).toEqual({ start: '2022-09-01', end: '2023-05-31' });
  });

  it('[T17] half-years and quarters without months: the current one', () => {
    expect(next('1 раз в полугодие', '2022-02-10')).toEqual({ start: '2022-01-01', end: '2022-06-30' });
    expect(next('раз в полгода', '2022-08-01')).toEqual({ start: '2022-07-01', end: '2022-12-31' });
    expect(next('раз в квартал', '2022-12-31')).toEqual({ start: '2022-10-01', end: '2022-12-31' });
    expect(next('ежеквартально в III квартале', '2022-01-15')).toEqual({ start: '2022-07-01', end: '2022-09-30' });
    expect(next('2 раза в год', '2022-01-15')).toBeNull();
  });

  it('[T17] months, weeks and days, limited to the months named', () => {
    expect(next('каждый месяц', '2022-02-10')).toEqual({ start: '2022-02-01', end: '2022-02-28' });
    expect(next('ежемесячно, сентябрь – май', '2022-02-10')).toEqual({ start: '2022-02-01', end: '2022-02-28' });
    expect(next('ежемесячно, сентябрь – май', '2022-06-15')).toEqual({ start: '2022-09-01', end: '2022-09-30' });
    expect(next('еженедельно', '2022-02-10')).toEqual({ start: '2022-02-07', end: '2022-02-13' });
    expect(next('еженедельно', '2022-02-13')).toEqual({ start: '2022-02-07', end: '2022-02-13' });
    expect(next('еженедельно', '2022-01-01')).toEqual({ start: '2021-12-27', end: '2022-01-02' });
    expect(next('еженедельно в сентябре', '2022-06-15')).toEqual({ start: '2022-09-05', end: '2022-09-11' });
    expect(next('еженедельно в августе', '2022-06-15')).toEqual({ start: '2022-08-01', end: '2022-08-07' });
    expect(next('ежедневно', '2022-02-10')).toEqual({ start: '2022-02-10', end: '2022-02-10' });
    expect(next('ежедневно в мае', '2022-02-10')).toEqual({ start: '2022-05-01', end: '2022-05-01' });
    expect(next('ежедневно в мае', '2022-05-10')).toEqual({ start: '2022-05-10', end: '2022-05-10' });
  });

  it('[T17] only recurring periods occur', () => {
    expect(next('Октябрь 2021 г.', '2022-02-10')).toBeNull();
    expect(next('Постоянно', '2022-02-10')).toBeNull();
  });
});

/** The same period `years` later: every date on the same day (29 February on the 28th), `text` as given. */
function later(p: Period, text: string, years: number): Period {
  const move = (iso: string | null) => {
    if (iso === null) return null;
    const [y, m, d] = [+iso.slice(0, 4) + years, +iso.slice(5, 7), +iso.slice(8, 10)];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}-${iso.slice(5, 7)}-${String(Math.min(d, last)).padStart(2, '0')}`;
  };
  return { ...p, text, start: move(p.start), end: move(p.end) };
}

describe('[T18] shiftPeriodText', () => {
  it.each([
    ['Октябрь 2021 г.', 'Октябрь 2022 г.'],
    ['13.09.2021- 08.10.2021', '13.09.2022- 08.10.2022'],
    ['01.11.-03.11 2021', '01.11.-03.11 2022'],
    ['до 01.12.21', 'до 01.12.22'],
    ['2021/22 учебный год', '2022/23 учебный год'],
    ['2021/2022', '2022/2023'],
    ['2021-2022 уч. г.', '2022-2023 уч. г.'],
    ['2021–22 уч. год', '2022–23 уч. год'],
    ['2021-2023 г.г.', '2022-2024 г.г.'],
    ['2022-03-15', '2023-03-15'],
    ['09.2021 – 05.2022', '09.2022 – 05.2023'],
    ['29.02.2024', '28.02.2025'],
    ['29.02.24', '28.02.25'],
    ['29 февраля 2024 г.', '28 февраля 2025 г.'],
    ['28.02.2023', '28.02.2024'],
    ['Ежегодно в апреле и октябре', 'Ежегодно в апреле и октябре'],
    ['В течение всего периода', 'В течение всего периода'],
    ['Приказ № 12345 от 15.05.2022', 'Приказ № 12345 от 15.05.2023'],
    ['1850 год, 2200 год', '1850 год, 2200 год'],
    ['31.12.99', '31.12.2100'],
    ['2099/00', '2100/01'],
    ['2021/23', '2022/23'],
  ])('[T18] %s → %s', (text, shifted) => expect(shiftPeriodText(text, 1)).toBe(shifted));

  it('[T18] moves back and by several years', () => {
    expect(shiftPeriodText('сентябрь 2021 – май 2022', -1)).toBe('сентябрь 2020 – май 2021');
    expect(shiftPeriodText('2021/22 учебный год', -3)).toBe('2018/19 учебный год');
    expect(shiftPeriodText('01.09.21', -22)).toBe('01.09.1999');
    expect(shiftPeriodText('29.02.2024', 4)).toBe('29.02.2028');
    expect(shiftPeriodText('Октябрь 2021 г.', 0)).toBe('Октябрь 2021 г.');
  });

  const texts = [
    '11.10.2021',
    '13.09.2021- 08.10.2021',
    '01.11.-03.11 2021',
    '16-27 мая 2022',
    'Октябрь – ноябрь 2021 г.',
    'Январь – март 2022 .',
    '2021-2023 г.г.',
    'Ноябрь 2021 г. – февраль 2022 г.',
    'с 2020 по 2022 годы',
    'до 01.12.21',
    'не позднее 29.02.2024',
    'I квартал 2022',
    '2 полугодие 2021-2022 уч. года',
    '2021/22 учебный год',
    'III четверть 2021/2022',
    'декабрь 2021 – январь 2022',
    'март, май 2022',
    'в течение 2022 года',
    'Октябрь 2021 г. (по отдельному графику)',
    '2022-03-15',
    '09.2021 – 05.2022',
    'Ежегодно, март-апрель',
    'ежегодно в апреле и октябре по отдельному графику',
    'В течение всего периода',
    'когда-нибудь',
  ];

  it.each(texts.map((t) => [t]))('[T18] periodOf(shiftPeriodText(«%s», n)) is the same period n years later', (text) => {
    for (const years of [1, -1, 3]) {
      const shifted = shiftPeriodText(text, years);
      expect(periodOf(shifted)).toEqual(later(periodOf(text), shifted, years));
    }
  });

  it('[T18] with the academic year shifted too, a plan-graph month moves with it', () => {
    expect(periodOf(shiftPeriodText('15 мая', 1), { academicYearStart: 2022 })).toEqual(later(periodOf('15 мая', plan2021), '15 мая', 1));
  });
});

describe('[T19] any text', () => {
  // A deterministic soup of the grammar's own pieces, so that near-misses are tried, not only noise.
  const pieces = [
    'ежегодно',
    'в',
    'и',
    ',',
    '(',
    ')',
    '-',
    '–',
    '/',
    'до',
    'с',
    'по',
    'не',
    'позднее',
    'мая',
    'сентябрь',
    'декабря',
    'I',
    'II',
    'квартал',
    'полугодие',
    'четверть',
    'учебный',
    'год',
    'уч.',
    'г.',
    'гг.',
    '2021',
    '2022',
    '21',
    '22',
    '1',
    '15',
    '31',
    '01.09.2021',
    '29.02',
    '09.2021',
    'раз',
    'в течение',
    'всего',
    'периода',
    'постоянно',
    'отдельному',
    'графику',
    'конца',
    '«',
    '.',
    ' ',
    'каждый',
    'месяц',
    'ё',
  ];
  let seed = 13;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const soup = (n: number) => Array.from({ length: n }, () => pieces[Math.floor(random() * pieces.length)]).join(random() < 0.5 ? ' ' : '');

  it('[T19] never throws, and every answer is well formed', () => {
    for (let i = 0; i < 3000; i++) {
      const text = soup(1 + Math.floor(random() * 12));
      for (const context of [{}, plan2021]) {
        const p = periodOf(text, context);
        expect(p.text).toBe(text);
        if (p.kind === 'date') expect(p.start).toBe(p.end);
        if (p.kind === 'range') expect(p.start === null || p.start < p.end!).toBe(true);
        if (p.kind === 'recurring') {
          expect([p.start, p.end]).toEqual([null, null]);
          expect(p.recurrence!.months).toEqual([...new Set(p.recurrence!.months)].sort((a, b) => a - b));
          expect(p.recurrence!.months.every((m) => m >= 1 && m <= 12) && p.recurrence!.months.length < 12).toBe(true);
        }
        if (p.kind === 'unknown' || p.kind === 'ongoing') expect([p.start, p.end]).toEqual([null, null]);
      }
    }
  });

  it('[T19] a cell of 20 000 characters is answered', () => {
    expect(periodOf(`${soup(4000).padEnd(20_000, ' ')} x`).kind).toBe('unknown');
    expect(periodOf(`(${'('.repeat(20_000)}`).kind).toBe('unknown');
  });
});
