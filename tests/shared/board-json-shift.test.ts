// «Copy as next year's plan» on the board JSON form (SPEC rule B10): months, exact dates and the
// years written in periods move by whole years, statuses reset to planned when asked, and nothing
// a person wrote as prose changes.
import { boardFromJson, boardJson, boardToJson, periodOf, shiftBoardJson, type BoardJson } from '@soplan/shared';
import { describe, expect, it } from 'vitest';

const item = (title: string, period: string, status: 'planned' | 'in-progress' | 'done' | 'cancelled') => ({
  title,
  period,
  status,
  result: 'Отчёт за 2021 год',
  responsibles: ['ГЦРО'],
  evidence: ['https://example.org/2021'],
});

const document = { date: '12.10.2021', title: 'Об утверждении плана на 2021/2022 учебный год', body: 'Федеральный закон от 29.12.2012 № 273-ФЗ' };

const roadmap = boardJson.parse({
  format: 'soplan-board',
  version: 1,
  kind: 'roadmap',
  title: 'Дорожная карта на 2021-2023 годы',
  document,
  roadmap: {
    sections: [
      {
        title: 'Направление 2021',
        items: [item('Семинар', 'Октябрь – ноябрь 2021 г.', 'done'), item('Конкурс', 'до 01.03.2022', 'in-progress')],
        sections: [{ title: 'Подраздел', items: [item('Тренинг', '2021/2022 учебный год', 'cancelled')] }],
      },
    ],
    unplaced: [item('Без раздела', 'Ежегодно', 'done')],
  },
});

const planGraph = boardJson.parse({
  format: 'soplan-board',
  version: 1,
  kind: 'plan-graph',
  title: 'План-график',
  planGraph: {
    from: '2023-09',
    to: '2024-08',
    events: [
      { month: '2023-09', title: 'Сбор', date: '2023-09-14', status: 'done' },
      { month: '2024-02', title: 'Високосный', date: '2024-02-29', status: 'in-progress' },
      { month: '2024-03', title: 'Без даты', status: 'planned' },
    ],
  },
});

const programme = boardJson.parse({
  format: 'soplan-board',
  version: 1,
  kind: 'programme',
  title: 'Программа',
  programme: {
    passport: { term: '2021-2023 г.г.', goal: 'Цель к 2023 году' },
    stages: [{ title: 'Подготовительный', period: 'сентябрь- декабрь 2021 г.', status: 'done' }],
    pairs: [{ mentor: 'М', mentee: 'Н', route: [{ title: 'Шаг', period: 'Октябрь 2021 г.', status: 'done' }] }],
    plan: { sections: [{ title: 'План', items: [item('Приказ', 'Сентябрь 2021 г.', 'done')] }] },
  },
});

describe("copying a board as next year's plan", () => {
  it('[B10] a roadmap: every period one year later, statuses planned, titles, results and links as written', () => {
    const next = shiftBoardJson(roadmap, { years: 1, resetStatus: true });
    expect(next.kind === 'roadmap' && next.roadmap).toEqual({
      sections: [
        {
          title: 'Направление 2021',
          items: [item('Семинар', 'Октябрь – ноябрь 2022 г.', 'planned'), item('Конкурс', 'до 01.03.2023', 'planned')],
          sections: [{ title: 'Подраздел', items: [item('Тренинг', '2022/2023 учебный год', 'planned')] }],
        },
      ],
      unplaced: [item('Без раздела', 'Ежегодно', 'planned')],
    });
    expect(next.title).toBe(roadmap.title);
    // A new year's plan gets a new приказ: no date or number of the old one; the years of its title move, the body stays.
    expect(next.document).toMatchObject({ date: '', number: '', title: 'Об утверждении плана на 2022/2023 учебный год', body: document.body });
    expect(shiftBoardJson(roadmap, { years: 0, resetStatus: true }).document).toMatchObject({ date: '12.10.2021', title: document.title });
    const items = roadmap.kind === 'roadmap' ? roadmap.roadmap.sections[0]!.items : [];
    const shifted = next.kind === 'roadmap' ? next.roadmap.sections[0]!.items : [];
    expect(periodOf(shifted[0]!.period)).toMatchObject({ start: '2022-10-01', end: '2022-11-30' });
    expect(periodOf(items[0]!.period)).toMatchObject({ start: '2021-10-01' });
  });

  it('[B10] statuses stay when not reset; zero years changes nothing', () => {
    expect(shiftBoardJson(roadmap, { years: 0, resetStatus: false })).toEqual(roadmap);
    const kept = shiftBoardJson(roadmap, { years: 2, resetStatus: false });
    expect(kept.kind === 'roadmap' && kept.roadmap.sections[0]!.items.map((i) => [i.period, i.status])).toEqual([
      ['Октябрь – ноябрь 2023 г.', 'done'],
      ['до 01.03.2024', 'in-progress'],
    ]);
  });

  it('[B10][B5] a plan-graph: its range, months and dates move, a 29 February to the 28th; the copy is a board like any other', () => {
    const next = shiftBoardJson(planGraph, { years: 1, resetStatus: true });
    expect(next.kind === 'plan-graph' && next.planGraph).toMatchObject({
      from: '2024-09',
      to: '2025-08',
      events: [
        { month: '2024-09', date: '2024-09-14', status: 'planned' },
        { month: '2025-02', date: '2025-02-28', status: 'planned' },
        { month: '2025-03', date: '', status: 'planned' },
      ],
    });
    expect(boardToJson('plan-graph', next.title, boardFromJson(next), '2024-01-01')).toEqual(next);
    const back = shiftBoardJson(planGraph, { years: -4, resetStatus: false });
    expect(back.kind === 'plan-graph' && back.planGraph.events.map((e) => e.date)).toEqual(['2019-09-14', '2020-02-29', '']);
  });

  it("[B10][B7] a programme: its term, stages, route steps and plan move; its goal's prose stays", () => {
    const next = shiftBoardJson(programme, { years: 1, resetStatus: true }) as Extract<BoardJson, { kind: 'programme' }>;
    expect(next.programme.passport).toMatchObject({ term: '2022-2024 г.г.', goal: 'Цель к 2023 году' });
    expect(next.programme.stages[0]).toMatchObject({ period: 'сентябрь- декабрь 2022 г.', status: 'planned' });
    expect(next.programme.pairs[0]!.route[0]).toMatchObject({ period: 'Октябрь 2022 г.', status: 'planned' });
    expect(next.programme.plan.sections[0]!.items[0]).toMatchObject({ period: 'Сентябрь 2022 г.', status: 'planned' });
    expect(boardJson.parse(next)).toEqual(next);
  });
});
