// Rows split across a page break: the continuation's «№» cell is empty and each of its cells goes on
// with the cell above it — the title's sentence continues, the «Сроки» cell of the continuation holds
// the period the first part left empty, the responsibles and the result go on too.
import { document, table } from '../model.ts';
import type { Fixture } from '../expected.ts';
import { ACTIVITIES, docxFixture, itemOf, itemRow, roadmapHeader, sectionRow, titleLines } from './roadmap.ts';

const TITLE = ['План мероприятий', 'по сопровождению профессионального развития молодых педагогов на 2022–2023 учебный год'];
const SECTION = 'Методическое сопровождение молодых педагогов';

export async function splitRows(): Promise<Fixture> {
  const rows = [
    roadmapHeader(),
    sectionRow(SECTION),
    itemRow('1', ACTIVITIES[2]!),
    itemRow('2', {
      title: 'Организация и проведение муниципального конкурса методических разработок',
      period: '',
      responsibles: 'МОУ ГЦРО,',
      result: 'Сборник методических',
    }),
    itemRow('', {
      title: 'для педагогов дошкольных образовательных учреждений со стажем работы до трёх лет',
      period: 'Март – апрель 2023 г.',
      responsibles: 'МДОУ «Детский сад № 27»',
      result: 'разработок участников конкурса',
    }),
    itemRow('3', ACTIVITIES[8]!),
    itemRow('4', {
      title: 'Проведение цикла практических семинаров для молодых педагогов по организации',
      period: 'Октябрь 2022 г. –',
      responsibles: 'Педагоги-наставники',
      result: 'Материалы семинаров',
    }),
    itemRow('', { title: 'образовательной деятельности в группах раннего возраста', period: 'март 2023 г.', responsibles: '', result: '' }),
    itemRow('5', ACTIVITIES[13]!),
  ];
  return docxFixture('split-rows', document([titleLines(TITLE), table(rows)]), {
    kind: 'roadmap',
    title: TITLE.join(' '),
    document: {},
    plan: {
      sections: [
        {
          number: '1',
          title: SECTION,
          items: [
            itemOf('1.1', ACTIVITIES[2]!),
            {
              number: '1.2',
              title:
                'Организация и проведение муниципального конкурса методических разработок для педагогов дошкольных образовательных учреждений со стажем работы до трёх лет',
              period: 'Март – апрель 2023 г.',
              responsibles: ['МОУ ГЦРО', 'МДОУ «Детский сад № 27»'],
              result: 'Сборник методических разработок участников конкурса',
            },
            itemOf('1.3', ACTIVITIES[8]!),
            {
              number: '1.4',
              title: 'Проведение цикла практических семинаров для молодых педагогов по организации образовательной деятельности в группах раннего возраста',
              period: 'Октябрь 2022 г. – март 2023 г.',
              responsibles: ['Педагоги-наставники'],
              result: 'Материалы семинаров',
            },
            itemOf('1.5', ACTIVITIES[13]!),
          ],
          sections: [],
        },
      ],
      unplaced: [],
    },
    warnings: { row_continued: 2 },
  });
}
