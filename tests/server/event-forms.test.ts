// The workspace's vocabulary of event forms that plan-graphs offer.
import { DEFAULT_EVENT_FORMS } from '@soplan/shared';
import { describe, expect, it } from 'vitest';
import { newServer } from '../helpers/server.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer();

describe('event form vocabulary', () => {
  it('a new workspace offers the default forms; a coordinator replaces, reorders and extends them', async () => {
    const { owner, id } = await newWorkspace(server);
    expect((await owner.client.get(`/api/workspaces/${id}/event-forms`)).body).toEqual([...DEFAULT_EVENT_FORMS]);
    const coordinator = await joinWithRole(server, owner.client, id, 'coordinator');
    const forms = ['Семинар-практикум', 'Квест для педагогов', 'Заседание ГМО'];
    const saved = await coordinator.client.put(`/api/workspaces/${id}/event-forms`, { forms: [' Семинар-практикум ', ...forms.slice(1)] });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual(forms);
    expect((await owner.client.get(`/api/workspaces/${id}/event-forms`)).body).toEqual(forms);
  });

  it('editors and viewers read it but cannot change it (403)', async () => {
    const { owner, id } = await newWorkspace(server);
    for (const role of ['editor', 'viewer'] as const) {
      const { client } = await joinWithRole(server, owner.client, id, role);
      expect((await client.get(`/api/workspaces/${id}/event-forms`)).body).toEqual([...DEFAULT_EVENT_FORMS]);
      expect((await client.put(`/api/workspaces/${id}/event-forms`, { forms: ['Вебинар'] })).status).toBe(403);
    }
    expect((await owner.client.get(`/api/workspaces/${id}/event-forms`)).body).toEqual([...DEFAULT_EVENT_FORMS]);
  });

  it('a repeated, empty or overlong form, or a malformed body, is refused (400) and changes nothing', async () => {
    const { owner, id } = await newWorkspace(server);
    for (const body of [
      { forms: ['Семинар', 'семинар'] },
      { forms: ['  '] },
      { forms: ['x'.repeat(101)] },
      { forms: 'Семинар' },
      { forms: ['Семинар'], extra: 1 },
    ]) {
      const res = await owner.client.put(`/api/workspaces/${id}/event-forms`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBeTruthy();
    }
    expect((await owner.client.get(`/api/workspaces/${id}/event-forms`)).body).toEqual([...DEFAULT_EVENT_FORMS]);
  });

  it('someone outside the workspace sees not found (404)', async () => {
    const { id } = await newWorkspace(server);
    const other = await newWorkspace(server);
    expect((await other.owner.client.get(`/api/workspaces/${id}/event-forms`)).status).toBe(404);
    expect((await other.owner.client.put(`/api/workspaces/${id}/event-forms`, { forms: [] })).status).toBe(404);
  });
});
