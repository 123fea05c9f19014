import { changePasswordBody, loginBody, signupBody, type DemoDto } from '@soplan/shared';
import { Hono } from 'hono';
import { changePassword, login, signup, userDto } from '../../auth/accounts.ts';
import { invalidateSession } from '../../auth/sessions.ts';
import { DEMO_LOGIN } from '../../demo/seed.ts';
import { clearSessionCookie, setSessionCookie } from '../cookies.ts';
import type { AppEnv, Deps } from '../env.ts';
import { readJson } from '../json.ts';
import { requireUser } from '../middleware/authenticate.ts';

export function authRoutes(deps: Deps) {
  const { db, config, loginLimits, events } = deps;
  return new Hono<AppEnv>()
    .post('/auth/signup', async (c) => {
      const body = await readJson(c, signupBody);
      const { user, token, session } = await signup(db, body);
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
      if (auth?.via === 'session') {
        invalidateSession(db, auth.sessionId);
        events.emit({ type: 'session-ended', sessionId: auth.sessionId });
      }
      clearSessionCookie(c, config);
      return c.body(null, 204);
    })
    .get('/me', (c) => c.json(userDto(requireUser(c).user)))
    .post('/me/password', async (c) => {
      const auth = requireUser(c);
      const body = await readJson(c, changePasswordBody);
      const { token, session } = await changePassword(db, auth.user, body.currentPassword, body.newPassword);
      events.emit({ type: 'user-sessions-ended', userId: auth.user.id });
      setSessionCookie(c, config, token, session.expiresAt);
      return c.body(null, 204);
    })
    .get('/demo', (c) => c.json<DemoDto>(config.demo ? { enabled: true, ...DEMO_LOGIN } : { enabled: false }));
}
