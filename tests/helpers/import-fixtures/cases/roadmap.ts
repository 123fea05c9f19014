// What the hand-made roadmap fixtures share: the columns real roadmaps have, title lines, section
// rows spanning the table, and a pool of activities as methodical centres write them (lengths,
// periods and responsibles as in ../shared/sources/001 and the plans like it).
import { sourceToDocx, type DocxOptions } from '../docx.ts';
import type { ExpectedBoard, ExpectedItem, Fixture } from '../expected.ts';
import { bold, cell, centred, headerRow, p, row, type Paragraph, type Row, type SourceDocument } from '../model.ts';

export const ROADMAP_COLUMNS = ['№ п/п', 'Наименование мероприятия', 'Сроки', 'Ответственный исполнитель', 'Ожидаемый результат'];

export const roadmapHeader = (flagged = true): Row => headerRow(ROADMAP_COLUMNS, flagged);

/** The plan's title as Word documents set it: centred bold lines above the table. */
export const titleLines = (lines: string[]): Paragraph[] => lines.map((line) => centred([bold(line)]));

/** A section («направление») written across the whole row (gridSpan). */
export const sectionRow = (title: string, columns = ROADMAP_COLUMNS.length): Row => row([cell(p(bold(title)), { colSpan: columns })]);

export interface Activity {
  title: string;
  period: string;
  /** As written in the cell: names separated by commas. */
  responsibles: string;
  result: string;
}

export const itemRow = (number: string, a: Activity): Row => row([number, a.title, a.period, a.responsibles, a.result]);

/** The board item an activity row gives: the cell's names split at commas. */
export const itemOf = (number: string, a: Activity): ExpectedItem => ({
  number,
  title: a.title,
  period: a.period,
  responsibles: a.responsibles.split(',').map((s) => s.trim()),
  result: a.result,
});

export const ACTIVITIES: Activity[] = [
  {
    title: 'Разработка и утверждение Положения о муниципальной системе наставничества педагогических работников образовательных организаций',
    period: 'Сентябрь 2022 г.',
    responsibles: 'Департамент образования',
    result: 'Приказ департамента образования об утверждении Положения',
  },
  {
    title: 'Формирование базы данных наставников и наставляемых муниципальных образовательных организаций',
    period: 'Сентябрь – октябрь 2022 г.',
    responsibles: 'МОУ ГЦРО, руководители ОО',
    result: 'База данных наставников и наставляемых',
  },
  {
    title: 'Проведение диагностики профессиональных дефицитов молодых педагогов на основе онлайн-анкетирования',
    period: 'Октябрь 2022 г.',
    responsibles: 'МОУ ГЦРО',
    result: 'Аналитическая справка по результатам диагностики профессиональных дефицитов',
  },
  {
    title: 'Разработка индивидуальных образовательных маршрутов молодых педагогов с учётом выявленных профессиональных дефицитов',
    period: 'Октябрь – ноябрь 2022 г.',
    responsibles: 'Старшие воспитатели ДОО',
    result: 'Индивидуальные образовательные маршруты',
  },
  {
    title: 'Организация работы муниципальной школы молодого педагога',
    period: 'Ежемесячно',
    responsibles: 'МОУ ГЦРО',
    result: 'План работы школы молодого педагога, материалы занятий',
  },
  {
    title: 'Проведение установочного семинара для педагогов-наставников «Наставничество как ресурс профессионального роста»',
    period: 'Ноябрь 2022 г.',
    responsibles: 'МОУ ГЦРО, МДОУ «Детский сад № 27»',
    result: 'Программа семинара, методические материалы',
  },
  {
    title: 'Организация стажировок молодых педагогов на базе образовательных организаций — участников муниципальной сети наставничества',
    period: 'Ежегодно (по отдельному графику)',
    responsibles: 'Руководители ОО',
    result: 'Отчёты о проведении стажировок',
  },
  {
    title: 'Проведение конкурса профессионального мастерства молодых педагогов «Первые шаги в профессии»',
    period: 'Март – апрель 2023 г.',
    responsibles: 'Департамент образования, МОУ ГЦРО',
    result: 'Приказ об итогах конкурса, сборник конкурсных материалов',
  },
  {
    title: 'Организация консультаций наставников по запросам молодых педагогов',
    period: 'В течение всего периода',
    responsibles: 'Педагоги-наставники',
    result: 'Журнал консультаций',
  },
  {
    title: 'Мониторинг реализации индивидуальных образовательных маршрутов молодых педагогов',
    period: 'Декабрь 2022 г., май 2023 г.',
    responsibles: 'МОУ ГЦРО',
    result: 'Аналитическая справка по итогам мониторинга',
  },
  {
    title: 'Проведение открытых просмотров образовательной деятельности молодых педагогов',
    period: 'Январь – февраль 2023 г.',
    responsibles: 'МДОУ «Детский сад № 8», МДОУ «Детский сад № 25»',
    result: 'Конспекты и видеозаписи открытых занятий',
  },
  {
    title: 'Организация мастер-классов педагогов-наставников по актуальным вопросам дошкольного образования',
    period: 'Ежеквартально',
    responsibles: 'Педагоги-наставники',
    result: 'Методические разработки мастер-классов',
  },
  {
    title: 'Создание и наполнение раздела «Наставничество» на официальных сайтах образовательных организаций',
    period: 'Постоянно',
    responsibles: 'Руководители ОО',
    result: 'Разделы сайтов, наполненные материалами',
  },
  {
    title: 'Проведение круглого стола «Наставник и молодой специалист: диалог поколений»',
    period: 'Февраль 2023 г.',
    responsibles: 'МОУ ГЦРО',
    result: 'Резолюция круглого стола',
  },
  {
    title: 'Обобщение и распространение лучших практик наставничества в муниципальной системе образования',
    period: 'Май 2023 г.',
    responsibles: 'МОУ ГЦРО, руководители ОО',
    result: 'Сборник лучших практик наставничества',
  },
  {
    title: 'Подготовка публикаций о практиках наставничества в муниципальном методическом журнале',
    period: 'Ежегодно',
    responsibles: 'Педагоги-наставники, МОУ ГЦРО',
    result: 'Публикации в журнале',
  },
  {
    title: 'Проведение анкетирования участников программ наставничества по удовлетворённости качеством наставничества',
    period: 'Апрель 2023 г.',
    responsibles: 'МОУ ГЦРО',
    result: 'Аналитическая справка по результатам анкетирования',
  },
  {
    title: 'Организация участия педагогов-наставников в курсах повышения квалификации по программе «Наставничество в образовательной организации»',
    period: 'Октябрь 2022 г. – март 2023 г.',
    responsibles: 'Департамент образования, ГАУ ДПО ЯО ИРО',
    result: 'Удостоверения о повышении квалификации',
  },
  {
    title: 'Проведение итоговой конференции «Наставничество: опыт и перспективы»',
    period: 'Май 2023 г.',
    responsibles: 'Департамент образования, МОУ ГЦРО',
    result: 'Сборник материалов конференции',
  },
  {
    title: 'Разработка методических рекомендаций по организации наставничества в дошкольных образовательных организациях',
    period: 'Январь – март 2023 г.',
    responsibles: 'МОУ ГЦРО',
    result: 'Методические рекомендации',
  },
  {
    title: 'Организация работы сетевых проектных групп молодых педагогов',
    period: 'Ноябрь 2022 г. – апрель 2023 г.',
    responsibles: 'МДОУ «Детский сад № 117», МДОУ «Детский сад № 151»',
    result: 'Проекты молодых педагогов',
  },
  {
    title: 'Проведение педагогических мастерских для молодых педагогов по проектированию развивающей предметно-пространственной среды',
    period: 'По отдельному графику',
    responsibles: 'МДОУ «Детский сад № 155»',
    result: 'Материалы педагогических мастерских',
  },
  {
    title: 'Анализ результатов реализации дорожной карты и корректировка планов на следующий учебный год',
    period: 'Июнь 2023 г.',
    responsibles: 'Департамент образования, МОУ ГЦРО',
    result: 'Аналитический отчёт, скорректированный план',
  },
  {
    title: 'Поощрение педагогов-наставников по итогам учебного года',
    period: 'Ежегодно в мае',
    responsibles: 'Руководители ОО',
    result: 'Приказы о поощрении',
  },
];

export const SECTION_TITLES = [
  'Нормативное и организационное обеспечение наставничества',
  'Методическое сопровождение молодых педагогов и наставников',
  'Распространение лучших практик наставничества',
  'Мониторинг и оценка эффективности наставничества',
];

/** Writes the fixture's model as DOCX. */
export async function docxFixture(
  name: string,
  source: SourceDocument,
  expected: ExpectedBoard,
  options: { absent?: string[]; docx?: DocxOptions } = {},
): Promise<Fixture> {
  return { name, fileName: `${name}.docx`, buffer: await sourceToDocx(source, options.docx), source, expected, absent: options.absent ?? [] };
}
