import { Hono } from 'hono';
import { health } from '../../db/index.ts';
import type { AppEnv, Deps } from '../env.ts';

export function healthRoutes({ db }: Deps) {
  const started = Date.now();
  return new Hono<AppEnv>().get('/health', (c) => {
    const dbOk = health.ping(db);
    return c.json({ ok: dbOk, uptimeSeconds: Math.round((Date.now() - started) / 1000) }, dbOk ? 200 : 503);
  });
}
