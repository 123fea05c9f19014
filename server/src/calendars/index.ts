// calendars/: boards as calendars (issue 14). It owns the calendar feeds — secret subscription URLs
// for a board, a workspace or «Мои задачи», created, listed and revoked by their owner, answered
// without a login while the owner may still read what they show (feed-service.ts) — the one-off ICS
// of a board (CalendarFeeds.boardIcs), the ICS writer (ics-writer.ts: stable UIDs, SEQUENCE from the board index,
// all-day events, escaping) and how recurring periods become RRULEs (rules.ts). Everything is read
// from the board index (board_items), never from a board's document.
export { CalendarFeeds, FEED_PATH, FEED_SECRET_PREFIX, type CalendarFeedsOptions } from './feed-service.ts';
export { eventUid, itemLink } from './ics-writer.ts';
export { firstOccurrence, ruleOf, rruleText, type CalendarRule } from './rules.ts';
