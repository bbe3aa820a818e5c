/** /api/tasks: HTTP only; the rules live in services/tasks.ts and services/follow-ups.ts. */
import { Hono } from 'hono';
import type { ActivitiesEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { FollowUpRate, FollowUpRateQuery } from '../schemas/follow-ups.js';
import { Task, TaskComplete, TaskCompletion, TaskCreate, TaskListQuery, TaskPage, TaskPatch } from '../schemas/tasks.js';

const tag = 'Tasks';

export const taskRoutes = new Hono<ActivitiesEnv>()
  .get(
    '/',
    describe({
      tag,
      summary: 'List the tasks the caller may see, by due date',
      description: 'Filters: mine=true (owned by the caller), ownerId, partnershipId, subjectType with subjectId, kind, status, state (open, due, overdue, done, cancelled; derived from today), dueFrom and dueTo (inclusive).',
      body: TaskPage
    }),
    validate('query', TaskListQuery),
    async (c) => c.json(await c.var.services.tasks.list(c.var.caller, c.req.valid('query')))
  )
  .post('/', describe({ tag, summary: 'Create a task', body: Task, status: 201 }), validate('json', TaskCreate), async (c) => {
    const task = await c.var.services.tasks.create(c.var.caller, c.req.valid('json'));
    return c.json(task, 201, { ETag: etagOf(task) });
  })
  .get(
    '/follow-up-rate',
    describe({ tag, summary: 'Follow-up completion rate of a partnership for the follow-ups due in a year', body: FollowUpRate }),
    validate('query', FollowUpRateQuery),
    async (c) => c.json(await c.var.services.followUps.rate(c.var.caller, c.req.valid('query')))
  )
  .get('/:id', describe({ tag, summary: 'Read a task', body: Task }), validate('param', IdParam), async (c) => {
    const task = await c.var.services.tasks.get(c.var.caller, c.req.valid('param').id);
    return c.json(task, 200, { ETag: etagOf(task) });
  })
  .patch(
    '/:id',
    describe({ tag, summary: 'Change, reopen or cancel a task', body: Task, also: { 412: 'Stale If-Match: the body has the current record' } }),
    validate('param', IdParam),
    validate('json', TaskPatch),
    async (c) => {
      const task = await c.var.services.tasks.update(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(task, 200, { ETag: etagOf(task) });
    }
  )
  .delete('/:id', describe({ tag, summary: 'Delete a task', also: { 412: 'Stale If-Match' } }), validate('param', IdParam), async (c) => {
    await c.var.services.tasks.delete(c.var.caller, c.req.valid('param').id, expectedVersion(c.req.header('If-Match')));
    return c.body(null, 204);
  })
  .post(
    '/:id/complete',
    describe({
      tag,
      summary: 'Complete a task, recording what came of it',
      description: 'A follow-up needs a result. A recurring task gets its next occurrence created as a new open task (`next`).',
      body: TaskCompletion,
      also: { 409: 'The task is not open', 412: 'Stale If-Match' }
    }),
    validate('param', IdParam),
    validate('json', TaskComplete),
    async (c) => {
      const completion = await c.var.services.tasks.complete(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(completion, 200, { ETag: etagOf(completion.task) });
    }
  );
