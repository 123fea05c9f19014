import { BOARD_KINDS } from '@soplan/shared';
import { describe, expect, it } from 'vitest';
import { newServer } from '../helpers/server.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer();

describe('boards', () => {
  it('creates boards of the three kinds (201) and lists them in creation order', async () => {
    const { owner, id } = await newWorkspace(server);
    const titles = { 'plan-graph': 'План-график на 2021–2022 учебный год', roadmap: 'Дорожная карта', programme: 'Программа наставничества' };
    for (const kind of BOARD_KINDS) {
      const res = await owner.client.post(`/api/workspaces/${id}/boards`, { kind, title: titles[kind] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: expect.any(String), kind, title: titles[kind], archived: false, workspaceId: id });
    }
    const list = await owner.client.get(`/api/workspaces/${id}/boards`);
    expect(list.body.map((b: { kind: string }) => b.kind)).toEqual([...BOARD_KINDS]);
  });

  it('refuses an unknown kind or a blank title with 400 and creates nothing', async () => {
    const { owner, id } = await newWorkspace(server);
    expect((await owner.client.post(`/api/workspaces/${id}/boards`, { kind: 'kanban', title: 'x' })).status).toBe(400);
    expect((await owner.client.post(`/api/workspaces/${id}/boards`, { kind: 'roadmap', title: '   ' })).status).toBe(400);
    expect((await owner.client.get(`/api/workspaces/${id}/boards`)).body).toEqual([]);
  });

  it('renames with PATCH', async () => {
    const { owner, id } = await newWorkspace(server);
    const board = (await owner.client.post(`/api/workspaces/${id}/boards`, { kind: 'roadmap', title: 'Черновик' })).body;
    const res = await owner.client.patch(`/api/boards/${board.id}`, { title: 'Дорожная карта 2.2' });
    expect(res.status).toBe(200);
    expect(res.body.title).toBe('Дорожная карта 2.2');
    expect((await owner.client.get(`/api/boards/${board.id}`)).body.title).toBe('Дорожная карта 2.2');
  });

  it('archives with DELETE (kept, hidden from the default list) and restores with PATCH', async () => {
    const { owner, id } = await newWorkspace(server);
    const board = (await owner.client.post(`/api/workspaces/${id}/boards`, { kind: 'programme', title: 'Программа' })).body;
    const archived = await owner.client.delete(`/api/boards/${board.id}`);
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);
    expect((await owner.client.get(`/api/workspaces/${id}/boards`)).body).toEqual([]);
    const all = (await owner.client.get(`/api/workspaces/${id}/boards?archived=1`)).body;
    expect(all.map((b: { id: string }) => b.id)).toEqual([board.id]);
    expect((await owner.client.patch(`/api/boards/${board.id}`, { archived: false })).body.archived).toBe(false);
    expect((await owner.client.get(`/api/workspaces/${id}/boards`)).body).toHaveLength(1);
  });

  it('editors create and rename boards but cannot archive them', async () => {
    const { owner, id } = await newWorkspace(server);
    const editor = await joinWithRole(server, owner.client, id, 'editor');
    const board = await editor.client.post(`/api/workspaces/${id}/boards`, { kind: 'plan-graph', title: 'План' });
    expect(board.status).toBe(201);
    expect((await editor.client.patch(`/api/boards/${board.body.id}`, { title: 'План-график' })).status).toBe(200);
    expect((await editor.client.delete(`/api/boards/${board.body.id}`)).status).toBe(403);
    expect((await editor.client.patch(`/api/boards/${board.body.id}`, { archived: true })).status).toBe(403);
    expect((await owner.client.get(`/api/boards/${board.body.id}`)).body.archived).toBe(false);
  });

  it('viewers read boards but cannot create, rename or archive them', async () => {
    const { owner, id } = await newWorkspace(server);
    const board = (await owner.client.post(`/api/workspaces/${id}/boards`, { kind: 'roadmap', title: 'Карта' })).body;
    const viewer = await joinWithRole(server, owner.client, id, 'viewer');
    expect((await viewer.client.get(`/api/workspaces/${id}/boards`)).body).toHaveLength(1);
    expect((await viewer.client.get(`/api/boards/${board.id}`)).status).toBe(200);
    expect((await viewer.client.post(`/api/workspaces/${id}/boards`, { kind: 'roadmap', title: 'x' })).status).toBe(403);
    expect((await viewer.client.patch(`/api/boards/${board.id}`, { title: 'x' })).status).toBe(403);
    expect((await viewer.client.delete(`/api/boards/${board.id}`)).status).toBe(403);
  });
});
