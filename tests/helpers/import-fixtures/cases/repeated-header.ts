// A roadmap over several pages whose header row was pasted again in the body every ten rows (as
// happens when a table is copied page by page), besides Word's own «repeat as header row» flag on
// the first, and the row of column numbers («1 2 3 4 5») Russian documents put under the header.
import { document, row, table, type Row } from '../model.ts';
import type { ExpectedSection, Fixture } from '../expected.ts';
import { ACTIVITIES, SECTION_TITLES, docxFixture, itemOf, itemRow, roadmapHeader, sectionRow, titleLines } from './roadmap.ts';

const TITLE = [
  'План мероприятий («дорожная карта»)',
  'по внедрению целевой модели наставничества в муниципальных образовательных организациях города Ярославля на 2022–2023 годы',
];
/** Items per section. */
const SIZES = [8, 10, 6];
const REPEAT_EVERY = 10;

export async function repeatedHeader(): Promise<Fixture> {
  const body: Row[] = [];
  const sections: ExpectedSection[] = [];
  let next = 0;
  SIZES.forEach((size, s) => {
    body.push(sectionRow(SECTION_TITLES[s]!));
    const items = ACTIVITIES.slice(next, next + size);
    items.forEach((a, i) => body.push(itemRow(String(next + i + 1), a)));
    sections.push({ number: `${s + 1}`, title: SECTION_TITLES[s]!, items: items.map((a, i) => itemOf(`${s + 1}.${i + 1}`, a)), sections: [] });
    next += size;
  });
  const rows = [roadmapHeader(true), row(['1', '2', '3', '4', '5'])];
  let repeats = 0;
  body.forEach((r, i) => {
    if (i > 0 && i % REPEAT_EVERY === 0) {
      rows.push(roadmapHeader(false));
      repeats++;
    }
    rows.push(r);
  });
  return docxFixture('repeated-header', document([titleLines(TITLE), table(rows)]), {
    kind: 'roadmap',
    title: TITLE.join(' '),
    document: {},
    plan: { sections, unplaced: [] },
    warnings: { header_repeated: repeats },
  });
}
