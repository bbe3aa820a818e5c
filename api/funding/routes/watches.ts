/**
 * /api/calls/watched and /api/calls/:id/watch: HTTP only; the rules live in
 * services/watches.ts. Mounted at /calls BEFORE the calls routes, so that
 * `/calls/watched` is never taken for a call id.
 */
import { Hono } from 'hono';
import type { FundingEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { CallParam, Watch, WatchedCallPage, WatchedListQuery } from '../schemas/watches.js';

const tag = 'Watching';

export const watchRoutes = new Hono<FundingEnv>()
  .get(
    '/watched',
    describe({ tag, summary: 'The calls the caller watches, most recently watched first, with their deadlines', body: WatchedCallPage }),
    validate('query', WatchedListQuery),
    async (c) => c.json(await c.var.services.watches.listWatched(c.var.caller, c.req.valid('query')))
  )
  .get('/:id/watch', describe({ tag, summary: 'Whether the caller watches the call', body: Watch }), validate('param', CallParam), async (c) =>
    c.json(await c.var.services.watches.get(c.var.caller, c.req.valid('param').id))
  )
  .put(
    '/:id/watch',
    describe({ tag, summary: 'Watch the call: reminders before each deadline, changes told, deadlines in the calendar feed', body: Watch }),
    validate('param', CallParam),
    async (c) => c.json(await c.var.services.watches.watch(c.var.caller, c.req.valid('param').id))
  )
  .delete('/:id/watch', describe({ tag, summary: 'Stop watching the call' }), validate('param', CallParam), async (c) => {
    await c.var.services.watches.unwatch(c.var.caller, c.req.valid('param').id);
    return c.body(null, 204);
  });
