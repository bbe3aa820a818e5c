/**
 * The yearly evaluation of a partnership (Art. 2.5): figures counted from
 * the year's records (services/evaluation-figures.ts), four written
 * sections and an assessment of each item of that year's work plan, both
 * co-edited with the guarantees of the work plan (services/coediting/), and
 * approval by each party.
 *
 * - Seen by the partnership's members (404 for everyone else); created and
 *   edited by its writers (admin, officer, editor; 403 for viewers); approved
 *   for a party by an officer or admin of that party's organisation.
 * - One evaluation per partnership and year (409 for a second). Created with
 *   the four sections empty and an assessment of every item of that year's
 *   plan (`work_plans.year` = the evaluation's year).
 * - Assessments follow the plan (evaluation-assessments.ts): made for the
 *   plan's items when the evaluation is created, and by the work plan
 *   service when an item is added later; reads never write. An item
 *   removed from the plan hides its assessment, a restored one shows it.
 * - Sections and assessments: PATCH with `If-Match` (428 without), merged
 *   three-way against the writer's version (sections by paragraph), 409
 *   MergeConflict on overlap, 412 for a version newer than stored; history
 *   and restore of any earlier version. Every accepted write bumps the
 *   evaluation's version (the detail's ETag) and, while proposed, withdraws
 *   every standing approval, saying which record changed and who changed it.
 * - draft → proposed (POST propose) → adopted once every party approved;
 *   adoption freezes the figures as they are at that moment (`figures`,
 *   `figuresFrozenAt` = adoption); after that every edit answers 409.
 *   Propose and approvals need no `If-Match` (as for the work plan): an
 *   approval is of the content as it stands, and any later edit withdraws it.
 * - The list answers the caller's evaluations and, for a partnership, the
 *   figures of each year of `year` or `from`–`to` (an adopted year shows its
 *   frozen figures, the others are counted now).
 * - Live: after each commit the change is published to the evaluation's room
 *   (`section`, `assessment`, `document` events; `presence` from live.ts).
 * - Audit: every write is an event on ('evaluation', id).
 */
import type { WithdrawalReason } from '../rules/withdrawal-reasons.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import { figureRows } from '../../../db/cycle/evaluation-figures.js';
import * as repo from '../../../db/cycle/evaluations.js';
import { approvingParties } from '../../../db/cycle/cycle-approvals.js';
import { organisationNameOfUser } from '../../../db/cycle/cycle-documents.js';
import type { Database } from '../../../db/schema.js';
import { Conflict, Forbidden, NotFound, PreconditionFailed, canSeePartnership, canWriteIn, recordChange, unknownReference, words, type Caller } from '../../platform/index.js';
import type { ApproveBody, History, Presence, RestoreBody } from '../schemas/coediting.js';
import type {
  Assessment,
  AssessmentPatch,
  AssessmentRating,
  Evaluation,
  EvaluationCreate,
  EvaluationDetail,
  EvaluationFigures,
  EvaluationApproveBody,
  EvaluationIncompleteProblem,
  EvaluationList,
  EvaluationQuery,
  EvaluationSection,
  SectionKind,
  SectionPatch,
  YearFigures
} from '../schemas/evaluations.js';
import type { DocumentStatus } from '../schemas/coediting.js';
import type { WorkPlanItemStatus } from '../schemas/work-plans.js';
import * as approvals from '../coediting/approvals.js';
import { type CoeditEntityType, historyOf, prepareWrite, recordRevision, restoreValues } from '../coediting/history.js';
import { type LiveRooms, type LiveSend, type LiveViewer, roomOf } from '../coediting/live.js';
import type { FieldSpec, Snapshot } from '../coediting/merge.js';
import { assessPlanItems } from './evaluation-assessments.js';
import { evaluationFigures } from './evaluation-figures.js';
import { holdForWrite } from '../../../db/row-locks.js';

export const SECTION_KINDS: SectionKind[] = ['results', 'challenges', 'recommendations', 'next_steps'];
export const SECTION_SPEC: FieldSpec = { fields: ['body'], text: ['body'] };
export const ASSESSMENT_SPEC: FieldSpec = { fields: ['rating', 'comment'], text: ['comment'] };

type Row = repo.EvaluationWithTitleRow;
type Actor = { id: string; name: string };

interface Published {
  event: string;
  data: unknown;
}

function toSection(row: repo.SectionRow): EvaluationSection {
  return {
    id: row.id,
    kind: row.kind as SectionKind,
    body: row.body,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by ? { id: row.updated_by, name: row.updated_by_name ?? '' } : null
  };
}

function toAssessment(row: repo.AssessmentRow): Assessment {
  return {
    id: row.id,
    workPlanItemId: row.work_plan_item_id,
    itemTitle: row.item_title,
    itemDomainLabel: row.domain_en !== null ? { en: row.domain_en, de: row.domain_de ?? row.domain_en, nl: row.domain_nl ?? row.domain_en } : null,
    itemStatus: row.item_status as WorkPlanItemStatus,
    itemTargetValue: row.item_target_value,
    rating: row.rating as AssessmentRating | null,
    comment: row.comment,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by ? { id: row.updated_by, name: row.updated_by_name ?? '' } : null
  };
}

/** The header as another reader sees it: `canEdit` and `canApproveFor` are theirs. */
function headerFor(header: Evaluation, reader: Caller | undefined): Evaluation {
  if (!reader) return { ...header, canEdit: false, canApproveFor: [] };
  const approver = reader.organisationId !== null && canWriteIn(reader, header.partnershipId, ['admin', 'officer']);
  return {
    ...header,
    approvals: approvals.approvalsIn(header.approvals, reader.locale),
    canEdit: header.status !== 'adopted' && canWriteIn(reader, header.partnershipId),
    canApproveFor: approver ? header.parties.filter((p) => p.organisationId === reader.organisationId).map((p) => p.id) : []
  };
}

function approvalDocument(row: Row): approvals.ApprovalDocument {
  return { type: 'evaluation', id: row.id, partnershipId: row.partnership_id, revision: 1, status: row.status as DocumentStatus };
}

const DOCUMENT_VIEW = 'evaluation.document';

export class EvaluationService {
  constructor(
    private readonly db: DB,
    private readonly live: LiveRooms,
    private readonly clock: () => Date = () => new Date()
  ) {
    // the header as each reader sees it (their rights decide what they may do), in every process of a group
    live.defineView(DOCUMENT_VIEW, (header: Evaluation, viewer: LiveViewer) => headerFor(header, viewer.caller));
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private canEdit(caller: Caller, row: Row): boolean {
    return row.status !== 'adopted' && canWriteIn(caller, row.partnership_id);
  }

  /** The evaluation if the caller sees it, else 404. */
  private async visible(db: Kysely<Database>, caller: Caller, id: string): Promise<Row> {
    const row = await repo.findEvaluation(db, id);
    if (!row || !canSeePartnership(caller, row.partnership_id)) throw new NotFound('evaluation');
    return row;
  }

  /** The evaluation if the caller may change its content: 404, 403, or 409 once adopted. */
  private async editable(db: Kysely<Database>, caller: Caller, id: string): Promise<Row> {
    const row = await this.visible(db, caller, id);
    if (!canWriteIn(caller, row.partnership_id)) throw new Forbidden('problems_cycle_roleForbidsEvaluationEdit');
    if (row.status === 'adopted') throw new Conflict('problems_cycle_evaluationFrozen');
    return row;
  }

  /** The figures: frozen at adoption, else counted now. */
  private async figuresOf(db: Kysely<Database>, partnershipId: string, year: number, frozen: EvaluationFigures | null): Promise<EvaluationFigures> {
    if (frozen) return frozen;
    return evaluationFigures(await figureRows(db, partnershipId, year, this.clock().toISOString()));
  }

  private async header(db: Kysely<Database>, caller: Caller, row: Row): Promise<Evaluation> {
    const [parties, standing, canApproveFor, plan] = await Promise.all([
      approvingParties(db, row.partnership_id),
      approvals.approvalsOf(db, approvalDocument(row)),
      approvals.approvableParties(db, caller, row.partnership_id),
      repo.planOfYear(db, row.partnership_id, row.year)
    ]);
    const languages = [...new Set(parties.flatMap((p) => p.languages))];
    return {
      id: row.id,
      partnershipId: row.partnership_id,
      partnershipTitle: row.partnership_title,
      year: row.year,
      status: row.status as DocumentStatus,
      parties: parties.map((p) => ({ id: p.id, organisationId: p.organisation_id, organisationName: p.organisation_name, regionName: p.region_name, languages: p.languages })),
      languages,
      approvals: approvals.approvalsIn(standing, caller.locale),
      workPlanId: plan?.id ?? null,
      proposedAt: row.proposed_at,
      adoptedAt: row.adopted_at,
      canEdit: this.canEdit(caller, row),
      canApproveFor,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at
    };
  }

  private async detail(db: Kysely<Database>, caller: Caller, row: Row): Promise<EvaluationDetail> {
    const [header, figures, sections, assessments] = await Promise.all([
      this.header(db, caller, row),
      this.figuresOf(db, row.partnership_id, row.year, row.status === 'adopted' ? row.figures : null),
      repo.sectionsOf(db, row.id),
      repo.assessmentsOf(db, row.id)
    ]);
    const order = new Map(SECTION_KINDS.map((kind, i) => [kind as string, i]));
    return {
      ...header,
      figures,
      figuresFrozenAt: row.status === 'adopted' && row.figures ? row.adopted_at : null,
      sections: sections.sort((a, b) => (order.get(a.kind) ?? 9) - (order.get(b.kind) ?? 9)).map(toSection),
      assessments: assessments.map(toAssessment)
    };
  }

  private target(evaluationId: string, entityType: CoeditEntityType, entityId: string) {
    return { documentType: 'evaluation' as const, documentId: evaluationId, entityType, entityId };
  }

  private publish(evaluationId: string, events: Published[]): void {
    const room = roomOf('evaluation', evaluationId);
    for (const { event, data } of events) {
      if (event === 'document') this.live.publishView(room, event, DOCUMENT_VIEW, data);
      else this.live.publish(room, event, data);
    }
  }

  // ----- reads

  async list(caller: Caller, query: EvaluationQuery): Promise<EvaluationList> {
    if (query.partnershipId && !canSeePartnership(caller, query.partnershipId)) throw new NotFound('partnership');
    const from = query.year ?? query.from;
    const to = query.year ?? query.to;
    const scope = caller.isAdmin ? null : Object.keys(caller.roles);
    const rows = await repo.listEvaluations(this.db, scope, { partnershipId: query.partnershipId, from, to });
    const items = await Promise.all(rows.map((row) => this.header(this.db, caller, row)));
    const years: YearFigures[] = [];
    if (query.partnershipId && from !== undefined && to !== undefined) {
      for (let year = from; year <= to; year += 1) {
        const row = rows.find((r) => r.partnership_id === query.partnershipId && r.year === year);
        years.push({
          year,
          evaluationId: row?.id ?? null,
          status: (row?.status as DocumentStatus | undefined) ?? null,
          figures: await this.figuresOf(this.db, query.partnershipId, year, row?.status === 'adopted' ? row.figures : null)
        });
      }
    }
    return { items, years };
  }

  async get(caller: Caller, id: string): Promise<EvaluationDetail> {
    return this.detail(this.db, caller, await this.visible(this.db, caller, id));
  }

  // ----- create

  async create(caller: Caller, input: EvaluationCreate): Promise<EvaluationDetail> {
    return this.db.transaction().execute(async (trx) => {
      if (!canSeePartnership(caller, input.partnershipId)) throw unknownReference('partnershipId', 'partnership');
      if (!canWriteIn(caller, input.partnershipId)) throw new Forbidden('problems_cycle_roleForbidsEvaluationCreate');
      await holdForWrite(trx, 'partnerships', input.partnershipId);
      const existing = await repo.findEvaluationOfYear(trx, input.partnershipId, input.year);
      if (existing) throw new Conflict(words('problems_cycle_evaluationExists', { year: input.year }), { errors: [{ path: 'year', ...words('problems_field_evaluatedAlready') }], id: existing.id });
      const id = newId();
      const at = this.now();
      await repo.insertEvaluation(trx, { id, partnership_id: input.partnershipId, year: input.year, created_by: caller.userId, created_at: at, updated_at: at });
      const sections = SECTION_KINDS.map((kind) => ({ id: newId(), evaluation_id: id, kind, body: '', updated_by: caller.userId, updated_at: at }));
      await repo.insertSections(trx, sections);
      for (const section of sections) {
        await recordRevision(trx, this.target(id, 'evaluation_section', section.id), { version: 1, action: 'create', fields: [], snapshot: { body: '' }, actorId: caller.userId, at });
      }
      await assessPlanItems(trx, input, caller.userId, at);
      const row = await repo.getEvaluation(trx, id);
      await recordChange(trx, caller, 'evaluation', id, null, { partnershipId: row.partnership_id, year: row.year, status: row.status });
      return this.detail(trx, caller, row);
    });
  }

  // ----- co-edited records

  /**
   * The common tail of an accepted content write: the evaluation's version
   * goes up, standing approvals are withdrawn (while proposed), the audit
   * event is written; answers the names of the parties withdrawn and the
   * events to publish after the commit.
   */
  private async afterContentWrite(trx: Kysely<Database>, caller: Caller, row: Row, reason: WithdrawalReason, before: unknown, after: unknown): Promise<{ withdrawn: string[]; header: Evaluation }> {
    const at = this.now();
    const withdrawn = row.status === 'proposed' ? await approvals.withdrawAll(trx, caller, approvalDocument(row), reason, at) : [];
    if (!(await repo.updateEvaluation(trx, row.id, row.version, { updated_at: at }))) throw new Conflict('problems_cycle_evaluationChangedMeanwhile');
    await recordChange(trx, caller, 'evaluation', row.id, before, after);
    return { withdrawn, header: await this.header(trx, caller, await repo.getEvaluation(trx, row.id)) };
  }

  private async writeSection(caller: Caller, id: string, kind: SectionKind, expected: number | null, valuesOf: (trx: Kysely<Database>, current: Snapshot) => Promise<{ yours: Snapshot; action?: 'restore' }>) {
    const events: Published[] = [];
    const answer = await this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'evaluations', id);
      const row = await this.editable(trx, caller, id);
      const section = await repo.findSection(trx, id, kind);
      if (!section) throw new NotFound('section');
      const current: Snapshot = { body: section.body };
      const { yours, action } = await valuesOf(trx, current);
      const plan = await prepareWrite(trx, { spec: SECTION_SPEC, entityType: 'evaluation_section', entityId: section.id, version: section.version, current, currentRecord: toSection(section), expected, yours });
      if (!Object.keys(plan.values).length) return { section: toSection(section), notes: { mergedFields: plan.mergedFields, approvalsWithdrawn: [] } };
      const at = this.now();
      const body = plan.values.body as string | null;
      if (!(await repo.updateSection(trx, section.id, section.version, { body: body ?? '', updated_by: caller.userId, updated_at: at }))) throw new PreconditionFailed(toSection(section));
      await recordRevision(trx, this.target(id, 'evaluation_section', section.id), {
        version: section.version + 1,
        action: action ?? plan.action,
        fields: ['body'],
        snapshot: { body: body ?? '' },
        mergedFrom: plan.mergedFrom,
        actorId: caller.userId,
        at
      });
      const { withdrawn, header } = await this.afterContentWrite(trx, caller, row, { kind: 'section_changed', params: { section: kind, name: caller.name } }, { section: kind, body: section.body }, { section: kind, body: body ?? '' });
      const stored = toSection(await repo.getSection(trx, id, kind));
      const actor: Actor = { id: caller.userId, name: caller.name };
      events.push({ event: 'section', data: { action: action ?? plan.action, record: stored, actor, mergedFields: plan.mergedFields } });
      if (withdrawn.length) events.push({ event: 'document', data: header });
      return { section: stored, notes: { mergedFields: plan.mergedFields, approvalsWithdrawn: withdrawn } };
    });
    this.publish(id, events);
    return answer;
  }

  updateSection(caller: Caller, id: string, kind: SectionKind, patch: SectionPatch, expected: number | null) {
    return this.writeSection(caller, id, kind, expected, async () => ({ yours: { body: patch.body } }));
  }

  restoreSection(caller: Caller, id: string, kind: SectionKind, input: RestoreBody, expected: number | null) {
    return this.writeSection(caller, id, kind, expected, async (trx, current) => {
      const section = await repo.getSection(trx, id, kind);
      return { yours: await restoreValues(trx, SECTION_SPEC, 'evaluation_section', section.id, current, input.version, input.fields), action: 'restore' };
    });
  }

  async sectionHistory(caller: Caller, id: string, kind: SectionKind): Promise<History> {
    await this.visible(this.db, caller, id);
    const section = await repo.findSection(this.db, id, kind);
    if (!section) throw new NotFound('section');
    return { entityType: 'evaluation_section', entityId: section.id, items: await historyOf(this.db, 'evaluation_section', section.id) };
  }

  private async writeAssessment(caller: Caller, id: string, assessmentId: string, expected: number | null, valuesOf: (trx: Kysely<Database>, current: Snapshot) => Promise<{ yours: Snapshot; action?: 'restore' }>) {
    const events: Published[] = [];
    const answer = await this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'evaluations', id);
      const row = await this.editable(trx, caller, id);
      const assessment = await repo.findAssessment(trx, id, assessmentId);
      if (!assessment) throw new NotFound('assessment');
      const current: Snapshot = { rating: assessment.rating, comment: assessment.comment };
      const { yours, action } = await valuesOf(trx, current);
      const plan = await prepareWrite(trx, { spec: ASSESSMENT_SPEC, entityType: 'evaluation_assessment', entityId: assessment.id, version: assessment.version, current, currentRecord: toAssessment(assessment), expected, yours });
      if (!Object.keys(plan.values).length) return { assessment: toAssessment(assessment), notes: { mergedFields: plan.mergedFields, approvalsWithdrawn: [] } };
      const at = this.now();
      const next = { ...current, ...plan.values };
      const ok = await repo.updateAssessment(trx, assessment.id, assessment.version, {
        rating: (next.rating as string | null) ?? null,
        comment: (next.comment as string | null) || null,
        updated_by: caller.userId,
        updated_at: at
      });
      if (!ok) throw new PreconditionFailed(toAssessment(assessment));
      await recordRevision(trx, this.target(id, 'evaluation_assessment', assessment.id), {
        version: assessment.version + 1,
        action: action ?? plan.action,
        fields: Object.keys(plan.values),
        snapshot: { rating: next.rating ?? null, comment: (next.comment as string | null) || null },
        mergedFrom: plan.mergedFrom,
        actorId: caller.userId,
        at
      });
      const { withdrawn, header } = await this.afterContentWrite(
        trx,
        caller,
        row,
        { kind: 'assessment_changed', params: { item: assessment.item_title, name: caller.name } },
        { assessment: assessment.id, item: assessment.item_title, ...current },
        { assessment: assessment.id, item: assessment.item_title, rating: next.rating ?? null, comment: next.comment ?? null }
      );
      const stored = toAssessment(await repo.getAssessment(trx, id, assessmentId));
      events.push({ event: 'assessment', data: { action: action ?? plan.action, record: stored, actor: { id: caller.userId, name: caller.name }, mergedFields: plan.mergedFields } });
      if (withdrawn.length) events.push({ event: 'document', data: header });
      return { assessment: stored, notes: { mergedFields: plan.mergedFields, approvalsWithdrawn: withdrawn } };
    });
    this.publish(id, events);
    return answer;
  }

  updateAssessment(caller: Caller, id: string, assessmentId: string, patch: AssessmentPatch, expected: number | null) {
    return this.writeAssessment(caller, id, assessmentId, expected, async () => ({ yours: { ...patch } }));
  }

  restoreAssessment(caller: Caller, id: string, assessmentId: string, input: RestoreBody, expected: number | null) {
    return this.writeAssessment(caller, id, assessmentId, expected, async (trx, current) => ({
      yours: await restoreValues(trx, ASSESSMENT_SPEC, 'evaluation_assessment', assessmentId, current, input.version, input.fields),
      action: 'restore'
    }));
  }

  async assessmentHistory(caller: Caller, id: string, assessmentId: string): Promise<History> {
    await this.visible(this.db, caller, id);
    const assessment = await repo.findAssessment(this.db, id, assessmentId);
    if (!assessment) throw new NotFound('assessment');
    return { entityType: 'evaluation_assessment', entityId: assessment.id, items: await historyOf(this.db, 'evaluation_assessment', assessment.id) };
  }

  // ----- status and approvals

  private async changeDocument(caller: Caller, id: string, change: (trx: Kysely<Database>, row: Row) => Promise<void>): Promise<Evaluation> {
    const header = await this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'evaluations', id);
      const row = await this.visible(trx, caller, id);
      await change(trx, row);
      return this.header(trx, caller, await repo.getEvaluation(trx, id));
    });
    this.publish(id, [{ event: 'document', data: header }]);
    return header;
  }

  propose(caller: Caller, id: string): Promise<Evaluation> {
    return this.changeDocument(caller, id, async (trx, row) => {
      if (!canWriteIn(caller, row.partnership_id)) throw new Forbidden('problems_cycle_roleForbidsEvaluationPropose');
      if (row.status !== 'draft') throw new Conflict(row.status === 'adopted' ? words('problems_cycle_evaluationAdoptedAlready') : words('problems_cycle_evaluationProposedAlready'));
      const at = this.now();
      await repo.updateEvaluation(trx, id, row.version, { status: 'proposed', proposed_at: at, updated_at: at });
      await recordChange(trx, caller, 'evaluation', id, { status: 'draft' }, { status: 'proposed' });
    });
  }

  /** What adopting the evaluation now would leave out: items without a rating, sections without text. */
  private async missingForAdoption(db: Kysely<Database>, id: string): Promise<EvaluationIncompleteProblem['missing']> {
    const [assessments, sections] = await Promise.all([repo.assessmentsOf(db, id), repo.sectionsOf(db, id)]);
    const order = new Map(SECTION_KINDS.map((kind, i) => [kind as string, i]));
    return {
      items: assessments.filter((a) => a.rating === null).map((a) => ({ assessmentId: a.id, title: a.item_title })),
      sections: sections
        .filter((s) => s.body.trim() === '')
        .sort((a, b) => (order.get(a.kind) ?? 9) - (order.get(b.kind) ?? 9))
        .map((s) => s.kind as SectionKind)
    };
  }

  /**
   * Approves for a party; the last approval adopts. An approval that would
   * adopt an evaluation with unassessed items or empty sections asks first:
   * 409 naming them (nothing is stored), unless `force` says to adopt it as it is.
   */
  approve(caller: Caller, id: string, input: EvaluationApproveBody): Promise<Evaluation> {
    return this.changeDocument(caller, id, async (trx, row) => {
      const document = approvalDocument(row);
      const at = this.now();
      const before = (await approvals.approvalsOf(trx, document)).filter((a) => a.approved).map((a) => a.organisationName);
      await approvals.approve(trx, caller, document, input.partyId, at);
      const after = (await approvals.approvalsOf(trx, document)).filter((a) => a.approved).map((a) => a.organisationName);
      if (after.length === before.length) return;
      if (await approvals.everyPartyApproved(trx, document)) {
        if (!input.force) {
          const missing = await this.missingForAdoption(trx, id);
          if (missing.items.length || missing.sections.length) {
            throw new Conflict(words('problems_evaluations_adoptIncomplete', { items: missing.items.length, sections: missing.sections.length }), { missing });
          }
        }
        const figures = await this.figuresOf(trx, row.partnership_id, row.year, null);
        await repo.updateEvaluation(trx, id, row.version, { status: 'adopted', adopted_at: at, figures, updated_at: at });
        await recordChange(trx, caller, 'evaluation', id, { status: 'proposed', approvedBy: before }, { status: 'adopted', approvedBy: after, figuresFrozenAt: at });
      } else {
        await repo.updateEvaluation(trx, id, row.version, { updated_at: at });
        await recordChange(trx, caller, 'evaluation', id, { status: row.status, approvedBy: before }, { status: row.status, approvedBy: after });
      }
    });
  }

  withdrawApproval(caller: Caller, id: string, input: ApproveBody): Promise<Evaluation> {
    return this.changeDocument(caller, id, async (trx, row) => {
      const document = approvalDocument(row);
      const before = (await approvals.approvalsOf(trx, document)).filter((a) => a.approved).map((a) => a.organisationName);
      const at = this.now();
      if (!(await approvals.withdrawOwn(trx, caller, document, input.partyId, at))) return;
      const after = (await approvals.approvalsOf(trx, document)).filter((a) => a.approved).map((a) => a.organisationName);
      await repo.updateEvaluation(trx, id, row.version, { updated_at: at });
      await recordChange(trx, caller, 'evaluation', id, { status: row.status, approvedBy: before }, { status: row.status, approvedBy: after });
    });
  }

  // ----- live

  /** Joins the evaluation's live room (404 unless visible): the presence with the caller in it, and the function that leaves. */
  async subscribe(caller: Caller, id: string, send: LiveSend): Promise<{ presence: Presence; unsubscribe: () => void }> {
    await this.visible(this.db, caller, id);
    const viewer = { userId: caller.userId, name: caller.name, organisationName: await organisationNameOfUser(this.db, caller.userId), caller };
    return this.live.join(roomOf('evaluation', id), viewer, send);
  }

  /** Marks what the caller edits (null: nothing); viewers may only say null (403 otherwise). */
  async setPresence(caller: Caller, id: string, editing: string | null): Promise<void> {
    const row = await this.visible(this.db, caller, id);
    if (editing !== null && !canWriteIn(caller, row.partnership_id)) throw new Forbidden('problems_cycle_viewersCannotEditEvaluation');
    this.live.setEditing(roomOf('evaluation', id), caller.userId, editing);
  }
}
