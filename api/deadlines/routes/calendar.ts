/**
 * Calendar feeds: HTTP only; the rules live in services/calendar.ts.
 * - `calendarFeedRoutes` at /calendar behind sign-in: create, list, revoke.
 * - `calendarIcsRoutes` at /calendar.ics, mounted BEFORE sign-in is
 *   required: the token in the query string is the only key.
 */
import { Hono } from 'hono';
import { accepts } from 'hono/accepts';
import type { DeadlinesEnv } from '../services/index.js';
import { describe, unchangedFor, validate } from '../../platform/index.js';
import { CalendarFeed, CalendarFeedCreated, CalendarFeedPage, CalendarFeedQuery } from '../schemas/calendar.js';
import { IdParam } from '../../platform/schemas/common.js';

const tag = 'Calendar';

export const calendarFeedRoutes = new Hono<DeadlinesEnv>()
  .get('/feeds', describe({ tag, summary: "The caller's calendar feeds with their last use (revoked ones included)", body: CalendarFeedPage }), async (c) =>
    c.json(await c.var.services.calendar.listFeeds(c.var.caller))
  )
  .post(
    '/feeds',
    describe({ tag, summary: 'Create a personal calendar feed: its secret address is shown only in this answer', body: CalendarFeedCreated, status: 201, also: { 409: 'Too many feeds not revoked' } }),
    async (c) => {
      const { token, ...feed } = await c.var.services.calendar.createFeed(c.var.caller);
      const origin = c.var.settings.publicOrigin ?? new URL(c.req.url).origin;
      const url = `${origin}/api/calendar.ics?token=${token}`;
      return c.json({ ...feed, token, url, webcalUrl: url.replace(/^https?:/, 'webcal:') } satisfies CalendarFeedCreated, 201);
    }
  )
  .delete('/feeds/:id', describe({ tag, summary: 'Revoke a calendar feed: its address answers 404 from now on' }), validate('param', IdParam), async (c) => {
    await c.var.services.calendar.revokeFeed(c.var.caller, c.req.valid('param').id);
    return c.body(null, 204);
  });

export const calendarIcsRoutes = new Hono<DeadlinesEnv>().get(
  '/',
  describe({
    tag,
    summary: 'The personal calendar (ICS): deadlines of watched calls, milestones, open tasks',
    description:
      'No sign-in: the token of a feed from POST /api/calendar/feeds is the key. A missing, unknown or revoked token answers 404. The ETag changes exactly when the content does; If-None-Match with it answers 304. With `Accept-Encoding: gzip` the text comes compressed.',
    file: 'text/calendar',
    public: true
  }),
  validate('query', CalendarFeedQuery),
  async (c) => {
    const feed = await c.var.services.calendar.feed(c.req.valid('query').token);
    const headers = { ETag: feed.etag, 'Cache-Control': 'private, no-cache', Vary: 'Accept-Encoding' };
    if (unchangedFor(c.req.header('If-None-Match'), feed.etag)) return c.body(null, 304, headers);
    const gzipped = accepts(c, { header: 'Accept-Encoding', supports: ['gzip'], default: 'identity' }) === 'gzip';
    return c.body(gzipped ? await feed.gzipped() : await feed.text(), 200, {
      ...headers,
      ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="regiodesk.ics"'
    });
  }
);
