// Board documents holding whatever a hostile client could write (rule B4): every root of every
// kind filled with a seeded mix of junk values, texts, fragments, arrays and nested maps.
import seedrandom from 'seedrandom';
import * as Y from 'yjs';

const ROOTS = [
  'events',
  'sections',
  'items',
  'meta',
  'passport',
  'stages',
  'indicators',
  'pairs',
  'nominations',
  'products',
  'planSections',
  'planItems',
  'header',
];
const KEYS = ['order', 'title', 'section', 'parent', 'month', 'date', 'period', 'status', 'responsibles', 'route', 'body', 'form', 'from', 'to', 'x'];
const PLAIN = [null, 42, 'text', true, -1, NaN, '2021-13', '2021-10', ['a', 1, null], { a: 1 }];

/** `count` documents from the seed, each root holding `perRoot` junk entries. */
export function* hostileDocuments(seed: string, count: number, perRoot = 3): Generator<Y.Doc> {
  const random = seedrandom(seed);
  const junk = (depth: number): unknown => {
    const r = random();
    if (depth > 2 || r < 0.3) return PLAIN[Math.floor(random() * PLAIN.length)];
    if (r < 0.45) return new Y.Text('t');
    if (r < 0.55) return new Y.XmlFragment();
    if (r < 0.6) return new Y.XmlText('x');
    if (r < 0.65) return new Y.Array();
    const map = new Y.Map<unknown>();
    for (const key of KEYS) if (random() < 0.6) map.set(key, junk(depth + 1));
    return map;
  };
  for (let n = 0; n < count; n++) {
    const doc = new Y.Doc();
    for (const root of ROOTS) {
      const map = doc.getMap<unknown>(root);
      for (let i = 0; i < perRoot; i++) map.set(`k${i}`, junk(0));
    }
    yield doc;
  }
}
