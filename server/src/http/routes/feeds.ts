// Calendar feeds: `POST/GET/DELETE /api/feeds` for their owner, and `GET /ics/:secret`, outside /api
// and without a login, for the calendars that subscribe to them (calendars/).
import { createFeedBody } from '@soplan/shared';
import { Hono } from 'hono';
import { FEED_PATH } from '../../calendars/index.ts';
import { baseUrlOf } from '../base-url.ts';
import type { AppEnv, Deps } from '../env.ts';
import { readJson } from '../json.ts';
import { requireUser } from '../middleware/authenticate.ts';

export function feedRoutes({ calendars, config }: Deps) {
  return new Hono<AppEnv>()
    .post('/feeds', async (c) => {
      const { user } = requireUser(c);
      const body = await readJson(c, createFeedBody);
      return c.json(calendars.create(user.id, body, baseUrlOf(config, c.req.url)), 201);
    })
    .get('/feeds', (c) => c.json(calendars.list(requireUser(c).user.id)))
    .delete('/feeds/:id', (c) => {
      calendars.revoke(requireUser(c).user.id, c.req.param('id'));
      return c.body(null, 204);
    });
}

// The secret is the URL: nothing may cache it for others, send it on as a referrer or index it.
const PRIVATE = { 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex' };

/** `GET /ics/:secret`: the feed's calendar, or a plain 404 once revoked or when its owner lost access. */
export function createFeedApp({ calendars, config, log }: Deps) {
  return new Hono()
    .get(`${FEED_PATH}/:secret`, (c) => {
      const ics = calendars.fetch(c.req.param('secret'), baseUrlOf(config, c.req.url));
      if (ics === null) return c.text('Not found', 404, PRIVATE);
      return c.body(ics, 200, { ...PRIVATE, 'content-type': 'text/calendar; charset=utf-8' });
    })
    .notFound((c) => c.text('Not found', 404, PRIVATE))
    .onError((err, c) => {
      log.error({ err }, 'unhandled error in a calendar feed');
      return c.text('Something went wrong on the server', 500, PRIVATE);
    });
}
