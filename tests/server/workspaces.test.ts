import { describe, expect, it } from 'vitest';
import { signedUp, type HttpClient } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';

const server = await newServer();

async function workspaceOf(client: HttpClient, name = 'Педагог для всех') {
  return (await client.post('/api/workspaces', { name })).body as { id: string; name: string; role: string };
}

describe('workspaces', () => {
  it('creating one answers 201 and makes the creator its owner', async () => {
    const { client } = await signedUp(server.client());
    const res = await client.post('/api/workspaces', { name: 'Педагог для всех' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), name: 'Педагог для всех', role: 'owner', createdAt: expect.any(String) });
    const list = await client.get('/api/workspaces');
    expect(list.body.map((w: { id: string }) => w.id)).toEqual([res.body.id]);
    const members = await client.get(`/api/workspaces/${res.body.id}/members`);
    expect(members.body).toHaveLength(1);
    expect(members.body[0].role).toBe('owner');
  });

  it('lists only the workspaces one is a member of', async () => {
    const { client: alice } = await signedUp(server.client());
    const { client: bob } = await signedUp(server.client());
    await workspaceOf(alice, 'Сеть А');
    expect((await bob.get('/api/workspaces')).body).toEqual([]);
  });

  it('a non-member gets 404 for the workspace and everything in it', async () => {
    const { client: owner } = await signedUp(server.client());
    const { client: stranger } = await signedUp(server.client());
    const ws = await workspaceOf(owner);
    const board = (await owner.post(`/api/workspaces/${ws.id}/boards`, { kind: 'roadmap', title: 'Дорожная карта' })).body;
    const org = (await owner.post(`/api/workspaces/${ws.id}/organisations`, { name: 'МДОУ № 8' })).body;
    const attempts = [
      stranger.get(`/api/workspaces/${ws.id}`),
      stranger.patch(`/api/workspaces/${ws.id}`, { name: 'захват' }),
      stranger.get(`/api/workspaces/${ws.id}/members`),
      stranger.get(`/api/workspaces/${ws.id}/organisations`),
      stranger.post(`/api/workspaces/${ws.id}/organisations`, { name: 'Чужая' }),
      stranger.delete(`/api/workspaces/${ws.id}/organisations/${org.id}`),
      stranger.get(`/api/workspaces/${ws.id}/invites`),
      stranger.post(`/api/workspaces/${ws.id}/invites`, { role: 'owner' }),
      stranger.get(`/api/workspaces/${ws.id}/boards`),
      stranger.post(`/api/workspaces/${ws.id}/boards`, { kind: 'roadmap', title: 'x' }),
      stranger.get(`/api/boards/${board.id}`),
      stranger.patch(`/api/boards/${board.id}`, { title: 'x' }),
      stranger.delete(`/api/boards/${board.id}`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await owner.get(`/api/boards/${board.id}`)).body.title).toBe('Дорожная карта');
  });

  it('a 404 for a missing workspace looks exactly like one for a hidden workspace', async () => {
    const { client: owner } = await signedUp(server.client());
    const { client: stranger } = await signedUp(server.client());
    const ws = await workspaceOf(owner);
    const hidden = await stranger.get(`/api/workspaces/${ws.id}`);
    const missing = await stranger.get('/api/workspaces/aaaaaaaaaaaaaaaa');
    expect(hidden.text).toBe(missing.text);
  });

  it('owners and coordinators rename a workspace; editors and viewers cannot', async () => {
    const { client: owner } = await signedUp(server.client());
    const ws = await workspaceOf(owner);
    expect((await owner.patch(`/api/workspaces/${ws.id}`, { name: 'Педагог для всех 2.0' })).body.name).toBe('Педагог для всех 2.0');
    for (const role of ['editor', 'viewer']) {
      const invite = (await owner.post(`/api/workspaces/${ws.id}/invites`, { role })).body;
      const { client } = await signedUp(server.client());
      await client.post(`/api/invites/${invite.token}/accept`);
      expect((await client.patch(`/api/workspaces/${ws.id}`, { name: 'Нет' })).status).toBe(403);
    }
  });

  it('every workspace route needs a login', async () => {
    expect((await server.client().get('/api/workspaces')).status).toBe(401);
    expect((await server.client().post('/api/workspaces', { name: 'x' })).status).toBe(401);
  });
});
