// The board schemas and their helpers (SPEC rules B1–B7): ordered collections that survive
// concurrent moves and inserts, derived numbering, and readers that tolerate anything.
import {
  addPlanGraphEvent,
  addProgrammeEntry,
  addRoadmapItem,
  addRoadmapSection,
  addRouteStep,
  boardItemsOf,
  BOARD_KINDS,
  fragmentText,
  moveItem,
  movePlanGraphEvent,
  moveRoadmapItem,
  moveRoadmapSection,
  orderedEntries,
  paragraphs,
  readPlanGraph,
  readProgramme,
  readRoadmap,
  removeRoadmapSection,
  roadmapItems,
  setPassportField,
  setPlanGraphRange,
} from '@soplan/shared';
import seedrandom from 'seedrandom';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';

const TODAY = '2022-01-15';

function pair(): [Y.Doc, Y.Doc, () => void] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return [a, b, sync];
}

describe('ordered collections', () => {
  it('[B1] two people moving the same item at once leave exactly one copy of it', () => {
    const [a, b, sync] = pair();
    const s1 = addRoadmapSection(a, 'Первое');
    const s2 = addRoadmapSection(a, 'Второе');
    const ids = ['x', 'y', 'z'].map((t) => addRoadmapItem(a, s1, { title: t }));
    sync();
    moveRoadmapItem(a, ids[0]!, s2, 0);
    moveRoadmapItem(b, ids[0]!, s1, 2);
    sync();
    for (const doc of [a, b]) {
      const view = readRoadmap(doc);
      const all = view.sections.flatMap((s) => s.items.map((i) => i.id));
      expect(all.filter((id) => id === ids[0])).toHaveLength(1);
      expect(all).toHaveLength(3);
    }
    expect(readRoadmap(a)).toEqual(readRoadmap(b));
  });

  it('[B2] inserts at the same place at once both survive, in the same order everywhere, and a later insert between them works', () => {
    const [a, b, sync] = pair();
    const s = addRoadmapSection(a, 'Раздел');
    sync();
    addRoadmapItem(a, s, { title: 'от А' }, 0);
    addRoadmapItem(b, s, { title: 'от Б' }, 0);
    sync();
    const titles = (doc: Y.Doc) => readRoadmap(doc).sections[0]!.items.map((i) => i.title);
    expect(titles(a)).toEqual(titles(b));
    expect(titles(a).sort()).toEqual(['от А', 'от Б']);
    addRoadmapItem(a, s, { title: 'между' }, 1);
    sync();
    expect(titles(a)[1]).toBe('между');
    expect(titles(b)).toEqual(titles(a));
  });

  it('[B2] seeded random moves and inserts from three replicas converge with no item lost or doubled', () => {
    for (const seed of ['b-1', 'b-2', 'b-3']) {
      const random = seedrandom(seed);
      const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
      const section = addRoadmapSection(docs[0]!, 'S');
      const created = new Set<string>();
      const syncAll = () => {
        for (const x of docs) for (const y of docs) if (x !== y) Y.applyUpdate(y, Y.encodeStateAsUpdate(x, Y.encodeStateVector(y)));
      };
      syncAll();
      for (let step = 0; step < 200; step++) {
        const doc = docs[Math.floor(random() * docs.length)]!;
        const items = readRoadmap(doc).sections[0]!.items;
        if (items.length < 3 || random() < 0.4) created.add(addRoadmapItem(doc, section, { title: `t${step}` }, Math.floor(random() * (items.length + 1))));
        else moveRoadmapItem(doc, items[Math.floor(random() * items.length)]!.id, section, Math.floor(random() * items.length));
        if (random() < 0.2) syncAll();
      }
      syncAll();
      const views = docs.map((d) => readRoadmap(d).sections[0]!.items.map((i) => i.id));
      expect(views[1]).toEqual(views[0]);
      expect(views[2]).toEqual(views[0]);
      expect(new Set(views[0]).size).toBe(created.size);
    }
  });

  it('[B2][B4] an item with a junk or missing order key still shows, last, and moving next to it repairs the keys', () => {
    const doc = new Y.Doc();
    const s = addRoadmapSection(doc, 'S');
    const first = addRoadmapItem(doc, s, { title: 'a' });
    const broken = addRoadmapItem(doc, s, { title: 'b' });
    roadmapItems(doc)
      .get(broken)!
      .set('order', 42 as unknown as string);
    const third = addRoadmapItem(doc, s, { title: 'c' });
    roadmapItems(doc).get(third)!.set('order', '!!not a key');
    expect(readRoadmap(doc).sections[0]!.items.map((i) => i.title)[0]).toBe('a');
    moveRoadmapItem(doc, first, s, 2);
    const entries = orderedEntries(roadmapItems(doc));
    expect(entries.map(([id]) => id).indexOf(first)).toBe(2);
    expect(entries.every(([, item]) => typeof item.get('order') === 'string')).toBe(true);
    moveItem(roadmapItems(doc), 'no-such-id', { index: 0 });
  });
});

describe('roadmap', () => {
  it('[B6] numbers are derived from order, never stored', () => {
    const doc = new Y.Doc();
    const s1 = addRoadmapSection(doc, 'Создание системы');
    const s2 = addRoadmapSection(doc, 'Развитие сети');
    addRoadmapItem(doc, s1, { title: 'a' });
    addRoadmapItem(doc, s1, { title: 'b' });
    addRoadmapItem(doc, s2, { title: 'c' });
    expect(readRoadmap(doc).sections.map((s) => [s.number, s.items.map((i) => i.number)])).toEqual([
      ['1', ['1.1', '1.2']],
      ['2', ['2.1']],
    ]);
    moveRoadmapSection(doc, s2, 0);
    expect(readRoadmap(doc).sections.map((s) => [s.title, s.items.map((i) => `${i.number} ${i.title}`)])).toEqual([
      ['Развитие сети', ['1.1 c']],
      ['Создание системы', ['2.1 a', '2.2 b']],
    ]);
    for (const [, item] of orderedEntries(roadmapItems(doc))) expect(item.has('number')).toBe(false);
  });

  it('[B6] an item added to a section someone else deleted at the same time is kept, as an orphan', () => {
    const [a, b, sync] = pair();
    const s = addRoadmapSection(a, 'S');
    sync();
    removeRoadmapSection(a, s);
    addRoadmapItem(b, s, { title: 'пока вы удаляли' });
    sync();
    expect(readRoadmap(a).orphans.map((i) => i.title)).toEqual(['пока вы удаляли']);
    expect(readRoadmap(b)).toEqual(readRoadmap(a));
  });
});

describe('plan-graph', () => {
  it('[B5] shows September → August of the academic year by default, and an edited range when set', () => {
    const doc = new Y.Doc();
    expect(readPlanGraph(doc, TODAY).months).toEqual([
      '2021-09',
      '2021-10',
      '2021-11',
      '2021-12',
      '2022-01',
      '2022-02',
      '2022-03',
      '2022-04',
      '2022-05',
      '2022-06',
      '2022-07',
      '2022-08',
    ]);
    setPlanGraphRange(doc, '2021-09', '2022-05');
    expect(readPlanGraph(doc, TODAY).months).toHaveLength(9);
    expect(() => setPlanGraphRange(doc, '2022-05', '2021-09')).toThrow(RangeError);
  });

  it('[B5] moving an event to another month keeps its id and fields', () => {
    const doc = new Y.Doc();
    const id = addPlanGraphEvent(doc, '2021-09', { title: 'Сбор', form: 'Сбор ГТГ', responsibles: ['МДОУ № 8'], partner: 'ЯГПУ' });
    addPlanGraphEvent(doc, '2021-10', { title: 'Круглый стол' });
    movePlanGraphEvent(doc, id, '2021-10', 0);
    const events = readPlanGraph(doc, TODAY).events;
    expect(events.map((e) => [e.id === id, e.month, e.title])).toEqual([
      [true, '2021-10', 'Сбор'],
      [false, '2021-10', 'Круглый стол'],
    ]);
    expect(events[0]).toMatchObject({ form: 'Сбор ГТГ', responsibles: ['МДОУ № 8'], partner: 'ЯГПУ', status: 'planned' });
  });
});

describe('programme', () => {
  it('[B7] holds the passport, rich-text sections, stages, indicators, pairs with their routes, nominations and products', () => {
    const doc = new Y.Doc();
    setPassportField(doc, 'goal', 'Создание и апробация механизма');
    setPassportField(doc, 'goal', 'Цель проекта');
    addProgrammeEntry(doc, 'sections', { title: new Y.Text('Актуальность'), body: paragraphs(['Первый абзац', 'Второй']) });
    addProgrammeEntry(doc, 'stages', { title: new Y.Text('подготовительный'), period: 'сентябрь- декабрь 2020гг.' });
    addProgrammeEntry(doc, 'indicators', { title: new Y.Text('Доля молодых педагогов'), target: 'не менее 70 %', actual: '64 %' });
    const pairId = addProgrammeEntry(doc, 'pairs', { mentor: 'Опарышева Н. В.', mentee: 'Иванова А. С.', form: 'flash', deficits: new Y.Text('Планирование') });
    addRouteStep(doc, pairId, { title: 'Посещение занятий', period: 'Октябрь 2021 г.' });
    addProgrammeEntry(doc, 'nominations', { title: new Y.Text('Лучший наставник') });
    addProgrammeEntry(doc, 'products', { title: new Y.Text('Методические рекомендации') });
    const view = readProgramme(doc);
    expect(view.passport.goal).toBe('Цель проекта');
    expect(view.sections[0]).toMatchObject({ title: 'Актуальность', text: 'Первый абзац\nВторой' });
    expect(view.stages[0]).toMatchObject({ title: 'подготовительный', period: 'сентябрь- декабрь 2020гг.', status: 'planned' });
    expect(view.indicators[0]).toMatchObject({ target: 'не менее 70 %', actual: '64 %' });
    expect(view.pairs[0]).toMatchObject({ form: 'flash', deficits: 'Планирование', route: [{ title: 'Посещение занятий', period: 'Октябрь 2021 г.' }] });
    expect(view.nominations.map((n) => n.title)).toEqual(['Лучший наставник']);
    expect(view.products.map((n) => n.title)).toEqual(['Методические рекомендации']);
    expect(addRouteStep(doc, 'no-such-pair', { title: 'x' })).toBeNull();
    expect(fragmentText('plain')).toBe('plain');
  });
});

describe('board items (what the indexer derives)', () => {
  it('derives period, status, responsibles and overdue for each kind', () => {
    const roadmap = new Y.Doc();
    const s = addRoadmapSection(roadmap, 'S');
    addRoadmapItem(roadmap, s, { title: 'прошло', period: 'Декабрь 2021 г.', responsibles: ['МБОУ ДПО МЦ'] });
    addRoadmapItem(roadmap, s, { title: 'сделано', period: 'Декабрь 2021 г.', status: 'done' });
    addRoadmapItem(roadmap, s, { title: 'каждый квартал', period: 'ежеквартально' });
    const items = boardItemsOf('roadmap', roadmap, TODAY);
    expect(items.map((i) => [i.title, i.overdue])).toEqual([
      ['прошло', true],
      ['сделано', false],
      ['каждый квартал', false],
    ]);
    expect(items[0]).toMatchObject({ periodKind: 'range', start: '2021-12-01', end: '2021-12-31', responsibles: ['МБОУ ДПО МЦ'] });
    expect(items[2]!.next).toEqual({ start: '2022-01-01', end: '2022-03-31' });

    const graph = new Y.Doc();
    addPlanGraphEvent(graph, '2021-11', { title: 'Консультация' });
    addPlanGraphEvent(graph, '2022-03', { title: 'Конференция', date: '2022-03-24' });
    expect(boardItemsOf('plan-graph', graph, TODAY).map((i) => [i.title, i.start, i.end, i.overdue])).toEqual([
      ['Консультация', '2021-11-01', '2021-11-30', true],
      ['Конференция', '2022-03-24', '2022-03-24', false],
    ]);

    const programme = new Y.Doc();
    addProgrammeEntry(programme, 'stages', { title: new Y.Text('подготовительный'), period: 'сентябрь- декабрь 2020гг.', status: 'done' });
    const p = addProgrammeEntry(programme, 'pairs', { mentor: 'М', mentee: 'Н' });
    addRouteStep(programme, p, { title: 'шаг', period: 'Октябрь 2021 г.' });
    expect(boardItemsOf('programme', programme, TODAY).map((i) => [i.title, i.overdue, i.responsibles])).toEqual([
      ['подготовительный', false, []],
      ['Н: шаг', true, ['М', 'Н']],
    ]);
  });

  it('[B4] reads any document, however hostile, without throwing', () => {
    const random = seedrandom('garbage');
    const junk = (depth: number): unknown => {
      const r = random();
      if (depth > 2 || r < 0.3) return [null, 42, 'text', true, -1, NaN, '2021-13', ['a', 1, null], { a: 1 }][Math.floor(random() * 9)];
      if (r < 0.5) return new Y.Text('t');
      if (r < 0.6) return new Y.XmlFragment();
      if (r < 0.7) return new Y.Array();
      const map = new Y.Map<unknown>();
      for (const key of ['order', 'title', 'section', 'month', 'date', 'period', 'status', 'responsibles', 'route', 'body', 'form', 'x']) {
        if (random() < 0.6) map.set(key, junk(depth + 1));
      }
      return map;
    };
    for (let n = 0; n < 200; n++) {
      const doc = new Y.Doc();
      for (const root of ['events', 'sections', 'items', 'meta', 'passport', 'stages', 'indicators', 'pairs', 'nominations', 'products']) {
        const map = doc.getMap<unknown>(root);
        for (let i = 0; i < 4; i++) map.set(`k${i}`, junk(0));
      }
      for (const kind of BOARD_KINDS) expect(() => boardItemsOf(kind, doc, TODAY)).not.toThrow();
      expect(() => readPlanGraph(doc, TODAY)).not.toThrow();
      expect(() => readRoadmap(doc)).not.toThrow();
      expect(() => readProgramme(doc)).not.toThrow();
    }
  });
});
