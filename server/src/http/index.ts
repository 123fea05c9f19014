// http/: the JSON API under /api. Middleware order: client IP → body limit → CSRF → authentication → routes.
import { IMPORT_LIMITS, MAX_JSON_BODY_BYTES, type ErrorBody } from '@soplan/shared';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../errors.ts';
import type { AppEnv, Deps } from './env.ts';
import { authenticate } from './middleware/authenticate.ts';
import { csrf } from './middleware/csrf.ts';
import { authRoutes } from './routes/auth.ts';
import { boardRoutes } from './routes/boards.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { feedRoutes } from './routes/feeds.ts';
import { healthRoutes } from './routes/health.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { workspaceRoutes } from './routes/workspaces.ts';

export type { Deps } from './env.ts';
export { createFeedApp } from './routes/feeds.ts';

function errorResponse(e: AppError) {
  const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.params ? { params: e.params } : {}), ...(e.issues ? { issues: e.issues } : {}) } };
  return Response.json(body, { status: e.status, headers: { 'cache-control': 'no-store', ...e.headers } });
}

export function createApi(deps: Deps) {
  const api = new Hono<AppEnv>().basePath('/api');
  api.use(async (c, next) => {
    let ip = 'unknown';
    try {
      ip = getConnInfo(c).remote.address ?? ip;
    } catch {
      // app.request() in route tests has no socket
    }
    c.set('clientIp', ip);
    await next();
    c.header('cache-control', 'no-store');
  });
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        // The unread rest of the body would poison a kept-alive connection, so this answer closes it.
        throw new AppError('payload_too_large', `The request body is larger than ${maxSize} bytes`, {
          params: { maxBytes: maxSize },
          headers: { connection: 'close' },
        });
      },
    });
  const jsonLimit = limit(MAX_JSON_BODY_BYTES);
  // An imported file, pasted HTML and the board created from a preview may be up to the import limit
  // (and a multipart envelope around the file).
  const importLimit = limit(IMPORT_LIMITS.maxBytes + 64 * 1024);
  const IMPORT_ROUTE = /^\/api\/workspaces\/[^/]+\/(?:imports|boards)$/;
  api.use((c, next) => (c.req.method === 'POST' && IMPORT_ROUTE.test(c.req.path) ? importLimit(c, next) : jsonLimit(c, next)));
  api.use(csrf(deps));
  api.use(authenticate(deps));
  api.route('/', healthRoutes(deps));
  api.route('/', authRoutes(deps));
  api.route('/', tokenRoutes(deps));
  api.route('/', workspaceRoutes(deps));
  api.route('/', boardRoutes(deps));
  api.route('/', dashboardRoutes(deps));
  api.route('/', feedRoutes(deps));

  api.notFound(() => errorResponse(new AppError('not_found', 'No such API route')));
  api.onError((err) => {
    if (err instanceof AppError) return errorResponse(err);
    if (err instanceof HTTPException) {
      const code = err.status === 413 ? 'payload_too_large' : err.status === 401 ? 'unauthenticated' : 'bad_request';
      return errorResponse(new AppError(code, err.message || 'Bad request'));
    }
    deps.log.error({ err }, 'unhandled error in API');
    return errorResponse(new AppError('internal', 'Something went wrong on the server'));
  });
  return api;
}
