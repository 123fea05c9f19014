// Numbering in three levels: направление «1. …» and подраздел «1.1. …» as rows spanning the table
// (one written across the whole row, one with its number in the «№» cell and its title across the
// other four), мероприятия «1.1.1.», «1.1.2.»; the second направление has items of its own («2.1.»,
// «2.2.») before its подраздел «2.3.», which is how the board numbers them too (rule B6).
import { bold, cell, document, p, row, table } from '../model.ts';
import type { ExpectedItem, Fixture } from '../expected.ts';
import { docxFixture, roadmapHeader, sectionRow, titleLines } from './roadmap.ts';

const TITLE = [
  'План мероприятий («дорожная карта»)',
  'по развитию системы наставничества в муниципальной системе образования города Ярославля на 2022–2024 годы',
];

type Entry = [number: string, title: string, period: string, responsibles: string, result: string];
const ENTRIES: Record<string, Entry[]> = {
  '1.1': [
    [
      '1.1.1.',
      'Разработка положения о муниципальной системе наставничества',
      'Сентябрь 2022 г.',
      'Департамент образования',
      'Положение утверждено приказом департамента',
    ],
    [
      '1.1.2.',
      'Разработка типовой программы наставничества для образовательных организаций',
      'Октябрь 2022 г.',
      'МОУ ГЦРО',
      'Типовая программа наставничества',
    ],
  ],
  '1.2': [
    ['1.2.1.', 'Формирование базы наставников муниципальной системы образования', 'Октябрь – ноябрь 2022 г.', 'Руководители ОО', 'База наставников'],
    ['1.2.2.', 'Создание муниципального совета наставников', 'Ноябрь 2022 г.', 'Департамент образования, МОУ ГЦРО', 'Приказ о составе совета наставников'],
  ],
  '2': [
    ['2.1.', 'Проведение установочного семинара для наставников', 'Ноябрь 2022 г.', 'МОУ ГЦРО', 'Программа и материалы семинара'],
    ['2.2.', 'Организация консультаций для наставников по запросам', 'В течение всего периода', 'МОУ ГЦРО', 'Журнал консультаций'],
  ],
  '2.3': [
    [
      '2.3.1.',
      'Обучение наставников по программе повышения квалификации «Наставничество в образовании»',
      'Январь – март 2023 г.',
      'ГАУ ДПО ЯО ИРО',
      'Удостоверения о повышении квалификации',
    ],
    [
      '2.3.2.',
      'Проведение стажировок наставников на базе опорных образовательных организаций',
      'Апрель 2023 г.',
      'Руководители опорных ОО',
      'Отчёты о стажировках',
    ],
  ],
};

const rowOf = ([number, title, period, responsibles, result]: Entry) => row([number, title, period, responsibles, result]);
const itemOf = ([number, title, period, responsibles, result]: Entry): ExpectedItem => ({
  number: number.replace(/\.$/, ''),
  title,
  period,
  responsibles: responsibles.split(',').map((s) => s.trim()),
  result,
});

export async function threeLevels(): Promise<Fixture> {
  const rows = [
    roadmapHeader(),
    sectionRow('1. Нормативно-правовое и организационное обеспечение'),
    sectionRow('1.1. Нормативное обеспечение'),
    ...ENTRIES['1.1']!.map(rowOf),
    row(['1.2.', cell(p(bold('Организационное обеспечение')), { colSpan: 4 })]),
    ...ENTRIES['1.2']!.map(rowOf),
    sectionRow('2. Методическое сопровождение наставничества'),
    ...ENTRIES['2']!.map(rowOf),
    sectionRow('2.3. Обучение наставников'),
    ...ENTRIES['2.3']!.map(rowOf),
  ];
  return docxFixture('three-levels', document([titleLines(TITLE), table(rows)]), {
    kind: 'roadmap',
    title: TITLE.join(' '),
    document: {},
    plan: {
      sections: [
        {
          number: '1',
          title: 'Нормативно-правовое и организационное обеспечение',
          items: [],
          sections: [
            { number: '1.1', title: 'Нормативное обеспечение', items: ENTRIES['1.1']!.map(itemOf) },
            { number: '1.2', title: 'Организационное обеспечение', items: ENTRIES['1.2']!.map(itemOf) },
          ],
        },
        {
          number: '2',
          title: 'Методическое сопровождение наставничества',
          items: ENTRIES['2']!.map(itemOf),
          sections: [{ number: '2.3', title: 'Обучение наставников', items: ENTRIES['2.3']!.map(itemOf) }],
        },
      ],
      unplaced: [],
    },
    warnings: {},
  });
}
