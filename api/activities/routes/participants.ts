/** /api/activities/:id/participants: HTTP only; the rules live in services/participants.ts. */
import { Hono } from 'hono';
import type { ActivitiesEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { Participant, ParticipantCreate, ParticipantList, ParticipantParam, ParticipantPatch } from '../schemas/participants.js';

const tag = 'Activities';

export const participantRoutes = new Hono<ActivitiesEnv>()
  .get('/:id/participants', describe({ tag, summary: 'Participants of an activity', body: ParticipantList }), validate('param', IdParam), async (c) =>
    c.json(await c.var.services.participants.list(c.var.caller, c.req.valid('param').id))
  )
  .post(
    '/:id/participants',
    describe({ tag, summary: 'Add a participant (a person, an organisation or both)', body: Participant, status: 201, also: { 409: 'Already taking part in this role' } }),
    validate('param', IdParam),
    validate('json', ParticipantCreate),
    async (c) => {
      const participant = await c.var.services.participants.add(c.var.caller, c.req.valid('param').id, c.req.valid('json'));
      return c.json(participant, 201, { ETag: etagOf(participant) });
    }
  )
  .patch(
    '/:id/participants/:participantId',
    describe({ tag, summary: 'Change a participant’s role, attendance or organisation', body: Participant, also: { 409: 'Already taking part in this role', 412: 'Stale If-Match' } }),
    validate('param', ParticipantParam),
    validate('json', ParticipantPatch),
    async (c) => {
      const { id, participantId } = c.req.valid('param');
      const participant = await c.var.services.participants.update(c.var.caller, id, participantId, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(participant, 200, { ETag: etagOf(participant) });
    }
  )
  .delete(
    '/:id/participants/:participantId',
    describe({ tag, summary: 'Remove a participant', also: { 412: 'Stale If-Match' } }),
    validate('param', ParticipantParam),
    async (c) => {
      const { id, participantId } = c.req.valid('param');
      await c.var.services.participants.remove(c.var.caller, id, participantId, expectedVersion(c.req.header('If-Match')));
      return c.body(null, 204);
    }
  );
