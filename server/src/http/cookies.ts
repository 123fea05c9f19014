// The session cookie: HttpOnly, SameSite=Lax, Secure when Soplan is served over https.
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import type { Config } from '../config.ts';

export function setSessionCookie(c: Context, config: Config, token: string, expiresAt: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.publicUrl?.protocol === 'https:',
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context, config: Config): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: config.publicUrl?.protocol === 'https:' });
}
