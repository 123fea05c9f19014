// The official plan table's columns after «№ п/п», in its order: Наименование, Сроки, Ответственный
// исполнитель, Ожидаемый результат. The board and the import's preview of it head them alike.
import type { MessageKey } from '../i18n/i18n.svelte.ts';

export const PLAN_COLUMNS = ['roadmap.title', 'roadmap.period', 'roadmap.responsibles', 'roadmap.result'] as const satisfies readonly MessageKey[];
