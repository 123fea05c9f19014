// CSRF: a state-changing request must come from Soplan's own origin. A request that carries the
// session cookie must send a matching Origin; one without cookies (scripts with a token) may omit it.
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { isSameOrigin } from '../../auth/origin.ts';
import { SESSION_COOKIE } from '../../auth/sessions.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv, Deps } from '../env.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrf({ config }: Deps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const hasCookie = getCookie(c, SESSION_COOKIE) !== undefined;
    if (origin === undefined ? hasCookie : !isSameOrigin(origin, c.req.header('host'), config.publicUrl)) {
      throw new AppError('csrf_origin_mismatch', 'This request must come from Soplan itself (Origin mismatch)');
    }
    return next();
  });
}
