import { describe, expect, it } from 'vitest';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer();

describe('invite links', () => {
  it('anyone with the link sees which workspace and role it offers; accepting makes them a member', async () => {
    const { owner, id } = await newWorkspace(server, 'Педагог для всех');
    const invite = await owner.client.post(`/api/workspaces/${id}/invites`, { role: 'editor' });
    expect(invite.status).toBe(201);
    expect(invite.body.token).toMatch(/^[a-z2-7]{32}$/);
    const preview = await server.client().get(`/api/invites/${invite.body.token}`);
    expect(preview.body).toMatchObject({ workspaceName: 'Педагог для всех', role: 'editor' });
    const { client } = await signedUp(server.client());
    expect((await client.post(`/api/invites/${invite.body.token}/accept`)).body).toMatchObject({ id, role: 'editor' });
    expect((await client.get(`/api/workspaces/${id}`)).body.role).toBe('editor');
  });

  it('accepting needs a login', async () => {
    const { owner, id } = await newWorkspace(server);
    const { token } = (await owner.client.post(`/api/workspaces/${id}/invites`, { role: 'viewer' })).body;
    expect((await server.client().post(`/api/invites/${token}/accept`)).status).toBe(401);
  });

  it('[U4] a revoked invite no longer works', async () => {
    const { owner, id } = await newWorkspace(server);
    const invite = (await owner.client.post(`/api/workspaces/${id}/invites`, { role: 'editor' })).body;
    expect((await owner.client.get(`/api/workspaces/${id}/invites`)).body.map((i: { id: string }) => i.id)).toContain(invite.id);
    expect((await owner.client.delete(`/api/workspaces/${id}/invites/${invite.id}`)).status).toBe(204);
    const { client } = await signedUp(server.client());
    expect((await client.post(`/api/invites/${invite.token}/accept`)).status).toBe(404);
    expect((await client.get(`/api/workspaces/${id}`)).status).toBe(404);
  });

  it('a coordinator cannot hand out the owner role; editors cannot invite at all', async () => {
    const { owner, id } = await newWorkspace(server);
    const coordinator = await joinWithRole(server, owner.client, id, 'coordinator');
    expect((await coordinator.client.post(`/api/workspaces/${id}/invites`, { role: 'owner' })).status).toBe(403);
    expect((await coordinator.client.post(`/api/workspaces/${id}/invites`, { role: 'coordinator' })).status).toBe(201);
    const editor = await joinWithRole(server, owner.client, id, 'editor');
    expect((await editor.client.post(`/api/workspaces/${id}/invites`, { role: 'viewer' })).status).toBe(403);
    expect((await editor.client.get(`/api/workspaces/${id}/invites`)).status).toBe(403);
  });

  it("[U4] accepting an invite never lowers an existing member's role", async () => {
    const { owner, id } = await newWorkspace(server);
    const { token } = (await owner.client.post(`/api/workspaces/${id}/invites`, { role: 'viewer' })).body;
    expect((await owner.client.post(`/api/invites/${token}/accept`)).body.role).toBe('owner');
  });

  it('an unknown invite token is a 404', async () => {
    expect((await server.client().get('/api/invites/nope')).status).toBe(404);
  });
});

describe('members and roles', () => {
  it("the owner changes a member's role; the member sees the new role", async () => {
    const { owner, id } = await newWorkspace(server);
    const person = await joinWithRole(server, owner.client, id, 'viewer');
    const res = await owner.client.patch(`/api/workspaces/${id}/members/${person.user.id}`, { role: 'editor' });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('editor');
    expect((await person.client.get(`/api/workspaces/${id}`)).body.role).toBe('editor');
  });

  it('viewers and editors cannot change roles; coordinators cannot touch owners', async () => {
    const { owner, id } = await newWorkspace(server);
    const viewer = await joinWithRole(server, owner.client, id, 'viewer');
    const editor = await joinWithRole(server, owner.client, id, 'editor');
    const coordinator = await joinWithRole(server, owner.client, id, 'coordinator');
    expect((await viewer.client.patch(`/api/workspaces/${id}/members/${editor.user.id}`, { role: 'viewer' })).status).toBe(403);
    expect((await editor.client.patch(`/api/workspaces/${id}/members/${viewer.user.id}`, { role: 'editor' })).status).toBe(403);
    expect((await coordinator.client.patch(`/api/workspaces/${id}/members/${owner.user.id}`, { role: 'viewer' })).status).toBe(403);
    expect((await coordinator.client.patch(`/api/workspaces/${id}/members/${viewer.user.id}`, { role: 'owner' })).status).toBe(403);
    expect((await coordinator.client.patch(`/api/workspaces/${id}/members/${viewer.user.id}`, { role: 'editor' })).status).toBe(200);
  });

  it('[U6] the last owner can be neither demoted nor removed (409 last_owner)', async () => {
    const { owner, id } = await newWorkspace(server);
    expect((await owner.client.patch(`/api/workspaces/${id}/members/${owner.user.id}`, { role: 'editor' })).status).toBe(409);
    expect((await owner.client.delete(`/api/workspaces/${id}/members/${owner.user.id}`)).status).toBe(409);
    expect((await owner.client.get(`/api/workspaces/${id}`)).body.role).toBe('owner');
  });

  it('a removed member loses access at once (404); members may leave on their own', async () => {
    const { owner, id } = await newWorkspace(server);
    const removed = await joinWithRole(server, owner.client, id, 'editor');
    const leaver = await joinWithRole(server, owner.client, id, 'viewer');
    expect((await owner.client.delete(`/api/workspaces/${id}/members/${removed.user.id}`)).status).toBe(204);
    expect((await removed.client.get(`/api/workspaces/${id}/boards`)).status).toBe(404);
    expect((await leaver.client.delete(`/api/workspaces/${id}/members/${leaver.user.id}`)).status).toBe(204);
    expect((await leaver.client.get(`/api/workspaces/${id}`)).status).toBe(404);
    expect((await owner.client.get(`/api/workspaces/${id}/members`)).body).toHaveLength(1);
  });
});
