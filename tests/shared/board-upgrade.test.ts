// Upgrading an older board document (SPEC rule B8): every typed field of every item that is not a
// Y.Text — an older board's plain string or array, junk, or nothing — becomes the Y.Text the
// writers create now, holding what the field showed, in one transaction; so does every field of
// the document header (B9) and of a programme's plan (B7); a document already upgraded is left
// untouched; whatever a client wrote, it never throws (B4).
import {
  addPlanGraphEvent,
  addPlanItem,
  addPlanSection,
  addProgrammeEntry,
  addRoadmapItem,
  addRoadmapSection,
  addRouteStep,
  BOARD_KINDS,
  BOARD_ROOTS,
  DOCUMENT_HEADER_FIELDS,
  documentHeaderField,
  PASSPORT_FIELDS,
  PROGRAMME_PLAN,
  readDocumentHeader,
  readPlanGraph,
  readProgramme,
  readRoadmap,
  setPassportField,
  textField,
  upgradeTypedFields,
  type BoardKind,
  type Item,
} from '@soplan/shared';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';

const TODAY = '2022-01-15';

/** An item as an older client wrote it: raw sets of plain values, none of the new writers. */
function oldItem(collection: Y.Map<unknown>, id: string, fields: Record<string, unknown>): Item {
  const item = new Y.Map<unknown>();
  collection.set(id, item);
  for (const [k, v] of Object.entries(fields)) item.set(k, v);
  return item;
}

function oldRoadmap(): Y.Doc {
  const doc = new Y.Doc();
  oldItem(doc.getMap('sections'), 's1', { order: 'a0', title: 'Организационно-методическое обеспечение' });
  oldItem(doc.getMap('items'), 'i1', {
    order: 'a0',
    section: 's1',
    title: 'Семинар для старших воспитателей',
    period: 'Апрель 2023 г.',
    responsibles: ['МДОУ № 8', 'ЯГПУ'],
    result: 'Методические рекомендации',
    status: 'in_progress',
    evidence: ['https://example.org/report', 'https://example.org/photos'],
  });
  return doc;
}

function oldPlanGraph(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('meta').set('yearStart', 2021);
  oldItem(doc.getMap('events'), 'e1', {
    order: 'a0',
    month: '2021-10',
    title: 'Сбор ГТГ',
    form: 'Круглый стол',
    date: '2021-10-05',
    responsibles: ['МДОУ № 144', 'ГЦРО'],
    partner: 'ЯГПУ',
    status: 'planned',
    notes: 'Ауд. 12',
  });
  return doc;
}

function oldProgramme(): Y.Doc {
  const doc = new Y.Doc();
  const passport = doc.getMap('passport');
  PASSPORT_FIELDS.forEach((f, i) => passport.set(f, `${f} ${i}`));
  const body = new Y.XmlFragment();
  oldItem(doc.getMap('sections'), 'sec', { order: 'a0', title: 'Актуальность', body });
  oldItem(doc.getMap('stages'), 'st', { order: 'a0', title: 'Подготовительный', period: 'сентябрь 2021', description: 'Анкетирование', status: 'done' });
  // An older writer made stages with their status only: the title is absent until someone types it.
  oldItem(doc.getMap('stages'), 'st2', { order: 'a1', status: 'planned' });
  oldItem(doc.getMap('indicators'), 'ind', { order: 'a0', title: 'Доля молодых педагогов', target: 'не менее 70 %', actual: '64 %' });
  const pair = oldItem(doc.getMap('pairs'), 'p', {
    order: 'a0',
    mentor: 'Опарышева Н. В.',
    mentee: 'Иванова А. С.',
    form: 'flash',
    deficits: 'Работа с родителями',
    route: new Y.Map(),
  });
  oldItem(pair.get('route') as Y.Map<unknown>, 'step', { order: 'a0', title: 'Посещение занятий', period: 'Октябрь 2021 г.', status: 'planned' });
  oldItem(doc.getMap('nominations'), 'n', { order: 'a0', title: 'Лучший наставник' });
  oldItem(doc.getMap('products'), 'pr', { order: 'a0', title: 'Сборник' });
  return doc;
}

const OLD: Record<BoardKind, () => Y.Doc> = { roadmap: oldRoadmap, 'plan-graph': oldPlanGraph, programme: oldProgramme };
const read = (kind: BoardKind, doc: Y.Doc) => (kind === 'roadmap' ? readRoadmap(doc) : kind === 'plan-graph' ? readPlanGraph(doc, TODAY) : readProgramme(doc));

/** Every field (at any depth of the kind's roots) that holds a Y.Text, as `path → text`. */
function textFields(kind: BoardKind, doc: Y.Doc): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (map: Y.Map<unknown>, path: string) =>
    map.forEach((v, k) => {
      if (v instanceof Y.Text) found.set(`${path}.${k}`, v.toString());
      else if (v instanceof Y.Map) walk(v, `${path}.${k}`);
    });
  for (const root of BOARD_ROOTS[kind]) walk(doc.getMap(root), root);
  return found;
}

/** Every Y.Text at any depth of the kind's roots replaced by its plain string: how an older client left them. */
function downgraded(kind: BoardKind, doc: Y.Doc): number {
  let n = 0;
  const walk = (map: Y.Map<unknown>) =>
    map.forEach((v, k) => {
      if (v instanceof Y.Text) {
        map.set(k, v.toString());
        n++;
      } else if (v instanceof Y.Map) walk(v);
    });
  doc.transact(() => BOARD_ROOTS[kind].forEach((root) => walk(doc.getMap(root))));
  return n;
}

/** A document of `kind` with every entry the current writers make, every typed field filled. */
function written(kind: BoardKind): Y.Doc {
  const doc = new Y.Doc();
  for (const f of DOCUMENT_HEADER_FIELDS) documentHeaderField(doc, f).insert(0, f);
  if (kind === 'roadmap') {
    const s = addRoadmapSection(doc, 'Раздел');
    addRoadmapItem(doc, s, { title: 'Семинар', period: 'Май 2022 г.', responsibles: ['МДОУ № 8'], result: 'Отчёт', evidence: ['https://example.org'] });
  } else if (kind === 'plan-graph') {
    addPlanGraphEvent(doc, '2021-10', { title: 'Сбор', form: 'Семинар', responsibles: ['ГЦРО'], partner: 'ЯГПУ', notes: 'Заметка' });
  } else {
    for (const f of PASSPORT_FIELDS) setPassportField(doc, f, f);
    for (const list of ['sections', 'stages', 'indicators', 'nominations', 'products'] as const) addProgrammeEntry(doc, list, { title: list });
    const pair = addProgrammeEntry(doc, 'pairs', { mentor: 'М', mentee: 'Н', deficits: 'Д' });
    addRouteStep(doc, pair, { title: 'Шаг', period: 'Октябрь 2021 г.' });
    const section = addPlanSection(doc, PROGRAMME_PLAN, 'План');
    const sub = addPlanSection(doc, PROGRAMME_PLAN, 'Подраздел', { parent: section });
    addPlanItem(doc, PROGRAMME_PLAN, sub, {
      title: 'Семинар',
      period: 'Май 2022 г.',
      responsibles: ['МДОУ № 8'],
      result: 'Отчёт',
      evidence: ['https://example.org'],
    });
  }
  return doc;
}

describe('upgrading an older board document', () => {
  for (const kind of BOARD_KINDS) {
    it(`[B8][B3] ${kind}: every plain typed field becomes a Y.Text showing the same text, in one transaction`, () => {
      const doc = OLD[kind]();
      const before = read(kind, doc);
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      expect(upgradeTypedFields(kind, doc)).toBeGreaterThan(0);
      expect(updates).toHaveLength(1);
      expect(read(kind, doc)).toEqual(before);
    });

    it(`[B8] ${kind}: covers exactly the fields the current writers make Y.Text, and touches nothing they wrote`, () => {
      const doc = written(kind);
      const fields = textFields(kind, doc);
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      expect(upgradeTypedFields(kind, doc)).toBe(0);
      expect(updates).toHaveLength(0);
      const count = downgraded(kind, doc);
      expect(count).toBe(fields.size);
      expect(upgradeTypedFields(kind, doc)).toBe(count);
      expect(textFields(kind, doc)).toEqual(fields);
    });

    it(`[B8] ${kind}: is idempotent: a second upgrade converts nothing and changes nothing`, () => {
      const doc = OLD[kind]();
      upgradeTypedFields(kind, doc);
      const state = Y.encodeStateAsUpdate(doc);
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      expect(upgradeTypedFields(kind, doc)).toBe(0);
      expect(updates).toHaveLength(0);
      expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
    });
  }

  it('[B8][B3] lists of names and links become their typed text, joined with ", "', () => {
    const rm = oldRoadmap();
    upgradeTypedFields('roadmap', rm);
    const item = rm.getMap('items').get('i1') as Item;
    expect(String(item.get('responsibles'))).toBe('МДОУ № 8, ЯГПУ');
    expect(item.get('responsibles')).toBeInstanceOf(Y.Text);
    expect(String(item.get('evidence'))).toBe('https://example.org/report, https://example.org/photos');
    expect(item.get('status')).toBe('in_progress');
    const pg = oldPlanGraph();
    upgradeTypedFields('plan-graph', pg);
    const event = pg.getMap('events').get('e1') as Item;
    expect(event.get('responsibles')).toBeInstanceOf(Y.Text);
    expect(String(event.get('responsibles'))).toBe('МДОУ № 144, ГЦРО');
    expect([event.get('month'), event.get('date'), event.get('status')]).toEqual(['2021-10', '2021-10-05', 'planned']);
  });

  it("[B8][B7] a programme's passport, absent fields and route steps are Y.Text afterwards; picked values and bodies stay as they were", () => {
    const doc = oldProgramme();
    const body = (doc.getMap('sections').get('sec') as Item).get('body');
    upgradeTypedFields('programme', doc);
    const passport = doc.getMap('passport');
    for (const f of PASSPORT_FIELDS) expect(passport.get(f), f).toBeInstanceOf(Y.Text);
    const blank = doc.getMap('stages').get('st2') as Item;
    for (const k of ['title', 'period', 'description']) expect(String(blank.get(k)), k).toBe('');
    expect(blank.get('title')).toBeInstanceOf(Y.Text);
    const pair = doc.getMap('pairs').get('p') as Item;
    expect(pair.get('form')).toBe('flash');
    const step = (pair.get('route') as Y.Map<unknown>).get('step') as Item;
    expect([step.get('title'), step.get('period')].map((v) => v instanceof Y.Text && v.toString())).toEqual(['Посещение занятий', 'Октябрь 2021 г.']);
    expect((doc.getMap('sections').get('sec') as Item).get('body')).toBe(body);
  });

  it('[B8][B9] every board gains its document header, each field a Y.Text: empty, or showing what a client had written there', () => {
    for (const kind of BOARD_KINDS) {
      const doc = OLD[kind]();
      doc.getMap('header').set('title', 'Об утверждении плана мероприятий');
      doc.getMap('header').set('tasks', ['Первая', 'Вторая']);
      upgradeTypedFields(kind, doc);
      const header = doc.getMap('header');
      for (const f of DOCUMENT_HEADER_FIELDS) expect(header.get(f), `${kind} ${f}`).toBeInstanceOf(Y.Text);
      expect(readDocumentHeader(doc)).toMatchObject({ title: 'Об утверждении плана мероприятий', tasks: 'Первая, Вторая', authority: '', signatory: '' });
    }
  });

  it("[B8][B7] a programme's plan written with plain values is upgraded like a roadmap's; its picked values stay plain", () => {
    const doc = oldProgramme();
    oldItem(doc.getMap('planSections'), 'ps', { order: 'a0', title: 'Организационный этап' });
    oldItem(doc.getMap('planSections'), 'sub', { order: 'a0', title: 'Подраздел', parent: 'ps' });
    oldItem(doc.getMap('planItems'), 'pi', {
      order: 'a0',
      section: 'sub',
      title: 'Приказ',
      period: 'Сентябрь 2021 г.',
      responsibles: ['Директор'],
      status: 'done',
    });
    upgradeTypedFields('programme', doc);
    const item = doc.getMap('planItems').get('pi') as Item;
    for (const k of ['title', 'period', 'responsibles', 'result', 'evidence']) expect(item.get(k), k).toBeInstanceOf(Y.Text);
    expect([item.get('section'), item.get('status'), (doc.getMap('planSections').get('sub') as Item).get('parent')]).toEqual(['sub', 'done', 'ps']);
    expect((doc.getMap('planSections').get('sub') as Item).get('title')).toBeInstanceOf(Y.Text);
  });

  it('[B8] two people typing at once into an upgraded field both keep their characters', () => {
    const server = oldRoadmap();
    upgradeTypedFields('roadmap', server);
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    for (const d of [a, b]) Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
    const edit = (d: Y.Doc, s: string) => {
      const t = textField(d.getMap('items').get('i1') as Item, 'period');
      t.insert(t.length, s);
    };
    edit(a, ' (А)');
    edit(b, ' (Б)');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const period = String((a.getMap('items').get('i1') as Item).get('period'));
    expect(period).toContain('(А)');
    expect(period).toContain('(Б)');
    expect(String((b.getMap('items').get('i1') as Item).get('period'))).toBe(period);
  });

  it('[B8][B4] never throws on what a client wrote: junk items, junk fields, junk roots', () => {
    const hostile = new Y.Doc();
    hostile.transact(() => {
      hostile.getArray('items').insert(0, [1, 'x', new Y.Map()]);
      hostile.getText('events').insert(0, 'не карта');
      for (const root of ['sections', 'stages', 'indicators', 'pairs', 'nominations', 'products', 'passport', 'planSections', 'planItems', 'header']) {
        const map = hostile.getMap(root);
        map.set('number', 42);
        map.set('string', 'строка');
        map.set('array', new Y.Array());
        map.set('null', null);
        map.set('bytes', new Uint8Array([1, 2, 3]));
        map.set('subdoc', new Y.Doc());
        const item = new Y.Map<unknown>();
        map.set('item', item);
        for (const [k, v] of Object.entries({
          title: new Y.Map(),
          period: 7,
          responsibles: [1, null, { a: 1 }, 'ok'],
          mentor: new Y.XmlFragment(),
          route: 'не маршрут',
          deficits: new Y.XmlText('xml'),
        }))
          item.set(k, v);
        const pairWithRoute = new Y.Map<unknown>();
        map.set('pair', pairWithRoute);
        const route = new Y.Map<unknown>();
        pairWithRoute.set('route', route);
        route.set('junk', 5);
        route.set('step', new Y.Map());
      }
      hostile.getMap('passport').set('goal', new Y.Array());
    });
    for (const kind of BOARD_KINDS) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(hostile));
      expect(() => upgradeTypedFields(kind, doc)).not.toThrow();
      expect(() => read(kind, doc)).not.toThrow();
      expect(upgradeTypedFields(kind, doc)).toBe(0);
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(hostile));
    upgradeTypedFields('programme', doc);
    const item = doc.getMap('pairs').get('item') as Item;
    expect(String(item.get('mentor'))).toBe('');
    expect(item.get('mentor')).toBeInstanceOf(Y.Text);
    expect(String(item.get('deficits'))).toBe('xml');
    const step = ((doc.getMap('pairs').get('pair') as Item).get('route') as Y.Map<unknown>).get('step') as Item;
    expect(step.get('title')).toBeInstanceOf(Y.Text);
    expect(doc.getMap('passport').get('goal')).toBeInstanceOf(Y.Text);
  });
});
