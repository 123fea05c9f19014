// Builds a workspace with members of given roles, through the public API (invite links).
import type { Role } from '@soplan/shared';
import { signedUp, type HttpClient } from './http-client.ts';
import type { TestServer } from './server.ts';

export async function newWorkspace(server: TestServer, name = 'Педагог для всех') {
  const owner = await signedUp(server.client(), 'Владелец');
  const workspace = (await owner.client.post('/api/workspaces', { name })).body as { id: string; name: string };
  return { owner, workspace, id: workspace.id };
}

/** Signs a new person up and brings them into the workspace with `role` via an invite from `inviter`. */
export async function joinWithRole(server: TestServer, inviter: HttpClient, workspaceId: string, role: Role) {
  const invite = await inviter.post(`/api/workspaces/${workspaceId}/invites`, { role });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${invite.text}`);
  const person = await signedUp(server.client(), `Участник (${role})`);
  const accepted = await person.client.post(`/api/invites/${invite.body.token}/accept`);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
  return person;
}
