// `GET|PUT /api/workspaces/:id/document-settings` (SPEC E2): the ГОСТ Р 7.0.97-2025 layout until a
// coordinator sets the workspace's own, which every export of its boards then follows.
import { defaultDocumentSettings } from '@soplan/shared';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { signedUp, type HttpClient } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer();

const content = {
  format: 'soplan-board',
  version: 1,
  kind: 'roadmap',
  title: 'Дорожная карта',
  roadmap: { sections: [{ title: 'Организационное обеспечение', items: [{ title: 'Семинар', period: 'Октябрь 2021', responsibles: ['МОУ ГЦРО'] }] }] },
};

/** The parts of the board's DOCX export as text, by name. */
const exportedDocx = async (client: HttpClient, boardId: string): Promise<(name: string) => string> => {
  const res = await client.download(`/api/boards/${boardId}/export?format=docx`);
  expect(res.status).toBe(200);
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  return (name) => new TextDecoder().decode(files[name]);
};

describe('document settings of a workspace', () => {
  it('E2: a new workspace lays documents out by ГОСТ; a coordinator sets its own and the next export follows them', async () => {
    const { owner, id } = await newWorkspace(server);
    expect((await owner.client.get(`/api/workspaces/${id}/document-settings`)).body).toEqual(defaultDocumentSettings());
    const board = (await owner.client.post(`/api/workspaces/${id}/boards`, { kind: 'roadmap', title: content.title, content })).body;
    // 20 mm left margin by default: 1134 twips
    expect((await exportedDocx(owner.client, board.id))('word/document.xml')).toMatch(/w:left="1134"/);

    const coordinator = await joinWithRole(server, owner.client, id, 'coordinator');
    const settings = {
      ...defaultDocumentSettings(),
      marginLeftMm: 30,
      fontFamily: 'PT Astra Serif',
      approval: { position: 'Директор МОУ ГЦРО', name: 'А.В. Иванова' },
    };
    const saved = await coordinator.client.put(`/api/workspaces/${id}/document-settings`, settings);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual(settings);
    const viewer = await joinWithRole(server, owner.client, id, 'viewer');
    expect((await viewer.client.get(`/api/workspaces/${id}/document-settings`)).body).toEqual(settings);

    const docx = await exportedDocx(viewer.client, board.id);
    const xml = docx('word/document.xml');
    expect(xml).toMatch(/w:left="1701"/);
    expect(xml).toContain('Директор МОУ ГЦРО');
    expect(xml).toContain('А.В. Иванова');
    expect(docx('word/styles.xml')).toContain('PT Astra Serif');
  });

  it('a partial body takes the defaults for what it leaves out', async () => {
    const { owner, id } = await newWorkspace(server);
    const saved = await owner.client.put(`/api/workspaces/${id}/document-settings`, { marginLeftMm: 30 });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ ...defaultDocumentSettings(), marginLeftMm: 30 });
  });

  it('editors and viewers cannot change them (403); bad values are refused (400); nothing changes', async () => {
    const { owner, id } = await newWorkspace(server);
    for (const role of ['editor', 'viewer'] as const) {
      const { client } = await joinWithRole(server, owner.client, id, role);
      expect((await client.put(`/api/workspaces/${id}/document-settings`, { marginLeftMm: 30 })).status).toBe(403);
    }
    for (const body of [
      { marginLeftMm: 100 },
      { fontSizePt: 'large' },
      { fontFamily: '' },
      { fontFamily: "Times'; color: red" },
      { pageNumbersFrom: 1.5 },
      { colour: 'red' },
      [],
    ]) {
      const res = await owner.client.put(`/api/workspaces/${id}/document-settings`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBeTruthy();
    }
    expect((await owner.client.get(`/api/workspaces/${id}/document-settings`)).body).toEqual(defaultDocumentSettings());
  });

  it('someone outside the workspace sees not found (404)', async () => {
    const { id } = await newWorkspace(server);
    const stranger = await signedUp(server.client());
    expect((await stranger.client.get(`/api/workspaces/${id}/document-settings`)).status).toBe(404);
    expect((await stranger.client.put(`/api/workspaces/${id}/document-settings`, { marginLeftMm: 30 })).status).toBe(404);
  });
});
