// `POST /api/boards/:id/exports` (SPEC E5): a normal board's export is answered when ready (201, the
// download starts at once); a board of more than BACKGROUND_EXPORT_ITEMS items is built in the
// background (202) and the page follows its state until the file is there. A job is its starter's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BACKGROUND_EXPORT_ITEMS, type ExportJobDto } from '@soplan/shared';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { newServer } from '../helpers/server.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer();
const { owner, id: workspaceId } = await newWorkspace(server);

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
    const file = await owner.client.download(`/api/exports/${res.body.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/filename="Dorozhnaya-karta-2021-2022\.docx"/);
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(await file.arrayBuffer()))['word/document.xml']);
    expect(xml).toContain('Мероприятие 1.3');
  });

  it(`E5: a board of more than BACKGROUND_EXPORT_ITEMS (${BACKGROUND_EXPORT_ITEMS}) items is built in the background; its state is followed until the file is ready`, async () => {
    // LibreOffice behind a gate the test opens: the job is seen converting for as long as the test wants
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-gate-'));
    const gate = path.join(dir, 'open');
    const command = path.join(dir, 'soffice');
    fs.writeFileSync(command, `#!/bin/sh\nwhile [ ! -e '${gate}' ]; do sleep 0.05; done\nexec soffice "$@"\n`, { mode: 0o755 });
    // a small board, made «big» by the server's setting: the test is about the job, not the document's size
    const gated = await newServer({ env: { LIBREOFFICE_COMMAND: command, EXPORT_BACKGROUND_ITEMS: '2' } });
    try {
      const ws = await newWorkspace(gated);
      const title = 'Большая дорожная карта';
      const big = (
        await ws.owner.client.post(`/api/workspaces/${ws.id}/boards`, { kind: 'roadmap', title, content: roadmap(title, BACKGROUND_EXPORT_ITEMS + 50) })
      ).body;
      const res = await ws.owner.client.post(`/api/boards/${big.id}/exports`, { format: 'pdf' });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ format: 'pdf', steps: 2 });
      expect(['queued', 'building']).toContain(res.body.state);
      let job: ExportJobDto = res.body;
      while (job.state !== 'converting') {
        expect(['queued', 'building']).toContain(job.state);
        await new Promise((resolve) => setTimeout(resolve, 50));
        job = (await ws.owner.client.get(`/api/exports/${job.id}`)).body;
      }
      expect(job).toMatchObject({ state: 'converting', step: 1, steps: 2 });
      // not ready: no file yet
      expect((await ws.owner.client.get(`/api/exports/${job.id}/file`)).status).toBe(404);
      fs.writeFileSync(gate, '');
      while (job.state === 'converting') {
        await new Promise((resolve) => setTimeout(resolve, 50));
        job = (await ws.owner.client.get(`/api/exports/${job.id}`)).body;
      }
      expect(job).toMatchObject({ state: 'done', step: 2, steps: 2 });
      const file = await ws.owner.client.download(`/api/exports/${job.id}/file`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(new TextDecoder().decode(new Uint8Array(await file.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
      // a background file stays for its download (the page may fetch it again)
      expect((await ws.owner.client.get(`/api/exports/${job.id}/file`)).status).toBe(200);
    } finally {
      await gated.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an immediate export’s file goes with its download; a member who lost the board loses its job', async () => {
    const once = await owner.client.post(`/api/boards/${small.id}/exports`, { format: 'json' });
    expect((await owner.client.get(`/api/exports/${once.body.id}/file`)).status).toBe(200);
    expect((await owner.client.get(`/api/exports/${once.body.id}/file`)).status).toBe(404);
    const editor = await joinWithRole(server, owner.client, workspaceId, 'editor');
    const theirs = await editor.client.post(`/api/boards/${small.id}/exports`, { format: 'json' });
    expect(theirs.status).toBe(201);
    const members = (await owner.client.get(`/api/workspaces/${workspaceId}/members`)).body as { userId: string; email: string }[];
    const member = members.find((m) => m.email === editor.email)!;
    expect((await owner.client.delete(`/api/workspaces/${workspaceId}/members/${member.userId}`)).status).toBe(204);
    expect((await editor.client.get(`/api/exports/${theirs.body.id}`)).status).toBe(404);
    expect((await editor.client.get(`/api/exports/${theirs.body.id}/file`)).status).toBe(404);
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
