// The import API (SPEC I1–I3, I11, I13): a file or a paste previewed as a board without storing
// anything, the board created from the preview in one step, export JSON → import → the same board,
// copies for next year and templates, and every bad input refused with nothing created.
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';
import { newServer } from '../helpers/server.ts';
import { signedUp } from '../helpers/http-client.ts';

const server = await newServer();
const { owner, id: workspaceId } = await newWorkspace(server);
const imports = `/api/workspaces/${workspaceId}/imports`;

const HEADER = ['№ п/п', 'Наименование мероприятия', 'Сроки', 'Ответственный исполнитель', 'Ожидаемый результат'];

async function roadmapDocx(rows: string[][], title = 'План мероприятий по развитию наставничества'): Promise<Uint8Array> {
  const cell = (t: string) => new TableCell({ children: t.split('\n').map((line) => new Paragraph(line)) });
  const doc = new Document({
    sections: [{ children: [new Paragraph(title), new Table({ rows: [HEADER, ...rows].map((r) => new TableRow({ children: r.map(cell) })) })] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const ROWS = [
  ['1', 'Семинар для старших воспитателей', 'Октябрь 2021', 'МДОУ № 8', 'Протокол'],
  ['2', 'Круглый стол «Наставничество»', 'Ежегодно в апреле и октябре', 'МОУ ГЦРО', ''],
  ['3', 'Конференция', 'до 15.05.2022', 'МДОУ № 8, МОУ ГЦРО', 'Сборник'],
];

/** What the database holds of boards: a preview must not change it. */
const stored = () => ({
  boards: server.query('SELECT count(*) AS n FROM boards')[0],
  snapshots: server.query('SELECT count(*) AS n FROM board_snapshots')[0],
  log: server.query('SELECT count(*) AS n FROM board_log')[0],
});

describe('preview (SPEC I1)', () => {
  it('a DOCX upload answers the board it holds — kind, title, content, counts, columns — and stores nothing', async () => {
    const before = stored();
    const r = await owner.client.upload(imports, { file: [await roadmapDocx(ROWS), 'План наставничества.docx'] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ format: 'docx', kind: 'roadmap', title: 'План мероприятий по развитию наставничества', table: 0 });
    expect(r.body.content.roadmap.sections[0].items.map((i: { title: string }) => i.title)).toEqual([
      'Семинар для старших воспитателей',
      'Круглый стол «Наставничество»',
      'Конференция',
    ]);
    expect(r.body.content.roadmap.sections[0].items[2].responsibles).toEqual(['МДОУ № 8', 'МОУ ГЦРО']);
    expect(r.body.counts).toMatchObject({ sections: 1, items: 3 });
    expect(r.body.columns.map((c: { role: string }) => c.role)).toEqual(['number', 'title', 'period', 'responsibles', 'result']);
    expect(r.headers.get('server-timing')).toMatch(/^import;dur=\d/);
    expect(stored()).toEqual(before);
  });

  it('the options correct the preview: the kind, the title and what each column means', async () => {
    const file: [Uint8Array, string] = [await roadmapDocx(ROWS), 'plan.docx'];
    const r = await owner.client.upload(imports, {
      file,
      title: 'Наставничество 2021/22',
      columns: JSON.stringify(['number', 'title', 'period', 'ignore', 'result']),
    });
    expect(r.status).toBe(200);
    expect(r.body.title).toBe('Наставничество 2021/22');
    expect(r.body.content.roadmap.sections[0].items[0].responsibles).toEqual([]);
    const bad = await owner.client.upload(imports, { file, columns: '["title","owner"]' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('a paste: the clipboard HTML of a table, or its tab-separated text', async () => {
    const html = `<table><tr><td>№</td><td>Мероприятие</td><td>Сроки</td></tr><tr><td>1</td><td>Вебинар <a href="javascript:alert(1)">ссылка</a></td><td>Май 2022</td></tr></table>`;
    const fromHtml = await owner.client.post(imports, { html });
    expect(fromHtml.status).toBe(200);
    expect(fromHtml.body.format).toBe('clipboard-html');
    expect(fromHtml.body.content.roadmap.sections[0].items[0]).toMatchObject({ title: 'Вебинар ссылка', period: 'Май 2022' });
    expect(JSON.stringify(fromHtml.body)).not.toContain('javascript');
    const fromText = await owner.client.post(imports, { text: '№\tМероприятие\tСроки\n1\tВебинар\tМай 2022\n2\tСеминар\tИюнь 2022' });
    expect(fromText.status).toBe(200);
    expect(fromText.body.content.roadmap.sections[0].items.map((i: { period: string }) => i.period)).toEqual(['Май 2022', 'Июнь 2022']);
  });

  it('needs the right to create boards: a viewer is refused, a stranger sees no workspace', async () => {
    const viewer = await joinWithRole(server, owner.client, workspaceId, 'viewer');
    expect((await viewer.client.post(imports, { text: 'a\tb' })).status).toBe(403);
    const stranger = await signedUp(server.client());
    expect((await stranger.client.post(imports, { text: 'a\tb' })).status).toBe(404);
  });
});

describe('creating the board (SPEC I1, B10)', () => {
  it('creates the board from the preview in one step; its items, export JSON and a re-import of that JSON give the same board', async () => {
    const preview = (await owner.client.upload(imports, { file: [await roadmapDocx(ROWS), 'plan.docx'] })).body;
    const created = await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: preview.kind, title: preview.title, content: preview.content });
    expect(created.status).toBe(201);
    const items = (await owner.client.get(`/api/boards/${created.body.id}/items`)).body;
    expect(items.map((i: { number: string; title: string }) => [i.number, i.title])).toEqual([
      ['1.1', 'Семинар для старших воспитателей'],
      ['1.2', 'Круглый стол «Наставничество»'],
      ['1.3', 'Конференция'],
    ]);
    expect(items[0]).toMatchObject({
      section: { number: '1', title: 'Мероприятия' },
      period: { text: 'Октябрь 2021', kind: 'range', start: '2021-10-01', end: '2021-10-31' },
      status: 'planned',
    });
    expect(items[1].period.kind).toBe('recurring');
    expect(items[2].period).toMatchObject({ start: null, end: '2022-05-15' });

    const exported = await owner.client.get(`/api/boards/${created.body.id}/export?format=json`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Plan-meropriyatij-po-razvitiyu-nastavnichestva\.json"; filename\*=UTF-8''/,
    );
    expect(exported.body).toEqual({ ...preview.content });
    const again = await owner.client.upload(imports, { file: [new TextEncoder().encode(exported.text), 'board.json'] });
    expect(again.status).toBe(200);
    expect(again.body.format).toBe('json');
    expect(again.body.content).toEqual(exported.body);
    const copy = await owner.client.post(`/api/workspaces/${workspaceId}/boards`, {
      kind: again.body.kind,
      title: again.body.title,
      content: again.body.content,
    });
    expect((await owner.client.get(`/api/boards/${copy.body.id}/export?format=json`)).body).toEqual(exported.body);
  });

  it('content of another kind than the board is refused and nothing is created', async () => {
    const preview = (await owner.client.post(imports, { text: '№\tМероприятие\tСроки\n1\tВебинар\tМай 2022' })).body;
    const before = stored();
    const r = await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'plan-graph', title: 'X', content: preview.content });
    expect(r.status).toBe(400);
    expect(stored()).toEqual(before);
  });
});

describe('copies and templates (SPEC I13)', () => {
  it('«Новая доска из существующей»: next year’s plan with every date moved by a year and statuses reset', async () => {
    const preview = (await owner.client.upload(imports, { file: [await roadmapDocx(ROWS), 'plan.docx'] })).body;
    preview.content.roadmap.sections[0].items[0].status = 'done';
    const source = (await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'roadmap', title: 'План 2021', content: preview.content })).body;
    const copy = await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { from: source.id, title: 'План 2022', shiftYears: 1, resetStatus: true });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ kind: 'roadmap', title: 'План 2022' });
    const items = (await owner.client.get(`/api/boards/${copy.body.id}/items`)).body;
    expect(items.map((i: { period: { text: string }; status: string }) => [i.period.text, i.status])).toEqual([
      ['Октябрь 2022', 'planned'],
      ['Ежегодно в апреле и октябре', 'planned'],
      ['до 15.05.2023', 'planned'],
    ]);
    const kept = (
      await owner.client.get(`/api/boards/${(await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { from: source.id })).body.id}/items`)
    ).body;
    expect(kept[0]).toMatchObject({ status: 'done', period: { text: 'Октябрь 2021' } });
  });

  it('coordinators mark boards as templates; an editor may not', async () => {
    const board = (await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'roadmap', title: 'Шаблон дорожной карты' })).body;
    expect(board.template).toBe(false);
    const editor = await joinWithRole(server, owner.client, workspaceId, 'editor');
    expect((await editor.client.patch(`/api/boards/${board.id}`, { template: true })).status).toBe(403);
    expect((await owner.client.patch(`/api/boards/${board.id}`, { template: true })).body.template).toBe(true);
    const listed = (await editor.client.get(`/api/workspaces/${workspaceId}/boards`)).body.find((b: { id: string }) => b.id === board.id);
    expect(listed.template).toBe(true);
  });
});

describe('bad input: a clear error, nothing created, the server unharmed (SPEC I3)', () => {
  const refused = async (fields: Record<string, string | [Uint8Array, string]>, status: number, code: string) => {
    const before = stored();
    const r = await owner.client.upload(imports, fields);
    expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status, code });
    expect(stored()).toEqual(before);
    expect((await owner.client.get('/api/workspaces')).status).toBe(200);
  };

  it('a file over 20 MiB is 413', async () => {
    await refused({ file: [new Uint8Array(20 * 1024 * 1024 + 1), 'big.docx'] }, 413, 'payload_too_large');
  });
  it('a file that is not what its name says is 415 format_mismatch; an unknown kind of file 415 unsupported_format', async () => {
    await refused({ file: [new TextEncoder().encode('%PDF-1.7 not a word file'), 'plan.docx'] }, 415, 'format_mismatch');
    await refused({ file: [new TextEncoder().encode('%PDF-1.7'), 'plan.pdf'] }, 415, 'unsupported_format');
  });
  it('a corrupt archive is 422 corrupt_file', async () => {
    const docx = await roadmapDocx(ROWS);
    await refused({ file: [docx.slice(0, docx.length / 2), 'plan.docx'] }, 422, 'corrupt_file');
  });
  it('a zip bomb is refused before it is inflated: 413 archive_too_large', async () => {
    const bomb = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new Uint8Array(150 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await refused({ file: [bomb, 'bomb.docx'] }, 413, 'archive_too_large');
  });
  it('a part with a DOCTYPE or an external entity is 422 doctype_refused', async () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>';
    const docx = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new TextEncoder().encode(xml) });
    await refused({ file: [docx, 'entity.docx'] }, 422, 'doctype_refused');
  });
  it('a document with nothing Soplan can use is 422 nothing_to_import', async () => {
    await refused({ file: [new TextEncoder().encode('Добрый день, коллеги!\nС уважением.'), 'letter.txt'] }, 422, 'nothing_to_import');
  });
  it('a board JSON file that is not a board is 422 corrupt_file', async () => {
    await refused({ file: [new TextEncoder().encode('{"format":"soplan-board","version":1,"kind":"roadmap"}'), 'board.json'] }, 422, 'corrupt_file');
  });
  it('an upload without a file is 400', async () => {
    await refused({ kind: 'roadmap' }, 400, 'validation_failed');
  });
});

describe('bounds of a board created from content (SPEC B10, I2)', () => {
  const boards = `/api/workspaces/${workspaceId}/boards`;
  const roadmapOf = (sections: number, items: number) => ({
    format: 'soplan-board',
    version: 1,
    kind: 'roadmap',
    title: 'Большая карта',
    roadmap: {
      sections: Array.from({ length: sections }, (_, s) => ({
        title: `Раздел ${s + 1}`,
        items: Array.from({ length: items }, (_, i) => ({ title: `Мероприятие ${i + 1}` })),
      })),
    },
  });

  it('more entries than a board may hold is refused before any document is built, and nothing is created', async () => {
    const before = stored();
    const r = await owner.client.post(boards, { kind: 'roadmap', title: 'Большая карта', content: roadmapOf(101, 100) });
    expect(r.status).toBe(400);
    expect(r.body.error.issues[0]).toMatchObject({ code: 'too_many', params: { maximum: 10_000 } });
    expect(stored()).toEqual(before);
  });

  it(
    'a board that would hold more structs than leave room to edit it is refused (422 import_too_complex), and nothing is created',
    { timeout: 60_000 },
    async () => {
      // Rich text of alternating bold and plain runs: few entries, many structs.
      const paragraph = { type: 'paragraph', runs: Array.from({ length: 4_000 }, (_, i) => ({ text: `слово${i} `, ...(i % 2 ? { bold: true } : {}) })) };
      const content = {
        format: 'soplan-board',
        version: 1,
        kind: 'programme',
        title: 'Программа',
        programme: { sections: Array.from({ length: 45 }, (_, i) => ({ title: `Раздел ${i}`, body: [paragraph] })) },
      };
      const before = stored();
      const r = await owner.client.post(boards, { kind: 'programme', title: 'Программа', content });
      expect({ status: r.status, code: r.body.error?.code }).toEqual({ status: 422, code: 'import_too_complex' });
      expect(stored()).toEqual(before);
      expect((await owner.client.get('/api/workspaces')).status).toBe(200);
    },
  );

  it('a body that is not JSON, or invalid, is refused as it was before the work moved off the event loop', async () => {
    expect((await owner.client.post(boards, undefined, { rawBody: '{"kind":', headers: { 'content-type': 'application/json' } })).body.error.code).toBe(
      'invalid_json',
    );
    const r = await owner.client.post(boards, { kind: 'roadmap' });
    expect(r.status).toBe(400);
    expect(r.body.error.issues).toEqual([expect.objectContaining({ path: 'title', code: 'required' })]);
  });

  it('a viewer or a stranger is refused before the body is read; a copy of a board one cannot read is not found', async () => {
    const viewer = await joinWithRole(server, owner.client, workspaceId, 'viewer');
    const big = { kind: 'roadmap', title: 'X', content: roadmapOf(50, 100) };
    expect((await viewer.client.post(boards, big)).status).toBe(403);
    const stranger = await signedUp(server.client());
    expect((await stranger.client.post(boards, big)).status).toBe(404);
    const own = (await stranger.client.post('/api/workspaces', { name: 'Чужое пространство' })).body;
    const secret = (await owner.client.post(boards, { kind: 'roadmap', title: 'Секрет' })).body;
    expect((await stranger.client.post(`/api/workspaces/${own.id}/boards`, { from: secret.id })).status).toBe(404);
  });
});
