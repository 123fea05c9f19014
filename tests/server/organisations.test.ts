import { describe, expect, it } from 'vitest';
import { newServer } from '../helpers/server.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer();

describe('organisations of a network', () => {
  it('a coordinator adds, lists, edits and deletes organisations', async () => {
    const { owner, id } = await newWorkspace(server);
    const coordinator = await joinWithRole(server, owner.client, id, 'coordinator');
    const c = coordinator.client;
    const mdou = await c.post(`/api/workspaces/${id}/organisations`, { name: 'МДОУ № 8', kind: 'kindergarten' });
    expect(mdou.status).toBe(201);
    expect(mdou.body).toMatchObject({ name: 'МДОУ № 8', kind: 'kindergarten', partner: false, workspaceId: id });
    const ygpu = await c.post(`/api/workspaces/${id}/organisations`, { name: 'ЯГПУ', kind: 'university', partner: true });
    expect(ygpu.body.partner).toBe(true);
    const list = await c.get(`/api/workspaces/${id}/organisations`);
    expect(list.body.map((o: { name: string }) => o.name)).toEqual(['МДОУ № 8', 'ЯГПУ']);
    const edited = await c.patch(`/api/workspaces/${id}/organisations/${mdou.body.id}`, { name: 'МДОУ «Детский сад № 8»' });
    expect(edited.body.name).toBe('МДОУ «Детский сад № 8»');
    expect((await c.delete(`/api/workspaces/${id}/organisations/${ygpu.body.id}`)).status).toBe(204);
    expect((await c.get(`/api/workspaces/${id}/organisations`)).body).toHaveLength(1);
  });

  it('[U6] two organisations of one workspace cannot share a name (409 organisation_exists)', async () => {
    const { owner, id } = await newWorkspace(server);
    await owner.client.post(`/api/workspaces/${id}/organisations`, { name: 'МОУ ГЦРО' });
    const dup = await owner.client.post(`/api/workspaces/${id}/organisations`, { name: 'МОУ ГЦРО' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'organisation_exists', params: { name: 'МОУ ГЦРО' } });
    expect((await owner.client.get(`/api/workspaces/${id}/organisations`)).body).toHaveLength(1);
  });

  it('[U6] names clash regardless of case and runs of white space, on create and on rename, naming the organisation already there', async () => {
    const { owner, id } = await newWorkspace(server);
    const c = owner.client;
    const existing = 'Департамент образования мэрии';
    await c.post(`/api/workspaces/${id}/organisations`, { name: existing, kind: 'authority' });
    const shouted = await c.post(`/api/workspaces/${id}/organisations`, { name: 'ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ  МЭРИИ' });
    expect(shouted.status).toBe(409);
    expect(shouted.body.error).toMatchObject({ code: 'organisation_exists', params: { name: existing } });
    const other = await c.post(`/api/workspaces/${id}/organisations`, { name: 'Департамент образования мэрии города' });
    expect(other.status).toBe(201);
    const renamed = await c.patch(`/api/workspaces/${id}/organisations/${other.body.id}`, { name: 'департамент   Образования\u00a0мэрии' });
    expect(renamed.status).toBe(409);
    expect(renamed.body.error).toMatchObject({ code: 'organisation_exists', params: { name: existing } });
    const own = (await c.get(`/api/workspaces/${id}/organisations`)).body.find((o: { name: string }) => o.name === existing);
    const recased = await c.patch(`/api/workspaces/${id}/organisations/${own.id}`, { name: 'Департамент Образования Мэрии' });
    expect(recased.status).toBe(200);
    expect((await c.get(`/api/workspaces/${id}/organisations`)).body.map((o: { name: string }) => o.name).sort()).toEqual(
      ['Департамент Образования Мэрии', 'Департамент образования мэрии города'].sort(),
    );
  });

  it('editors and viewers read the list but cannot change it (403)', async () => {
    const { owner, id } = await newWorkspace(server);
    const org = (await owner.client.post(`/api/workspaces/${id}/organisations`, { name: 'МДОУ № 25' })).body;
    for (const role of ['editor', 'viewer'] as const) {
      const { client } = await joinWithRole(server, owner.client, id, role);
      expect((await client.get(`/api/workspaces/${id}/organisations`)).body).toHaveLength(1);
      expect((await client.post(`/api/workspaces/${id}/organisations`, { name: 'Новая' })).status).toBe(403);
      expect((await client.patch(`/api/workspaces/${id}/organisations/${org.id}`, { partner: true })).status).toBe(403);
      expect((await client.delete(`/api/workspaces/${id}/organisations/${org.id}`)).status).toBe(403);
    }
  });

  it('an organisation of another workspace is not found through this one', async () => {
    const a = await newWorkspace(server, 'Сеть А');
    const b = await newWorkspace(server, 'Сеть Б');
    const org = (await a.owner.client.post(`/api/workspaces/${a.id}/organisations`, { name: 'МДОУ № 44' })).body;
    expect((await b.owner.client.delete(`/api/workspaces/${b.id}/organisations/${org.id}`)).status).toBe(404);
  });
});
