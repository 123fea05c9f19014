// A whole приказ in front of its plan, as methodologists' Word files are (DESIGN «Documents in and
// out»): the authority in centred capitals, «ПРИКАЗ», its date and number on one line split by tabs,
// the title «Об утверждении …», the body ending «ПРИКАЗЫВАЮ:» and its numbered points, the signatory
// with a tab before the name; then, on a new page, «Приложение № 1 к приказу …», an «УТВЕРЖДАЮ»
// block, the plan's title, «Цель: …», «Задачи:» with numbered lines, the list of abbreviations, and
// the table. The board keeps the приказ and the preamble in its document header.
import { bold, centred, document, p, table, type Paragraph } from '../model.ts';
import type { Fixture } from '../expected.ts';
import { ACTIVITIES, docxFixture, itemOf, itemRow, roadmapHeader, sectionRow, titleLines } from './roadmap.ts';

const right = (text: string): Paragraph => p(text, { align: 'right' });
const justified = (text: string): Paragraph => p(text, { align: 'justify' });

const AUTHORITY = 'ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ МЭРИИ ГОРОДА ЯРОСЛАВЛЯ';
const ORDER_TITLE =
  'Об утверждении плана мероприятий («дорожной карты») по развитию системы наставничества в муниципальных дошкольных образовательных учреждениях на 2021–2022 учебный год';
const BODY = [
  'В соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации», распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 «Об утверждении методологии (целевой модели) наставничества обучающихся», в целях развития системы наставничества в муниципальной системе образования',
  'ПРИКАЗЫВАЮ:',
  '1. Утвердить план мероприятий («дорожную карту») по развитию системы наставничества в муниципальных дошкольных образовательных учреждениях на 2021–2022 учебный год (приложение № 1).',
  '2. Руководителям муниципальных дошкольных образовательных учреждений обеспечить выполнение плана мероприятий.',
  '3. Контроль за исполнением приказа возложить на заместителя директора департамента Е.А. Иванову.',
];
const SIGNATORY = ['Директор департамента', 'И.В. Петрова'];
const PLAN_TITLE = [
  'План мероприятий («дорожная карта»)',
  'по развитию системы наставничества в муниципальных дошкольных образовательных учреждениях на 2021–2022 учебный год',
];
const GOAL = 'создание условий для профессионального роста молодых педагогов через развитие системы наставничества.';
const TASKS = [
  '1. Создать банк наставнических практик дошкольных образовательных учреждений.',
  '2. Организовать методическое сопровождение наставников и молодых педагогов.',
  '3. Обеспечить распространение лучших практик наставничества.',
];
const ABBREVIATIONS = [
  'ДОО – дошкольная образовательная организация',
  'ГЦРО – МОУ «Городской центр развития образования»',
  'ИОМ – индивидуальный образовательный маршрут',
];
const SECTIONS = ['Организационно-методическое обеспечение', 'Распространение опыта наставничества'];

export async function prikaz(): Promise<Fixture> {
  const order: Paragraph[] = [
    centred([bold(AUTHORITY)]),
    p(''),
    centred([bold('ПРИКАЗ')]),
    p(''),
    p('12.10.2021\t\t\t\t\t\t\t\t\t№ 01-05/812'),
    p(''),
    p([bold(ORDER_TITLE)]),
    p(''),
    ...BODY.map(justified),
    p(''),
    p(`${SIGNATORY[0]}\t\t\t\t\t\t\t${SIGNATORY[1]}`),
  ];
  const appendix: Paragraph[] = [
    right('Приложение № 1'),
    right('к приказу департамента образования'),
    right('от 12.10.2021 № 01-05/812'),
    p(''),
    right('УТВЕРЖДАЮ'),
    right('Директор МОУ ГЦРО'),
    right('_____________ А.А. Смирнова'),
    right('«12» октября 2021 г.'),
    p(''),
    ...titleLines(PLAN_TITLE),
    p(`Цель: ${GOAL}`),
    p('Задачи:'),
    ...TASKS.map((t) => p(t)),
    p([bold('Список сокращений:')]),
    ...ABBREVIATIONS.map((a) => p(a)),
  ];
  const first = [ACTIVITIES[0]!, ACTIVITIES[1]!, ACTIVITIES[5]!];
  const second = [ACTIVITIES[14]!, ACTIVITIES[18]!];
  const rows = [
    roadmapHeader(),
    sectionRow(SECTIONS[0]!),
    ...first.map((a, i) => itemRow(String(i + 1), a)),
    sectionRow(SECTIONS[1]!),
    ...second.map((a, i) => itemRow(String(first.length + i + 1), a)),
  ];
  return docxFixture(
    'prikaz',
    document([order, appendix, table(rows)]),
    {
      kind: 'roadmap',
      title: PLAN_TITLE.join(' '),
      document: {
        authority: AUTHORITY,
        documentKind: 'ПРИКАЗ',
        date: '12.10.2021',
        number: '01-05/812',
        title: ORDER_TITLE,
        body: BODY.join('\n'),
        signatory: SIGNATORY.join(' '),
        goal: GOAL,
        tasks: TASKS.join('\n'),
        abbreviations: ABBREVIATIONS.join('\n'),
      },
      plan: {
        sections: [
          { number: '1', title: SECTIONS[0]!, items: first.map((a, i) => itemOf(`1.${i + 1}`, a)), sections: [] },
          { number: '2', title: SECTIONS[1]!, items: second.map((a, i) => itemOf(`2.${i + 1}`, a)), sections: [] },
        ],
        unplaced: [],
      },
      warnings: {},
    },
    { docx: { pageBreaksBefore: [order.length] } },
  );
}
