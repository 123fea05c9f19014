// A programme of mentoring as schools write one: the title, a «Паспорт программы» table of labelled
// rows (the labels in their usual variants: «Разработчики программы», «Сроки реализации программы»,
// «Целевая группа» for Целевая категория, …, and a «Наименование программы» row that repeats the
// title), headed parts with bold words, a bulleted and a numbered list, «Этапы реализации» with
// periods and bulleted descriptions, and a «План мероприятий» table like a roadmap's.
import { bold, cell, centred, document, heading, list, p, row, table, type Paragraph } from '../model.ts';
import type { Fixture, Passport } from '../expected.ts';
import { ACTIVITIES, docxFixture, itemOf, itemRow, roadmapHeader, sectionRow } from './roadmap.ts';

const NAME = 'Программа наставничества «Шаг за шагом: от молодого специалиста к мастеру» на 2023–2025 годы';

const PASSPORT: [label: string, lines: string[], field: keyof Passport | null][] = [
  ['Наименование программы', [NAME], null],
  ['Разработчики программы', ['Рабочая группа МДОУ «Детский сад № 27»: Опарышева Н.В., заведующий; Смирнова Е.А., старший воспитатель'], 'developers'],
  ['Сроки реализации программы', ['2023–2025 годы'], 'term'],
  [
    'Целевая группа',
    ['Молодые педагоги со стажем работы до трёх лет и педагоги, впервые приступившие к работе в дошкольном образовательном учреждении'],
    'targetCategory',
  ],
  [
    'Нормативно-правовая база',
    [
      'Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»;',
      'Распоряжение Министерства просвещения РФ от 25.12.2019 № Р-145;',
      'Положение о наставничестве МДОУ «Детский сад № 27».',
    ],
    'legalBasis',
  ],
  ['Участники программы', ['Педагоги-наставники, молодые педагоги, старший воспитатель, педагог-психолог'], 'participants'],
  [
    'Актуальность',
    [
      'Молодые педагоги испытывают трудности в организации образовательной деятельности и взаимодействии с родителями воспитанников; наставничество помогает их преодолеть.',
    ],
    'relevance',
  ],
  ['Цель программы', ['Создание условий для успешной адаптации и профессионального роста молодых педагогов через систему наставничества.'], 'goal'],
  [
    'Задачи программы',
    [
      '1. Выявить профессиональные дефициты молодых педагогов.',
      '2. Разработать индивидуальные образовательные маршруты.',
      '3. Организовать методическое сопровождение молодых педагогов наставниками.',
    ],
    'tasks',
  ],
  [
    'Ожидаемые результаты',
    ['Успешная адаптация молодых педагогов в коллективе.', 'Повышение профессиональной компетентности молодых педагогов.'],
    'expectedResults',
  ],
];

const FORMS = ['традиционное наставничество «один на один»;', 'групповое наставничество;', 'флэш-наставничество.'];
const DIRECTIONS = ['Адаптация молодого педагога в коллективе.', 'Развитие профессиональных компетенций.', 'Обобщение и трансляция опыта.'];
const DEFINITION = ' — универсальная технология передачи опыта, знаний, формирования навыков, компетенций и ценностей.';

const STAGES: [title: string, written: string, period: string, lines: string[]][] = [
  [
    'Подготовительный',
    'подготовительный',
    'сентябрь – декабрь 2023 г.',
    ['анкетирование молодых педагогов;', 'закрепление наставников за молодыми педагогами.'],
  ],
  [
    'Основной',
    'основной',
    'январь 2024 г. – март 2025 г.',
    ['реализация индивидуальных образовательных маршрутов;', 'открытые просмотры и мастер-классы наставников.'],
  ],
  ['Итогово-аналитический', 'итогово-аналитический', 'апрель – май 2025 г.', ['анализ результатов, обобщение опыта.']],
];

export async function programme(): Promise<Fixture> {
  const passport = table(PASSPORT.map(([label, lines]) => row([cell(label), cell(lines)])));
  const stages: Paragraph[] = STAGES.flatMap(([, written, period, lines], i) => [p(`${i + 1} этап – ${written} (${period})`), ...list(false, lines)]);
  const first = [ACTIVITIES[2]!, ACTIVITIES[3]!];
  const second = [ACTIVITIES[5]!, ACTIVITIES[10]!, ACTIVITIES[11]!];
  const third = [ACTIVITIES[18]!];
  const planSections = ['Подготовительный этап', 'Основной этап', 'Итогово-аналитический этап'];
  const plan = table([
    roadmapHeader(),
    sectionRow(planSections[0]!),
    ...first.map((a, i) => itemRow(String(i + 1), a)),
    sectionRow(planSections[1]!),
    ...second.map((a, i) => itemRow(String(first.length + i + 1), a)),
    sectionRow(planSections[2]!),
    ...third.map((a, i) => itemRow(String(first.length + second.length + i + 1), a)),
  ]);
  const source = document([
    centred([bold('Программа наставничества')]),
    centred([bold('«Шаг за шагом: от молодого специалиста к мастеру»')]),
    centred([bold('на 2023–2025 годы')]),
    heading(1, 'Паспорт программы'),
    passport,
    heading(1, '1. Пояснительная записка'),
    p([bold('Наставничество'), DEFINITION]),
    p('Программа определяет формы наставничества:'),
    list(false, FORMS),
    heading(1, '2. Содержание программы'),
    p('Работа строится по трём направлениям:'),
    list(true, DIRECTIONS),
    p(['Итогом работы становится ', bold('индивидуальный образовательный маршрут'), ' каждого молодого педагога.']),
    heading(1, '3. Этапы реализации программы'),
    stages,
    heading(1, '4. План мероприятий по реализации программы'),
    plan,
  ]);
  const filled = Object.fromEntries(PASSPORT.filter(([, , field]) => field).map(([, lines, field]) => [field!, lines.join('\n')])) as Partial<Passport>;
  const runs = (texts: string[]) => texts.map((text) => [{ text }]);
  return docxFixture('programme', source, {
    kind: 'programme',
    title: NAME,
    document: {},
    passport: filled,
    sections: [
      {
        title: 'Пояснительная записка',
        body: [
          { type: 'paragraph', runs: [{ text: 'Наставничество', bold: true }, { text: DEFINITION }] },
          { type: 'paragraph', runs: [{ text: 'Программа определяет формы наставничества:' }] },
          { type: 'bulletList', items: runs(FORMS) },
        ],
      },
      {
        title: 'Содержание программы',
        body: [
          { type: 'paragraph', runs: [{ text: 'Работа строится по трём направлениям:' }] },
          { type: 'orderedList', items: runs(DIRECTIONS) },
          {
            type: 'paragraph',
            runs: [
              { text: 'Итогом работы становится ' },
              { text: 'индивидуальный образовательный маршрут', bold: true },
              { text: ' каждого молодого педагога.' },
            ],
          },
        ],
      },
    ],
    stages: STAGES.map(([title, , period, lines]) => ({ title, period, description: lines.map((l) => `- ${l}`).join('\n') })),
    plan: {
      sections: [
        { number: '1', title: planSections[0]!, items: first.map((a, i) => itemOf(`1.${i + 1}`, a)), sections: [] },
        { number: '2', title: planSections[1]!, items: second.map((a, i) => itemOf(`2.${i + 1}`, a)), sections: [] },
        { number: '3', title: planSections[2]!, items: third.map((a, i) => itemOf(`3.${i + 1}`, a)), sections: [] },
      ],
      unplaced: [],
    },
    warnings: {},
  });
}
