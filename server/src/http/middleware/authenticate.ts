// Resolves who is calling: a Bearer API token, else the session cookie (renewing it when it slides).
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { validateApiToken } from '../../auth/api-tokens.ts';
import { SESSION_COOKIE, validateSessionToken } from '../../auth/sessions.ts';
import { AppError } from '../../errors.ts';
import { clearSessionCookie, setSessionCookie } from '../cookies.ts';
import type { AppEnv, Deps } from '../env.ts';

export function authenticate({ db, config }: Deps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('auth', null);
    const header = c.req.header('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const result = match?.[1] ? validateApiToken(db, match[1]) : null;
      if (!result) throw new AppError('unauthenticated', 'The API token is invalid or revoked');
      c.set('auth', { via: 'token', user: result.user, tokenId: result.tokenId });
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const result = validateSessionToken(db, token);
      if (result) {
        c.set('auth', { via: 'session', user: result.user, sessionId: result.session.id });
        if (result.renewed) setSessionCookie(c, config, token, result.session.expiresAt);
      } else {
        clearSessionCookie(c, config);
      }
    }
    return next();
  });
}

/** The authenticated caller, or a 401. */
export function requireUser(c: { get(key: 'auth'): AppEnv['Variables']['auth'] }) {
  const auth = c.get('auth');
  if (!auth) throw new AppError('unauthenticated', 'Log in first');
  return auth;
}

/** The caller's browser session, or a 401 without one and a 403 for an API token: changing the password takes the person, not a script. */
export function requireSession(c: { get(key: 'auth'): AppEnv['Variables']['auth'] }) {
  const auth = requireUser(c);
  if (auth.via !== 'session') throw new AppError('session_required', 'This needs a logged-in session; an API token cannot do it');
  return auth;
}
