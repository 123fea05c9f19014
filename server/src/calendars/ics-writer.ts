// The ICS text of a calendar of board items (RFC 5545, written by ical-generator, which escapes and
// folds what it writes; the calendar's name and note it writes as given, so they are escaped here).
// Each item is one all-day event: a date, a range (DTEND the day after its end), or a recurring
// period as an RRULE (rules.ts). What has no dates («Постоянно», «В течение периода», «Ежегодно»
// without a month, text not understood) is left out and counted in the calendar's note.
import { academicYearOf, DOCUMENT_STATUS_LABELS, periodOf, type BoardKind, type IndexedItem } from '@soplan/shared';
import ical, { escape, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { FeedBoardRow } from '../db/queries/calendar-feeds.ts';
import { firstOccurrence, ruleOf, rruleText } from './rules.ts';

/** One item as a calendar shows it: what the board index keeps of it, its board, and the index's count of its changes (the event's SEQUENCE). */
export type CalendarItem = Pick<IndexedItem, 'id' | 'title' | 'period' | 'periodKind' | 'start' | 'end' | 'status' | 'responsibles' | 'groupTitle'> & {
  boardId: string;
  sequence: number;
};

export interface CalendarSpec {
  /** X-WR-CALNAME: the board's title, the workspace's name, «Мои задачи — …». */
  name: string;
  items: CalendarItem[];
  /** The boards the items are on. */
  boards: ReadonlyMap<string, FeedBoardRow>;
  /** Where links back to the boards point (the public URL's origin, or the request's). */
  baseUrl: string;
  /** Said first in the calendar's note, before what was left out. */
  note?: string;
}

const DAY = 86_400_000;
const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dayAfter = (iso: string) => new Date(dateOf(iso).getTime() + DAY).toISOString().slice(0, 10);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// Board text is hostile: iCalendar TEXT allows no control characters but the tab (RFC 5545 §3.3.11);
// line breaks become `\n` when escaped, and the other controls are dropped.
const clean = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\p{Cc}/gu, (c) => (c === '\t' || c === '\n' ? c : ''));

/** The event's UID: the item's id on its board, never its place or title. The id is the document's, so it is percent-encoded. */
export const eventUid = (boardId: string, itemId: string) => `${encodeURIComponent(itemId)}@${boardId}.soplan`;

export const itemLink = (baseUrl: string, boardId: string, itemId: string) => `${baseUrl}/boards/${boardId}#item-${encodeURIComponent(itemId)}`;

interface Placement {
  start: string;
  /** Exclusive, as DTEND of an all-day event is. */
  end: string;
  rrule?: string;
}

/**
 * Where an item goes. A recurring period starts at its first occurrence from 1 September of the
 * board's academic year (that of its earliest dated item, else of the day it was made) and repeats
 * until 31 August of the academic year of its last dated item (open-ended without dates).
 */
function placementOf(item: CalendarItem, board: FeedBoardRow | undefined): Placement | null {
  if (item.periodKind === 'date' || item.periodKind === 'range') {
    const start = item.start ?? item.end;
    if (start === null) return null;
    const end = item.end !== null && item.end >= start ? item.end : start;
    return { start, end: dayAfter(end) };
  }
  if (item.periodKind !== 'recurring') return null;
  const recurrence = periodOf(item.period).recurrence;
  const rule = recurrence && ruleOf(recurrence);
  if (!rule) return null;
  const from = `${academicYearOf(board?.first_date ?? isoOf(board?.created_at ?? 0))}-09-01`;
  const until = board?.last_date ? `${academicYearOf(board.last_date) + 1}-08-31` : undefined;
  const start = firstOccurrence(rule, from);
  return { start, end: dayAfter(start), rrule: rruleText(rule, until) };
}

function descriptionOf(item: CalendarItem, kind: BoardKind | undefined, boardTitle: string, link: string): string {
  // A plan-graph's group is the event's month, and a mentee's route step already starts with the mentee's name.
  const group = item.groupTitle && kind !== 'plan-graph' && !item.title.startsWith(`${item.groupTitle}: `) ? item.groupTitle : '';
  return [
    group && `Раздел: ${group}`,
    item.responsibles.length > 0 && `Ответственные: ${item.responsibles.join(', ')}`,
    `Статус: ${DOCUMENT_STATUS_LABELS[item.status]}`,
    item.period && `Сроки: ${item.period}`,
    boardTitle && `Доска: ${boardTitle}`,
    link,
  ]
    .filter(Boolean)
    .join('\n');
}

export function writeCalendar(spec: CalendarSpec): string {
  const calendar = ical({
    prodId: { company: 'Soplan', product: 'Soplan', language: 'RU' },
    name: escape(clean(spec.name), false),
    // Subscribed calendars ask again after an hour (those that read it: Apple, Outlook).
    ttl: 3600,
  });
  let leftOut = 0;
  for (const item of spec.items) {
    const board = spec.boards.get(item.boardId);
    const placement = placementOf(item, board);
    if (!placement) {
      leftOut++;
      continue;
    }
    const link = itemLink(spec.baseUrl, item.boardId, item.id);
    // The index changes only when the board is indexed: its last index is when the event was last revised.
    const revised = new Date(board?.indexed_at ?? board?.created_at ?? 0);
    calendar.createEvent({
      id: eventUid(item.boardId, item.id),
      sequence: item.sequence,
      stamp: revised,
      lastModified: revised,
      allDay: true,
      start: dateOf(placement.start),
      end: dateOf(placement.end),
      ...(placement.rrule ? { repeating: placement.rrule } : {}),
      summary: clean(item.title) || 'Без названия',
      description: clean(descriptionOf(item, board?.kind, board?.title ?? '', link)),
      url: link,
      status: item.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // A plan's event marks a day; it does not make the reader busy.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  const note = [
    spec.note,
    leftOut > 0 &&
      `Мероприятий без дат, которых нет в календаре: ${leftOut}. Их сроки («Постоянно», «В течение периода», «По отдельному графику», «Ежегодно» без месяца) не называют дней или не распознаны; они есть на доске.`,
  ]
    .filter(Boolean)
    .join(' ');
  if (note) calendar.description(escape(clean(note), false));
  return calendar.toString();
}
