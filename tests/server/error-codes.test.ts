// Rule U6: every error body is { error: { code, message, params?, issues? } }. The code is stable and
// specific where a page words it; params carry the values it needs; message is English, for API users.
import { describe, expect, it } from 'vitest';
import { signedUp } from '../helpers/http-client.ts';
import { newServer } from '../helpers/server.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer();

describe('error codes and parameters', () => {
  it('[U6] a duplicate organisation is organisation_exists with the name as a parameter, not a sentence to concatenate', async () => {
    const { owner, id } = await newWorkspace(server);
    await owner.client.post(`/api/workspaces/${id}/organisations`, { name: 'МОУ ГЦРО' });
    const dup = await owner.client.post(`/api/workspaces/${id}/organisations`, { name: 'МОУ ГЦРО' });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({
      error: { code: 'organisation_exists', message: 'An organisation named "МОУ ГЦРО" already exists in this workspace', params: { name: 'МОУ ГЦРО' } },
    });
    const other = (await owner.client.post(`/api/workspaces/${id}/organisations`, { name: 'ЯГПУ' })).body;
    const renamed = await owner.client.patch(`/api/workspaces/${id}/organisations/${other.id}`, { name: 'МОУ ГЦРО' });
    expect(renamed.body.error).toMatchObject({ code: 'organisation_exists', params: { name: 'МОУ ГЦРО' } });
  });

  it('[U6] a taken email is email_taken (409)', async () => {
    const { email } = await signedUp(server.client());
    const res = await server.client().post('/api/auth/signup', { email, password: 'another password', name: 'Другой' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('email_taken');
  });

  it("[U6] the last owner is last_owner (409); a role above one's own is role_above_own (403)", async () => {
    const { owner, id } = await newWorkspace(server);
    expect((await owner.client.delete(`/api/workspaces/${id}/members/${owner.user.id}`)).body.error.code).toBe('last_owner');
    expect((await owner.client.patch(`/api/workspaces/${id}/members/${owner.user.id}`, { role: 'viewer' })).body.error.code).toBe('last_owner');
    const coordinator = await joinWithRole(server, owner.client, id, 'coordinator');
    const tooHigh = await coordinator.client.post(`/api/workspaces/${id}/invites`, { role: 'owner' });
    expect(tooHigh.status).toBe(403);
    expect(tooHigh.body.error.code).toBe('role_above_own');
    expect((await coordinator.client.patch(`/api/workspaces/${id}/members/${owner.user.id}`, { role: 'viewer' })).body.error.code).toBe('role_above_own');
  });

  it('[U6] a wrong current password is current_password_wrong, not invalid_credentials', async () => {
    const { client } = await signedUp(server.client());
    const res = await client.post('/api/me/password', { currentPassword: 'not it at all', newPassword: 'a brand new pass' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('current_password_wrong');
  });

  it('[U6] invalid and used-up invite links have codes of their own', async () => {
    expect((await server.client().get('/api/invites/nope')).body.error.code).toBe('invite_invalid');
    const { owner, id } = await newWorkspace(server);
    const invite = (await owner.client.post(`/api/workspaces/${id}/invites`, { role: 'viewer' })).body;
    await (await signedUp(server.client())).client.post(`/api/invites/${invite.token}/accept`);
    expect((await server.client().get(`/api/invites/${invite.token}`)).body.error.code).toBe('invite_used_up');
  });

  it('[U6] every validation issue carries a stable code and the parameters to word it', async () => {
    const res = await server.client().post('/api/auth/signup', { email: 'not an email', password: 'short', name: 'x'.repeat(201), extra: true });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'email', code: 'invalid_email', message: expect.any(String) },
        { path: 'password', code: 'too_short', message: expect.any(String), params: { minimum: 10 } },
        { path: 'name', code: 'too_long', message: expect.any(String), params: { maximum: 200 } },
        { path: '', code: 'unknown_field', message: expect.any(String), params: { keys: 'extra' } },
      ]),
    );
    const missing = await server.client().post('/api/auth/login', { email: 'a@example.test' });
    expect(missing.body.error.issues).toEqual([{ path: 'password', code: 'required', message: expect.any(String) }]);
    const { owner, id } = await newWorkspace(server);
    const nothing = await owner.client.patch(`/api/workspaces/${id}/organisations/x`, {});
    expect(nothing.body.error.issues).toMatchObject([{ code: 'nothing_to_change' }]);
    const twice = await owner.client.put(`/api/workspaces/${id}/event-forms`, { forms: ['семинар', 'Семинар'] });
    expect(twice.body.error.issues).toMatchObject([{ path: 'forms', code: 'duplicate_form' }]);
    const kind = await owner.client.post(`/api/workspaces/${id}/boards`, { kind: 'spreadsheet', title: 'x' });
    expect(kind.body.error.issues).toMatchObject([{ path: 'kind', code: 'invalid_option', params: { options: 'plan-graph, roadmap, programme' } }]);
  });

  it('[U6] a 429 names its wait in params.retryAfter as well as in Retry-After', async () => {
    const { email } = await signedUp(server.client());
    let res;
    for (let i = 0; i < 11; i++) res = await server.client().post('/api/auth/login', { email, password: `wrong guess ${i}` });
    expect(res!.status).toBe(429);
    expect(res!.body.error.params.retryAfter).toBe(Number(res!.headers.get('retry-after')));
  });
});
