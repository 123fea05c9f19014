// The ICS writer (calendars/ics-writer.ts) on hostile text it is given directly: a calendar name or
// note with line breaks and iCalendar syntax in it, control characters in a title, an item id that is
// not a plain word. ical-generator escapes what it writes of events but not the calendar's name or
// note, so the writer does; a real parser (ical.js) reads every value back as it was.
import { writeCalendar, type CalendarItem } from '@soplan/server/calendars/ics-writer.ts';
import type { FeedBoardRow } from '@soplan/server/db/queries/calendar-feeds.ts';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';

for (const name of ['x-wr-calname', 'x-wr-caldesc']) ICAL.design.icalendar.property[name] = { defaultType: 'text' };

const board: FeedBoardRow = {
  id: 'b1',
  kind: 'roadmap',
  title: 'План',
  archived_at: null,
  created_at: Date.UTC(2021, 8, 1),
  indexed_at: Date.UTC(2021, 9, 1),
  first_date: null,
  last_date: null,
};
const item = (over: Partial<CalendarItem>): CalendarItem => ({
  boardId: 'b1',
  id: 'i1',
  title: 'Семинар',
  period: '11.10.2021',
  periodKind: 'date',
  start: '2021-10-11',
  end: '2021-10-11',
  status: 'planned',
  responsibles: [],
  groupTitle: '',
  sequence: 0,
  ...over,
});
const write = (name: string, items: CalendarItem[], note?: string) =>
  writeCalendar({ name, items, boards: new Map([['b1', board]]), baseUrl: 'https://soplan.example', ...(note ? { note } : {}) });

describe('ICS writer on hostile text', () => {
  it('a calendar name and note cannot end the calendar or add a property', () => {
    const name = 'План; 2021, «ДОО»\\\nEND:VCALENDAR\nBEGIN:VCALENDAR\nX-WR-CALNAME:Подмена';
    const text = write(name, [item({})], 'Заметка\nMETHOD:CANCEL');
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(name);
    expect(calendar.getFirstPropertyValue('x-wr-caldesc')).toBe('Заметка\nMETHOD:CANCEL');
    expect(calendar.getAllProperties('x-wr-calname')).toHaveLength(1);
    expect(calendar.getFirstProperty('method')).toBeNull();
    expect(text.split('\r\n').filter((l) => l === 'END:VCALENDAR')).toHaveLength(1);
  });

  it('control characters are dropped, a carriage return is a line break, an odd item id is percent-encoded in the UID and link', () => {
    const text = write('План', [item({ id: 'a b\r\nUID:x', title: 'Сем\u0000ин\u0007ар\rдва\tтри' })]);
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('summary')).toBe('Семинар\nдва\tтри');
    expect(event.getFirstPropertyValue('uid')).toBe('a%20b%0D%0AUID%3Ax@b1.soplan');
    expect(event.getFirstPropertyValue('url')).toBe('https://soplan.example/boards/b1#item-a%20b%0D%0AUID%3Ax');
    expect(event.getAllProperties('uid')).toHaveLength(1);
  });

  it('DTSTAMP and LAST-MODIFIED are when the board was last indexed; a reversed range is its first day', () => {
    const text = write('План', [item({ periodKind: 'range', start: '2021-10-11', end: '2021-10-01' })]);
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    expect((event.getFirstPropertyValue('dtstamp') as ICAL.Time).toString()).toBe('2021-10-01T00:00:00Z');
    expect((event.getFirstPropertyValue('last-modified') as ICAL.Time).toString()).toBe('2021-10-01T00:00:00Z');
    expect((event.getFirstPropertyValue('dtend') as ICAL.Time).toString()).toBe('2021-10-12');
  });

  it('a recurring item without dates on its board starts in the academic year the board was made in and never ends', () => {
    const text = write('План', [item({ period: 'Ежегодно в январе и мае', periodKind: 'recurring', start: null, end: null })]);
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2022-01-01');
    expect((event.getFirstPropertyValue('rrule') as ICAL.Recur).toJSON()).toEqual({ freq: 'YEARLY', bymonth: [1, 5] });
  });
});
