// Export (issue 14, SPEC E): the files a board is written as, and the background export of a board too
// big for a synchronous answer — its state as the page follows it.
import { z } from 'zod';
import type { ProgrammeContentJson } from './boards/board-json.ts';
import type { ErrorCode, ErrorParams } from './errors.ts';
import type { ItemStatus } from './status.ts';

/** The files `GET /api/boards/:id/export?format=…` writes. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'xlsx', 'ics', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The one command that makes PDF export work on a Debian server (LibreOffice Writer and metric-compatible fonts). */
export const PDF_INSTALL_COMMAND = 'sudo apt-get install -y libreoffice-writer-nogui fonts-liberation2';

/** Boards with more items than this are exported in the background, with progress on the page (SPEC E5). */
export const BACKGROUND_EXPORT_ITEMS = 2000;

export const createExportBody = z.strictObject({ format: z.enum(EXPORT_FORMATS) });

/**
 * Where a background export is: waiting for a free worker, building the document, converting it to
 * PDF, done (the file is ready at `GET /api/exports/:id/file` for EXPORT_KEPT_MINUTES), or failed with
 * the error an immediate export would have answered.
 */
export type ExportJobState = 'queued' | 'building' | 'converting' | 'done' | 'failed';

export interface ExportJobDto {
  id: string;
  boardId: string;
  format: ExportFormat;
  state: ExportJobState;
  /** Steps done of `steps` (building, then converting for a PDF), for a progress bar. */
  step: number;
  steps: number;
  error?: { code: ErrorCode; message: string; params?: ErrorParams };
}

/** How long a finished background export's file is kept for its download. */
export const EXPORT_KEPT_MINUTES = 10;

/** The headings of the plan's tables in every exported document and in print (DOCX, PDF, XLSX, the print view). */
export const ROADMAP_COLUMNS = ['№ п/п', 'Наименование мероприятия', 'Сроки', 'Ответственный исполнитель', 'Ожидаемый результат'] as const;
export const PLAN_GRAPH_COLUMNS = ['Месяц', 'Мероприятие', 'Форма', 'Дата', 'Ответственные', 'Партнёр'] as const;
/** Each column's share of the table's width, in the DOCX and in print. */
export const ROADMAP_COLUMN_SHARES = [8, 34, 15, 19, 24] as const;
export const PLAN_GRAPH_COLUMN_SHARES = [13, 31, 15, 11, 17, 13] as const;

/** A programme's passport rows as documents label them, in order. */
export const PASSPORT_LABELS = [
  ['developers', 'Разработчики'],
  ['term', 'Сроки реализации'],
  ['targetCategory', 'Целевая категория'],
  ['legalBasis', 'Нормативно-правовая база'],
  ['participants', 'Участники'],
  ['relevance', 'Актуальность'],
  ['goal', 'Цель'],
  ['tasks', 'Задачи'],
  ['expectedResults', 'Ожидаемые результаты'],
] as const;

const MONTH_NAMES = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];

/** «Сентябрь 2021» of `2021-09`, as a plan-graph's month reads in a document. */
export const documentMonth = (month: string): string => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`.trim();

/** `2021-09-15` as «15.09.2021». */
export const documentDate = (iso: string): string => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '');

/** An item's status as exported files say it (in Russian, as official documents are; the page words it in the reader's language). */
export const DOCUMENT_STATUS_LABELS: Record<ItemStatus, string> = {
  planned: 'Запланировано',
  'in-progress': 'В работе',
  done: 'Выполнено',
  cancelled: 'Отменено',
};

/** A mentoring pair's form as exported files say it. */
export const DOCUMENT_MENTORING_FORM_LABELS: Record<ProgrammeContentJson['pairs'][number]['form'], string> = {
  traditional: 'традиционное',
  flash: 'флэш-наставничество',
  reverse: 'реверсивное',
  team: 'командное',
  partner: 'партнёрское',
  virtual: 'виртуальное',
  group: 'групповое',
};

/** A programme's parts as its documents head them (the DOCX and the print view), with their tables' columns. */
export const PROGRAMME_PARTS = {
  stages: { heading: 'Этапы реализации', columns: ['Этап', 'Сроки', 'Основное содержание'] },
  indicators: { heading: 'Показатели', columns: ['Показатель', 'Целевое значение', 'Фактическое значение'] },
  pairs: { heading: 'Пары «наставник — наставляемый»', columns: ['Наставник', 'Наставляемый', 'Форма наставничества', 'Профессиональные дефициты'] },
  routes: { heading: 'Индивидуальные образовательные маршруты (ИОМ)', columns: ['№', 'Шаг маршрута', 'Сроки'] },
  nominations: { heading: 'Номинации' },
  products: { heading: 'Продукты' },
  plan: { heading: 'План мероприятий' },
} as const;

/** The heading of one pair's route: «Петрова Б.Б., наставник Иванова А.А.». */
export const routeHeading = (pair: { mentor: string; mentee: string }): string =>
  [pair.mentee, pair.mentor && `наставник ${pair.mentor}`]
    .map((n) => n.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(', ') || 'Маршрут';
