// A plan-graph of an academic year written «на 2023/2024 учебный год»: the «№» and «Месяц» cells span
// the month's rows (vMerge), months are named without a year (September–December are 2023,
// January–May 2024), and a «Дата» column gives a few events their exact day.
import { cell, document, headerRow, row, table, type Row } from '../model.ts';
import type { ExpectedMonth, Fixture } from '../expected.ts';
import { docxFixture, titleLines } from './roadmap.ts';

const TITLE = ['План-график работы городской творческой группы «Современные подходы к организации РППС в ДОО»', 'на 2023/2024 учебный год'];
const COLUMNS = ['№ п/п', 'Месяц', 'Название мероприятия', 'Форма проведения', 'Дата', 'Ответственные'];

type Event = [title: string, form: string, date: string, responsibles: string];
const MONTHS: [name: string, month: string, events: Event[]][] = [
  [
    'Сентябрь',
    '2023-09',
    [
      ['Организация деятельности творческой группы, планирование работы на учебный год', 'Сбор ГТГ', '', 'ГТГ'],
      ['Анализ развивающей предметно-пространственной среды групп ДОО', 'Круглый стол', '', 'ГТГ, ГЦРО'],
    ],
  ],
  [
    'Октябрь',
    '2023-10',
    [
      ['Современные требования к организации РППС в соответствии с ФОП ДО', 'Семинар', '12.10.2023', 'МДОУ «Детский сад № 8»'],
      ['Зонирование группового помещения: опыт работы', 'Мастер-класс', '', 'МДОУ «Детский сад № 25»'],
      ['Подбор материалов для центров активности', 'Консультация', '', 'ГТГ'],
    ],
  ],
  ['Ноябрь', '2023-11', [['Использование полифункциональных модулей в РППС', 'Презентационная площадка', '', 'МДОУ «Детский сад № 44»']]],
  [
    'Декабрь',
    '2023-12',
    [
      ['Организация РППС для детей раннего возраста', 'Семинар-практикум', '', 'МДОУ «Детский сад № 82»'],
      ['Подведение промежуточных итогов работы группы', 'Сбор ГТГ', '', 'ГТГ'],
    ],
  ],
  [
    'Январь',
    '2024-01',
    [
      ['Цифровые ресурсы в развивающей среде ДОО', 'Семинар-практикум', '18.01.2024', 'МДОУ «Детский сад № 98», ГЦРО'],
      ['Подготовка к конкурсу «Лучший центр активности»', 'Сбор ГТГ', '', 'ГТГ'],
    ],
  ],
  ['Февраль', '2024-02', [['Конкурс «Лучший центр активности»', 'Конкурс', '', 'ГТГ, ГЦРО']]],
  ['Март', '2024-03', [['Среда как средство поддержки детской инициативы', 'Коучинг-сессия', '', 'МДОУ «Детский сад № 100»']]],
  [
    'Апрель',
    '2024-04',
    [
      ['Презентация опыта создания РППС детскими садами группы', 'Презентационная площадка', '', 'ГТГ'],
      ['Подготовка методических рекомендаций по итогам работы', 'Сбор ГТГ', '', 'ГТГ'],
    ],
  ],
  [
    'Май',
    '2024-05',
    [
      ['Анкетирование педагогов по итогам года', 'Анкетирование', '', 'ГТГ'],
      ['Подведение итогов, планирование деятельности на 2024/2025 учебный год', 'Круглый стол', '', 'ГТГ, ГЦРО'],
    ],
  ],
];

export async function planGraph(): Promise<Fixture> {
  const rows: Row[] = [headerRow(COLUMNS)];
  MONTHS.forEach(([name, , events], m) => {
    events.forEach(([title, form, date, responsibles], e) => {
      const span = { rowSpan: events.length };
      rows.push(row(e === 0 ? [cell(String(m + 1), span), cell(name, span), title, form, date, responsibles] : [title, form, date, responsibles]));
    });
  });
  const months: ExpectedMonth[] = MONTHS.map(([, month, events]) => ({
    month,
    events: events.map(([title, form, date, responsibles]) => ({
      title,
      form,
      date: date ? date.split('.').reverse().join('-') : '',
      responsibles: responsibles.split(',').map((s) => s.trim()),
      partner: '',
    })),
  }));
  return docxFixture('plan-graph', document([titleLines(TITLE), table(rows)]), {
    kind: 'plan-graph',
    title: TITLE.join(' '),
    document: {},
    from: '2023-09',
    to: '2024-08',
    months,
    warnings: {},
  });
}
