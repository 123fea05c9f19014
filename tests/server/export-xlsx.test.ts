// The XLSX export of a board (issue 14): the workbook read back with exceljs — the title above the
// table, the frozen, filtered header row printed on every page, section rows merged across the table,
// every item with its derived number, the font and print setup of the document settings, a sheet per
// part of a programme — its XML checked where exceljs reads past it (formulas, escapes), and the
// file imported back: the same plan.
import { numberPlan, boardJson, defaultDocumentSettings, type BoardJson, type DocumentSettings, type PlanJson } from '@soplan/shared';
import ExcelJS, { type Worksheet } from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { boardXlsx } from '../../server/src/exchange/export/xlsx/index.ts';
import { importedFile, sourceBoard } from '../helpers/exported-boards.ts';

const imported = sourceBoard;
const importXlsx = (bytes: Uint8Array) => importedFile('x.xlsx', bytes);
const settings = (over: Partial<DocumentSettings> = {}): DocumentSettings => ({ ...defaultDocumentSettings(), ...over });

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own Buffer; a Node Buffer is what it reads
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}
const only = async (bytes: Uint8Array) => (await workbookOf(bytes)).worksheets[0]!;
const files = (bytes: Uint8Array) => {
  const all = unzipSync(bytes);
  return (name: string) => strFromU8(all[name]!);
};
/** A row's cell values from column A, as text ('' for an empty cell, and for one a merge covers: exceljs gives it its master's). */
const rowValues = (sheet: Worksheet, row: number) =>
  Array.from({ length: sheet.columnCount }, (_, i) => {
    const cell = sheet.getCell(row, i + 1);
    if (cell.master !== cell) return '';
    const v = cell.value;
    return v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  });
const rowsFrom = (sheet: Worksheet, first: number) => Array.from({ length: sheet.rowCount - first + 1 }, (_, k) => rowValues(sheet, first + k));
/** The merged ranges of a sheet, as «A3:F3». */
const merges = (sheet: Worksheet) => (sheet.model as { merges: string[] }).merges;

const ROADMAP_HEADER = ['№ п/п', 'Наименование мероприятия', 'Сроки', 'Ответственный исполнитель', 'Ожидаемый результат', 'Статус'];
const PLAN_GRAPH_HEADER = ['Месяц', 'Мероприятие', 'Форма', 'Дата', 'Ответственные', 'Партнёр', 'Статус'];

const roadmap = (plan: object, title = 'План мероприятий на 2021–2022 годы'): BoardJson =>
  boardJson.parse({ format: 'soplan-board', version: 1, kind: 'roadmap', title, roadmap: plan });

/** Own items, a subsection continuing the count, several responsibles, evidence, a status, and an item outside sections. */
const nested = roadmap({
  sections: [
    {
      title: 'Организационное   обеспечение',
      items: [
        {
          title: 'Совещание руководителей',
          period: 'Сентябрь 2021 г.',
          responsibles: ['МОУ ГЦРО', 'МДОУ «Детский сад № 5»'],
          result: 'Протокол',
          status: 'done',
        },
        {
          title: 'Мониторинг дефицитов',
          period: 'Октябрь – ноябрь 2021 г.',
          responsibles: ['МОУ ГЦРО'],
          result: 'Справка',
          evidence: ['https://example.org/a'],
        },
      ],
      sections: [
        { title: 'Методическое сопровождение', items: [{ title: 'Семинар для наставников', period: 'Декабрь 2021 г.', responsibles: ['МДОУ № 12'] }] },
      ],
    },
    { title: 'Информационное обеспечение', items: [{ title: 'Публикации на сайте', period: 'Постоянно', responsibles: ['МОУ ГЦРО'], status: 'in-progress' }] },
  ],
  unplaced: [{ title: 'Пункт без раздела', period: 'Май 2022 г.' }],
});

const planGraph = boardJson.parse({
  format: 'soplan-board',
  version: 1,
  kind: 'plan-graph',
  title: 'План-график на 2021-2022 учебный год',
  planGraph: {
    from: '2021-09',
    to: '2022-05',
    // out of month order, as a board may hold them: the workbook sorts them by month
    events: [
      { month: '2022-01', title: 'Мастер-класс', form: 'Мастер-класс', date: '2022-01-20', responsibles: ['МДОУ № 5', 'МДОУ № 6'] },
      { month: '2021-09', title: 'Установочное совещание', form: 'Совещание', date: '2021-09-15', responsibles: ['МОУ ГЦРО'], partner: 'ИРО', status: 'done' },
      { month: '2021-09', title: 'Сбор группы', form: 'Встреча' },
    ],
  },
});

/** Source 004 (a programme of passport, sections, stages and products) with a plan, indicators and a pair with its route, so every part is written. */
async function fullProgramme(): Promise<Extract<BoardJson, { kind: 'programme' }>> {
  const board = await imported('004');
  if (board.kind !== 'programme') throw new Error('source 004 is a programme');
  const p = board.programme;
  p.passport.developers = 'МДОУ «Детский сад № 5»';
  p.plan = planOf(roadmap({ sections: [{ title: 'Подготовительный этап', items: [{ title: 'Анкетирование педагогов', period: 'Сентябрь 2020 г.' }] }] }))!;
  p.indicators = [{ title: 'Доля педагогов-наставников', target: '30 %', actual: '25 %' }];
  p.pairs = [
    { mentor: 'Иванова А.Н.', mentee: 'Петрова Е.В.', form: 'reverse', deficits: 'Цифровые инструменты', route: [] },
    {
      mentor: 'Сидорова О.П.',
      mentee: 'Кузнецова М.И.',
      form: 'traditional',
      deficits: '',
      route: [
        { title: 'Посещение занятий наставника', period: 'Октябрь 2020 г.', status: 'done' },
        { title: 'Открытое занятие', period: 'Март 2021 г.', status: 'planned' },
      ],
    },
  ];
  p.nominations = ['Лучший наставник'];
  return board;
}
const planOf = (board: BoardJson): PlanJson | null => (board.kind === 'roadmap' ? board.roadmap : board.kind === 'programme' ? board.programme.plan : null);

/** What a table sheet must have: the title in A1 merged across, the header in row 2 frozen, filtered to the last row and printed on every page. */
function expectTableSheet(sheet: Worksheet, title: string, header: readonly string[]) {
  const last = String.fromCharCode(64 + header.length);
  expect(sheet.getCell('A1').value).toBe(title);
  expect(merges(sheet)).toContain(`A1:${last}1`);
  expect(rowValues(sheet, 2)).toEqual(header);
  for (let c = 1; c <= header.length; c++) expect(sheet.getCell(2, c).font.bold).toBe(true);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' });
  expect(sheet.autoFilter).toBe(`A2:${last}${sheet.rowCount}`);
  expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' });
}

describe('a roadmap', () => {
  it('the board’s title above the table, the header row frozen, filtered and repeated on printed pages, landscape A4 fitted to the width', async () => {
    const sheet = await only(await boardXlsx(nested, settings()));
    expect(sheet.name).toBe('План мероприятий на 2021–2022'); // cut at a word, never «… г»
    expectTableSheet(sheet, 'План мероприятий на 2021–2022 годы', ROADMAP_HEADER);
    expect(sheet.getCell('A1').font.bold).toBe(true);
    expect(sheet.pageSetup.orientation).toBe('landscape');
  });

  it('section rows merged across the table, bold and filled; every item with its derived number and its status', async () => {
    const sheet = await only(await boardXlsx(nested, settings()));
    expect(rowsFrom(sheet, 3)).toEqual([
      ['1. Организационное обеспечение', '', '', '', '', ''],
      ['1.1', 'Совещание руководителей', 'Сентябрь 2021 г.', 'МОУ ГЦРО\nМДОУ «Детский сад № 5»', 'Протокол', 'Выполнено'],
      ['1.2', 'Мониторинг дефицитов', 'Октябрь – ноябрь 2021 г.', 'МОУ ГЦРО', 'Справка\nhttps://example.org/a', 'Запланировано'],
      ['1.3. Методическое сопровождение', '', '', '', '', ''],
      ['1.3.1', 'Семинар для наставников', 'Декабрь 2021 г.', 'МДОУ № 12', '', 'Запланировано'],
      ['2. Информационное обеспечение', '', '', '', '', ''],
      ['2.1', 'Публикации на сайте', 'Постоянно', 'МОУ ГЦРО', '', 'В работе'],
      ['Вне разделов', '', '', '', '', ''],
      ['—.1', 'Пункт без раздела', 'Май 2022 г.', '', '', 'Запланировано'],
    ]);
    expect(merges(sheet).sort()).toEqual(['A10:F10', 'A1:F1', 'A3:F3', 'A6:F6', 'A8:F8'].sort());
    for (const row of [3, 6, 8, 10]) {
      const cell = sheet.getCell(row, 1);
      expect(cell.isMerged).toBe(true);
      expect(cell.font.bold).toBe(true);
      expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    }
    expect(sheet.getCell('B4').font.bold).toBeFalsy();
    expect(sheet.getCell('B4').isMerged).toBe(false);
  });

  it('every item of the Sarov roadmap (source 001) with its number', async () => {
    const board = await imported('001');
    const sheet = await only(await boardXlsx(board, settings()));
    const numbers = numberPlan(planOf(board)!);
    expect(numbers.size).toBeGreaterThan(20);
    const rows = new Map(rowsFrom(sheet, 3).map((r) => [r[0], r[1]]));
    for (const [item, number] of numbers) expect(rows.get(number)).toBe(item.title.trim());
  });

  it('the font, sizes, margins and page numbers of the document settings; text wrapped at the top of its cell', async () => {
    const sheet = await only(
      await boardXlsx(nested, settings({ fontFamily: 'PT Serif', fontSizePt: 13, tableFontSizePt: 11, marginLeftMm: 30, marginTopMm: 15 })),
    );
    expect(sheet.getCell('A1').font).toMatchObject({ name: 'PT Serif', size: 13, bold: true });
    for (const address of ['A2', 'A3', 'B4', 'D4', 'F11']) expect(sheet.getCell(address).font).toMatchObject({ name: 'PT Serif', size: 11 });
    expect(sheet.getCell('D4').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.getCell('A4').alignment).toMatchObject({ horizontal: 'center' });
    // mm to inches: 30 mm, 10 mm, 15 mm, 20 mm
    expect(sheet.pageSetup.margins).toMatchObject({ left: 1.181, right: 0.394, top: 0.591, bottom: 0.787 });
    // from page 2 by default: the first page's header is empty, the others carry the page's number
    expect(sheet.headerFooter).toMatchObject({ differentFirst: true, oddHeader: '&C&P' });
    const fromOne = await only(await boardXlsx(nested, settings({ pageNumbersFrom: 1 })));
    expect(fromOne.headerFooter.differentFirst).toBeFalsy();
    expect(fromOne.headerFooter.oddHeader).toBe('&C&P');
  });

  it('rows as tall as their wrapped text, columns as wide as Russian text needs', async () => {
    const long = 'Проведение методического семинара для педагогов-наставников '.repeat(6);
    const sheet = await only(await boardXlsx(roadmap({ sections: [{ title: 'Раздел', items: [{ title: 'Коротко' }, { title: long }] }] }), settings()));
    expect(sheet.getRow(5).height).toBeGreaterThan(3 * sheet.getRow(4).height);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(40);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(10);
  });

  it('an empty roadmap is its title and header row', async () => {
    const sheet = await only(await boardXlsx(roadmap({}), settings()));
    expect(sheet.rowCount).toBe(2);
    expect(sheet.autoFilter).toBe('A2:F2');
  });
});

describe('a plan-graph', () => {
  it('its columns, the month on each of its events in month order, the date a real date shown dd.mm.yyyy', async () => {
    const sheet = await only(await boardXlsx(planGraph, settings()));
    expectTableSheet(sheet, 'План-график на 2021-2022 учебный год', PLAN_GRAPH_HEADER);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(rowsFrom(sheet, 3)).toEqual([
      ['Сентябрь 2021', 'Установочное совещание', 'Совещание', '2021-09-15', 'МОУ ГЦРО', 'ИРО', 'Выполнено'],
      ['Сентябрь 2021', 'Сбор группы', 'Встреча', '', '', '', 'Запланировано'],
      ['Январь 2022', 'Мастер-класс', 'Мастер-класс', '2022-01-20', 'МДОУ № 5\nМДОУ № 6', '', 'Запланировано'],
    ]);
    expect(sheet.getCell('D3').value).toEqual(new Date(Date.UTC(2021, 8, 15)));
    expect(sheet.getCell('D3').numFmt).toBe('dd.mm.yyyy');
    // only the title is merged: a month merged down its events would be lost to a filter
    expect(merges(sheet)).toEqual(['A1:G1']);
  });

  it('the Yaroslavl plan-graph (source 000): every event', async () => {
    const board = await imported('000', 1);
    if (board.kind !== 'plan-graph') throw new Error('not a plan-graph');
    const titles = rowsFrom(await only(await boardXlsx(board, settings())), 3).map((r) => r[1]);
    expect(titles.length).toBeGreaterThan(5);
    expect(titles.sort()).toEqual(board.planGraph.events.map((e) => e.title.trim()).sort());
  });
});

describe('a programme', () => {
  it('a sheet per part it has, in order', async () => {
    const full = await workbookOf(await boardXlsx(await fullProgramme(), settings()));
    expect(full.worksheets.map((s) => s.name)).toEqual([
      'Паспорт',
      'План',
      'Этапы',
      'Показатели',
      'Наставнические пары',
      'ИОМ',
      'Номинации',
      'Продукты',
      'Разделы',
    ]);
    // source 004 as imported has no plan, indicators, pairs or nominations: no sheets for them
    const bare = await workbookOf(await boardXlsx(await imported('004'), settings()));
    expect(bare.worksheets.map((s) => s.name)).toEqual(['Паспорт', 'Этапы', 'Продукты', 'Разделы']);
  });

  it('the passport: labels beside values, the programme’s name first, empty fields left out, portrait', async () => {
    const board = await fullProgramme();
    const sheet = (await workbookOf(await boardXlsx(board, settings()))).getWorksheet('Паспорт')!;
    expect(sheet.getCell('A1').value).toBe(`${board.title}\nПаспорт программы`);
    const rows = rowsFrom(sheet, 2);
    expect(rows[0]).toEqual(['Наименование программы', board.title]);
    expect(rows[1]).toEqual(['Разработчики', 'МДОУ «Детский сад № 5»']);
    expect(rows.map((r) => r[0])).not.toContain('Целевая категория');
    for (const label of ['Сроки реализации', 'Актуальность', 'Цель', 'Задачи', 'Ожидаемые результаты']) expect(rows.map((r) => r[0])).toContain(label);
    expect(sheet.getCell('A2').font.bold).toBe(true);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'portrait', paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
    // nothing frozen: there is no header row to keep in view
    expect(sheet.views ?? []).toEqual([]);
  });

  it('its tables: the plan as a roadmap’s, stages, indicators, pairs and their routes numbered, each with its header frozen and filtered', async () => {
    const board = await fullProgramme();
    const workbook = await workbookOf(await boardXlsx(board, settings()));
    const sheet = (name: string) => workbook.getWorksheet(name)!;
    const heading = (part: string) => `${board.title}\n${part}`;
    expectTableSheet(sheet('План'), heading('План мероприятий'), ROADMAP_HEADER);
    expect(rowsFrom(sheet('План'), 3)).toEqual([
      ['1. Подготовительный этап', '', '', '', '', ''],
      ['1.1', 'Анкетирование педагогов', 'Сентябрь 2020 г.', '', '', 'Запланировано'],
    ]);
    expect(merges(sheet('План'))).toContain('A3:F3');
    expectTableSheet(sheet('Этапы'), heading('Этапы реализации'), ['№ п/п', 'Этап', 'Сроки', 'Содержание', 'Статус']);
    const stages = board.programme.stages;
    expect(rowsFrom(sheet('Этапы'), 3).map((r) => r.slice(0, 3))).toEqual(stages.map((s, k) => [`${k + 1}`, s.title, s.period]));
    expectTableSheet(sheet('Показатели'), heading('Показатели'), ['№ п/п', 'Показатель', 'Целевое значение', 'Фактическое значение']);
    expect(rowsFrom(sheet('Показатели'), 3)).toEqual([['1', 'Доля педагогов-наставников', '30 %', '25 %']]);
    expectTableSheet(sheet('Наставнические пары'), heading('Пары «наставник — наставляемый»'), [
      '№ п/п',
      'Наставник',
      'Наставляемый',
      'Форма наставничества',
      'Профессиональные дефициты',
    ]);
    expect(rowsFrom(sheet('Наставнические пары'), 3)).toEqual([
      ['1', 'Иванова А.Н.', 'Петрова Е.В.', 'реверсивное', 'Цифровые инструменты'],
      ['2', 'Сидорова О.П.', 'Кузнецова М.И.', 'традиционное', ''],
    ]);
    expectTableSheet(sheet('ИОМ'), heading('Индивидуальные образовательные маршруты'), ['№ п/п', 'Шаг маршрута', 'Сроки', 'Статус']);
    expect(rowsFrom(sheet('ИОМ'), 3)).toEqual([
      ['2. Сидорова О.П. — Кузнецова М.И.', '', '', ''],
      ['2.1', 'Посещение занятий наставника', 'Октябрь 2020 г.', 'Выполнено'],
      ['2.2', 'Открытое занятие', 'Март 2021 г.', 'Запланировано'],
    ]);
    expect(merges(sheet('ИОМ'))).toContain('A3:D3');
    expect(rowsFrom(sheet('Продукты'), 3)).toEqual(board.programme.products.map((p, k) => [`${k + 1}`, p]));
    expect(rowsFrom(sheet('Номинации'), 3)).toEqual([['1', 'Лучший наставник']]);
  });

  it('its sections’ text: a section row each, then a row per paragraph and per list item, marked', async () => {
    const board = await fullProgramme();
    const sheet = (await workbookOf(await boardXlsx(board, settings()))).getWorksheet('Разделы')!;
    const rows = rowsFrom(sheet, 2).map((r) => r[0]);
    board.programme.sections.forEach((s, k) => expect(rows).toContain(`${k + 1}. ${s.title}`));
    const bullets = board.programme.sections.flatMap((s) => s.body.flatMap((b) => (b.type === 'bulletList' ? [b.items] : [])));
    expect(bullets.length).toBeGreaterThan(0);
    const first = bullets[0]![0]!.map((r) => r.text).join('');
    expect(rows).toContain(`• ${first.trim()}`);
  });
});

describe('text is text', () => {
  const FORMULAS = ['=HYPERLINK("http://evil.example","нажми")', '+1+1', '-2+3', '@SUM(A1:A2)', "=cmd|' /C calc'!A0"];

  it('text that looks like a formula stays the text it is, in every kind of cell', async () => {
    const board = roadmap(
      { sections: [{ title: FORMULAS[0]!, items: FORMULAS.map((f) => ({ title: f, period: f, responsibles: [f], result: f })) }] },
      FORMULAS[1],
    );
    const bytes = await boardXlsx(board, settings());
    const sheet = await only(bytes);
    expect(sheet.getCell('A1').value).toBe(FORMULAS[1]);
    expect(sheet.getCell('A3').value).toBe(`1. ${FORMULAS[0]}`);
    FORMULAS.forEach((f, k) => {
      for (const column of [2, 3, 4, 5]) {
        const cell = sheet.getCell(4 + k, column);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(f);
      }
    });
    // no formula anywhere in the file: every cell of text is a shared string
    const xml = files(bytes)('xl/worksheets/sheet1.xml');
    expect(xml).not.toMatch(/<f[\s>]/);
    expect(xml).not.toMatch(/t="(str|e|b|n)"/);
  });

  it('characters XML cannot hold are dropped, «_xHHHH_» kept as typed, a text longer than a cell holds cut with «…»', async () => {
    const long = 'Очень длинный текст мероприятия. '.repeat(1100);
    expect(long.length).toBeGreaterThan(32_767);
    const board = roadmap({
      sections: [{ title: 'Раздел', items: [{ title: 'до\u0001\u000B\uFFFF\uD800 после', result: 'код _x0041_ и _x005F_', period: long }] }],
    });
    const bytes = await boardXlsx(board, settings());
    const sheet = await only(bytes);
    expect(sheet.getCell('B4').value).toBe('до после');
    const cut = sheet.getCell('C4').value as string;
    expect(cut).toHaveLength(32_767);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    // Excel reads «_x0041_» as «A»; its escaped underscore keeps the text as typed (exceljs reads the escape as it is)
    const strings = files(bytes)('xl/sharedStrings.xml');
    expect(strings).toContain('код _x005F_x0041_ и _x005F_x005F_');
  });

  it('sheet names as Excel allows them: no []:*?/\\, at most 31 characters, never «History»', async () => {
    const named = async (title: string) => (await only(await boardXlsx(roadmap({}, title), settings()))).name;
    expect(await named('План [2021]: работа/отдых* «наставники»? \\ конец')).toBe('План 2021 работа отдых');
    expect(await named("Plan 'A'")).toBe('Plan ’A’');
    expect(await named('History')).toBe('План');
    expect(await named('[]:*?')).toBe('План');
    // the title itself is kept whole above the table
    expect((await only(await boardXlsx(roadmap({}, 'План [2021]: работа/отдых'), settings()))).getCell('A1').value).toBe('План [2021]: работа/отдых');
    const graphTitle = await only(await boardXlsx(boardJson.parse({ ...planGraph, title: '???' }), settings()));
    expect(graphTitle.name).toBe('План-график');
  });
});

describe('round trip: the XLSX imported back gives the same plan', () => {
  const outline = (plan: PlanJson) =>
    plan.sections.map((s) => ({
      title: s.title,
      items: s.items.map((i) => [i.title, i.period, i.responsibles]),
      sections: s.sections.map((x) => ({ title: x.title, items: x.items.map((i) => [i.title, i.period, i.responsibles]) })),
    }));

  it('the Sarov roadmap (source 001) and the Yaroslavl roadmap (source 000)', async () => {
    for (const board of [await imported('001'), await imported('000', 0)]) {
      const back = await importXlsx(await boardXlsx(board, settings()));
      expect(back.kind).toBe('roadmap');
      expect(outline(planOf(back)!)).toEqual(outline(planOf(board)!));
    }
  });
});
