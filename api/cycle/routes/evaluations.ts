/**
 * /api/evaluations: HTTP only; the rules live in services/evaluations.ts
 * (figures in services/evaluation-figures.ts, co-editing in
 * services/coediting/; the live stream and presence in live-stream.ts). The Word document (`/:id.docx`) is mounted before
 * these routes by the reports routes.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { CycleEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { ApproveBody, History, RestoreBody } from '../schemas/coediting.js';
import { Id, IdParam } from '../../platform/schemas/common.js';
import {
  AssessmentPatch,
  AssessmentWrite,
  Evaluation,
  EvaluationCreate,
  EvaluationDetail,
  EvaluationList,
  EvaluationApproveBody,
  EvaluationQuery,
  SectionKind,
  SectionPatch,
  SectionWrite
} from '../schemas/evaluations.js';
import { liveStreamRoutes } from './live-stream.js';

const tag = 'Evaluations';
const SectionParams = z.strictObject({ id: Id, kind: SectionKind });
const AssessmentParams = z.strictObject({ id: Id, assessmentId: Id });
const live = liveStreamRoutes(
  {
    tag,
    events: { summary: 'Live changes as Server-Sent Events: hello, presence, section, assessment, document (see coediting.ts); a comment every 15 s' },
    presence: { summary: 'Say which section or assessment you are editing (null: none); told to everyone in the evaluation’s live stream' }
  },
  (services) => services.evaluations
);

const coedited = {
  409: 'Merge conflict (MergeConflictProblem: baseVersion, current, conflicts), or the evaluation is adopted',
  412: 'If-Match is newer than the stored version: the body has the current record',
  428: 'If-Match missing: send the version you started from'
} as const;

export const evaluationRoutes = new Hono<CycleEnv>()
  .get(
    '/',
    describe({
      tag,
      summary: 'Evaluations the caller can see; with partnershipId and year (or from and to) also the figures of each year, for the multi-year overview',
      body: EvaluationList
    }),
    validate('query', EvaluationQuery),
    async (c) => c.json(await c.var.services.evaluations.list(c.var.caller, c.req.valid('query')))
  )
  .post(
    '/',
    describe({ tag, summary: 'Start the evaluation of a year: four empty sections and an assessment of each item of that year’s work plan', body: EvaluationDetail, status: 201, also: { 409: 'That year is evaluated already' } }),
    validate('json', EvaluationCreate),
    async (c) => {
      const evaluation = await c.var.services.evaluations.create(c.var.caller, c.req.valid('json'));
      return c.json(evaluation, 201, { ETag: etagOf(evaluation) });
    }
  )
  .get('/:id', describe({ tag, summary: 'One evaluation with its figures (live, or frozen once adopted), sections and assessments', body: EvaluationDetail }), validate('param', IdParam), async (c) => {
    const evaluation = await c.var.services.evaluations.get(c.var.caller, c.req.valid('param').id);
    return c.json(evaluation, 200, { ETag: etagOf(evaluation) });
  })
  .route('/', live)
  .patch(
    '/:id/sections/:kind',
    describe({ tag, summary: 'Change a written section; If-Match: the version you started from (merged by paragraph with changes since)', body: SectionWrite, also: coedited }),
    validate('param', SectionParams),
    validate('json', SectionPatch),
    async (c) => {
      const { id, kind } = c.req.valid('param');
      const write = await c.var.services.evaluations.updateSection(c.var.caller, id, kind, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(write, 200, { ETag: etagOf(write.section) });
    }
  )
  .get('/:id/sections/:kind/history', describe({ tag, summary: 'Every version of a section: who, when, what', body: History }), validate('param', SectionParams), async (c) => {
    const { id, kind } = c.req.valid('param');
    return c.json(await c.var.services.evaluations.sectionHistory(c.var.caller, id, kind));
  })
  .post(
    '/:id/sections/:kind/restore',
    describe({ tag, summary: 'Bring back the text a section had at an earlier version; If-Match: the current version', body: SectionWrite, also: coedited }),
    validate('param', SectionParams),
    validate('json', RestoreBody),
    async (c) => {
      const { id, kind } = c.req.valid('param');
      const write = await c.var.services.evaluations.restoreSection(c.var.caller, id, kind, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(write, 200, { ETag: etagOf(write.section) });
    }
  )
  .patch(
    '/:id/assessments/:assessmentId',
    describe({ tag, summary: 'Assess a work-plan item (rating, comment); If-Match: the version you started from', body: AssessmentWrite, also: coedited }),
    validate('param', AssessmentParams),
    validate('json', AssessmentPatch),
    async (c) => {
      const { id, assessmentId } = c.req.valid('param');
      const write = await c.var.services.evaluations.updateAssessment(c.var.caller, id, assessmentId, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(write, 200, { ETag: etagOf(write.assessment) });
    }
  )
  .get('/:id/assessments/:assessmentId/history', describe({ tag, summary: 'Every version of an assessment: who, when, what', body: History }), validate('param', AssessmentParams), async (c) => {
    const { id, assessmentId } = c.req.valid('param');
    return c.json(await c.var.services.evaluations.assessmentHistory(c.var.caller, id, assessmentId));
  })
  .post(
    '/:id/assessments/:assessmentId/restore',
    describe({ tag, summary: 'Bring back an assessment’s values of an earlier version (all, or the fields named); If-Match: the current version', body: AssessmentWrite, also: coedited }),
    validate('param', AssessmentParams),
    validate('json', RestoreBody),
    async (c) => {
      const { id, assessmentId } = c.req.valid('param');
      const write = await c.var.services.evaluations.restoreAssessment(c.var.caller, id, assessmentId, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(write, 200, { ETag: etagOf(write.assessment) });
    }
  )
  .post(
    '/:id/propose',
    describe({ tag, summary: 'Propose the draft for approval by every party', body: Evaluation, also: { 409: 'Not a draft' } }),
    validate('param', IdParam),
    async (c) => {
      const evaluation = await c.var.services.evaluations.propose(c.var.caller, c.req.valid('param').id);
      return c.json(evaluation, 200, { ETag: etagOf(evaluation) });
    }
  )
  .post(
    '/:id/approve',
    describe({
      tag,
      summary:
        'Approve for your party (partyId defaults to your organisation’s); the last approval adopts the evaluation and freezes its figures — with items unassessed or sections empty only with `force: true`',
      body: Evaluation,
      also: { 409: 'Not proposed, or the approval would adopt an incomplete evaluation (EvaluationIncomplete: `missing` items and sections; send `force: true` to adopt it as it is)' }
    }),
    validate('param', IdParam),
    validate('json', EvaluationApproveBody),
    async (c) => {
      const evaluation = await c.var.services.evaluations.approve(c.var.caller, c.req.valid('param').id, c.req.valid('json'));
      return c.json(evaluation, 200, { ETag: etagOf(evaluation) });
    }
  )
  .delete(
    '/:id/approve',
    describe({ tag, summary: 'Take your party’s approval back while the evaluation is proposed', body: Evaluation, also: { 409: 'Not proposed' } }),
    validate('param', IdParam),
    validate('json', ApproveBody),
    async (c) => {
      const evaluation = await c.var.services.evaluations.withdrawApproval(c.var.caller, c.req.valid('param').id, c.req.valid('json'));
      return c.json(evaluation, 200, { ETag: etagOf(evaluation) });
    }
  );
