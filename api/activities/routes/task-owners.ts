/** /api/partnerships/{id}/task-owners: HTTP only; the rule lives in services/task-owners.ts. */
import { Hono } from 'hono';
import type { ActivitiesEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { TaskOwnerList } from '../schemas/task-owners.js';

export const taskOwnerRoutes = new Hono<ActivitiesEnv>().get(
  '/:id/task-owners',
  describe({
    tag: 'Tasks',
    summary: 'Who may own a task of this partnership: its members with a writing role, both parties, contact persons marked (writers of the partnership)',
    body: TaskOwnerList
  }),
  validate('param', IdParam),
  async (c) => c.json({ items: await c.var.services.taskOwners.list(c.var.caller, c.req.valid('param').id) })
);
