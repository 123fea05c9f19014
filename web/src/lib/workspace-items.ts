// Indexed items as the workspace's pages (dashboard, «Мои задачи») show them.
import type { WorkspaceItemDto } from '@soplan/shared';
import { i18n } from './i18n/i18n.svelte.ts';

/** When the item happens (next): its dates in the chosen language, or its period as typed when it has none. */
export function whenOf(item: WorkspaceItemDto): string {
  const start = item.nextStart ?? item.start;
  return start ? i18n.formatRange(start, item.nextEnd ?? item.end) : item.period;
}
