// The recogniser (SPEC I4–I10): from what a reader made of a document to the board it holds. Real
// sources through the text reader, and hand-made tables with everything Word does to a plan.
import fs from 'node:fs';
import path from 'node:path';
import type { BoardJson, PlanJson } from '@soplan/shared';
import { describe, expect, it } from 'vitest';
import { ImportFailure } from '../../server/src/exchange/import/import-failure.ts';
import { readSource } from '../../server/src/exchange/import/readers/index.ts';
import { recognise, type RecogniseContext } from '../../server/src/exchange/import/recognise/index.ts';
import type { SourceDocument } from '../../server/src/exchange/import/source-document.ts';
import { doc, para, table } from '../helpers/source-model.ts';

const SOURCES = path.resolve(import.meta.dirname, '../../server/src/demo/sources');
const sourceText = (name: string) =>
  fs.readFileSync(
    path.join(
      SOURCES,
      fs.readdirSync(SOURCES).find((f) => f.startsWith(`${name}_`))!,
    ),
    'utf8',
  );

const context: RecogniseContext = {
  today: '2021-12-01',
  organisations: [
    { name: 'ЯГПУ им. К. Д. Ушинского', partner: true },
    { name: 'МОУ «Городской центр развития образования» (ГЦРО)', partner: false },
    { name: 'МДОУ № 8', partner: false },
  ],
  maxRows: 20_000,
};

const roadmapOf = (content: BoardJson): PlanJson => {
  if (content.kind !== 'roadmap') throw new Error(`expected a roadmap, got ${content.kind}`);
  return content.roadmap;
};
const titles = (plan: PlanJson) =>
  plan.sections.map((s) => [s.title, s.items.map((i) => i.title), s.sections.map((x) => [x.title, x.items.map((i) => i.title)])]);

const HEADER = ['№ п/п', 'Наименование мероприятия', 'Сроки', 'Ответственный исполнитель', 'Ожидаемый результат'];

describe('the sources (SPEC I4)', () => {
  it('source 001: a roadmap of four sections, the section rows spanning the table, 23 items with periods and responsibles as written', async () => {
    const { document } = await readSource({ text: sourceText('001') });
    const r = recognise(document, {}, context);
    expect(r.kind).toBe('roadmap');
    expect(r.title).toMatch(/^План мероприятий \(«дорожная карта» 2\.2\) по развитию в Сарове .* на 2021-2022 годы$/);
    const plan = roadmapOf(r.content);
    expect(plan.sections.map((s) => s.items.length)).toEqual([11, 3, 4, 5]);
    expect(plan.sections[0]!.items[0]).toMatchObject({
      period: 'Октябрь – ноябрь 2021 г.',
      responsibles: ['МБОУ ДПО МЦ'],
      result: 'Приказ Департамента образования Администрации г. Сарова',
    });
    // «МБОУ ДПО МЦ ГБОУ ДПО НИРО» on one line: two organisations.
    expect(plan.sections[3]!.items[2]!.responsibles).toEqual(['МБОУ ДПО МЦ', 'ГБОУ ДПО НИРО']);
    expect(r.columns.map((c) => c.role)).toEqual(['number', 'title', 'period', 'responsibles', 'result']);
    expect(r.counts).toMatchObject({ sections: 4, items: 23 });
    // Named by none of the workspace's organisations: listed once, at the first item naming it (SPEC I10).
    expect(r.warnings.filter((w) => w.code === 'responsible_unmatched').map((w) => [w.params?.name, w.where.item])).toEqual([
      ['МБОУ ДПО МЦ', '1.1'],
      ['Департамент образования', '1.9'],
      ['ОО', '1.10'],
      ['ГБОУ ДПО НИРО', '4.3'],
    ]);
  });

  it('source 000 holds two plans: the «Содержание деятельности» roadmap (a direction per row, numbered мероприятия in one cell) and the plan-graph', async () => {
    const { document } = await readSource({ text: sourceText('000') });
    const first = recognise(document, {}, context);
    expect(first.tables.map((t) => t.kind)).toEqual(['roadmap', 'plan-graph']);
    expect(first.kind).toBe('roadmap');
    expect(first.table).toBe(0);
    const plan = roadmapOf(first.content);
    expect(plan.sections.map((s) => s.title)).toEqual([
      'Аналитическая',
      'Информационная',
      'Организационно-методическая',
      'Консультационная',
      'Экспертная',
      'Управленческая',
      'Образовательная',
    ]);
    expect(plan.sections.map((s) => s.items.length)).toEqual([2, 4, 7, 5, 2, 3, 1]);
    // The direction's one «Ожидаемый результат» is kept once, on its first item.
    expect(plan.sections[0]!.items[0]!.result).toContain('Аналитическая справка');
    expect(plan.sections[0]!.items[1]!.result).toBe('');
    expect(first.warnings.filter((w) => w.code === 'cell_split').length).toBeGreaterThan(0);

    const graph = recognise(document, { table: 1 }, context);
    expect(graph.kind).toBe('plan-graph');
    expect(graph.title).toBe('План-график на 2021-2022 учебный год');
    if (graph.content.kind !== 'plan-graph') throw new Error('kind');
    const { events, from, to } = graph.content.planGraph;
    expect([from, to]).toEqual(['2021-09', '2022-08']);
    expect(events).toHaveLength(34);
    expect(new Set(events.map((e) => e.month)).size).toBe(9);
    // «Консультация / ЯГПУ»: the form, and the partner the workspace marks as one.
    expect(events.filter((e) => e.partner === 'ЯГПУ')).toHaveLength(3);
    expect(events.find((e) => e.title.startsWith('Координация и планирование'))).toMatchObject({ form: 'Круглый стол', responsibles: ['ГТГ', 'ГЦРО'] });
  });

  it('source 004: a programme — passport by its labels, stages with periods, products, the other parts as rich-text sections', async () => {
    const { document } = await readSource({ text: sourceText('004') });
    const r = recognise(document, {}, context);
    expect(r.kind).toBe('programme');
    expect(r.title).toBe('Межфирменное наставничество как сетевая модель профессионального роста педагогов');
    if (r.content.kind !== 'programme') throw new Error('kind');
    const p = r.content.programme;
    expect(p.passport.goal).toMatch(/^создание и апробация нового механизма/);
    expect(p.passport.tasks.split('\n')).toHaveLength(9);
    expect(p.passport.term).toBe('с 2020 по 2022 годы');
    expect(p.passport.relevance).toMatch(/^Актуальность проекта обусловлена/);
    expect(p.passport.expectedResults).toMatch(/^Созданная и апробированная модель/);
    expect(p.stages.map((s) => [s.title, s.period])).toEqual([
      ['Подготовительный', 'сентябрь- декабрь 2020гг.'],
      ['Деятельностный', 'январь 2021- март 2022 гг.'],
      ['Итогово-аналитический', 'апрель-май 2022'],
    ]);
    expect(p.stages[0]!.description.split('\n')).toHaveLength(4);
    expect(p.products).toHaveLength(4);
    const sectionText = JSON.stringify(p.sections);
    expect(sectionText).toContain('Опарышева Наталья Викторовна');
    expect(p.sections.find((s) => s.title.startsWith('Описание ресурсного'))!.body[0]).toMatchObject({ type: 'bulletList' });
  });
});

describe('what Word does to a table (SPEC I5, I6)', () => {
  it('skips a header repeated on later pages and the row of column numbers under it', () => {
    const rows = [
      HEADER,
      ['1', '2', '3', '4', '5'],
      ['1', 'Семинар', 'Октябрь 2021', 'МДОУ № 8', 'Протокол'],
      HEADER,
      ['2', 'Круглый стол', 'Ноябрь 2021', 'ГЦРО', ''],
    ];
    const r = recognise(doc(table(rows)), {}, context);
    const plan = roadmapOf(r.content);
    expect(plan.sections[0]!.items.map((i) => i.title)).toEqual(['Семинар', 'Круглый стол']);
    expect(r.warnings.filter((w) => w.code === 'header_repeated')).toEqual([expect.objectContaining({ where: { table: 1, row: 4 } })]);
  });

  it('a row without a number continues the item above it, column by column (a row split across a page)', () => {
    const rows = [
      HEADER,
      ['1', 'Разработка положения о сетевом', '', 'МОУ ГЦРО', 'Положение'],
      ['', 'наставничестве', 'Сентябрь 2021', 'МДОУ № 8', 'утверждено'],
      ['2', 'Семинар', 'Октябрь 2021', '', ''],
    ];
    const r = recognise(doc(table(rows)), {}, context);
    const [first, second] = roadmapOf(r.content).sections[0]!.items;
    expect(first).toMatchObject({
      title: 'Разработка положения о сетевом наставничестве',
      period: 'Сентябрь 2021',
      responsibles: ['МОУ ГЦРО', 'МДОУ № 8'],
      result: 'Положение утверждено',
    });
    expect(second!.title).toBe('Семинар');
    expect(r.warnings.find((w) => w.code === 'row_continued')!.where).toEqual({ table: 1, row: 3, item: '1.1' });
  });

  it('a section title spanning the row opens a section; a «Сроки» cell spanning three rows applies to each', () => {
    const rows = [
      HEADER,
      [{ text: '1. Организационное обеспечение', colSpan: 5 }],
      ['1', 'Положение', { text: 'Сентябрь 2021', rowSpan: 3 }, { text: 'МОУ ГЦРО', rowSpan: 2 }, ''],
      ['2', 'Приказ', 'МОУ ГЦРО', ''],
      ['3', 'План', 'МДОУ № 8', ''],
      [{ text: '2. Методическое сопровождение', colSpan: 5 }],
      ['4', 'Семинар', 'Октябрь 2021', 'ЯГПУ', ''],
    ];
    // HTML and Word leave the covered cells out of the row: the second row has four cells.
    rows[3] = ['2', 'Приказ', ''];
    rows[4] = ['3', 'План', 'МДОУ № 8', ''];
    const plan = roadmapOf(recognise(doc(table(rows)), {}, context).content);
    expect(plan.sections.map((s) => s.title)).toEqual(['Организационное обеспечение', 'Методическое сопровождение']);
    expect(plan.sections[0]!.items.map((i) => [i.title, i.period, i.responsibles])).toEqual([
      ['Положение', 'Сентябрь 2021', ['МОУ ГЦРО']],
      ['Приказ', 'Сентябрь 2021', ['МОУ ГЦРО']],
      ['План', 'Сентябрь 2021', ['МДОУ № 8']],
    ]);
  });

  it('several numbered мероприятия in one cell become one item each, with their own period and responsible when those cells list them line by line', () => {
    const rows = [
      HEADER,
      [
        '1',
        '1. Семинар для старших воспитателей\n2. Круглый стол по итогам года\n3. Конференция',
        '1. Октябрь 2021\n2. Май 2022\n3. Апрель 2022',
        'МОУ ГЦРО',
        'Методические рекомендации',
      ],
      ['2', '1. Анкетирование педагогов 2. Анализ анкет', 'Ноябрь 2021', 'МДОУ № 8\nГЦРО', ''],
      ['3', '1. Сбор заявок 2. Отбор участников', 'Декабрь 2021', 'МДОУ № 8, ГЦРО', ''],
    ];
    const r = recognise(doc(table(rows)), {}, context);
    const items = roadmapOf(r.content).sections[0]!.items;
    expect(items.map((i) => [i.title, i.period, i.responsibles])).toEqual([
      ['Семинар для старших воспитателей', 'Октябрь 2021', ['МОУ ГЦРО']],
      ['Круглый стол по итогам года', 'Май 2022', ['МОУ ГЦРО']],
      ['Конференция', 'Апрель 2022', ['МОУ ГЦРО']],
      // As many responsibles' lines as мероприятия: one each; one line: everyone on it answers for each.
      ['Анкетирование педагогов', 'Ноябрь 2021', ['МДОУ № 8']],
      ['Анализ анкет', 'Ноябрь 2021', ['ГЦРО']],
      ['Сбор заявок', 'Декабрь 2021', ['МДОУ № 8', 'ГЦРО']],
      ['Отбор участников', 'Декабрь 2021', ['МДОУ № 8', 'ГЦРО']],
    ]);
    // One result for the cell's мероприятия is kept once, not copied to each.
    expect(items.map((i) => i.result)).toEqual(['Методические рекомендации', '', '', '', '', '', '']);
    expect(r.warnings.filter((w) => w.code === 'cell_split').map((w) => w.params?.count)).toEqual([3, 2, 2]);
  });

  it('three levels of numbering: направление 1 → подраздел 1.1 → мероприятия 1.1.1 (derived numbers 1, 1.1, 1.1.1)', () => {
    const rows = [
      HEADER,
      ['1', 'Кадровое обеспечение', '', '', ''],
      ['1.1', 'Наставничество', '', '', ''],
      ['1.1.1', 'Отбор наставников', 'Сентябрь 2021', 'МДОУ № 8', ''],
      ['1.1.2', 'Обучение наставников', 'Октябрь 2021', 'ГЦРО', ''],
      ['1.2', 'Аттестация', '', '', ''],
      ['1.2.1', 'График аттестации', 'Ноябрь 2021', 'ГЦРО', ''],
      ['2', 'Информационное обеспечение', '', '', ''],
      ['2.1', 'Сайт', '', '', ''],
      ['2.1.1', 'Страница сообщества', 'Постоянно', 'ГЦРО', ''],
    ];
    const r = recognise(doc(table(rows)), {}, context);
    const plan = roadmapOf(r.content);
    expect(titles(plan)).toEqual([
      [
        'Кадровое обеспечение',
        [],
        [
          ['Наставничество', ['Отбор наставников', 'Обучение наставников']],
          ['Аттестация', ['График аттестации']],
        ],
      ],
      ['Информационное обеспечение', [], [['Сайт', ['Страница сообщества']]]],
    ]);
    expect(r.counts).toMatchObject({ sections: 5, items: 4 });
  });

  it('the same levels written as spanning rows «1. …» and «1.1. …»', () => {
    const rows = [
      HEADER,
      [{ text: '1. Кадры', colSpan: 5 }],
      [{ text: '1.1. Наставничество', colSpan: 5 }],
      ['1.1.1', 'Отбор наставников', 'Сентябрь 2021', 'ГЦРО', ''],
      [{ text: '1.2. Аттестация', colSpan: 5 }],
      ['1.2.1', 'График', 'Ноябрь 2021', 'ГЦРО', ''],
    ];
    expect(titles(roadmapOf(recognise(doc(table(rows)), {}, context).content))).toEqual([
      [
        'Кадры',
        [],
        [
          ['Наставничество', ['Отбор наставников']],
          ['Аттестация', ['График']],
        ],
      ],
    ]);
  });

  it('a column no board kind uses is ignored with a warning; the user can say what a column means, and choose the kind', () => {
    const rows = [
      ['№', 'Мероприятие', 'Источник финансирования', 'Когда'],
      ['1', 'Семинар', 'Бюджет', 'Октябрь 2021'],
    ];
    const r = recognise(doc(table(rows)), {}, context);
    expect(r.columns.map((c) => c.role)).toEqual(['number', 'title', 'ignore', 'period']);
    const fixed = recognise(doc(table(rows)), { columns: ['number', 'title', 'result', 'period'] }, context);
    expect(roadmapOf(fixed.content).sections[0]!.items[0]).toMatchObject({ title: 'Семинар', result: 'Бюджет', period: 'Октябрь 2021' });
    const asGraph = recognise(doc('План-график на 2021/2022 учебный год', table(rows)), { kind: 'plan-graph' }, context);
    expect(asGraph.kind).toBe('plan-graph');
    if (asGraph.content.kind !== 'plan-graph') throw new Error('kind');
    expect(asGraph.content.planGraph.events[0]).toMatchObject({ title: 'Семинар', month: '2021-10' });
  });

  it('a period Soplan does not understand is kept as written and pointed at', () => {
    const rows = [HEADER, ['1', 'Семинар', 'по мере необходимости', 'ГЦРО', '']];
    const r = recognise(doc(table(rows)), {}, context);
    expect(roadmapOf(r.content).sections[0]!.items[0]!.period).toBe('по мере необходимости');
    expect(r.warnings.find((w) => w.code === 'period_unknown')).toMatchObject({
      where: { table: 1, row: 2, item: '1.1' },
      params: { text: 'по мере необходимости' },
    });
  });

  it('a row with nothing to make an item of is skipped with a warning quoting it', () => {
    const rows = [HEADER, ['1', 'Семинар', 'Октябрь 2021', 'ГЦРО', ''], ['', '', 'Ноябрь 2021', 'МДОУ № 8', '']];
    const r = recognise(doc(table(rows, { headerRows: 1 })), { columns: ['ignore', 'title', 'period', 'responsibles', 'result'] }, context);
    expect(roadmapOf(r.content).sections[0]!.items).toHaveLength(1);
    expect(r.warnings.find((w) => w.code === 'row_skipped')).toMatchObject({ where: { table: 1, row: 3 } });
  });
});

describe('the document around the plan (SPEC I8)', () => {
  const prikaz = (): SourceDocument =>
    doc(
      para('ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ', { align: 'center' }),
      para('МЭРИИ ГОРОДА ЯРОСЛАВЛЯ', { align: 'center' }),
      para('ПРИКАЗ', { align: 'center' }),
      '12.10.2021 № 01-05/812',
      'Об утверждении плана мероприятий',
      'по развитию наставничества',
      'В целях развития системы наставничества в образовательных учреждениях города',
      'ПРИКАЗЫВАЮ:',
      para('Утвердить план мероприятий (приложение).', { list: { ordered: true, depth: 0, marker: '1.' } }),
      para('Контроль за исполнением приказа оставляю за собой.', { list: { ordered: true, depth: 0, marker: '2.' } }),
      'Директор департамента\tЕ.А. Иванова',
      'Приложение № 1 к приказу департамента от 12.10.2021 № 01-05/812',
      'УТВЕРЖДАЮ',
      para('ПЛАН МЕРОПРИЯТИЙ ПО РАЗВИТИЮ НАСТАВНИЧЕСТВА', { bold: true, align: 'center' }),
      para('на 2021-2022 учебный год', { bold: true, align: 'center' }),
      'Цель: создание условий для профессионального роста молодых педагогов.',
      'Задачи:',
      '1. Выявить профессиональные дефициты.',
      '2. Организовать наставничество.',
      'Список сокращений',
      'ДОО – дошкольная образовательная организация',
      'ГЦРО – городской центр развития образования',
      table([HEADER, ['1', 'Семинар', 'Октябрь 2021', 'ГЦРО', 'Протокол']]),
    );

  it('keeps the приказ requisites, its body and signatory, «Цель», «Задачи» and the abbreviations, and takes the plan title from the appendix', () => {
    const r = recognise(prikaz(), {}, context);
    expect(r.content.document).toEqual({
      authority: 'ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ\nМЭРИИ ГОРОДА ЯРОСЛАВЛЯ',
      documentKind: 'ПРИКАЗ',
      date: '12.10.2021',
      number: '01-05/812',
      title: 'Об утверждении плана мероприятий по развитию наставничества',
      body: 'В целях развития системы наставничества в образовательных учреждениях города\nПРИКАЗЫВАЮ:\n1. Утвердить план мероприятий (приложение).\n2. Контроль за исполнением приказа оставляю за собой.',
      signatory: 'Директор департамента  Е.А. Иванова',
      goal: 'создание условий для профессионального роста молодых педагогов.',
      tasks: '1. Выявить профессиональные дефициты.\n2. Организовать наставничество.',
      abbreviations: 'ДОО – дошкольная образовательная организация\nГЦРО – городской центр развития образования',
    });
    expect(r.title).toBe('План мероприятий по развитию наставничества на 2021-2022 учебный год');
    expect(r.counts.fields).toBe(10);
    // What went nowhere (the appendix line, «УТВЕРЖДАЮ») is said, not silently lost.
    expect(r.warnings.find((w) => w.code === 'dropped')).toMatchObject({
      params: { text: '«Приложение № 1 к приказу департамента от 12.10.2021 № 01-05…» (+1)', count: 2 },
    });
  });

  it('a title given by the user wins', () => {
    expect(recognise(prikaz(), { title: 'Наставничество 2021' }, context).title).toBe('Наставничество 2021');
  });
});

describe('a plan-graph and a programme made by hand (SPEC I4, I9)', () => {
  it('a plan-graph whose month cell spans its events, months resolved in the academic year of the title', () => {
    const rows = [
      ['Месяц', 'Мероприятие', 'Форма', 'Дата', 'Ответственные'],
      [{ text: 'Сентябрь', rowSpan: 2 }, 'Установочное совещание', 'Совещание', '15.09.2023', 'ГЦРО'],
      ['Сбор заявок', 'Анкетирование', '', 'МДОУ № 8'],
      ['Январь', 'Семинар', 'Семинар', '', 'ГЦРО'],
    ];
    const r = recognise(doc('План-график работы сообщества на 2023/2024 учебный год', table(rows)), {}, context);
    expect(r.kind).toBe('plan-graph');
    if (r.content.kind !== 'plan-graph') throw new Error('kind');
    expect(r.content.planGraph.events.map((e) => [e.month, e.title, e.date])).toEqual([
      ['2023-09', 'Установочное совещание', '2023-09-15'],
      ['2023-09', 'Сбор заявок', ''],
      ['2024-01', 'Семинар', ''],
    ]);
    expect(r.content.planGraph.from).toBe('2023-09');
  });

  it('a programme with a «Паспорт» table of labelled rows and a plan of events', () => {
    const passport = table([
      [{ text: 'Паспорт программы', colSpan: 2 }],
      ['Разработчики', 'МДОУ № 8'],
      ['Сроки реализации', '2023–2025 гг.'],
      ['Целевая группа', 'Молодые педагоги'],
      ['Нормативно-правовая база', 'Федеральный закон № 273-ФЗ'],
      ['Цель программы', 'Профессиональный рост'],
      ['Задачи', '1. Выявить дефициты\n2. Сопровождать'],
      ['Ожидаемые результаты', 'Не менее 70 % молодых педагогов'],
    ]);
    const plan = table([HEADER, ['1', 'Отбор наставников', 'Сентябрь 2023', 'МДОУ № 8', 'Приказ']]);
    const r = recognise(doc('Программа наставничества «Шаг вперёд»', passport, 'План мероприятий', plan), {}, context);
    expect(r.kind).toBe('programme');
    if (r.content.kind !== 'programme') throw new Error('kind');
    expect(r.content.programme.passport).toMatchObject({
      developers: 'МДОУ № 8',
      term: '2023–2025 гг.',
      targetCategory: 'Молодые педагоги',
      legalBasis: 'Федеральный закон № 273-ФЗ',
      goal: 'Профессиональный рост',
      tasks: '1. Выявить дефициты\n2. Сопровождать',
      expectedResults: 'Не менее 70 % молодых педагогов',
    });
    expect(r.content.programme.plan.sections[0]!.items[0]).toMatchObject({ title: 'Отбор наставников', period: 'Сентябрь 2023' });
  });
});

describe('what cannot be imported (SPEC I3)', () => {
  it('a document without a table or text Soplan can use is refused with nothing_to_import', () => {
    const fail = (d: SourceDocument) => {
      try {
        recognise(d, {}, context);
      } catch (e) {
        return e instanceof ImportFailure ? e.code : e;
      }
      return 'accepted';
    };
    expect(fail(doc())).toBe('nothing_to_import');
    expect(fail(doc('Просто письмо коллегам.', 'С уважением, Е.В.'))).toBe('nothing_to_import');
    expect(
      fail(
        doc(
          table([
            ['a', 'b'],
            ['c', 'd'],
          ]),
        ),
      ),
    ).toBe('nothing_to_import');
  });

  it('more rows than the bound is refused as too complex before anything is read into a board', () => {
    const rows = [HEADER, ...Array.from({ length: 30 }, (_, i) => [String(i + 1), `Мероприятие ${i + 1}`, '', '', ''])];
    expect(() => recognise(doc(table(rows)), {}, { ...context, maxRows: 20 })).toThrow(expect.objectContaining({ code: 'import_too_complex' }));
  });
});

describe('what the reviewers found (SPEC I6)', () => {
  it('sub-points under an item («2.1», «2.2» under item 2, which has its own period) are items, and the rows after stay in the section', () => {
    const rows = [
      HEADER,
      ['1', 'Семинар', 'Октябрь 2021', 'ГЦРО', ''],
      ['2', 'Серия семинаров', 'Ноябрь 2021', 'ГЦРО', ''],
      ['2.1', 'Первый', 'Ноябрь 2021', 'ГЦРО', ''],
      ['2.2', 'Второй', 'Декабрь 2021', 'ГЦРО', ''],
      ['3', 'Конференция', 'Май 2022', 'ГЦРО', ''],
      ['4', 'Итоги', 'Июнь 2022', 'ГЦРО', ''],
    ];
    expect(titles(roadmapOf(recognise(doc(table(rows)), {}, context).content))).toEqual([
      ['Мероприятия', ['Семинар', 'Серия семинаров', 'Первый', 'Второй', 'Конференция', 'Итоги'], []],
    ]);
  });

  it('a section written in the title cell only — «I» in the № cell, «Раздел 2.», or bold — is a section, not an item or a continuation', () => {
    const rows = [
      HEADER,
      ['I', { text: 'Организационное обеспечение', bold: true }, '', '', ''],
      ['1', 'Семинар', 'Октябрь 2021', 'ГЦРО', ''],
      ['II', 'Методическое обеспечение', '', '', ''],
      ['2', 'Круглый стол', 'Ноябрь 2021', 'ГЦРО', ''],
      ['', 'Раздел 3. Информационное обеспечение', '', '', ''],
      ['3', 'Страница на сайте', 'Постоянно', 'ГЦРО', ''],
    ];
    const r = recognise(doc(table(rows)), {}, context);
    expect(titles(roadmapOf(r.content))).toEqual([
      ['Организационное обеспечение', ['Семинар'], []],
      ['Методическое обеспечение', ['Круглый стол'], []],
      ['Информационное обеспечение', ['Страница на сайте'], []],
    ]);
    expect(r.warnings.filter((w) => w.code === 'row_continued')).toEqual([]);
  });

  it('«Период проведения» is a period; a roadmap whose time column is «Дата проведения» keeps it as the period', () => {
    const a = recognise(
      doc(
        table([
          ['№', 'Мероприятие', 'Период проведения', 'Ответственные'],
          ['1', 'Семинар', 'в течение года', 'ГЦРО'],
        ]),
      ),
      {},
      context,
    );
    expect(a.kind).toBe('roadmap');
    expect(roadmapOf(a.content).sections[0]!.items[0]!.period).toBe('в течение года');
    const b = recognise(
      doc(
        table([
          ['№', 'Мероприятие', 'Дата проведения', 'Ответственные'],
          ['1', 'Семинар', '12.10.2021', 'ГЦРО'],
        ]),
      ),
      {},
      context,
    );
    expect(roadmapOf(b.content).sections[0]!.items[0]!.period).toBe('12.10.2021');
  });

  it('a «Сроки» header over «начало | окончание» gives one period from one to the other; a second responsibles column is read too', () => {
    const rows = [
      ['№', 'Мероприятие', { text: 'Сроки', colSpan: 2 }, 'Ответственный', 'Исполнители'],
      ['', '', 'начало', 'окончание', '', ''],
      ['1', 'Проект', 'Сентябрь 2021', 'май 2022', 'ГЦРО', 'МДОУ № 8'],
    ];
    rows[0] = ['№', 'Мероприятие', { text: 'Сроки', colSpan: 2 }, 'Ответственный', 'Исполнители'];
    rows[1] = ['', '', 'начало', 'окончание', '', ''];
    const r = recognise(doc(table(rows)), {}, context);
    expect(roadmapOf(r.content).sections[0]!.items[0]).toMatchObject({ period: 'Сентябрь 2021 – май 2022', responsibles: ['ГЦРО', 'МДОУ № 8'] });
  });

  it('more than fifty warnings of one kind: those listed still point at their own items', () => {
    const rows = [HEADER, ...Array.from({ length: 120 }, (_, i) => [String(i + 1), `Мероприятие ${i + 1}`, 'по мере необходимости', 'ГЦРО', ''])];
    const r = recognise(doc(table(rows)), {}, context);
    const listed = r.warnings.filter((w) => w.code === 'period_unknown');
    expect(listed).toHaveLength(50);
    expect(listed.map((w) => [w.where.row, w.where.item])).toEqual(listed.map((_, i) => [i + 2, `1.${i + 1}`]));
    expect(r.counts.warnings).toBe(120);
  });

  it('links in a row become the item’s evidence; a title too long for a board is cut at a word', () => {
    const link = { type: 'paragraph' as const, inlines: [{ text: 'Протокол', href: 'https://example.org/protocol' }] };
    const d = doc(table([HEADER, ['1', 'Семинар', 'Октябрь 2021', 'ГЦРО', '']]));
    const cell = (d.blocks[0] as { rows: { cells: { paragraphs: unknown[] }[] }[] }).rows[1]!.cells[4]!;
    cell.paragraphs.push(link);
    const r = recognise(d, {}, context);
    expect(roadmapOf(r.content).sections[0]!.items[0]).toMatchObject({ result: 'Протокол', evidence: ['https://example.org/protocol'] });
    const long = recognise(
      doc(para(`ПЛАН МЕРОПРИЯТИЙ ${'по развитию системы наставничества '.repeat(20)}`, { bold: true }), table([HEADER, ['1', 'Семинар', '', '', '']])),
      {},
      context,
    );
    expect(long.title.length).toBeLessThanOrEqual(300);
    expect(long.title.endsWith('…')).toBe(true);
  });
});

describe('the приказ as authorities write it (SPEC I8)', () => {
  it('«П Р И К А З» letter-spaced, and «ПРИКАЗ № …» with the number on its line', () => {
    const spaced = recognise(
      doc(
        'ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ',
        'П Р И К А З',
        '12.10.2021 № 01-05/812',
        'Об утверждении плана',
        'Текст приказа.',
        'Директор\tЕ.А. Иванова',
        table([HEADER, ['1', 'Семинар', 'Октябрь 2021', 'ГЦРО', '']]),
      ),
      {},
      context,
    );
    expect(spaced.content.document).toMatchObject({
      authority: 'ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ',
      documentKind: 'ПРИКАЗ',
      date: '12.10.2021',
      number: '01-05/812',
      title: 'Об утверждении плана',
      signatory: 'Директор  Е.А. Иванова',
    });
    const inline = recognise(
      doc(
        'ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ',
        'ПРИКАЗ № 01-05/812',
        'от 12.10.2021',
        'Об утверждении плана',
        'Текст приказа.',
        table([HEADER, ['1', 'Семинар', 'Октябрь 2021', 'ГЦРО', '']]),
      ),
      {},
      context,
    );
    expect(inline.content.document).toMatchObject({ documentKind: 'ПРИКАЗ', number: '01-05/812', title: 'Об утверждении плана' });
    const both = recognise(
      doc('ПРИКАЗ от 12.10.2021 № 812', 'Об утверждении плана', table([HEADER, ['1', 'Семинар', 'Октябрь 2021', 'ГЦРО', '']])),
      {},
      context,
    );
    expect(both.content.document).toMatchObject({ date: '12.10.2021', number: '812', title: 'Об утверждении плана' });
  });
});
