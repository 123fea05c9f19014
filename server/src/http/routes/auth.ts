import { changePasswordBody, loginBody, signupBody, type DemoDto } from '@soplan/shared';
import { Hono } from 'hono';
import { changePassword, login, logout, signup, userDto } from '../../auth/accounts.ts';
import { DEMO_LOGIN } from '../../demo/seed.ts';
import { clearSessionCookie, setSessionCookie } from '../cookies.ts';
import type { AppEnv, Deps } from '../env.ts';
import { readJson } from '../json.ts';
import { requireSession, requireUser } from '../middleware/authenticate.ts';

export function authRoutes(deps: Deps) {
  const { db, config, loginLimits, events } = deps;
  return new Hono<AppEnv>()
    .post('/auth/signup', async (c) => {
      const body = await readJson(c, signupBody);
      const { user, token, session } = await signup(db, loginLimits, body, c.get('clientIp'));
      setSessionCookie(c, config, token, session.expiresAt);
      return c.json(user, 201);
    })
    .post('/auth/login', async (c) => {
      const body = await readJson(c, loginBody);
      const { user, token, session } = await login(db, loginLimits, body, c.get('clientIp'));
      setSessionCookie(c, config, token, session.expiresAt);
      return c.json(user);
    })
    .post('/auth/logout', (c) => {
      const auth = c.get('auth');
      if (auth?.via === 'session') logout(db, events, auth.sessionId);
      clearSessionCookie(c, config);
      return c.body(null, 204);
    })
    .get('/me', (c) => c.json(userDto(requireUser(c).user)))
    .post('/me/password', async (c) => {
      const { user } = requireSession(c);
      const body = await readJson(c, changePasswordBody);
      const { token, session } = await changePassword(db, events, loginLimits, user, body, c.get('clientIp'));
      setSessionCookie(c, config, token, session.expiresAt);
      return c.body(null, 204);
    })
    .get('/demo', (c) => c.json<DemoDto>(config.demo ? { enabled: true, ...DEMO_LOGIN } : { enabled: false }));
}
