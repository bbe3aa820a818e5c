/** /api/activities: HTTP only; the rules live in services/activities.ts and services/minutes.ts. */
import { Hono } from 'hono';
import type { ActivitiesEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { Activity, ActivityCreate, ActivityExportQuery, ActivityListQuery, ActivityPage, ActivityPatch, MinutesQuery } from '../schemas/activities.js';
import { IdParam } from '../../platform/schemas/common.js';

const tag = 'Activities';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `attachment` with an ASCII name and the exact one (RFC 6266). */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const activityRoutes = new Hono<ActivitiesEnv>()
  .get('/', describe({ tag, summary: 'List activities the caller may see (by year, type, domain, partnership, status, span)', body: ActivityPage }), validate('query', ActivityListQuery), async (c) =>
    c.json(await c.var.services.activities.list(c.var.caller, c.req.valid('query')))
  )
  .get(
    '/export.csv',
    describe({ tag, summary: 'The list as CSV (UTF-8 with BOM), same filters as the list', file: 'text/csv' }),
    validate('query', ActivityExportQuery),
    async (c) => {
      const csv = await c.var.services.activities.exportCsv(c.var.caller, c.req.valid('query'));
      return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment('activities.csv') });
    }
  )
  .post('/', describe({ tag, summary: 'Log an activity', body: Activity, status: 201 }), validate('json', ActivityCreate), async (c) => {
    const activity = await c.var.services.activities.create(c.var.caller, c.req.valid('json'));
    return c.json(activity, 201, { ETag: etagOf(activity) });
  })
  .get('/:id', describe({ tag, summary: 'Read an activity', body: Activity }), validate('param', IdParam), async (c) => {
    const activity = await c.var.services.activities.get(c.var.caller, c.req.valid('param').id);
    return c.json(activity, 200, { ETag: etagOf(activity) });
  })
  .patch(
    '/:id',
    describe({ tag, summary: 'Change an activity', body: Activity, also: { 412: 'Stale If-Match: the body has the current record' } }),
    validate('param', IdParam),
    validate('json', ActivityPatch),
    async (c) => {
      const activity = await c.var.services.activities.update(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(activity, 200, { ETag: etagOf(activity) });
    }
  )
  .delete(
    '/:id',
    describe({ tag, summary: 'Delete an activity (participants, programme, outcomes, costs and feedback go with it)', also: { 412: 'Stale If-Match' } }),
    validate('param', IdParam),
    async (c) => {
      await c.var.services.activities.delete(c.var.caller, c.req.valid('param').id, expectedVersion(c.req.header('If-Match')));
      return c.body(null, 204);
    }
  )
  .get(
    '/:id/minutes.docx',
    describe({ tag, summary: 'The minutes as a Word document: attendance, numbered agenda, next steps, next meeting', file: DOCX }),
    validate('param', IdParam),
    validate('query', MinutesQuery),
    async (c) => {
      const minutes = await c.var.services.minutes.docx(c.var.caller, c.req.valid('param').id, c.req.valid('query').lang);
      return c.body(minutes.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': DOCX, 'Content-Disposition': attachment(minutes.filename) });
    }
  );
