// The board schemas and their helpers (SPEC rules B1–B7): ordered collections that survive
// concurrent moves and inserts, derived numbering (with one level of subsections), a programme's
// plan that is a roadmap's schema in its own roots, and readers that tolerate anything.
import {
  addPlanGraphEvent,
  addProgrammeEntry,
  addRoadmapItem,
  addRoadmapSection,
  addPlanItem,
  addPlanSection,
  appendPlanItems,
  addRouteStep,
  boardItemsOf,
  BOARD_KINDS,
  fragmentText,
  moveItem,
  movePlanGraphEvent,
  moveRoadmapItem,
  moveRoadmapSection,
  orderedEntries,
  PROGRAMME_PLAN,
  readPlan,
  paragraphs,
  readPlanGraph,
  readProgramme,
  readRoadmap,
  removeRoadmapSection,
  ROADMAP_PLAN,
  roadmapItems,
  roadmapSections,
  setPassportField,
  setPlanGraphRange,
} from '@soplan/shared';
import seedrandom from 'seedrandom';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { hostileDocuments } from '../helpers/hostile-documents.ts';

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

describe('appending many items at once', () => {
  it('[B2] appends after the last sibling in order, and renumbers first when the last key is junk', () => {
    const doc = new Y.Doc();
    const s = addRoadmapSection(doc, 'S');
    const other = addRoadmapSection(doc, 'Другой');
    addRoadmapItem(doc, s, { title: 'a' });
    addRoadmapItem(doc, other, { title: 'чужой' });
    appendPlanItems(doc, ROADMAP_PLAN, s, [{ title: 'b' }, { title: 'c' }]);
    const titles = () => readRoadmap(doc).sections[0]!.items.map((i) => i.title);
    expect(titles()).toEqual(['a', 'b', 'c']);
    expect(readRoadmap(doc).sections[1]!.items.map((i) => i.title)).toEqual(['чужой']);
    const last = readRoadmap(doc).sections[0]!.items[2]!.id;
    roadmapItems(doc).get(last)!.set('order', '!!junk');
    appendPlanItems(doc, ROADMAP_PLAN, s, [{ title: 'd' }, { title: 'e' }]);
    expect(titles()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(readRoadmap(doc).sections[0]!.items.every((i) => /^[A-Za-z][0-9A-Za-z]*$/.test(String(roadmapItems(doc).get(i.id)!.get('order'))))).toBe(true);
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
    moveRoadmapSection(doc, s2, { index: 0 });
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

describe('roadmap subsections', () => {
  /** A roadmap shaped like a three-level plan: направление 1 with own items and two подразделы, направление 2. */
  function threeLevels(doc = new Y.Doc()) {
    const s1 = addRoadmapSection(doc, 'Организационно-методическое обеспечение');
    const s2 = addRoadmapSection(doc, 'Мониторинг');
    addRoadmapItem(doc, s1, { title: 'Приказ' });
    addRoadmapItem(doc, s1, { title: 'Положение' });
    const sub1 = addRoadmapSection(doc, 'Работа с педагогами', { parent: s1 });
    const sub2 = addRoadmapSection(doc, 'Работа с родителями', { parent: s1 });
    addRoadmapItem(doc, sub1, { title: 'Семинар' });
    addRoadmapItem(doc, sub1, { title: 'Тренинг' });
    addRoadmapItem(doc, sub2, { title: 'Собрание' });
    addRoadmapItem(doc, s2, { title: 'Анкетирование' });
    return { doc, s1, s2, sub1, sub2 };
  }
  const numbers = (doc: Y.Doc) =>
    readRoadmap(doc).sections.map((s) => [
      `${s.number} ${s.title}`,
      s.items.map((i) => `${i.number} ${i.title}`),
      s.subsections.map((sub) => [`${sub.number} ${sub.title}`, sub.items.map((i) => `${i.number} ${i.title}`)]),
    ]);

  it("[B6] a section's own items are numbered first, its subsections continue the count, their items one level deeper", () => {
    const { doc } = threeLevels();
    expect(numbers(doc)).toEqual([
      [
        '1 Организационно-методическое обеспечение',
        ['1.1 Приказ', '1.2 Положение'],
        [
          ['1.3 Работа с педагогами', ['1.3.1 Семинар', '1.3.2 Тренинг']],
          ['1.4 Работа с родителями', ['1.4.1 Собрание']],
        ],
      ],
      ['2 Мониторинг', ['2.1 Анкетирование'], []],
    ]);
    for (const [, section] of orderedEntries(roadmapSections(doc))) expect(section.has('number')).toBe(false);
  });

  it('[B6] a parent that is missing, not a section, itself a subsection, or part of a cycle reads as top-level; an older board reads the same', () => {
    const { doc, s1, sub1 } = threeLevels();
    const older = new Y.Doc();
    const a = addRoadmapSection(older, 'А');
    addRoadmapItem(older, a, { title: 'x' });
    expect(readRoadmap(older).sections.map((s) => [s.number, s.subsections, s.items.map((i) => i.number)])).toEqual([['1', [], ['1.1']]]);

    const junk = (title: string, parent: unknown) => {
      const id = addRoadmapSection(doc, title);
      roadmapSections(doc).get(id)!.set('parent', parent);
      return id;
    };
    junk('нет такого', 'no-such-section');
    junk('под подразделом', sub1);
    junk('число', 42);
    const self = junk('сам себе', '');
    roadmapSections(doc).get(self)!.set('parent', self);
    const c1 = junk('цикл 1', '');
    const c2 = junk('цикл 2', c1);
    roadmapSections(doc).get(c1)!.set('parent', c2);
    const view = readRoadmap(doc);
    expect(view.sections.map((s) => s.title)).toEqual([
      'Организационно-методическое обеспечение',
      'Мониторинг',
      'нет такого',
      'под подразделом',
      'число',
      'сам себе',
      'цикл 1',
      'цикл 2',
    ]);
    expect(view.sections[0]!.subsections.map((s) => s.id)).toHaveLength(2);
    expect(view.sections[0]!.id).toBe(s1);
  });

  it('[B6] removing a section removes its subsections and all their items in one transaction', () => {
    const { doc, s1 } = threeLevels();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    removeRoadmapSection(doc, s1);
    expect(updates).toHaveLength(1);
    expect(numbers(doc)).toEqual([['1 Мониторинг', ['1.1 Анкетирование'], []]]);
    expect(roadmapItems(doc).size).toBe(1);
    expect(roadmapSections(doc).size).toBe(1);
  });

  it('[B6] a subsection added while someone removed its parent is kept, as a top-level section', () => {
    const [a, b, sync] = pair();
    const { s1 } = threeLevels(a);
    sync();
    removeRoadmapSection(a, s1);
    const late = addRoadmapSection(b, 'Поздний подраздел', { parent: s1 });
    addRoadmapItem(b, late, { title: 'пока вы удаляли' });
    sync();
    expect(numbers(a)).toEqual([
      ['1 Мониторинг', ['1.1 Анкетирование'], []],
      ['2 Поздний подраздел', ['2.1 пока вы удаляли'], []],
    ]);
    expect(readRoadmap(b)).toEqual(readRoadmap(a));
  });

  it('[B6] a subsection moves within its parent, to another parent and out to the top; sections nest one level only', () => {
    const { doc, s1, s2, sub1, sub2 } = threeLevels();
    moveRoadmapSection(doc, sub2, { parent: s1, index: 0 });
    expect(readRoadmap(doc).sections[0]!.subsections.map((s) => `${s.number} ${s.title}`)).toEqual(['1.3 Работа с родителями', '1.4 Работа с педагогами']);
    moveRoadmapSection(doc, sub1, { parent: s2 });
    expect(numbers(doc)[1]).toEqual(['2 Мониторинг', ['2.1 Анкетирование'], [['2.2 Работа с педагогами', ['2.2.1 Семинар', '2.2.2 Тренинг']]]]);
    moveRoadmapSection(doc, sub1, { index: 1 });
    expect(readRoadmap(doc).sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 Организационно-методическое обеспечение',
      '2 Работа с педагогами',
      '3 Мониторинг',
    ]);
    expect(roadmapSections(doc).get(sub1)!.has('parent')).toBe(false);
    // Back under a parent: a section without subsections may become one.
    moveRoadmapSection(doc, sub1, { parent: s2, index: 0 });
    expect(readRoadmap(doc).sections[1]!.subsections.map((s) => s.title)).toEqual(['Работа с педагогами']);
    expect(() => moveRoadmapSection(doc, s1, { parent: s2 })).toThrow(RangeError);
    expect(() => moveRoadmapSection(doc, s2, { parent: s2 })).toThrow(RangeError);
    expect(() => moveRoadmapSection(doc, s2, { parent: sub1 })).toThrow(RangeError);
    expect(() => addRoadmapSection(doc, 'x', { parent: sub1 })).toThrow(RangeError);
    expect(() => addRoadmapSection(doc, 'x', { parent: 'no-such-section' })).toThrow(RangeError);
  });

  it('[B6][B1] two people moving the same subsection to different parents at once leave it in exactly one', () => {
    const [a, b, sync] = pair();
    const { s1, s2, sub1 } = threeLevels(a);
    const s3 = addRoadmapSection(a, 'Третье');
    sync();
    moveRoadmapSection(a, sub1, { parent: s2 });
    moveRoadmapSection(b, sub1, { parent: s3 });
    sync();
    const homes = readRoadmap(a).sections.filter((s) => s.subsections.some((sub) => sub.id === sub1));
    expect(homes).toHaveLength(1);
    expect([s2, s3]).toContain(homes[0]!.id);
    expect(readRoadmap(a).sections.find((s) => s.id === s1)!.subsections).toHaveLength(1);
    expect(readRoadmap(b)).toEqual(readRoadmap(a));
  });
});

describe("a programme's plan", () => {
  it("[B7] is a roadmap's schema in its own roots: sections, subsections, derived numbers; the programme's other sections are untouched", () => {
    const doc = new Y.Doc();
    const richSection = addProgrammeEntry(doc, 'sections', { title: 'Актуальность', body: paragraphs(['Текст']) });
    const s = addPlanSection(doc, PROGRAMME_PLAN, 'Организационный этап');
    addPlanItem(doc, PROGRAMME_PLAN, s, { title: 'Приказ о наставничестве', period: 'Сентябрь 2021 г.', responsibles: ['Директор'] });
    const sub = addPlanSection(doc, PROGRAMME_PLAN, 'Работа пар', { parent: s });
    addPlanItem(doc, PROGRAMME_PLAN, sub, { title: 'Посещение занятий', period: 'Октябрь 2021 г.' });
    const plan = readPlan(doc, PROGRAMME_PLAN);
    expect(plan.sections.map((x) => [x.number, x.items.map((i) => i.number), x.subsections.map((y) => [y.number, y.items.map((i) => i.number)])])).toEqual([
      ['1', ['1.1'], [['1.2', ['1.2.1']]]],
    ]);
    expect(readProgramme(doc).sections.map((x) => x.id)).toEqual([richSection]);
    expect(doc.getMap('items').size).toBe(0);
    expect(doc.getMap('planSections').size).toBe(2);
    expect(doc.getMap('planItems').size).toBe(2);
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
    const planSection = addPlanSection(programme, PROGRAMME_PLAN, 'План мероприятий');
    addPlanItem(programme, PROGRAMME_PLAN, planSection, { title: 'Семинар наставников', period: 'Ноябрь 2021 г.', responsibles: ['Опарышева Н. В.'] });
    expect(boardItemsOf('programme', programme, TODAY).map((i) => [i.title, i.overdue, i.responsibles])).toEqual([
      ['подготовительный', false, []],
      ['Семинар наставников', true, ['Опарышева Н. В.']],
      ['Н: шаг', true, ['М', 'Н']],
    ]);
    expect(boardItemsOf('programme', programme, TODAY)[1]).toMatchObject({ group: planSection, groupTitle: 'План мероприятий', start: '2021-11-01' });
  });

  it('[B6] items of a subsection sit in the subsection: its id and title are their group', () => {
    const doc = new Y.Doc();
    const s = addRoadmapSection(doc, 'Направление');
    addRoadmapItem(doc, s, { title: 'своё' });
    const sub = addRoadmapSection(doc, 'Подраздел', { parent: s });
    addRoadmapItem(doc, sub, { title: 'в подразделе', period: 'Май 2022 г.' });
    addRoadmapItem(doc, 'no-such-section', { title: 'сирота' });
    expect(boardItemsOf('roadmap', doc, TODAY).map((i) => [i.title, i.group, i.groupTitle])).toEqual([
      ['своё', s, 'Направление'],
      ['в подразделе', sub, 'Подраздел'],
      ['сирота', '', ''],
    ]);
  });

  it('[B4] reads any document, however hostile, without throwing', () => {
    for (const doc of hostileDocuments('garbage', 200, 4)) {
      for (const kind of BOARD_KINDS) expect(() => boardItemsOf(kind, doc, TODAY)).not.toThrow();
      expect(() => readPlanGraph(doc, TODAY)).not.toThrow();
      expect(() => readRoadmap(doc)).not.toThrow();
      expect(() => readProgramme(doc)).not.toThrow();
      expect(() => readPlan(doc, PROGRAMME_PLAN)).not.toThrow();
    }
  });
});
