// The board JSON form both ways (SPEC rule B10): a board written from the form reads back as the
// same form, for every kind with every field filled (document header, subsections, unplaced items,
// a programme's plan, rich text with headings, lists, bold and italic); the document it writes
// holds every typed field as a Y.Text and rich text in the editor's shape; a board made with the
// editors' writers, or by a hostile client, exports a valid form.
import {
  addPlanGraphEvent,
  addProgrammeEntry,
  addRoadmapItem,
  addRoadmapSection,
  BOARD_KINDS,
  boardFromJson,
  boardJson,
  boardToJson,
  DOCUMENT_HEADER_FIELDS,
  programmeList,
  readRoadmap,
  richBlocksOf,
  upgradeTypedFields,
  type BoardJson,
  type BoardKind,
  type Item,
} from '@soplan/shared';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { hostileDocuments } from '../helpers/hostile-documents.ts';

const TODAY = '2022-01-15';

const header = Object.fromEntries(DOCUMENT_HEADER_FIELDS.map((f, i) => [f, `${f} ${i}`])) as Record<(typeof DOCUMENT_HEADER_FIELDS)[number], string>;
const document = {
  ...header,
  authority: 'Департамент образования мэрии города Ярославля',
  documentKind: 'ПРИКАЗ',
  date: '12.10.2021',
  number: '01-05/812',
  title: 'Об утверждении плана мероприятий',
  body: 'В соответствии с …\nПРИКАЗЫВАЮ:\n1. Утвердить план.',
  signatory: 'Директор департамента И.О. Фамилия',
  tasks: 'Первая задача\nВторая задача',
  abbreviations: 'ДОО – дошкольная образовательная организация',
};

const item = (title: string, status: 'planned' | 'in-progress' | 'done' | 'cancelled' = 'planned') => ({
  title,
  period: 'Октябрь – ноябрь 2021 г.',
  responsibles: ['МДОУ № 8', 'ГЦРО'],
  result: `Результат: ${title}`,
  status,
  evidence: ['https://example.org/report'],
});

const plan = {
  sections: [
    {
      title: 'Организационно-методическое обеспечение',
      items: [item('Приказ', 'done'), item('Положение', 'in-progress')],
      sections: [
        { title: 'Работа с педагогами', items: [item('Семинар'), item('Тренинг', 'cancelled')] },
        { title: 'Пустой подраздел', items: [] },
      ],
    },
    { title: 'Мониторинг', items: [item('Анкетирование')], sections: [] },
  ],
  unplaced: [item('Без раздела')],
};

const FULL: Record<BoardKind, BoardJson> = {
  roadmap: { format: 'soplan-board', version: 1, kind: 'roadmap', title: 'Дорожная карта', document, roadmap: plan },
  'plan-graph': {
    format: 'soplan-board',
    version: 1,
    kind: 'plan-graph',
    title: 'План-график',
    document,
    planGraph: {
      from: '2021-09',
      to: '2022-06',
      events: [
        {
          month: '2021-09',
          title: 'Сбор ГТГ',
          form: 'Сбор ГТГ',
          date: '2021-09-14',
          responsibles: ['МДОУ № 144'],
          partner: 'ЯГПУ',
          status: 'done',
          notes: 'Ауд. 12',
        },
        { month: '2021-09', title: 'Консультация', form: 'Консультация', date: '', responsibles: [], partner: '', status: 'planned', notes: '' },
        {
          month: '2022-03',
          title: 'Конференция',
          form: 'Конференция',
          date: '2022-03-24',
          responsibles: ['ГЦРО', 'МОУ СШ № 5'],
          partner: '',
          status: 'in-progress',
          notes: '',
        },
        // A month outside the range is kept: the board shows it apart.
        { month: '2022-08', title: 'Итоги', form: '', date: '', responsibles: [], partner: '', status: 'planned', notes: 'после плана' },
      ],
    },
  },
  programme: {
    format: 'soplan-board',
    version: 1,
    kind: 'programme',
    title: 'Программа наставничества',
    document,
    programme: {
      passport: {
        developers: 'Опарышева Н. В.',
        term: '2021-2023 г.г.',
        targetCategory: 'Молодые педагоги',
        legalBasis: 'Федеральный закон № 273-ФЗ',
        participants: 'Наставники и наставляемые',
        relevance: 'Актуальность',
        goal: 'Цель программы',
        tasks: 'Задача 1\nЗадача 2',
        expectedResults: 'Не менее 70 % молодых педагогов',
      },
      sections: [
        {
          title: 'Пояснительная записка',
          body: [
            { type: 'heading', level: 2, runs: [{ text: 'Основания' }] },
            {
              type: 'paragraph',
              runs: [
                { text: 'Программа ' },
                { text: 'наставничества', bold: true },
                { text: ' — ' },
                { text: 'ключевой', bold: true, italic: true },
                { text: ' документ.' },
              ],
            },
            { type: 'bulletList', items: [[{ text: 'первое' }], [{ text: 'второе ' }, { text: 'важно', italic: true }]] },
            { type: 'orderedList', items: [[{ text: 'шаг один' }], [{ text: 'шаг два' }]] },
            { type: 'paragraph', runs: [{ text: 'строка\nперенос' }] },
            { type: 'paragraph', runs: [] },
          ],
        },
        { title: 'Пустой раздел', body: [] },
      ],
      stages: [
        { title: 'Подготовительный', period: 'сентябрь- декабрь 2021 г.', description: 'Анкетирование', status: 'done' },
        { title: 'Деятельностный', period: '2022 г.', description: '', status: 'in-progress' },
      ],
      indicators: [{ title: 'Доля молодых педагогов', target: 'не менее 70 %', actual: '64 %' }],
      pairs: [
        {
          mentor: 'Опарышева Н. В.',
          mentee: 'Иванова А. С.',
          form: 'flash',
          deficits: 'Работа с родителями',
          route: [
            { title: 'Посещение занятий', period: 'Октябрь 2021 г.', status: 'done' },
            { title: 'Открытое занятие', period: 'Март 2022 г.', status: 'planned' },
          ],
        },
        { mentor: 'Петрова', mentee: 'Сидорова', form: 'team', deficits: '', route: [] },
      ],
      nominations: ['Лучший наставник'],
      products: ['Методические рекомендации', 'Сборник'],
      plan,
    },
  },
};

describe('the board JSON form', () => {
  for (const kind of BOARD_KINDS) {
    it(`[B10] ${kind}: a board written from the form reads back as the same form, and again after another round`, () => {
      const json = boardJson.parse(FULL[kind]);
      expect(json).toEqual(FULL[kind]);
      const once = boardToJson(kind, json.title, boardFromJson(json), TODAY);
      expect(once).toEqual(json);
      const twice = boardToJson(kind, once.title, boardFromJson(once), TODAY);
      expect(twice).toEqual(once);
    });

    it(`[B10][B8][B3] ${kind}: the document written holds every typed field as a Y.Text; the server's upgrade finds nothing to convert`, () => {
      const doc = boardFromJson(FULL[kind]);
      expect(upgradeTypedFields(kind, doc)).toBe(0);
      for (const f of DOCUMENT_HEADER_FIELDS) expect(doc.getMap('header').get(f), f).toBeInstanceOf(Y.Text);
    });

    it(`[B10] ${kind}: a board passed as a Yjs update (how the server stores it) reads back the same`, () => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(boardFromJson(FULL[kind])));
      expect(boardToJson(kind, FULL[kind].title, copy, TODAY)).toEqual(FULL[kind]);
    });
  }

  it('[B10][B6] the numbers the form leaves out are derived from its order: 1, 1.1, 1.3, 1.3.1', () => {
    const view = readRoadmap(boardFromJson(FULL.roadmap));
    expect(view.sections[0]!.items.map((i) => i.number)).toEqual(['1.1', '1.2']);
    expect(view.sections[0]!.subsections.map((s) => [s.number, s.items.map((i) => i.number)])).toEqual([
      ['1.3', ['1.3.1', '1.3.2']],
      ['1.4', []],
    ]);
    expect(view.sections[1]!.number).toBe('2');
    expect(view.orphans.map((i) => i.title)).toEqual(['Без раздела']);
  });

  it('[B10] defaults fill what a form leaves out; an empty board of each kind exports its empty form', () => {
    const roadmap = boardJson.parse({ format: 'soplan-board', version: 1, kind: 'roadmap', title: 'Пусто', roadmap: {} });
    expect(boardToJson('roadmap', 'Пусто', boardFromJson(roadmap), TODAY)).toEqual(roadmap);
    const graph = boardToJson('plan-graph', 'Пусто', new Y.Doc(), TODAY);
    // No stored range: the academic year of the day it is read.
    expect(graph).toMatchObject({ planGraph: { from: '2021-09', to: '2022-08', events: [] } });
    expect(boardJson.parse(graph)).toEqual(graph);
    const programme = boardToJson('programme', 'Пусто', new Y.Doc(), TODAY);
    expect(programme).toEqual(boardJson.parse({ format: 'soplan-board', version: 1, kind: 'programme', title: 'Пусто', programme: {} }));
  });

  it("[B10] a board made with the editors' writers exports what it shows; a plan-graph event without a month goes to the plan's first month", () => {
    const roadmap = new Y.Doc();
    const s = addRoadmapSection(roadmap, 'Направление');
    const sub = addRoadmapSection(roadmap, 'Подраздел', { parent: s });
    addRoadmapItem(roadmap, sub, { title: 'Семинар', responsibles: ['МДОУ № 8'] });
    (roadmap.getMap('items').get(addRoadmapItem(roadmap, s, { title: 'x' })) as Item).set('responsibles', 'А; Б\nВ');
    expect(boardToJson('roadmap', 'Карта', roadmap, TODAY)).toMatchObject({
      roadmap: {
        sections: [
          { title: 'Направление', items: [{ title: 'x', responsibles: ['А', 'Б', 'В'] }], sections: [{ title: 'Подраздел', items: [{ title: 'Семинар' }] }] },
        ],
        unplaced: [],
      },
    });
    const graph = new Y.Doc();
    addPlanGraphEvent(graph, '2022-02', { title: 'Февраль' });
    addPlanGraphEvent(graph, '2021-10', { title: 'Октябрь' });
    addPlanGraphEvent(graph, 'не месяц', { title: 'Без месяца' });
    const events = boardToJson('plan-graph', 'План', graph, TODAY);
    if (events.kind !== 'plan-graph') throw new Error('kind');
    expect(events.planGraph.events.map((e) => [e.month, e.title])).toEqual([
      [events.planGraph.from, 'Без месяца'],
      ['2021-10', 'Октябрь'],
      ['2022-02', 'Февраль'],
    ]);
  });

  it('[B10] a plan-graph range written backwards is refused by the form', () => {
    expect(boardJson.safeParse({ ...FULL['plan-graph'], planGraph: { from: '2022-06', to: '2021-09', events: [] } }).success).toBe(false);
  });

  it('[B10][B4] any document, however hostile, exports without throwing, as a form that passes its own schema', () => {
    let n = 0;
    for (const doc of hostileDocuments('json', 150, 3)) {
      n++;
      for (const kind of BOARD_KINDS) {
        const json = boardToJson(kind, 'Доска', doc, TODAY);
        expect(boardJson.safeParse(json).success, `${kind} #${n}`).toBe(true);
      }
    }
  });
});

describe('rich text in the JSON form', () => {
  /** A body as the editor (Tiptap's StarterKit bound by y-tiptap) writes it, by hand: hashed overlapping marks, a numeric level, nested lists. */
  function editorBody(): Y.XmlFragment {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment('body');
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    p.insert(0, [text, new Y.XmlElement('hardBreak'), new Y.XmlText('после переноса')]);
    const h = new Y.XmlElement('heading');
    h.setAttribute('level', 3 as unknown as string);
    h.insert(0, [new Y.XmlText('Заголовок')]);
    const list = new Y.XmlElement('orderedList');
    list.setAttribute('start', 1 as unknown as string);
    const li = (children: Y.XmlElement[]) => {
      const el = new Y.XmlElement('listItem');
      el.insert(0, children);
      return el;
    };
    const para = (s: string) => {
      const el = new Y.XmlElement('paragraph');
      el.insert(0, [new Y.XmlText(s)]);
      return el;
    };
    const nested = new Y.XmlElement('bulletList');
    nested.insert(0, [li([para('вложенный')])]);
    list.insert(0, [li([para('первый'), nested]), li([para('второй')])]);
    const quote = new Y.XmlElement('blockquote');
    quote.insert(0, [para('цитата')]);
    body.insert(0, [h, p, list, quote, new Y.XmlElement('horizontalRule')]);
    text.applyDelta([
      { insert: 'жирный', attributes: { bold: {} } },
      { insert: ' и ' },
      { insert: 'ссылка', attributes: { 'link--abcdEF12': { href: 'https://example.org' }, italic: {} } },
    ]);
    return body;
  }

  it('[B10][B7] reads what the editor writes: headings with their level, marks by name (hashed or not), line breaks, lists flattened, quotes as their paragraphs', () => {
    expect(richBlocksOf(editorBody())).toEqual([
      { type: 'heading', level: 3, runs: [{ text: 'Заголовок' }] },
      { type: 'paragraph', runs: [{ text: 'жирный', bold: true }, { text: ' и ' }, { text: 'ссылка', italic: true }, { text: '\nпосле переноса' }] },
      { type: 'orderedList', items: [[{ text: 'первый' }], [{ text: 'вложенный' }], [{ text: 'второй' }]] },
      { type: 'paragraph', runs: [{ text: 'цитата' }] },
    ]);
  });

  it('[B10][B7] writes the shape the editor reads: marks as formatting attributes, a numeric level, list > listItem > paragraph, line breaks as hard breaks', () => {
    const doc = boardFromJson(FULL.programme);
    const body = programmeList(doc, 'sections')
      .get(
        [...programmeList(doc, 'sections').keys()].find((id) => programmeList(doc, 'sections').get(id)!.get('title')!.toString() === 'Пояснительная записка')!,
      )!
      .get('body') as Y.XmlFragment;
    const [heading, paragraph, bullets, , broken] = body.toArray() as Y.XmlElement[];
    expect(heading!.nodeName).toBe('heading');
    expect(heading!.getAttribute('level')).toBe(2);
    expect((paragraph!.toArray()[0] as Y.XmlText).toDelta()).toEqual([
      { insert: 'Программа ' },
      { insert: 'наставничества', attributes: { bold: {} } },
      { insert: ' — ' },
      { insert: 'ключевой', attributes: { bold: {}, italic: {} } },
      { insert: ' документ.' },
    ]);
    const shape = (node: unknown): unknown => (node instanceof Y.XmlElement ? { [node.nodeName]: node.toArray().map(shape) } : (node as Y.XmlText).toDelta());
    expect(shape(bullets)).toEqual({
      bulletList: [
        { listItem: [{ paragraph: [[{ insert: 'первое' }]] }] },
        { listItem: [{ paragraph: [[{ insert: 'второе ' }, { insert: 'важно', attributes: { italic: {} } }]] }] },
      ],
    });
    expect(broken!.toArray().map((n) => (n instanceof Y.XmlElement ? n.nodeName : n.toString()))).toEqual(['строка', 'hardBreak', 'перенос']);
  });

  it('[B10][B4] a body the editor cannot open reads as paragraphs of the text the board shows', () => {
    const doc = new Y.Doc();
    const id = addProgrammeEntry(doc, 'sections', { title: 'Старый' });
    programmeList(doc, 'sections').get(id)!.set('body', 'Первая строка\nВторая');
    expect(richBlocksOf(programmeList(doc, 'sections').get(id)!.get('body'))).toEqual([
      { type: 'paragraph', runs: [{ text: 'Первая строка' }] },
      { type: 'paragraph', runs: [{ text: 'Вторая' }] },
    ]);
    expect(richBlocksOf(undefined)).toEqual([]);
  });
});
