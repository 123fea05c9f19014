// `GET /api/boards/:id/export?format=…` (issue 14): the file with its content type and a download
// name from the board's title; members only, viewers too; an unknown format is a clear 400.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer();
const { owner, id: workspaceId } = await newWorkspace(server);
const content = {
  format: 'soplan-board',
  version: 1,
  kind: 'roadmap',
  title: 'План мероприятий 2021–2022',
  roadmap: { sections: [{ title: 'Организационное обеспечение', items: [{ title: 'Семинар', period: 'Октябрь 2021', responsibles: ['МОУ ГЦРО'] }] }] },
};
const board = (await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'roadmap', title: content.title, content })).body;

describe('export as a file', () => {
  it('DOCX: a Word document named after the board, with the plan in it; a viewer may export it', async () => {
    const viewer = await joinWithRole(server, owner.client, workspaceId, 'viewer');
    const res = await viewer.client.download(`/api/boards/${board.id}/export?format=docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Plan-meropriyatij-2021-2022\.docx"; filename\*=UTF-8''/);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    expect(xml).toContain('Семинар');
    expect(xml).toContain('Октябрь 2021');
  });

  it('PDF: the DOCX rendered by LibreOffice, A4; XLSX: a workbook', async () => {
    const pdf = await owner.client.download(`/api/boards/${board.id}/export?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/filename="Plan-meropriyatij-2021-2022\.pdf"/);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const xlsx = await owner.client.download(`/api/boards/${board.id}/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Object.keys(unzipSync(new Uint8Array(await xlsx.arrayBuffer())))).toContain('xl/workbook.xml');
  });

  it('E3: without LibreOffice the PDF is refused with the command that enables it (503), and every other format still works', async () => {
    const bare = await newServer({ env: { LIBREOFFICE_COMMAND: '/nonexistent/soffice' } });
    try {
      const ws = await newWorkspace(bare);
      const b = (await ws.owner.client.post(`/api/workspaces/${ws.id}/boards`, { kind: 'roadmap', title: content.title, content })).body;
      const pdf = await ws.owner.client.get(`/api/boards/${b.id}/export?format=pdf`);
      expect(pdf.status).toBe(503);
      expect(pdf.body.error.code).toBe('pdf_unavailable');
      expect(pdf.body.error.message).toContain('apt-get install -y libreoffice-writer-nogui fonts-liberation2');
      for (const format of ['docx', 'xlsx', 'ics', 'json'])
        expect((await ws.owner.client.download(`/api/boards/${b.id}/export?format=${format}`)).status).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it('E6: ICS — the board’s calendar, its events linking back to the board at the address the request came to', async () => {
    const res = await owner.client.download(`/api/boards/${board.id}/export?format=ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = (await res.text()).replace(/\r\n[ \t]/g, '');
    expect(text).toContain('SUMMARY:Семинар');
    expect(text).toMatch(new RegExp(`URL;VALUE=URI:http://[^/]+:${new URL(server.url).port}/boards/${board.id}#item-`));
  });

  it('a long title is cut at a word for the download’s name, which stays within the 255 bytes a file name may have', async () => {
    const long = `План мероприятий (дорожная карта) по реализации муниципального проекта в рамках работы городского педагогического сообщества муниципальных дошкольных образовательных учреждений города Ярославля «Педагог для всех»`;
    const b = (await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'roadmap', title: long })).body;
    const res = await owner.client.download(`/api/boards/${b.id}/export?format=docx`);
    const name = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(res.headers.get('content-disposition')!)![1]!);
    expect(name).toBe('План мероприятий (дорожная карта) по реализации муниципального проекта в рамках работы городского….docx');
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
  });

  it('an unknown format is 400 naming the formats; a stranger sees no board', async () => {
    const bad = await owner.client.get(`/api/boards/${board.id}/export?format=doc`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]).toMatchObject({ path: 'format', code: 'invalid_option', params: { options: 'docx, pdf, xlsx, ics, json' } });
    const stranger = await signedUp(server.client());
    expect((await stranger.client.get(`/api/boards/${board.id}/export?format=docx`)).status).toBe(404);
  });
});
