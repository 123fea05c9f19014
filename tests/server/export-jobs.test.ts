// `POST /api/boards/:id/exports` (SPEC E5): a normal board's export is answered when ready (201, the
// download starts at once); a board of more than BACKGROUND_EXPORT_ITEMS items is built in the
// background (202) and the page follows its state until the file is there. A job is its starter's.
import { BACKGROUND_EXPORT_ITEMS, type ExportJobDto } from '@soplan/shared';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { newServer } from '../helpers/server.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer();
const { owner, id: workspaceId } = await newWorkspace(server);
const cookie = (client: { cookies: Map<string, string> }) => ({ cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') });

const roadmap = (title: string, items: number) => ({
  format: 'soplan-board',
  version: 1,
  kind: 'roadmap',
  title,
  roadmap: {
    sections: Array.from({ length: Math.ceil(items / 100) }, (_, s) => ({
      title: `Направление ${s + 1}`,
      items: Array.from({ length: Math.min(100, items - s * 100) }, (_, k) => ({ title: `Мероприятие ${s + 1}.${k + 1}`, period: 'Октябрь 2021' })),
    })),
  },
});
const created = async (title: string, items: number) =>
  (await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'roadmap', title, content: roadmap(title, items) })).body as { id: string };

const small = await created('Дорожная карта 2021–2022', 3);

describe('exports the page follows', () => {
  it('E5: a normal board is answered done (201) and its file is there at once, named after the board', async () => {
    const res = await owner.client.post(`/api/boards/${small.id}/exports`, { format: 'docx' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ boardId: small.id, format: 'docx', state: 'done', step: 1, steps: 1 });
    const file = await fetch(`${server.url}/api/exports/${res.body.id}/file`, { headers: cookie(owner.client) });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/filename="Dorozhnaya-karta-2021-2022\.docx"/);
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(await file.arrayBuffer()))['word/document.xml']);
    expect(xml).toContain('Мероприятие 1.3');
  });

  it(`E5: a board of more than ${BACKGROUND_EXPORT_ITEMS} items is built in the background; its state is followed until the file is ready`, async () => {
    const big = await created('Большая дорожная карта', BACKGROUND_EXPORT_ITEMS + 50);
    const res = await owner.client.post(`/api/boards/${big.id}/exports`, { format: 'xlsx' });
    expect(res.status).toBe(202);
    expect(['queued', 'building']).toContain(res.body.state);
    // not ready yet: the file is not there
    expect((await owner.client.get(`/api/exports/${res.body.id}/file`)).status).toBe(404);
    let job: ExportJobDto = res.body;
    const seen = new Set<string>([job.state]);
    while (job.state !== 'done' && job.state !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await owner.client.get(`/api/exports/${job.id}`)).body;
      seen.add(job.state);
    }
    expect(job).toMatchObject({ state: 'done', step: 1, steps: 1 });
    expect(seen.has('building') || seen.has('queued')).toBe(true);
    const file = await fetch(`${server.url}/api/exports/${job.id}/file`, { headers: cookie(owner.client) });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
  });

  it('a job is only its starter’s: another member, even of the workspace, gets 404; a viewer may start their own', async () => {
    const res = await owner.client.post(`/api/boards/${small.id}/exports`, { format: 'json' });
    const viewer = await joinWithRole(server, owner.client, workspaceId, 'viewer');
    expect((await viewer.client.get(`/api/exports/${res.body.id}`)).status).toBe(404);
    expect((await viewer.client.get(`/api/exports/${res.body.id}/file`)).status).toBe(404);
    const own = await viewer.client.post(`/api/boards/${small.id}/exports`, { format: 'json' });
    expect(own.status).toBe(201);
    const file = await viewer.client.get(`/api/exports/${own.body.id}/file`);
    expect(file.body).toMatchObject({ format: 'soplan-board', kind: 'roadmap', title: 'Дорожная карта 2021–2022' });
  });

  it('an unknown format or a malformed body is 400; a stranger’s board is 404; nothing is started', async () => {
    for (const body of [{ format: 'doc' }, {}, { format: 'docx', extra: 1 }])
      expect((await owner.client.post(`/api/boards/${small.id}/exports`, body)).status).toBe(400);
    const other = await newWorkspace(server);
    expect((await other.owner.client.post(`/api/boards/${small.id}/exports`, { format: 'docx' })).status).toBe(404);
    expect((await owner.client.get('/api/exports/no-such-job')).status).toBe(404);
  });
});
