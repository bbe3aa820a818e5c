/**
 * /api/workplans: HTTP only; the rules live in services/work-plans.ts and
 * services/coediting/. Co-edited writes (PATCH, DELETE, move, restore) read
 * `If-Match` and answer `ETag`; /:id/events (the plan's Server-Sent Events
 * stream) and /:id/presence come from live-stream.ts. The DOCX export
 * (`/:id.docx`) is mounted before these routes from its own file.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { CycleEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { ApproveBody, History, RestoreBody, WithdrawApprovalQuery } from '../schemas/coediting.js';
import { Id, IdParam } from '../../platform/schemas/common.js';
import {
  WorkPlan,
  WorkPlanAmend,
  WorkPlanCreate,
  WorkPlanDetail,
  WorkPlanDiff,
  WorkPlanDiffQuery,
  WorkPlanItem,
  WorkPlanItemCreate,
  WorkPlanItemMove,
  WorkPlanItemPatch,
  WorkPlanItemWrite,
  WorkPlanList,
  WorkPlanPatch,
  WorkPlanQuery,
  WorkPlanRevision,
  WorkPlanStarted,
  WorkPlanWrite
} from '../schemas/work-plans.js';
import { liveStreamRoutes } from './live-stream.js';

const tag = 'Work plans';
const ItemParams = z.strictObject({ id: Id, itemId: Id });
const RevisionParams = z.strictObject({ id: Id, number: z.coerce.number().int().min(1) });
const WorkPlanItemList = z.object({ items: z.array(WorkPlanItem) });
const live = liveStreamRoutes(
  {
    tag,
    events: {
      summary: 'Live changes of the plan (Server-Sent Events)',
      description:
        'text/event-stream: `hello` ({ presence }) first, then `presence`, `item` ({ action, record, actor, mergedFields }), `item-removed` ({ id, actor }) and `document` (the plan’s header) as they happen; a comment line every 15 s.'
    },
    presence: { summary: 'Say which item (or section) you are editing; null: none' }
  },
  (services) => services.workPlans
);

const coedited = {
  409: 'The same field changed since your version (MergeConflict: baseVersion, current, conflicts with base, theirs and yours), or the plan is adopted',
  412: 'If-Match names a version newer than stored: the body has the current record',
  428: 'If-Match missing: send the version you started from'
} as const;

export const workPlanRoutes = new Hono<CycleEnv>()
  .get('/', describe({ tag, summary: 'Work plans of the partnerships the caller sees, newest year first', body: WorkPlanList }), validate('query', WorkPlanQuery), async (c) =>
    c.json(await c.var.services.workPlans.list(c.var.caller, c.req.valid('query')))
  )
  .post(
    '/',
    describe({ tag, summary: 'Start the work plan of a partnership for a year (carryOver: copy last year’s open items; droppedTargetDates: the ones whose date was not kept)', body: WorkPlanStarted, status: 201, also: { 409: 'The partnership has a plan for that year (workPlanId)' } }),
    validate('json', WorkPlanCreate),
    async (c) => {
      const plan = await c.var.services.workPlans.create(c.var.caller, c.req.valid('json'));
      return c.json(plan, 201, { ETag: etagOf(plan) });
    }
  )
  .get('/:id', describe({ tag, summary: 'A work plan with its items, approvals and adopted revisions', body: WorkPlanDetail }), validate('param', IdParam), async (c) => {
    const plan = await c.var.services.workPlans.get(c.var.caller, c.req.valid('param').id);
    return c.json(plan, 200, { ETag: etagOf(plan) });
  })
  .patch('/:id', describe({ tag, summary: 'Change the introduction (co-edited: If-Match, merged by paragraph)', body: WorkPlanWrite, also: coedited }), validate('param', IdParam), validate('json', WorkPlanPatch), async (c) => {
    const write = await c.var.services.workPlans.patch(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
    return c.json(write, 200, { ETag: etagOf(write.workPlan) });
  })
  .post('/:id/propose', describe({ tag, summary: 'Propose the draft for approval by every party', body: WorkPlan, also: { 409: 'Not a draft' } }), validate('param', IdParam), async (c) =>
    c.json(await c.var.services.workPlans.propose(c.var.caller, c.req.valid('param').id))
  )
  .post(
    '/:id/approve',
    describe({
      tag,
      summary: 'Approve the proposed plan for a party (the caller’s organisation’s by default); the last approval adopts it',
      description: 'Officers and admins of the partnership approve for the party of their own organisation. When every party has approved the current revision, the plan becomes adopted and is frozen as that revision.',
      body: WorkPlan,
      also: { 409: 'The plan is not proposed' }
    }),
    validate('param', IdParam),
    validate('json', ApproveBody),
    async (c) => c.json(await c.var.services.workPlans.approve(c.var.caller, c.req.valid('param').id, c.req.valid('json').partyId))
  )
  .delete(
    '/:id/approve',
    describe({ tag, summary: 'Withdraw the approval of the caller’s party', body: WorkPlan, also: { 409: 'The plan is not proposed' } }),
    validate('param', IdParam),
    validate('query', WithdrawApprovalQuery),
    async (c) => c.json(await c.var.services.workPlans.withdrawApproval(c.var.caller, c.req.valid('param').id, c.req.valid('query').partyId))
  )
  .post('/:id/amend', describe({ tag, summary: 'Open the next revision of an adopted plan as a draft', body: WorkPlan, also: { 409: 'The plan is not adopted' } }), validate('param', IdParam), validate('json', WorkPlanAmend), async (c) =>
    c.json(await c.var.services.workPlans.amend(c.var.caller, c.req.valid('param').id, c.req.valid('json')))
  )
  .get('/:id/revisions/:number', describe({ tag, summary: 'An adopted revision, as frozen', body: WorkPlanRevision }), validate('param', RevisionParams), async (c) => {
    const { id, number } = c.req.valid('param');
    return c.json(await c.var.services.workPlans.revision(c.var.caller, id, number));
  })
  .get(
    '/:id/diff',
    describe({ tag, summary: 'What changed between two adopted revisions (or a revision and the plan as it stands), long text word by word', body: WorkPlanDiff }),
    validate('param', IdParam),
    validate('query', WorkPlanDiffQuery),
    async (c) => c.json(await c.var.services.workPlans.diff(c.var.caller, c.req.valid('param').id, c.req.valid('query')))
  )
  .get('/:id/items', describe({ tag, summary: 'The plan’s items in order', body: WorkPlanItemList }), validate('param', IdParam), async (c) =>
    c.json(await c.var.services.workPlans.items(c.var.caller, c.req.valid('param').id))
  )
  .post(
    '/:id/items',
    describe({ tag, summary: 'Add an item (after another one, or at the end)', body: WorkPlanItemWrite, status: 201, also: { 409: 'The plan is adopted' } }),
    validate('param', IdParam),
    validate('json', WorkPlanItemCreate),
    async (c) => {
      const write = await c.var.services.workPlans.createItem(c.var.caller, c.req.valid('param').id, c.req.valid('json'));
      return c.json(write, 201, { ETag: etagOf(write.item) });
    }
  )
  .patch(
    '/:id/items/:itemId',
    describe({ tag, summary: 'Change an item: send only the changed fields and If-Match with the version you started from', body: WorkPlanItemWrite, also: coedited }),
    validate('param', ItemParams),
    validate('json', WorkPlanItemPatch),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const write = await c.var.services.workPlans.patchItem(c.var.caller, id, itemId, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(write, 200, { ETag: etagOf(write.item) });
    }
  )
  .delete('/:id/items/:itemId', describe({ tag, summary: 'Remove an item (kept in its history; restore brings it back)', body: WorkPlanItemWrite, also: coedited }), validate('param', ItemParams), async (c) => {
    const { id, itemId } = c.req.valid('param');
    const write = await c.var.services.workPlans.deleteItem(c.var.caller, id, itemId, expectedVersion(c.req.header('If-Match')));
    return c.json(write, 200, { ETag: etagOf(write.item) });
  })
  .post(
    '/:id/items/:itemId/move',
    describe({ tag, summary: 'Move an item after another one (null: to the top)', body: WorkPlanItemWrite, also: coedited }),
    validate('param', ItemParams),
    validate('json', WorkPlanItemMove),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const write = await c.var.services.workPlans.moveItem(c.var.caller, id, itemId, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(write, 200, { ETag: etagOf(write.item) });
    }
  )
  .get('/:id/items/:itemId/history', describe({ tag, summary: 'Every version of an item: who, when, what changed', body: History }), validate('param', ItemParams), async (c) => {
    const { id, itemId } = c.req.valid('param');
    return c.json(await c.var.services.workPlans.itemHistory(c.var.caller, id, itemId));
  })
  .post(
    '/:id/items/:itemId/restore',
    describe({ tag, summary: 'Bring back the values of an earlier version (all fields or the named ones) as a new version; If-Match: the current version', body: WorkPlanItemWrite, also: coedited }),
    validate('param', ItemParams),
    validate('json', RestoreBody),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const write = await c.var.services.workPlans.restoreItem(c.var.caller, id, itemId, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(write, 200, { ETag: etagOf(write.item) });
    }
  )
  .route('/', live);
