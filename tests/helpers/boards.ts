// A workspace with a board and people of each role, each with an API token, for sync tests.
import type { Role } from '@soplan/shared';
import type { TestServer } from './server.ts';
import { joinWithRole, newWorkspace } from './workspace.ts';

export async function boardWithPeople(server: TestServer, roles: Role[] = ['editor', 'viewer']) {
  const { owner, id: workspaceId } = await newWorkspace(server);
  const board = (await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'roadmap', title: 'Дорожная карта' })).body as { id: string };
  const tokenOf = async (client: typeof owner.client) => (await client.post('/api/tokens', { name: 'sync' })).body as { id: string; token: string };
  const people: Record<string, { client: typeof owner.client; user: { id: string; name: string }; token: string; tokenId: string }> = {};
  const ownerToken = await tokenOf(owner.client);
  people.owner = { client: owner.client, user: owner.user, token: ownerToken.token, tokenId: ownerToken.id };
  for (const role of roles) {
    const person = await joinWithRole(server, owner.client, workspaceId, role);
    const t = await tokenOf(person.client);
    people[role] = { client: person.client, user: person.user, token: t.token, tokenId: t.id };
  }
  return { workspaceId, boardId: board.id, owner: people.owner!, people };
}
