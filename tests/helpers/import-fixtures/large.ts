// Big inputs for the import's limits and its benchmark: a roadmap of any number of rows with cell
// lengths like real ones (titles of 60–250 characters, a section every 20 rows), and a file of
// nearly 20 MiB — a 40-row roadmap carrying one large photo, as a scanned signature page or a
// picture of a poster makes real documents big — that is still within IMPORT_LIMITS.maxBytes.
import { deflateSync, crc32 } from 'node:zlib';
import { IMPORT_LIMITS } from '@soplan/shared';
import { sourceToDocx } from './docx.ts';
import type { ExpectedSection, Fixture } from './expected.ts';
import { document, table, type Row } from './model.ts';
import { ACTIVITIES, SECTION_TITLES, itemOf, itemRow, roadmapHeader, sectionRow, titleLines, type Activity } from './cases/roadmap.ts';

const TITLE = ['План мероприятий («дорожная карта»)', 'по развитию муниципальной системы наставничества педагогических работников на 2022–2026 годы'];
const SECTION_EVERY = 20;
/** Added to titles and results in turn, so rows differ and their lengths spread as in real plans. */
const TITLE_TAILS = [
  '',
  ' для педагогов дошкольных образовательных учреждений города',
  ' в рамках реализации регионального проекта «Учитель будущего» национального проекта «Образование» с участием сетевых партнёров',
  ' (по заявкам образовательных организаций)',
  ' на базе опорных образовательных организаций муниципальной сети с привлечением специалистов ГАУ ДПО ЯО ИРО и ЯГПУ им. К.Д. Ушинского',
];
const RESULT_TAILS = [
  '',
  ', размещённые на сайте МОУ ГЦРО',
  '; информация доведена до сведения руководителей образовательных организаций',
  ' (в электронном виде)',
];

function activity(i: number): Activity {
  const base = ACTIVITIES[i % ACTIVITIES.length]!;
  const round = Math.floor(i / ACTIVITIES.length);
  return {
    title: base.title + TITLE_TAILS[(i + 2 * round) % TITLE_TAILS.length]!,
    period: base.period,
    responsibles: base.responsibles,
    result: base.result + RESULT_TAILS[(i + round) % RESULT_TAILS.length]!,
  };
}

/** A roadmap of `rows` items, a section row before every 20 of them, Word's repeated header row on top. */
export async function largeRoadmapDocx(rows: number, options: { images?: { png: Uint8Array; width: number; height: number }[] } = {}): Promise<Fixture> {
  const body: Row[] = [roadmapHeader()];
  const sections: ExpectedSection[] = [];
  for (let i = 0; i < rows; i++) {
    const s = Math.floor(i / SECTION_EVERY);
    const title = SECTION_TITLES[s % SECTION_TITLES.length]!;
    if (i % SECTION_EVERY === 0) {
      body.push(sectionRow(`${s + 1}. ${title}`));
      sections.push({ number: `${s + 1}`, title, items: [], sections: [] });
    }
    const a = activity(i);
    body.push(itemRow(String(i + 1), a));
    sections.at(-1)!.items.push(itemOf(`${s + 1}.${(i % SECTION_EVERY) + 1}`, a));
  }
  const source = document([titleLines(TITLE), table(body)]);
  const images = options.images ?? [];
  return {
    name: `roadmap-${rows}`,
    fileName: `roadmap-${rows}.docx`,
    buffer: await sourceToDocx(source, { images }),
    source,
    expected: {
      kind: 'roadmap',
      title: TITLE.join(' '),
      document: {},
      plan: { sections, unplaced: [] },
      warnings: images.length ? { dropped: images.length } : {},
    },
    absent: [],
  };
}

/** A PNG of `bytes` or a little less whose pixels are noise, so no compression shrinks it (xorshift32: the same picture every run). */
export function noisePng(bytes: number): { png: Buffer; width: number; height: number } {
  const width = 4096;
  const rowBytes = 1 + width * 3;
  const height = Math.max(1, Math.floor((bytes - 1024) / rowBytes));
  const raw = Buffer.alloc(rowBytes * height);
  let x = 2463534242;
  for (let i = 0; i + 4 <= raw.length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    raw.writeUInt32LE(x >>> 0, i);
  }
  // Every scanline starts with its filter type: 0, none.
  for (let r = 0; r < height; r++) raw[r * rowBytes] = 0;
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter method, no interlace
  const png = Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return { png, width, height };
}

/** Room left under the upload limit for the multipart envelope around the file. */
const ENVELOPE = 64 * 1024;

/** A 40-row roadmap DOCX with one incompressible picture, as large as the upload limit allows (IMPORT_LIMITS.maxBytes less 64 KiB). */
export async function twentyMebibyteDocx(): Promise<Fixture> {
  const target = IMPORT_LIMITS.maxBytes - ENVELOPE;
  const plain = await largeRoadmapDocx(40);
  // The picture's own bytes, less what the archive adds around it (its entries, relationship and drawing XML).
  const picture = noisePng(target - plain.buffer.length - 16 * 1024);
  const shown = { png: picture.png, width: 640, height: Math.round((640 * picture.height) / picture.width) };
  const fixture = await largeRoadmapDocx(40, { images: [shown] });
  if (fixture.buffer.length > target) throw new Error(`the 20 MiB fixture came out at ${fixture.buffer.length} bytes, over ${target}`);
  return { ...fixture, name: 'roadmap-20mib', fileName: 'roadmap-20mib.docx' };
}
