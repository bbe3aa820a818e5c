/**
 * Follow-ups: under /api/activities/{id}/follow-ups (proposal and creation)
 * and /api/partnerships/{id}/follow-up-rule (the partnership's default).
 * Mounted beside the activities' and partnerships' own routes; HTTP only,
 * the rules live in services/follow-ups.ts.
 */
import { Hono } from 'hono';
import type { ActivitiesEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { FollowUpCreate, FollowUpList, FollowUpProposal, FollowUpRule, FollowUpRuleSet } from '../schemas/follow-ups.js';

const tag = 'Follow-ups';

export const activityFollowUpRoutes = new Hono<ActivitiesEnv>()
  .get(
    '/:id/follow-ups/proposal',
    describe({ tag, summary: 'Proposed follow-up dates of an activity, the rule they come from and the default owner', body: FollowUpProposal, also: { 409: 'The stored rule cannot be used' } }),
    validate('param', IdParam),
    async (c) => c.json(await c.var.services.followUps.proposal(c.var.caller, c.req.valid('param').id))
  )
  .post(
    '/:id/follow-ups',
    describe({
      tag,
      summary: 'Create the follow-up tasks of a done activity',
      description: 'Without dueDates the proposal’s dates are used (or those of `rule`, for these follow-ups only).',
      body: FollowUpList,
      status: 201,
      also: { 409: 'The activity is not done, or a follow-up on one of the dates exists' }
    }),
    validate('param', IdParam),
    validate('json', FollowUpCreate),
    async (c) => c.json(await c.var.services.followUps.create(c.var.caller, c.req.valid('param').id, c.req.valid('json')), 201)
  );

export const partnershipFollowUpRoutes = new Hono<ActivitiesEnv>()
  .get('/:id/follow-up-rule', describe({ tag, summary: 'The partnership’s default follow-up rule', body: FollowUpRule }), validate('param', IdParam), async (c) => {
    const rule = await c.var.services.followUps.rule(c.var.caller, c.req.valid('param').id);
    return c.json(rule, 200, { ETag: etagOf(rule) });
  })
  .put(
    '/:id/follow-up-rule',
    describe({ tag, summary: 'Set the partnership’s default follow-up rule (admins and officers)', body: FollowUpRule, also: { 412: 'Stale If-Match (the partnership’s ETag)' } }),
    validate('param', IdParam),
    validate('json', FollowUpRuleSet),
    async (c) => {
      const rule = await c.var.services.followUps.setRule(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(rule, 200, { ETag: etagOf(rule) });
    }
  );
