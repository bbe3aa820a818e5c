/** /api/notifications: HTTP only; the rules live in services/notifications.ts. */
import { Hono } from 'hono';
import type { FundingEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { Notification, NotificationListQuery, NotificationPage, ReadAll } from '../schemas/notifications.js';

const tag = 'Notifications';

export const notificationRoutes = new Hono<FundingEnv>()
  .get(
    '/',
    describe({ tag, summary: "The caller's notifications, newest first, with the number of unread ones", body: NotificationPage }),
    validate('query', NotificationListQuery),
    async (c) => c.json(await c.var.services.notifications.list(c.var.caller, c.req.valid('query')))
  )
  .post('/read-all', describe({ tag, summary: 'Mark every notification of the caller read', body: ReadAll }), async (c) =>
    c.json(await c.var.services.notifications.markAllRead(c.var.caller))
  )
  .post('/:id/read', describe({ tag, summary: 'Mark one notification read', body: Notification }), validate('param', IdParam), async (c) =>
    c.json(await c.var.services.notifications.markRead(c.var.caller, c.req.valid('param').id))
  );
