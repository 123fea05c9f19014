import { setMyOrganisationBody } from '@soplan/shared';
import { Hono } from 'hono';
import * as dashboard from '../../dashboard/index.ts';
import type { AppEnv, Deps } from '../env.ts';
import { readJson } from '../json.ts';
import { requireUser } from '../middleware/authenticate.ts';

export function dashboardRoutes({ db, online, today }: Deps) {
  const uid = (c: Parameters<typeof requireUser>[0]) => requireUser(c).user.id;
  return new Hono<AppEnv>()
    .get('/workspaces/:id/dashboard', (c) => {
      const userId = uid(c);
      const workspaceId = c.req.param('id');
      return c.json(dashboard.dashboardOf(db, userId, workspaceId, online(workspaceId), today()));
    })
    .get('/workspaces/:id/calendar', (c) => c.json(dashboard.calendarOf(db, uid(c), c.req.param('id'), today())))
    .get('/workspaces/:id/tasks', (c) => c.json(dashboard.tasksOf(db, uid(c), c.req.param('id'), today())))
    .put('/workspaces/:id/my-organisation', async (c) => {
      const userId = uid(c);
      const { organisationId } = await readJson(c, setMyOrganisationBody);
      return c.json(dashboard.setMyOrganisation(db, userId, c.req.param('id'), organisationId, today()));
    });
}
