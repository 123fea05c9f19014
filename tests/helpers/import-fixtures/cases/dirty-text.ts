// Text as Word documents carry it: soft hyphens inside words (even in the header cells), non-breaking
// spaces in «№ 8» and dates, a zero-width space, «ё», runs of spaces and a tab, bullets typed by hand
// («•») in front of a cell's lines, a real bulleted list inside a cell, a link whose address is
// `javascript:` (its text stays, the address must not survive), and a cell that is only «—» (empty).
import { cell, document, headerRow, link, list, p, row, table } from '../model.ts';
import type { Fixture } from '../expected.ts';
import { docxFixture, sectionRow, titleLines } from './roadmap.ts';

const SHY = '\u00AD';
const NBSP = '\u00A0';
const ZWSP = '\u200B';
const TITLE = ['План мероприятий', 'по реализации проекта «Учёт индивидуальных достижений педагогов» на 2022–2023 учебный год'];

export async function dirtyText(): Promise<Fixture> {
  const rows = [
    headerRow([
      `№${NBSP}п/п`,
      `Наиме${SHY}нова${SHY}ние меро${SHY}прия${SHY}тия`,
      `Сро${SHY}ки`,
      `Ответственный${NBSP}${NBSP}исполнитель`,
      'Ожидаемый результат',
    ]),
    sectionRow(`Организационный${NBSP}этап`),
    row([
      '1.',
      `Раз${SHY}ра${SHY}бот${SHY}ка формы учёта индивидуальных достижений педагогов`,
      `Сентябрь${NBSP}2022${NBSP}г.`,
      cell([`•${NBSP}МОУ ГЦРО`, `• МДОУ «Детский сад${NBSP}№${NBSP}8»`]),
      '• Форма учёта достижений',
    ]),
    row([
      '2.',
      cell(p(['Публикация материалов проекта на ', link('сайте МОУ ГЦРО', 'javascript:alert(document.cookie)')])),
      'Ежемесячно',
      cell(list(false, ['МОУ ГЦРО', 'Руководители ДОО'])),
      '—',
    ]),
    row(['3.', 'Проведение   анкетирования\tпедагогов по учёту достижений', `Октябрь${NBSP}– ноябрь 2022${NBSP}г.`, 'МОУ ГЦРО', 'Аналитическая справка']),
    row(['4.', `Награж${ZWSP}дение педагогов по итогам учёта достижений`, `Май${NBSP}2023${NBSP}г.`, 'Департамент образования', 'Приказ о награждении']),
  ];
  return docxFixture(
    'dirty-text',
    document([titleLines(TITLE), table(rows)]),
    {
      kind: 'roadmap',
      title: TITLE.join(' '),
      document: {},
      plan: {
        sections: [
          {
            number: '1',
            title: 'Организационный этап',
            items: [
              {
                number: '1.1',
                title: 'Разработка формы учёта индивидуальных достижений педагогов',
                period: 'Сентябрь 2022 г.',
                responsibles: ['МОУ ГЦРО', 'МДОУ «Детский сад № 8»'],
                result: 'Форма учёта достижений',
              },
              {
                number: '1.2',
                title: 'Публикация материалов проекта на сайте МОУ ГЦРО',
                period: 'Ежемесячно',
                responsibles: ['МОУ ГЦРО', 'Руководители ДОО'],
                result: '',
              },
              {
                number: '1.3',
                title: 'Проведение анкетирования педагогов по учёту достижений',
                period: 'Октябрь – ноябрь 2022 г.',
                responsibles: ['МОУ ГЦРО'],
                result: 'Аналитическая справка',
              },
              {
                number: '1.4',
                title: 'Награждение педагогов по итогам учёта достижений',
                period: 'Май 2023 г.',
                responsibles: ['Департамент образования'],
                result: 'Приказ о награждении',
              },
            ],
            sections: [],
          },
        ],
        unplaced: [],
      },
      warnings: {},
    },
    { absent: ['javascript:', SHY, NBSP, ZWSP, '•', '—'] },
  );
}
