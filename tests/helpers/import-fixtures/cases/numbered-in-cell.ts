// Several numbered мероприятия in one «Мероприятия» cell, written three ways: literal numbers in one
// paragraph, one paragraph each, and a real Word numbered list. Each becomes its own item; its period
// and responsible come from its own line of the «Сроки» / «Ответственный» cells when those list one
// line per мероприятие («1. Октябрь 2022 г. 2. Ноябрь 2022 г. …»), and a single period or
// responsible applies to all of them.
import { cell, document, list, p, row, table } from '../model.ts';
import type { ExpectedItem, Fixture } from '../expected.ts';
import { docxFixture, roadmapHeader, sectionRow, titleLines } from './roadmap.ts';

const TITLE = ['План мероприятий', 'по методическому сопровождению молодых педагогов дошкольных образовательных учреждений на 2022–2023 учебный год'];
const SECTION = 'Методическое сопровождение молодых педагогов';

const ONE_LINE = [
  'Семинар «Адаптация молодого педагога в ДОО»',
  'Круглый стол «Наставник и молодой специалист: диалог поколений»',
  'Мастер-класс «Игровые технологии в работе с дошкольниками»',
];
const ONE_LINE_PERIODS = ['Октябрь 2022 г.', 'Ноябрь 2022 г.', 'Декабрь 2022 г.'];
const PARAGRAPHS = [
  'Анкетирование молодых педагогов по выявлению профессиональных дефицитов',
  'Составление индивидуальных образовательных маршрутов молодых педагогов',
  'Закрепление наставников за молодыми педагогами',
];
const WORD_LIST = [
  'Консультация «Планирование образовательной деятельности в группе»',
  'Открытый просмотр непосредственно образовательной деятельности у наставника',
];
const WORD_LIST_PERIODS = ['Январь 2023 г.', 'Февраль 2023 г.'];
const WORD_LIST_PEOPLE = ['МДОУ «Детский сад № 8»', 'МДОУ «Детский сад № 25»'];
const numbered = (lines: string[]) => lines.map((line, i) => `${i + 1}. ${line}`);

export async function numberedInCell(): Promise<Fixture> {
  const rows = [
    roadmapHeader(),
    sectionRow(SECTION),
    row(['1', numbered(ONE_LINE).join(' '), numbered(ONE_LINE_PERIODS).join(' '), 'МОУ ГЦРО', 'Повышение профессиональной компетентности молодых педагогов']),
    row(['2', cell(numbered(PARAGRAPHS)), 'Сентябрь 2022 г.', 'Старшие воспитатели ДОО', 'Индивидуальные образовательные маршруты молодых педагогов']),
    row([
      '3',
      cell(list(true, WORD_LIST)),
      cell(numbered(WORD_LIST_PERIODS)),
      cell(numbered(WORD_LIST_PEOPLE)),
      'Методические рекомендации для молодых педагогов',
    ]),
    row(['4', cell(p('Итоговая конференция молодых педагогов «Первые шаги в профессии – 2023»')), 'Май 2023 г.', 'МОУ ГЦРО', 'Сборник материалов конференции']),
  ];
  const items: ExpectedItem[] = [
    ...ONE_LINE.map((title, i) => ({
      title,
      period: ONE_LINE_PERIODS[i]!,
      responsibles: ['МОУ ГЦРО'],
      result: i === 0 ? 'Повышение профессиональной компетентности молодых педагогов' : '',
    })),
    ...PARAGRAPHS.map((title, i) => ({
      title,
      period: 'Сентябрь 2022 г.',
      responsibles: ['Старшие воспитатели ДОО'],
      result: i === 0 ? 'Индивидуальные образовательные маршруты молодых педагогов' : '',
    })),
    ...WORD_LIST.map((title, i) => ({
      title,
      period: WORD_LIST_PERIODS[i]!,
      responsibles: [WORD_LIST_PEOPLE[i]!],
      result: i === 0 ? 'Методические рекомендации для молодых педагогов' : '',
    })),
    {
      title: 'Итоговая конференция молодых педагогов «Первые шаги в профессии – 2023»',
      period: 'Май 2023 г.',
      responsibles: ['МОУ ГЦРО'],
      result: 'Сборник материалов конференции',
    },
  ].map((item, i) => ({ number: `1.${i + 1}`, ...item }));
  return docxFixture('numbered-in-cell', document([titleLines(TITLE), table(rows)]), {
    kind: 'roadmap',
    title: TITLE.join(' '),
    document: {},
    plan: { sections: [{ number: '1', title: SECTION, items, sections: [] }], unplaced: [] },
    warnings: { cell_split: 3 },
  });
}
