// Who is logged in, against a real server: login, signup and logout set it; a session the server no
// longer knows (the password was changed on another device) is told apart from nobody having logged
// in, once, so the login page can say why it is shown.
import { afterEach, describe, expect, it } from 'vitest';
import { signedUp } from '../../../../tests/helpers/http-client.ts';
import { newServer } from '../../../../tests/helpers/server.ts';
import { openPage } from '../../../../tests/helpers/web-page.ts';
import { ApiError } from '../api.ts';
import { session } from './session-manager.svelte.ts';

const server = await newServer();
afterEach(() => session.reset());

describe('the session', () => {
  it('nobody logged in: loaded, no user, nothing ended', async () => {
    openPage(server, server.client());
    expect(session.loaded).toBe(false);
    expect(await session.load()).toBeNull();
    expect(session).toMatchObject({ loaded: true, user: null, ended: false });
  });

  it('signs up, stays signed in on the next load, and logs out', async () => {
    const browser = server.client();
    openPage(server, browser);
    await session.signup(`anna-${Date.now()}@example.test`, 'correct horse battery', 'Анна Иванова');
    expect(session.user).toMatchObject({ name: 'Анна Иванова' });
    expect(browser.sessionCookie).toBeTruthy();

    session.reset();
    expect((await session.load())?.name).toBe('Анна Иванова');

    await session.logout();
    expect(session.user).toBeNull();
    expect(browser.sessionCookie).toBeUndefined();
    // logged out here: the next load is a stranger's, not an ended session
    expect(await session.load()).toBeNull();
    expect(session.ended).toBe(false);
  });

  it('a wrong password is refused and nobody is signed in', async () => {
    const { email } = await signedUp(server.client());
    openPage(server, server.client());
    await expect(session.login(email, 'not the password at all')).rejects.toBeInstanceOf(ApiError);
    expect(session.user).toBeNull();
  });

  it('a session ended elsewhere is said to have ended, once', async () => {
    const { email, password } = await signedUp(server.client(), 'Пётр Петров');
    const browser = server.client();
    openPage(server, browser);
    await session.login(email, password);
    expect(session.user?.name).toBe('Пётр Петров');

    // the password changed on another device ends every other session
    const phone = server.client();
    await phone.post('/api/auth/login', { email, password });
    expect((await phone.post('/api/me/password', { currentPassword: password, newPassword: 'a brand new passphrase' })).status).toBe(204);

    expect(await session.load()).toBeNull();
    expect(session.ended).toBe(true);
    // said once: after that the login page greets whoever comes
    expect(await session.load()).toBeNull();
    expect(session.ended).toBe(false);
  });
});
