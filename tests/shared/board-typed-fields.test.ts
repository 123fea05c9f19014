// Every field a person types in is a Y.Text (SPEC rules B3, B5–B7), so it reaches the document as
// they type; lists of names are the typed text, read as a list. Readers accept the plain strings and
// arrays older boards hold, and the first keystroke into such a field turns it into a Y.Text without
// losing what it held.
import {
  addPlanGraphEvent,
  addProgrammeEntry,
  addRoadmapItem,
  addRoadmapSection,
  addRouteStep,
  fragmentText,
  isEditableBody,
  listOf,
  pairRoute,
  paragraphs,
  planGraphEvents,
  programmeList,
  readPlanGraph,
  readProgramme,
  readRoadmap,
  roadmapItems,
  sectionBody,
  setPlanGraphRange,
  strList,
  textField,
  type Item,
} from '@soplan/shared';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';

const TODAY = '2022-01-15';

const isText = (item: Item | undefined, key: string) => item?.get(key) instanceof Y.Text;

describe('the writers create Y.Text for every typed field', () => {
  it("[B6] a roadmap item's period, responsibles and evidence are Y.Text, read back as the period and lists", () => {
    const doc = new Y.Doc();
    const s = addRoadmapSection(doc, 'S');
    const id = addRoadmapItem(doc, s, { title: 'Семинар', period: 'Апрель 2023 г.', responsibles: ['МДОУ № 8', 'ЯГПУ'], evidence: ['https://example.org/a'] });
    const item = roadmapItems(doc).get(id);
    for (const key of ['title', 'period', 'responsibles', 'result', 'evidence']) expect(isText(item, key), key).toBe(true);
    expect(typeof item!.get('status')).toBe('string');
    expect(readRoadmap(doc).sections[0]!.items[0]).toMatchObject({
      period: 'Апрель 2023 г.',
      responsibles: ['МДОУ № 8', 'ЯГПУ'],
      evidence: ['https://example.org/a'],
    });
  });

  it("[B5] a plan-graph event's form, responsibles and partner are Y.Text; month, date and status stay plain", () => {
    const doc = new Y.Doc();
    const id = addPlanGraphEvent(doc, '2021-10', { title: 'Сбор', form: 'Сбор ГТГ', date: '2021-10-05', responsibles: ['МДОУ № 8'], partner: 'ЯГПУ' });
    const item = planGraphEvents(doc).get(id);
    for (const key of ['title', 'form', 'responsibles', 'partner', 'notes']) expect(isText(item, key), key).toBe(true);
    for (const key of ['month', 'date', 'status']) expect(typeof item!.get(key), key).toBe('string');
    expect(readPlanGraph(doc, TODAY).events[0]).toMatchObject({ form: 'Сбор ГТГ', date: '2021-10-05', responsibles: ['МДОУ № 8'], partner: 'ЯГПУ' });
  });

  it("[B7] a programme's stage period, indicator target and actual, mentor, mentee and route steps are Y.Text, also when given as plain strings", () => {
    const doc = new Y.Doc();
    const stage = addProgrammeEntry(doc, 'stages', { title: 'Подготовительный', period: 'сентябрь- декабрь 2020гг.', status: 'done' });
    const indicator = addProgrammeEntry(doc, 'indicators', { title: 'Доля', target: 'не менее 70 %', actual: '64 %' });
    const pair = addProgrammeEntry(doc, 'pairs', { mentor: 'Опарышева Н. В.', mentee: 'Иванова А. С.', form: 'flash' });
    const step = addRouteStep(doc, pair, { title: 'Посещение занятий', period: 'Октябрь 2021 г.' });
    const blank = addProgrammeEntry(doc, 'indicators');
    expect(['title', 'period', 'description'].map((k) => isText(programmeList(doc, 'stages').get(stage), k))).toEqual([true, true, true]);
    expect(['title', 'target', 'actual'].map((k) => isText(programmeList(doc, 'indicators').get(indicator), k))).toEqual([true, true, true]);
    expect(['title', 'target', 'actual'].map((k) => isText(programmeList(doc, 'indicators').get(blank), k))).toEqual([true, true, true]);
    const pairItem = programmeList(doc, 'pairs').get(pair)!;
    expect(['mentor', 'mentee', 'deficits'].map((k) => isText(pairItem, k))).toEqual([true, true, true]);
    expect(pairItem.get('form')).toBe('flash');
    expect(['title', 'period'].map((k) => isText(pairRoute(pairItem).get(step!), k))).toEqual([true, true]);
    const view = readProgramme(doc);
    expect(view.stages[0]).toMatchObject({ title: 'Подготовительный', period: 'сентябрь- декабрь 2020гг.', status: 'done' });
    expect(view.indicators[0]).toMatchObject({ target: 'не менее 70 %', actual: '64 %' });
    expect(view.pairs[0]).toMatchObject({
      mentor: 'Опарышева Н. В.',
      mentee: 'Иванова А. С.',
      route: [{ title: 'Посещение занятий', period: 'Октябрь 2021 г.' }],
    });
  });
});

describe('readers accept old boards and new ones alike', () => {
  it('[B4] a list reads from an old plain array, from the typed Y.Text and from a plain string; anything else reads empty', () => {
    const item = new Y.Doc().getMap<unknown>('item') as Item;
    item.set('a', ['МДОУ № 8', 42, 'ЯГПУ', null]);
    item.set('b', new Y.Text('МДОУ № 8,  ЯГПУ;ГЦРО\n, '));
    item.set('c', 'Иванова А. С.');
    item.set('d', new Y.Map());
    item.set('e', 7);
    expect(strList(item, 'a')).toEqual(['МДОУ № 8', 'ЯГПУ']);
    expect(strList(item, 'b')).toEqual(['МДОУ № 8', 'ЯГПУ', 'ГЦРО']);
    expect(strList(item, 'c')).toEqual(['Иванова А. С.']);
    expect(strList(item, 'd')).toEqual([]);
    expect(strList(item, 'e')).toEqual([]);
    expect(strList(item, 'missing')).toEqual([]);
    expect(listOf(' a , b;;c ')).toEqual(['a', 'b', 'c']);
  });

  it('[B4][B6] a roadmap item written by an older client (plain period, arrays of names and links) reads the same as a new one', () => {
    const doc = new Y.Doc();
    const s = addRoadmapSection(doc, 'S');
    const id = addRoadmapItem(doc, s, { title: 'x' });
    const item = roadmapItems(doc).get(id)!;
    item.set('period', 'Май 2022 г.');
    item.set('responsibles', ['МБОУ ДПО МЦ', 'ОО']);
    item.set('evidence', ['https://example.org/report']);
    expect(readRoadmap(doc).sections[0]!.items[0]).toMatchObject({
      period: 'Май 2022 г.',
      responsibles: ['МБОУ ДПО МЦ', 'ОО'],
      evidence: ['https://example.org/report'],
    });
  });

  it('[B4][B5] a plan-graph reads junk dates, months and ranges as absent instead of inventing them', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('from', '0000-01');
    doc.getMap('meta').set('to', '0001-12');
    doc.getMap('meta').set('yearStart', Number.NaN);
    const bad = addPlanGraphEvent(doc, '2021-10', { title: 'a', date: '2021-13-45' });
    addPlanGraphEvent(doc, '2021-10', { title: 'b', date: '2021-02-30' });
    addPlanGraphEvent(doc, '0000-10', { title: 'c' });
    planGraphEvents(doc).get(bad)!.set('form', 42);
    const view = readPlanGraph(doc, TODAY);
    expect([view.from, view.to]).toEqual(['2021-09', '2022-08']);
    expect(view.events.map((e) => [e.title, e.month, e.date, e.form])).toEqual([
      ['c', '', '', ''],
      ['a', '2021-10', '', ''],
      ['b', '2021-10', '', ''],
    ]);
    doc.getMap('meta').set('yearStart', 1e21);
    expect(readPlanGraph(doc, TODAY).from).toBe('2021-09');
    expect(() => setPlanGraphRange(doc, '0000-01', '0001-12')).toThrow(RangeError);
  });
});

describe('the first keystroke into an old plain field', () => {
  it('[B3] turns an array of names into a Y.Text of them, joined with ", ", in one transaction', () => {
    const doc = new Y.Doc();
    const item = doc.getMap<unknown>('items').set('x', new Y.Map<unknown>()) as Item;
    item.set('responsibles', ['МДОУ № 8', 5, 'ЯГПУ']);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const text = textField(item, 'responsibles');
    expect(updates).toHaveLength(1);
    expect(text.toString()).toBe('МДОУ № 8, ЯГПУ');
    expect(item.get('responsibles')).toBe(text);
    expect(textField(item, 'responsibles')).toBe(text);
    text.insert(text.length, ', ГЦРО');
    expect(strList(item, 'responsibles')).toEqual(['МДОУ № 8', 'ЯГПУ', 'ГЦРО']);
  });

  it("[B3] keeps a plain string as the Y.Text's content and replaces junk with an empty Y.Text", () => {
    const item = new Y.Doc().getMap<unknown>('item') as Item;
    item.set('period', 'Май 2022 г.');
    item.set('target', new Y.Map());
    item.set('actual', 64);
    expect(textField(item, 'period').toString()).toBe('Май 2022 г.');
    expect(textField(item, 'target').toString()).toBe('');
    expect(textField(item, 'actual').toString()).toBe('');
    expect(item.get('actual')).toBeInstanceOf(Y.Text);
  });
});

describe('rich-text bodies a client wrote', () => {
  it('[B4][B7] a body nested tens of thousands of levels deep reads as text without overflowing the stack and is not opened in the editor', () => {
    const doc = new Y.Doc();
    const id = addProgrammeEntry(doc, 'sections', { title: 'Глубокий раздел' });
    const section = programmeList(doc, 'sections').get(id)!;
    let parent: Y.XmlFragment = sectionBody(section);
    doc.transact(() => {
      parent.delete(0, parent.length);
      for (let depth = 0; depth < 20_000; depth++) {
        const child = new Y.XmlElement('paragraph');
        parent.insert(0, [child]);
        parent = child;
      }
      parent.insert(0, [new Y.XmlText('на дне')]);
    });
    expect(readProgramme(doc).sections[0]!.text).toBe('на дне');
    expect(isEditableBody(section.get('body'))).toBe(false);
  });

  it('[B4][B7] text at the top of a body, a plain string or a Y.Text is shown as text, and opening it for editing keeps that text', () => {
    const doc = new Y.Doc();
    const topText = new Y.XmlFragment();
    topText.insert(0, [new Y.XmlText('вне абзаца')]);
    const ids = [topText, 'строка', new Y.Text('Y.Text'), paragraphs(['Первый', 'Второй'])].map((body) => addProgrammeEntry(doc, 'sections', { body }));
    const sections = ids.map((id) => programmeList(doc, 'sections').get(id)!);
    expect(sections.map((s) => isEditableBody(s.get('body')))).toEqual([false, false, false, true]);
    expect(readProgramme(doc).sections.map((s) => s.text)).toEqual(['вне абзаца', 'строка', 'Y.Text', 'Первый\nВторой']);
    const kept = sections[3]!.get('body');
    for (const s of sections) expect(isEditableBody(sectionBody(s))).toBe(true);
    expect(sections[3]!.get('body')).toBe(kept);
    expect(readProgramme(doc).sections.map((s) => s.text)).toEqual(['вне абзаца', 'строка', 'Y.Text', 'Первый\nВторой']);
    expect(fragmentText(new Y.Map())).toBe('');
  });
});
