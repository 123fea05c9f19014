// The DOCX export of a board (issue 14): checked as a file — its XML (A4 and margins in twips, the
// fonts, the repeated header row, rows kept whole, the stamps, a PAGE field from page 2 or 3, bold
// labels, abbreviations, a programme's pairs, routes and nominations) and its text
// read back with mammoth (every item with its number) — and imported back: the same plan.
import { createRequire } from 'node:module';
import path from 'node:path';
import { numberPlan, boardJson, defaultDocumentSettings, type BoardJson, type DocumentSettings, type PlanJson } from '@soplan/shared';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { boardDocx } from '../../server/src/exchange/export/docx/index.ts';
import { importedFile, sourceBoard } from '../helpers/exported-boards.ts';

// mammoth is the server's dependency (its DOCX reader), not the tests': load it from there.
const mammoth = createRequire(path.resolve(import.meta.dirname, '../../server/package.json'))('mammoth') as {
  extractRawText(input: { buffer: Buffer }): Promise<{ value: string }>;
  convertToHtml(input: { buffer: Buffer }): Promise<{ value: string }>;
};

const imported = sourceBoard;
const importDocx = (bytes: Uint8Array) => importedFile('x.docx', bytes);

const parts = (docx: Uint8Array) => {
  const files = unzipSync(docx);
  return (name: string) => strFromU8(files[name]!);
};
const textOf = async (docx: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(docx) })).value;
/** The document's non-empty paragraphs, in order. */
const linesOf = async (docx: Uint8Array) => (await textOf(docx)).split('\n\n').filter((l) => l.trim() !== '');
const htmlOf = async (docx: Uint8Array) => (await mammoth.convertToHtml({ buffer: Buffer.from(docx) })).value;
const sectPrs = (xml: string) => xml.match(/<w:sectPr>.*?<\/w:sectPr>/g) ?? [];
const tables = (xml: string) => xml.match(/<w:tbl>.*?<\/w:tbl>/g) ?? [];
const rowsOf = (tableXml: string) => tableXml.match(/<w:tr>.*?<\/w:tr>/g) ?? [];
const settings = (over: Partial<DocumentSettings> = {}): DocumentSettings => ({ ...defaultDocumentSettings(), ...over });

/** A roadmap board from the form's input (defaults filled by the schema, as an import or a client gives it). */
const roadmap = (plan: object, header: Partial<BoardJson['document']> = {}): BoardJson =>
  boardJson.parse({ format: 'soplan-board', version: 1, kind: 'roadmap', title: 'План мероприятий на 2021–2022 годы', document: header, roadmap: plan });

/** A roadmap with own items, a subsection continuing the count, several responsibles and lines. */
const nested = roadmap({
  sections: [
    {
      title: 'Организационное обеспечение',
      items: [
        { title: 'Совещание руководителей', period: 'Сентябрь 2021 г.', responsibles: ['МОУ ГЦРО', 'МДОУ «Детский сад № 5»'], result: 'Протокол' },
        { title: 'Мониторинг дефицитов', period: 'Октябрь – ноябрь 2021 г.', responsibles: ['МОУ ГЦРО'], result: 'Аналитическая справка' },
      ],
      sections: [
        { title: 'Методическое сопровождение', items: [{ title: 'Семинар для наставников', period: 'Декабрь 2021 г.', responsibles: ['МДОУ № 12'] }] },
      ],
    },
    { title: 'Информационное обеспечение', items: [{ title: 'Публикации на сайте', period: 'Постоянно', responsibles: ['МОУ ГЦРО'], result: 'Новости' }] },
  ],
});

const ORDER = {
  authority: 'ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ МЭРИИ ГОРОДА ЯРОСЛАВЛЯ',
  documentKind: 'ПРИКАЗ',
  date: '12.10.2021',
  number: '01-05/812',
  title: 'Об утверждении плана мероприятий',
  body: 'В целях развития системы наставничества\nПРИКАЗЫВАЮ:\n1. Утвердить план мероприятий (приложение).',
  signatory: 'Директор департамента И.О. Фамилия',
};

/** Sections, item titles, periods and responsibles: what a round trip must keep. */
const outline = (plan: PlanJson) =>
  plan.sections.map((s) => ({
    title: s.title,
    items: s.items.map((i) => [i.title, i.period, i.responsibles]),
    sections: s.sections.map((x) => ({ title: x.title, items: x.items.map((i) => [i.title, i.period, i.responsibles]) })),
  }));
/** Source 004 (a programme without a plan or developers) with both, so every part of a programme is written. */
async function fullProgramme(): Promise<Extract<BoardJson, { kind: 'programme' }>> {
  const board = await imported('004');
  if (board.kind !== 'programme') throw new Error('source 004 is a programme');
  board.programme.passport.developers = 'МДОУ «Детский сад № 5»';
  board.programme.plan = {
    sections: [
      {
        title: 'Подготовительный этап',
        items: [{ title: 'Анкетирование педагогов', period: 'Сентябрь 2020 г.', responsibles: ['МДОУ № 5'], result: '', status: 'planned', evidence: [] }],
        sections: [],
      },
    ],
    unplaced: [],
  };
  board.programme.pairs = [
    {
      mentor: 'Иванова А.А.',
      mentee: 'Петрова Б.Б.',
      form: 'flash',
      deficits: 'Планирование занятий',
      route: [
        { title: 'Посещение занятий наставника', period: 'Октябрь 2020 г.', status: 'done' },
        { title: 'Открытое занятие', period: 'Декабрь 2020 г.', status: 'planned' },
      ],
    },
    { mentor: 'Сидорова В.В.', mentee: 'Кузнецова Г.Г.', form: 'reverse', deficits: '', route: [] },
  ];
  board.programme.nominations = ['Лучший наставник', 'Педагогический дебют'];
  return board;
}
const planOf = (board: BoardJson) => (board.kind === 'roadmap' ? board.roadmap : board.kind === 'programme' ? board.programme.plan : null);

describe('the page as ГОСТ Р 7.0.97-2025 and the settings say', () => {
  it('A4, margins in twips, Times New Roman 14 as the default, 12 in tables', async () => {
    const doc = parts(await boardDocx(nested, settings()));
    const [plan] = sectPrs(doc('word/document.xml'));
    // a five-column table is set on landscape A4
    expect(plan).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(plan).toMatch(/<w:pgMar w:top="1134" w:right="567" w:bottom="1134" w:left="1134"/);
    const styles = doc('word/styles.xml');
    const defaults = styles.slice(styles.indexOf('<w:docDefaults>'), styles.indexOf('</w:docDefaults>'));
    expect(defaults).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>');
    expect(defaults).toContain('<w:sz w:val="28"/>');
    const [table] = tables(doc('word/document.xml'));
    const runs = table!.match(/<w:r>.*?<\/w:r>/g)!;
    expect(runs.length).toBeGreaterThan(20);
    for (const run of runs) expect(run).toContain('<w:sz w:val="24"/>');
  });

  it('margins, font and sizes of a workspace’s own instruction', async () => {
    const doc = parts(await boardDocx(nested, settings({ marginLeftMm: 30, marginTopMm: 15, fontFamily: 'PT Serif', fontSizePt: 13, tableFontSizePt: 11 })));
    expect(sectPrs(doc('word/document.xml'))[0]).toMatch(/<w:pgMar w:top="850" w:right="567" w:bottom="1134" w:left="1701"/);
    expect(doc('word/styles.xml')).toMatch(/<w:rFonts w:ascii="PT Serif"[^>]*\/><w:sz w:val="26"\/>/);
    expect(tables(doc('word/document.xml'))[0]).toContain('<w:sz w:val="22"/>');
  });

  it('a portrait A4 page for a document without a wide table', async () => {
    const doc = parts(await boardDocx(await fullProgramme(), settings()));
    const [first, plan] = sectPrs(doc('word/document.xml'));
    expect(first).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(plan).toContain('w:orient="landscape"');
  });

  it('page numbers: a centred PAGE field in the header from page 2, or from page 1', async () => {
    const doc = parts(await boardDocx(nested, settings()));
    const [sect] = sectPrs(doc('word/document.xml'));
    expect(sect).toContain('<w:titlePg/>');
    const header = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`).exec(sect!)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(doc('word/_rels/document.xml.rels'))!;
      return doc(`word/${target[1] ?? target[2]}`);
    };
    expect(header('default')).toMatch(/<w:jc w:val="center"\/>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    expect(header('first')).not.toContain('PAGE');
    const fromOne = sectPrs(parts(await boardDocx(nested, settings({ pageNumbersFrom: 1 })))('word/document.xml'))[0]!;
    expect(fromOne).not.toContain('<w:titlePg/>');
    expect(fromOne).not.toContain('w:type="first"');
  });

  it('page numbers from page 3 after a приказ page: the приказ’s page and the plan’s first page unnumbered', async () => {
    const board = roadmap(nested.kind === 'roadmap' ? nested.roadmap : {}, ORDER);
    const [order, plan, ...more] = sectPrs(parts(await boardDocx(board, settings({ pageNumbersFrom: 3 })))('word/document.xml'));
    expect(more).toEqual([]);
    for (const sect of [order, plan]) {
      expect(sect).toContain('<w:titlePg/>');
      expect(sect).toContain('<w:headerReference w:type="first"');
    }
    // from page 1, no page of either goes unnumbered
    for (const sect of sectPrs(parts(await boardDocx(board, settings({ pageNumbersFrom: 1 })))('word/document.xml'))) {
      expect(sect).not.toContain('<w:titlePg/>');
      expect(sect).not.toContain('w:type="first"');
    }
  });

  it('page numbers from page 3 without a приказ: the plan’s opening is page 1, its table starts page 2, both unnumbered', async () => {
    const board = roadmap(nested.kind === 'roadmap' ? nested.roadmap : {}, { goal: 'Развитие наставничества' });
    const docx = await boardDocx(board, settings({ pageNumbersFrom: 3 }));
    const xml = parts(docx)('word/document.xml');
    const [opening, table, ...more] = sectPrs(xml);
    expect(more).toEqual([]);
    for (const sect of [opening, table]) {
      expect(sect).toContain('<w:titlePg/>');
      expect(sect).toContain('w:orient="landscape"');
    }
    // the opening's section ends before the table: the table is the second section's
    const firstBreak = xml.indexOf('<w:sectPr>');
    expect(xml.indexOf('Развитие наставничества')).toBeGreaterThan(0);
    expect(xml.indexOf('Развитие наставничества')).toBeLessThan(firstBreak);
    expect(xml.indexOf('<w:tbl>')).toBeGreaterThan(firstBreak);
    // a paragraph, not the table, starts the second section: LibreOffice hangs the first-page header on it
    const sectionEnd = '</w:sectPr></w:pPr></w:p>';
    expect(xml.slice(xml.indexOf(sectionEnd) + sectionEnd.length)).toMatch(/^<w:p[>/ ]/);
    // from page 2 the opening shares the table's section, as before
    expect(sectPrs(parts(await boardDocx(board, settings()))('word/document.xml'))).toHaveLength(1);
  });

  it('with a приказ page, only the document’s first page goes unnumbered and the plan’s pages carry numbers', async () => {
    const [order, plan] = sectPrs(parts(await boardDocx(roadmap(nested.kind === 'roadmap' ? nested.roadmap : {}, ORDER), settings()))('word/document.xml'));
    expect(order).toContain('<w:titlePg/>');
    expect(order).toContain('w:orient="portrait"');
    expect(plan).not.toContain('<w:titlePg/>');
    expect(plan).toContain('<w:headerReference w:type="default"');
  });
});

describe('the table', () => {
  it('a header row repeated on every page, no row split across pages, section rows spanning the table', async () => {
    const [table] = tables(parts(await boardDocx(nested, settings()))('word/document.xml'));
    const rows = rowsOf(table!);
    // header, 2 sections, 1 subsection, 4 items
    expect(rows).toHaveLength(8);
    expect(rows[0]).toContain('<w:tblHeader/>');
    for (const row of rows.slice(1)) expect(row).not.toContain('<w:tblHeader/>');
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    const spanning = rows.filter((r) => r.includes('<w:gridSpan w:val="5"/>'));
    expect(spanning.map((r) => r.match(/<w:t[^>]*>([^<]*)<\/w:t>/)![1])).toEqual([
      '1. Организационное обеспечение',
      '1.3. Методическое сопровождение',
      '2. Информационное обеспечение',
    ]);
    for (const row of spanning) expect(row).toContain('<w:b/>');
    // a section's title stays on the page of its first item
    for (const row of spanning) expect(row).toContain('<w:keepNext/>');
    for (const row of rows.filter((r) => !r.includes('<w:gridSpan'))) expect(row).not.toContain('<w:keepNext/>');
  });

  it('the text read back: the roadmap’s columns and every item with its derived number', async () => {
    const text = await textOf(await boardDocx(nested, settings()));
    expect(text).toContain(['№ п/п', 'Наименование мероприятия', 'Сроки', 'Ответственный исполнитель', 'Ожидаемый результат'].join('\n\n'));
    for (const line of ['1.1\n\nСовещание руководителей', '1.2\n\nМониторинг дефицитов', '1.3.1\n\nСеминар для наставников', '2.1\n\nПубликации на сайте'])
      expect(text).toContain(line);
  });

  it('every item of the Sarov roadmap with its number', async () => {
    const board = await imported('001');
    const plan = planOf(board)!;
    const text = (await textOf(await boardDocx(board, settings()))).replace(/\s+/g, ' ');
    const numbers = numberPlan(plan);
    expect(numbers.size).toBeGreaterThan(20);
    for (const [item, number] of numbers) expect(text).toContain(`${number} ${item.title.replace(/\s+/g, ' ').trim()}`);
  });

  it('a plan-graph: its columns, each month’s name and year merged down beside its events, dates as dd.mm.yyyy', async () => {
    const board = boardJson.parse({
      format: 'soplan-board',
      version: 1,
      kind: 'plan-graph',
      title: 'План-график на 2021-2022 учебный год',
      planGraph: {
        from: '2021-09',
        to: '2022-05',
        events: [
          { month: '2021-09', title: 'Установочное совещание', form: 'Совещание', date: '2021-09-15', responsibles: ['МОУ ГЦРО'], partner: 'ИРО' },
          { month: '2021-09', title: 'Сбор группы', form: 'Встреча' },
          { month: '2022-01', title: 'Мастер-класс', form: 'Мастер-класс', date: '2022-01-20', responsibles: ['МДОУ № 5', 'МДОУ № 6'] },
        ],
      },
    });
    const docx = await boardDocx(board, settings());
    const text = await textOf(docx);
    expect(text).toContain(['Месяц', 'Мероприятие', 'Форма', 'Дата', 'Ответственные', 'Партнёр'].join('\n\n'));
    expect(text).toContain('Сентябрь 2021\n\nУстановочное совещание\n\nСовещание\n\n15.09.2021\n\nМОУ ГЦРО\n\nИРО');
    expect(text).toContain('Январь 2022\n\nМастер-класс\n\nМастер-класс\n\n20.01.2022\n\nМДОУ № 5\n\nМДОУ № 6');
    const rows = rowsOf(tables(parts(docx)('word/document.xml'))[0]!);
    expect(rows[1]).toContain('<w:vMerge w:val="restart"/>');
    expect(rows[2]).toContain('<w:vMerge w:val="continue"/>');
  });

  it('a programme: the passport with its labels, sections with their lists and marks, stages, products and its plan', async () => {
    const programme = await fullProgramme();
    const docx = await boardDocx(programme, settings());
    const text = await textOf(docx);
    expect(text).toContain(`Наименование программы\n\n${programme.title}`);
    expect(text).toContain('Разработчики\n\nМДОУ «Детский сад № 5»');
    for (const label of ['Сроки реализации', 'Актуальность', 'Цель', 'Задачи', 'Ожидаемые результаты']) expect(text).toContain(`\n\n${label}\n\n`);
    // empty passport fields are left out
    expect(text).not.toContain('Целевая категория');
    expect(text).toContain(['Этап', 'Сроки', 'Основное содержание'].join('\n\n'));
    expect(text).toContain(`${programme.programme.stages[0]!.title}\n\n${programme.programme.stages[0]!.period}`);
    expect(text).toContain('План мероприятий\n\n№ п/п');
    expect(text).toContain('1. Подготовительный этап\n\n1.1\n\nАнкетирование педагогов\n\nСентябрь 2020 г.\n\nМДОУ № 5');
    const html = await htmlOf(docx);
    for (const s of programme.programme.sections) expect(html).toContain(`<h1>${s.title.replace(/"/g, '&quot;')}</h1>`);
    expect(html).toContain('<ul><li>');
    expect(html).toContain('<strong>');
  });

  it('a programme’s mentor–mentee pairs with their form and deficits, each route (ИОМ) with its steps, and its nominations', async () => {
    const docx = await boardDocx(await fullProgramme(), settings());
    const text = await textOf(docx);
    expect(text).toContain(
      [
        'Пары «наставник — наставляемый»',
        'Наставник',
        'Наставляемый',
        'Форма наставничества',
        'Профессиональные дефициты',
        'Иванова А.А.',
        'Петрова Б.Б.',
        'флэш-наставничество',
        'Планирование занятий',
        'Сидорова В.В.',
        'Кузнецова Г.Г.',
        'реверсивное',
      ].join('\n\n'),
    );
    // only a pair with a route gets one, under a heading naming the pair
    expect(text).toContain(
      [
        'Индивидуальные образовательные маршруты (ИОМ)',
        'Петрова Б.Б., наставник Иванова А.А.',
        '№',
        'Шаг маршрута',
        'Сроки',
        '1',
        'Посещение занятий наставника',
        'Октябрь 2020 г.',
        '2',
        'Открытое занятие',
        'Декабрь 2020 г.',
      ].join('\n\n'),
    );
    expect(text).not.toContain('Кузнецова Г.Г., наставник');
    expect(text).toContain('Номинации\n\nЛучший наставник\n\nПедагогический дебют');
    const html = await htmlOf(docx);
    expect(html).toContain('<h2>Петрова Б.Б., наставник Иванова А.А.</h2>');
    expect(html).toContain('<ul><li>Лучший наставник</li><li>Педагогический дебют</li></ul>');
    // four columns: the pairs stay on the programme's portrait pages
    expect(sectPrs(parts(docx)('word/document.xml'))[0]).toContain('w:orient="portrait"');
  });
});

describe('the document around the plan', () => {
  it('the приказ page, then «Приложение № 1 к приказу» top right of the plan', async () => {
    const docx = await boardDocx(roadmap(nested.kind === 'roadmap' ? nested.roadmap : {}, ORDER), settings());
    const xml = parts(docx)('word/document.xml');
    expect(sectPrs(xml)).toHaveLength(2);
    const lines = await linesOf(docx);
    expect(lines.slice(0, 8)).toEqual([
      'ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ МЭРИИ ГОРОДА ЯРОСЛАВЛЯ',
      'ПРИКАЗ',
      '12.10.2021\t№ 01-05/812',
      'Об утверждении плана мероприятий',
      'В целях развития системы наставничества',
      'ПРИКАЗЫВАЮ:',
      '1. Утвердить план мероприятий (приложение).',
      'Директор департамента\tИ.О. Фамилия',
    ]);
    expect(lines.slice(8, 11)).toEqual(['Приложение № 1', 'к приказу от 12.10.2021 № 01-05/812', 'План мероприятий на 2021–2022 годы']);
    // the date and the signatory's name flush right on a right tab stop at the text's width (portrait: 11906 − 1134 − 567)
    expect(xml).toContain('<w:tabs><w:tab w:val="right" w:pos="10205"/></w:tabs>');
    expect(xml).toMatch(/<w:spacing w:after="240"\/><w:jc w:val="center"\/><\/w:pPr><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">ПРИКАЗ</);
    expect(xml).toMatch(/<w:ind w:firstLine="709"\/><w:jc w:val="both"\/><\/w:pPr><w:r><w:t xml:space="preserve">В целях/);
  });

  it('«УТВЕРЖДАЮ» from the workspace’s approval signatory', async () => {
    const lines = await linesOf(await boardDocx(nested, settings({ approval: { position: 'Директор МОУ ГЦРО', name: 'А.Н. Иванова' } })));
    expect(lines.slice(0, 5)).toEqual([
      'УТВЕРЖДАЮ',
      'Директор МОУ ГЦРО',
      '________________ А.Н. Иванова',
      '«___» ____________ 20__ г.',
      'План мероприятий на 2021–2022 годы',
    ]);
  });

  it('«УТВЕРЖДЕН приказом от … № …» from the header’s date and number when no one is set to approve', async () => {
    const lines = await linesOf(await boardDocx(roadmap({}, { date: '01.09.2021', number: '45' }), settings()));
    expect(lines.slice(0, 3)).toEqual(['УТВЕРЖДЕН', 'приказом от 01.09.2021 № 45', 'План мероприятий на 2021–2022 годы']);
    const bare = await textOf(await boardDocx(roadmap({}), settings()));
    expect(bare).not.toContain('УТВЕРЖД');
  });

  it('«Цель» and «Задачи» from the header, a paragraph per task, both labels bold', async () => {
    const docx = await boardDocx(roadmap({}, { goal: 'Развитие наставничества', tasks: 'Выявить дефициты\nОбучить наставников' }), settings());
    const text = await textOf(docx);
    expect(text).toContain(['Цель: Развитие наставничества', 'Задачи:', 'Выявить дефициты', 'Обучить наставников'].join('\n\n'));
    const xml = parts(docx)('word/document.xml');
    for (const label of ['Цель: ', 'Задачи:']) expect(xml).toContain(`<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">${label}</w:t></w:r>`);
    expect(xml).toMatch(/<w:r><w:t xml:space="preserve">Выявить дефициты<\/w:t><\/w:r>/);
  });

  it('the list of abbreviations after the tasks, a paragraph each', async () => {
    const abbreviations = 'ДОО – дошкольная образовательная организация\nГЦРО – городской центр развития образования';
    const docx = await boardDocx(
      roadmap(nested.kind === 'roadmap' ? nested.roadmap : {}, {
        goal: 'Развитие наставничества',
        tasks: '1. Выявить дефициты\n2. Обучить наставников',
        abbreviations,
      }),
      settings(),
    );
    const text = await textOf(docx);
    expect(text).toContain(
      [
        'Задачи:',
        '1. Выявить дефициты',
        '2. Обучить наставников',
        'Список сокращений:',
        'ДОО – дошкольная образовательная организация',
        'ГЦРО – городской центр развития образования',
      ].join('\n\n'),
    );
    expect(text.indexOf('ГЦРО – городской')).toBeLessThan(text.indexOf('№ п/п'));
    const back = await importDocx(docx);
    expect(back.document.abbreviations).toBe(abbreviations);
    expect(back.document.tasks).toBe('1. Выявить дефициты\n2. Обучить наставников');
    expect(outline(planOf(back)!)).toEqual(outline(planOf(nested)!));
  });
});

describe('text is text', () => {
  const hostile = '<w:fldSimple w:instr="PAGE"/> { PAGE } ]]> &amp; HYPERLINK "http://evil.example" \u0001\u000B\uFFFF\uD800 конец';
  it('markup, field codes, links and characters XML forbids come out as the text they are', async () => {
    const board = roadmap({
      sections: [
        { title: hostile, items: [{ title: hostile, period: 'Сентябрь', responsibles: [hostile], result: hostile, evidence: ['http://evil.example/x'] }] },
      ],
    });
    const docx = await boardDocx(board, settings());
    const xml = parts(docx)('word/document.xml');
    for (const markup of ['<w:fldSimple', '<w:fldChar', '<w:instrText', '<w:hyperlink']) expect(xml).not.toContain(markup);
    expect(parts(docx)('word/_rels/document.xml.rels')).not.toContain('evil.example');
    const text = await textOf(docx);
    const shown = '<w:fldSimple w:instr="PAGE"/> { PAGE } ]]> &amp; HYPERLINK "http://evil.example"  конец';
    // the item's title, its responsible and its result; the section row runs its spaces together
    expect(text.split(shown).length - 1).toBe(3);
    expect(text).toContain(`1. ${shown.replace(/\s+/g, ' ')}`);
    expect(text).toContain('http://evil.example/x');
  });
});

describe('round trip: the DOCX imported back gives the same plan', () => {
  it('a roadmap with subsections, several responsibles, and its приказ', async () => {
    const board = roadmap(nested.kind === 'roadmap' ? nested.roadmap : {}, ORDER);
    const back = await importDocx(await boardDocx(board, settings()));
    expect(back.kind).toBe('roadmap');
    expect(outline(planOf(back)!)).toEqual(outline(planOf(board)!));
    expect(back.title).toBe(board.title);
  });

  it('the Sarov roadmap (source 001)', async () => {
    const board = await imported('001');
    const back = await importDocx(await boardDocx(board, settings({ approval: { position: 'Директор', name: 'И.О. Фамилия' } })));
    expect(back.kind).toBe('roadmap');
    expect(outline(planOf(back)!)).toEqual(outline(planOf(board)!));
    expect(back.title).toBe(board.title);
  });

  it('the Yaroslavl roadmap and plan-graph (source 000), and the programme’s passport, sections and products (source 004)', async () => {
    const road = await imported('000', 0);
    expect(outline(planOf(await importDocx(await boardDocx(road, settings())))!)).toEqual(outline(planOf(road)!));
    const graph = await imported('000', 1);
    const graphBack = await importDocx(await boardDocx(graph, settings()));
    if (graph.kind !== 'plan-graph' || graphBack.kind !== 'plan-graph') throw new Error('not a plan-graph');
    const events = (b: typeof graph) => b.planGraph.events.map((e) => [e.month, e.title, e.form, e.date, e.responsibles, e.partner]);
    expect(events(graphBack)).toEqual(events(graph));
    const programme = await imported('004');
    const programmeBack = await importDocx(await boardDocx(programme, settings()));
    if (programme.kind !== 'programme' || programmeBack.kind !== 'programme') throw new Error('not a programme');
    expect(programmeBack.title).toBe(programme.title);
    expect(programmeBack.programme.passport).toEqual(programme.programme.passport);
    expect(programmeBack.programme.sections).toEqual(programme.programme.sections);
    expect(programmeBack.programme.products).toEqual(programme.programme.products);
  });

  it('a programme with stages, pairs and their routes: its plan and nominations (the other tables never read back as its plan)', async () => {
    const programme = await fullProgramme();
    const back = await importDocx(await boardDocx(programme, settings()));
    if (back.kind !== 'programme') throw new Error('not a programme');
    expect(programme.programme.stages.length).toBeGreaterThan(0);
    expect(outline(back.programme.plan)).toEqual(outline(programme.programme.plan));
    expect(back.programme.nominations).toEqual(programme.programme.nominations);
    expect(back.programme.passport).toEqual(programme.programme.passport);
  });
});
