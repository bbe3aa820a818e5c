/**
 * The yearly work plan of a partnership (Art. 2.5), co-edited by both
 * partners.
 *
 * - Seen by the partnership's members (404 otherwise); written by its
 *   writers (viewers 403). One plan per partnership and year (409);
 *   `carryOver` copies the open items (planned, in progress) of the year before.
 * - A new item gets its assessment in the evaluation of its year, if one is
 *   being written (evaluation-assessments.ts).
 * - Items and the introduction are co-edited (coediting/): writes need
 *   `If-Match` (428), merge against the writer's base version, answer 409
 *   with the conflicts when the same field changed, and record one
 *   coedit_revisions row each, with the audit entry, in one transaction.
 *   Events go to the plan's live room after the commit.
 * - draft → proposed (propose) → adopted once every party approved the
 *   current revision (the plan and its items are then frozen into
 *   work_plan_revisions). Edits while approvals stand withdraw them all
 *   (notes.approvalsWithdrawn). Adopted plans refuse edits (409) until
 *   amended: amend opens revision + 1 as a draft.
 * - The plan's `version` (its ETag) counts the versions of the introduction,
 *   its only co-edited field; status changes and approvals do not move it.
 *   Items carry their own versions.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import { approvingParties } from '../../../db/cycle/cycle-approvals.js';
import { organisationNameOfUser } from '../../../db/cycle/cycle-documents.js';
import * as repo from '../../../db/cycle/work-plans.js';
import type { Database } from '../../../db/schema.js';
import { Conflict, Forbidden, NotFound, PreconditionFailed, PreconditionRequired, ValidationFailed, VersionNotYet, canSeePartnership, canWriteIn, recordChange, unknownReference, words, type Caller } from '../../platform/index.js';
import { assessPlanItems } from './evaluation-assessments.js';
import { WORK_PLAN_ITEM_PROGRESS_FIELDS } from '../schemas/work-plans.js';
import type { History, Presence, RestoreBody, WriteNotes } from '../schemas/coediting.js';
import type {
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
  WorkPlanPatch,
  WorkPlanQuery,
  WorkPlanAmendment,
  WorkPlanRevision,
  WorkPlanStarted
} from '../schemas/work-plans.js';
import { type ApprovalDocument, approvalsOf, approve, everyPartyApproved, withdrawAll, withdrawOwn } from '../coediting/approvals.js';
import { type CoeditTarget, historyOf, prepareRemoval, prepareWrite, recordRevision, restoreValues } from '../coediting/history.js';
import { type LiveRooms, type LiveSend, type LiveViewer, roomOf } from '../coediting/live.js';
import { changedFields, type Snapshot } from '../coediting/merge.js';
import { diffPlans } from '../rules/work-plan-diff.js';
import type { WithdrawalReason } from '../rules/withdrawal-reasons.js';
import { ITEM_SPEC, itemColumns, itemSnapshot, itemsView, linkedRecords, PLAN_SPEC, POSITION_SPEC, referenceProblems, targetProblems, toItem, toWorkPlan } from './work-plan-view.js';
import { holdForWrite } from '../../../db/row-locks.js';

type Trx = Kysely<Database>;

/** Something to send to the plan's room once the transaction has committed. */
type Publish = () => void;

const NONE: WriteNotes = { mergedFields: [], approvalsWithdrawn: [] };

/** A write of progress only (status, linked activities and candidate projects): allowed on an adopted plan. */
function isProgress(patch: WorkPlanItemPatch): boolean {
  return Object.keys(patch).every((field) => (WORK_PLAN_ITEM_PROGRESS_FIELDS as readonly string[]).includes(field));
}

/** Whoever reads an event without rights of their own: may neither edit nor approve. */
/** What happened to an item, for the reason approvals are withdrawn (rules/withdrawal-reasons.ts). */
type ItemChange = { kind: 'item_changed' | 'item_moved' | 'item_removed' } | { kind: 'item_restored'; version: number };

const NOBODY: Caller = { userId: '', name: '', email: '', organisationId: null, isAdmin: false, roles: {}, via: 'session' };

function approvalDocument(plan: repo.WorkPlanRow): ApprovalDocument {
  return { type: 'work_plan', id: plan.id, partnershipId: plan.partnership_id, revision: plan.revision, status: plan.status as ApprovalDocument['status'] };
}

/** 412 for an If-Match the record has not reached (a wrong version, not someone else's change). */
function notAhead(expected: number | null, stored: number, current: () => Promise<unknown>): Promise<void> | void {
  if (expected !== null && expected > stored) return current().then((record) => Promise.reject(new VersionNotYet(record, expected, stored)));
}

function itemTarget(plan: repo.WorkPlanRow, itemId: string): CoeditTarget {
  return { documentType: 'work_plan', documentId: plan.id, entityType: 'work_plan_item', entityId: itemId };
}

const DOCUMENT_VIEW = 'work_plan.document';

/** What a `document` event carries between processes, for each reader's view of the header. */
interface DocumentData {
  fresh: Parameters<typeof toWorkPlan>[0];
  parties: Parameters<typeof toWorkPlan>[1];
  approvals: Parameters<typeof toWorkPlan>[2];
}

export class WorkPlanService {
  constructor(
    private readonly db: DB,
    private readonly live: LiveRooms,
    private readonly clock: () => Date = () => new Date()
  ) {
    // the header as each reader sees it (their rights decide canEdit and what they may approve), in every process of a group
    live.defineView(DOCUMENT_VIEW, (data: DocumentData, viewer: LiveViewer) => toWorkPlan(data.fresh, data.parties, data.approvals, viewer.caller ?? NOBODY));
  }

  private now(): string {
    return this.clock().toISOString();
  }

  // ── access ────────────────────────────────────────────────────────────

  private async readable(db: Trx, caller: Caller, id: string): Promise<repo.WorkPlanRow> {
    const plan = await repo.findWorkPlan(db, id);
    if (!plan || !canSeePartnership(caller, plan.partnership_id)) throw new NotFound('work plan');
    return plan;
  }

  private async writable(db: Trx, caller: Caller, id: string): Promise<repo.WorkPlanRow> {
    const plan = await this.readable(db, caller, id);
    if (!canWriteIn(caller, plan.partnership_id)) throw new Forbidden('problems_cycle_viewersCannotChangeWorkPlan');
    return plan;
  }

  /** A plan whose content may change: not adopted (409, "amend it first"); progress is recorded on adopted plans too (isProgress). */
  private async editable(db: Trx, caller: Caller, id: string): Promise<repo.WorkPlanRow> {
    const plan = await this.writable(db, caller, id);
    if (plan.status === 'adopted')
      throw new Conflict('problems_cycle_workPlanAdopted', { year: plan.year, revision: plan.revision });
    return plan;
  }

  // ── views ─────────────────────────────────────────────────────────────

  private async header(db: Trx, caller: Caller, plan: repo.WorkPlanRow): Promise<WorkPlan> {
    const [parties, approvals] = await Promise.all([approvingParties(db, plan.partnership_id), approvalsOf(db, approvalDocument(plan))]);
    return toWorkPlan(plan, parties, approvals, caller);
  }

  private async detail(db: Trx, caller: Caller, plan: repo.WorkPlanRow): Promise<WorkPlanDetail> {
    const [header, rows, revisions, amendments] = await Promise.all([this.header(db, caller, plan), repo.itemsOf(db, plan.id), repo.planRevisionsOf(db, plan.id), this.amendments(db, plan.id)]);
    return { ...header, items: await itemsView(db, plan.partnership_id, rows), revisions: revisions.map((r) => ({ number: r.number, adoptedAt: r.adopted_at })), amendments };
  }

  private async amendments(db: Trx, planId: string): Promise<WorkPlanAmendment[]> {
    return (await repo.amendmentsOf(db, planId)).map((a) => ({
      revision: a.revision,
      reason: a.reason,
      by: a.amended_by ? { id: a.amended_by, name: a.amender_name ?? '' } : null,
      at: a.amended_at
    }));
  }

  private async itemView(db: Trx, plan: repo.WorkPlanRow, itemId: string): Promise<WorkPlanItem> {
    const row = await repo.findItem(db, plan.id, itemId);
    if (!row) throw new NotFound('work plan item');
    return toItem(row, await linkedRecords(db, plan.partnership_id, [row]));
  }

  /** The header as each viewer of the room sees it, read now (in the transaction), sent as a `document` event after the commit. */
  private async documentEvent(trx: Trx, planId: string): Promise<Publish> {
    const fresh = await repo.getWorkPlan(trx, planId);
    const [parties, approvals] = await Promise.all([approvingParties(trx, fresh.partnership_id), approvalsOf(trx, approvalDocument(fresh))]);
    const data: DocumentData = { fresh, parties, approvals };
    return () => this.live.publishView(roomOf('work_plan', planId), 'document', DOCUMENT_VIEW, data);
  }

  /**
   * A write in one transaction, the plan held first (`holding`: the plan, or
   * the partnership a plan is started for; db/row-locks.ts): writers of one
   * plan take turns on every engine, so two parties approving at once see
   * each other's approval and the plan is adopted, an item placed last gets a
   * place of its own, an amendment numbers the next revision once. The
   * room's events go out after the commit.
   */
  private async inTransaction<T>(holding: { table: 'work_plans' | 'partnerships'; id: string }, work: (trx: Trx, after: Publish[]) => Promise<T>): Promise<T> {
    const after: Publish[] = [];
    const result = await this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, holding.table, holding.id);
      return work(trx, after);
    });
    for (const publish of after) publish();
    return result;
  }

  /** Withdraw standing approvals because of an edit; says whose, and tells the room. */
  private async withdrawForEdit(trx: Trx, caller: Caller, plan: repo.WorkPlanRow, reason: WithdrawalReason, after: Publish[]): Promise<string[]> {
    if (plan.status !== 'proposed') return [];
    const withdrawn = await withdrawAll(trx, caller, approvalDocument(plan), reason, this.now());
    if (withdrawn.length) after.push(await this.documentEvent(trx, plan.id));
    return withdrawn;
  }

  // ── the plan ──────────────────────────────────────────────────────────

  async list(caller: Caller, query: WorkPlanQuery): Promise<{ items: WorkPlan[] }> {
    const scope = caller.isAdmin ? null : Object.keys(caller.roles);
    const rows = await repo.listWorkPlans(this.db, scope, query);
    const items: WorkPlan[] = [];
    for (const row of rows) items.push(await this.header(this.db, caller, row));
    return { items };
  }

  async get(caller: Caller, id: string): Promise<WorkPlanDetail> {
    return this.detail(this.db, caller, await this.readable(this.db, caller, id));
  }

  async create(caller: Caller, input: WorkPlanCreate): Promise<WorkPlanStarted> {
    if (!canSeePartnership(caller, input.partnershipId)) throw unknownReference('partnershipId', 'partnership');
    if (!canWriteIn(caller, input.partnershipId)) throw new Forbidden('problems_cycle_viewersCannotStartWorkPlan');
    return this.inTransaction({ table: 'partnerships', id: input.partnershipId }, async (trx) => {
      if (!(await repo.partnershipExists(trx, input.partnershipId))) throw unknownReference('partnershipId', 'partnership');
      const existing = await repo.findPlanOfYear(trx, input.partnershipId, input.year);
      if (existing) throw new Conflict(words('problems_cycle_workPlanExists', { year: input.year }), { workPlanId: existing.id });
      const id = newId();
      const at = this.now();
      await repo.insertWorkPlan(trx, { id, partnership_id: input.partnershipId, year: input.year, introduction: input.introduction, created_by: caller.userId, created_at: at, updated_at: at });
      const target: CoeditTarget = { documentType: 'work_plan', documentId: id, entityType: 'work_plan', entityId: id };
      await recordRevision(trx, target, { version: 1, action: 'create', fields: input.introduction ? ['introduction'] : [], snapshot: { introduction: input.introduction }, actorId: caller.userId, at });
      const droppedTargetDates = input.carryOver ? await this.carryOver(trx, caller, id, input.partnershipId, input.year - 1, at) : [];
      // a plan drafted after its year's evaluation was started: its items get their assessments there
      await assessPlanItems(trx, input, caller.userId, at);
      const plan = await repo.getWorkPlan(trx, id);
      const detail = await this.detail(trx, caller, plan);
      await recordChange(trx, caller, 'work_plan', id, null, { ...detail, items: detail.items.map((i) => i.title) });
      return { ...detail, droppedTargetDates };
    });
  }

  /**
   * Copy the open items of last year's plan into the new plan, each a new
   * record with its own history; answers the items whose target date (of
   * last year) was not kept, so the writer is told. A quarter carries over.
   */
  private async carryOver(trx: Trx, caller: Caller, planId: string, partnershipId: string, year: number, at: string): Promise<WorkPlanStarted['droppedTargetDates']> {
    const previous = await repo.findPlanOfYear(trx, partnershipId, year);
    if (!previous) return [];
    const open = (await repo.itemsOf(trx, previous.id)).filter((row) => row.status === 'planned' || row.status === 'in_progress');
    const rows = open.map((row, i) => ({
      ...itemColumns(itemSnapshot(row)),
      id: newId(),
      work_plan_id: planId,
      position: i + 1,
      title: row.title,
      activity_ids: row.activity_ids,
      proposal_ids: row.proposal_ids,
      // a date of last year does not carry over; the quarter does
      target_date: null,
      created_by: caller.userId,
      updated_by: caller.userId,
      created_at: at,
      updated_at: at
    }));
    await repo.insertItems(trx, rows);
    for (const row of rows) {
      const stored = await repo.getItem(trx, planId, row.id);
      const snapshot = itemSnapshot(stored);
      await recordRevision(trx, { documentType: 'work_plan', documentId: planId, entityType: 'work_plan_item', entityId: row.id }, {
        version: 1,
        action: 'create',
        fields: changedFields(ITEM_SPEC, {}, snapshot),
        snapshot,
        actorId: caller.userId,
        at
      });
    }
    return open.flatMap((row, i) => (row.target_date ? [{ itemId: rows[i].id, title: row.title, targetDate: row.target_date }] : []));
  }

  async patch(caller: Caller, id: string, patch: WorkPlanPatch, expected: number | null): Promise<{ workPlan: WorkPlan; notes: WriteNotes }> {
    return this.inTransaction({ table: 'work_plans', id }, async (trx, after) => {
      const plan = await this.editable(trx, caller, id);
      await notAhead(expected, plan.version, () => this.header(trx, caller, plan));
      const current: Snapshot = { introduction: plan.introduction };
      const write = await prepareWrite(trx, {
        spec: PLAN_SPEC,
        entityType: 'work_plan',
        entityId: id,
        version: plan.version,
        current,
        currentRecord: await this.header(trx, caller, plan),
        expected,
        yours: patch
      });
      if (!Object.keys(write.values).length) return { workPlan: await this.header(trx, caller, plan), notes: { ...NONE, mergedFields: write.mergedFields } };
      const at = this.now();
      const updated = await repo.updateWorkPlan(trx, id, { introduction: write.values.introduction as string | null, version: plan.version + 1, updated_at: at }, plan.version);
      if (!updated) throw new PreconditionFailed(await this.header(trx, caller, plan));
      await recordRevision(trx, { documentType: 'work_plan', documentId: id, entityType: 'work_plan', entityId: id }, {
        version: plan.version + 1,
        action: write.action,
        fields: Object.keys(write.values),
        snapshot: { ...current, ...write.values },
        mergedFrom: write.mergedFrom,
        actorId: caller.userId,
        at
      });
      await recordChange(trx, caller, 'work_plan', id, current, { introduction: write.values.introduction });
      const approvalsWithdrawn = await this.withdrawForEdit(trx, caller, plan, { kind: 'introduction_changed', params: { name: caller.name } }, after);
      const fresh = await repo.getWorkPlan(trx, id);
      if (!approvalsWithdrawn.length) after.push(await this.documentEvent(trx, id));
      return { workPlan: await this.header(trx, caller, fresh), notes: { mergedFields: write.mergedFields, approvalsWithdrawn } };
    });
  }

  async propose(caller: Caller, id: string): Promise<WorkPlan> {
    return this.inTransaction({ table: 'work_plans', id }, async (trx, after) => {
      const plan = await this.writable(trx, caller, id);
      if (plan.status !== 'draft') throw new Conflict(plan.status === 'proposed' ? words('problems_cycle_planProposedAlready') : words('problems_cycle_planAdoptedAmendFirst'));
      const at = this.now();
      await repo.updateWorkPlan(trx, id, { status: 'proposed', proposed_at: at, updated_at: at });
      await recordChange(trx, caller, 'work_plan', id, { status: 'draft' }, { status: 'proposed' });
      const fresh = await repo.getWorkPlan(trx, id);
      after.push(await this.documentEvent(trx, id));
      return this.header(trx, caller, fresh);
    });
  }

  async approve(caller: Caller, id: string, partyId: string | undefined): Promise<WorkPlan> {
    return this.inTransaction({ table: 'work_plans', id }, async (trx, after) => {
      const plan = await this.readable(trx, caller, id);
      const document = approvalDocument(plan);
      const at = this.now();
      await approve(trx, caller, document, partyId, at);
      if (await everyPartyApproved(trx, document)) await this.adopt(trx, caller, plan, at);
      const fresh = await repo.getWorkPlan(trx, id);
      await recordChange(trx, caller, 'work_plan', id, { status: plan.status }, { status: fresh.status, approvedBy: caller.name });
      after.push(await this.documentEvent(trx, id));
      return this.header(trx, caller, fresh);
    });
  }

  /** Every party approved: freeze the plan as its current revision. */
  private async adopt(trx: Trx, caller: Caller, plan: repo.WorkPlanRow, at: string): Promise<void> {
    await repo.updateWorkPlan(trx, plan.id, { status: 'adopted', adopted_at: at, updated_at: at });
    const adopted = await repo.getWorkPlan(trx, plan.id);
    const { revisions: _revisions, amendments: _amendments, ...frozen } = await this.detail(trx, caller, adopted);
    await repo.insertPlanRevision(trx, { id: newId(), work_plan_id: plan.id, number: plan.revision, adopted_at: at, snapshot: { ...frozen, canEdit: false, canApproveFor: [] } });
  }

  async withdrawApproval(caller: Caller, id: string, partyId: string | undefined): Promise<WorkPlan> {
    return this.inTransaction({ table: 'work_plans', id }, async (trx, after) => {
      const plan = await this.readable(trx, caller, id);
      if (await withdrawOwn(trx, caller, approvalDocument(plan), partyId, this.now())) {
        await recordChange(trx, caller, 'work_plan', id, { approvedBy: caller.name }, { approvedBy: null });
        after.push(await this.documentEvent(trx, id));
      }
      return this.header(trx, caller, plan);
    });
  }

  async amend(caller: Caller, id: string, input: WorkPlanAmend): Promise<WorkPlan> {
    return this.inTransaction({ table: 'work_plans', id }, async (trx, after) => {
      const plan = await this.writable(trx, caller, id);
      if (plan.status !== 'adopted') throw new Conflict('problems_cycle_onlyAdoptedAmended');
      const at = this.now();
      await repo.updateWorkPlan(trx, id, { status: 'draft', revision: plan.revision + 1, proposed_at: null, adopted_at: null, updated_at: at });
      await repo.insertAmendment(trx, { id: newId(), work_plan_id: id, revision: plan.revision + 1, reason: input.reason, amended_by: caller.userId, amended_at: at });
      await recordChange(trx, caller, 'work_plan', id, { status: 'adopted', revision: plan.revision }, { status: 'draft', revision: plan.revision + 1, reason: input.reason });
      const fresh = await repo.getWorkPlan(trx, id);
      after.push(await this.documentEvent(trx, id));
      return this.header(trx, caller, fresh);
    });
  }

  async revision(caller: Caller, id: string, number: number): Promise<WorkPlanRevision> {
    await this.readable(this.db, caller, id);
    const row = await repo.findPlanRevision(this.db, id, number);
    if (!row) throw new NotFound('adopted revision');
    return { number: row.number, adoptedAt: row.adopted_at, workPlan: row.snapshot };
  }

  async diff(caller: Caller, id: string, query: WorkPlanDiffQuery): Promise<WorkPlanDiff> {
    const plan = await this.readable(this.db, caller, id);
    const from = await repo.findPlanRevision(this.db, id, query.from);
    if (!from) throw new ValidationFailed([{ path: 'from', ...words('problems_cycle_field_noSuchRevision') }]);
    let to: Pick<WorkPlanDetail, 'introduction' | 'items'>;
    if (query.to !== undefined) {
      const row = await repo.findPlanRevision(this.db, id, query.to);
      if (!row) throw new ValidationFailed([{ path: 'to', ...words('problems_cycle_field_noSuchRevision') }]);
      to = row.snapshot;
    } else {
      to = await this.detail(this.db, caller, plan);
    }
    const last = query.to ?? plan.revision;
    const amendments = (await this.amendments(this.db, id)).filter((a) => a.revision > query.from && a.revision <= last);
    return { ...diffPlans(from.snapshot, to, { from: query.from, to: query.to ?? null }), amendments };
  }

  // ── items ─────────────────────────────────────────────────────────────

  async items(caller: Caller, id: string): Promise<{ items: WorkPlanItem[] }> {
    const plan = await this.readable(this.db, caller, id);
    return { items: await itemsView(this.db, plan.partnership_id, await repo.itemsOf(this.db, id)) };
  }

  /** A position after `after` (null: first; undefined: last), between it and the next item. */
  private async positionAfter(trx: Trx, planId: string, after: string | null | undefined, moving?: string): Promise<number> {
    const positions = (await repo.positionsOf(trx, planId)).filter((p) => p.id !== moving);
    if (after === undefined) return (positions.at(-1)?.position ?? 0) + 1;
    if (after === null) return positions.length ? positions[0].position - 1 : 1;
    const index = positions.findIndex((p) => p.id === after);
    if (index < 0) throw new ValidationFailed([{ path: 'after', ...words('problems_cycle_field_noSuchItem') }]);
    const next = positions[index + 1];
    return next ? (positions[index].position + next.position) / 2 : positions[index].position + 1;
  }

  async createItem(caller: Caller, id: string, input: WorkPlanItemCreate): Promise<WorkPlanItemWrite> {
    return this.inTransaction({ table: 'work_plans', id }, async (trx, after) => {
      const plan = await this.editable(trx, caller, id);
      const { after: placeAfter, ...fields } = input;
      const errors = [...targetProblems(plan.year, fields, null), ...(await referenceProblems(trx, caller, plan.partnership_id, fields, null))];
      if (errors.length) throw new ValidationFailed(errors);
      const at = this.now();
      const itemId = newId();
      const position = await this.positionAfter(trx, id, placeAfter ?? undefined);
      await repo.insertItems(trx, [
        { ...itemColumns(fields), id: itemId, work_plan_id: id, title: fields.title, position, activity_ids: fields.activityIds, proposal_ids: fields.proposalIds, created_by: caller.userId, updated_by: caller.userId, created_at: at, updated_at: at }
      ]);
      const row = await repo.getItem(trx, id, itemId);
      const snapshot = itemSnapshot(row);
      await recordRevision(trx, itemTarget(plan, itemId), { version: 1, action: 'create', fields: changedFields(ITEM_SPEC, {}, snapshot), snapshot, actorId: caller.userId, at });
      await assessPlanItems(trx, { partnershipId: plan.partnership_id, year: plan.year }, caller.userId, at);
      const item = toItem(row, await linkedRecords(trx, plan.partnership_id, [row]));
      await recordChange(trx, caller, 'work_plan', id, { item: null }, { item });
      after.push(() => this.live.publish(roomOf('work_plan', id), 'item', { action: 'create', record: item, actor: { id: caller.userId, name: caller.name }, mergedFields: [] }));
      const approvalsWithdrawn = await this.withdrawForEdit(trx, caller, plan, { kind: 'item_added', params: { title: item.title, name: caller.name } }, after);
      return { item, notes: { mergedFields: [], approvalsWithdrawn } };
    });
  }

  /** The item to write, with its stored fields; removed items refuse writes (409). */
  private async liveItem(trx: Trx, plan: repo.WorkPlanRow, itemId: string, allowRemoved = false) {
    const row = await repo.findItemToWrite(trx, plan.id, itemId);
    if (!row) throw new NotFound('work plan item');
    if (row.deleted_at !== null && !allowRemoved) throw new Conflict('problems_cycle_itemRemoved');
    return row;
  }

  /**
   * Store an accepted write of an item: the new values at version + 1, its
   * coedit_revisions row, the audit entry, approvals withdrawn; the event
   * goes out after the commit.
   */
  private async storeItemWrite(
    trx: Trx,
    caller: Caller,
    plan: repo.WorkPlanRow,
    row: repo.WorkPlanItemRow,
    change: { values: Snapshot; action: 'update' | 'merge' | 'restore' | 'move' | 'delete'; mergedFrom: number | null; mergedFields: string[]; removed?: boolean; what: ItemChange },
    after: Publish[]
  ): Promise<WorkPlanItemWrite> {
    const at = this.now();
    const removed = change.removed === undefined ? {} : { deleted_at: change.removed ? at : null };
    const stored = await repo.updateItem(trx, row.id, row.version, { ...itemColumns(change.values), ...removed, updated_by: caller.userId, updated_at: at });
    if (!stored) throw new PreconditionFailed(toItem(row, await linkedRecords(trx, plan.partnership_id, [row])));
    const fresh = await repo.getItem(trx, plan.id, row.id);
    const before = itemSnapshot(row);
    const snapshot = itemSnapshot(fresh);
    const fields = [...changedFields(ITEM_SPEC, before, snapshot), ...(before.position !== snapshot.position ? ['position'] : []), ...(before.removed !== snapshot.removed ? ['removed'] : [])];
    await recordRevision(trx, itemTarget(plan, row.id), { version: row.version + 1, action: change.action, fields, snapshot, mergedFrom: change.mergedFrom, actorId: caller.userId, at });
    const linked = await linkedRecords(trx, plan.partnership_id, [row, fresh]);
    const item = toItem(fresh, linked);
    await recordChange(trx, caller, 'work_plan', plan.id, { item: toItem(row, linked) }, { item });
    const actor = { id: caller.userId, name: caller.name };
    after.push(() =>
      fresh.deleted_at !== null
        ? this.live.publish(roomOf('work_plan', plan.id), 'item-removed', { id: row.id, actor })
        : this.live.publish(roomOf('work_plan', plan.id), 'item', { action: change.action, record: item, actor, mergedFields: change.mergedFields })
    );
    const approvalsWithdrawn = await this.withdrawForEdit(trx, caller, plan, change.what.kind === 'item_restored' ? { kind: 'item_restored', params: { title: item.title, version: change.what.version, name: caller.name } } : { kind: change.what.kind, params: { title: item.title, name: caller.name } }, after);
    return { item, notes: { mergedFields: change.mergedFields, approvalsWithdrawn } };
  }

  async patchItem(caller: Caller, id: string, itemId: string, patch: WorkPlanItemPatch, expected: number | null): Promise<WorkPlanItemWrite> {
    return this.inTransaction({ table: 'work_plans', id }, async (trx, after) => {
      const plan = isProgress(patch) ? await this.writable(trx, caller, id) : await this.editable(trx, caller, id);
      const row = await this.liveItem(trx, plan, itemId);
      await notAhead(expected, row.version, async () => toItem(row, await linkedRecords(trx, plan.partnership_id, [row])));
      const current = itemSnapshot(row);
      const write = await prepareWrite(trx, {
        spec: ITEM_SPEC,
        entityType: 'work_plan_item',
        entityId: itemId,
        version: row.version,
        current,
        currentRecord: toItem(row, await linkedRecords(trx, plan.partnership_id, [row])),
        expected,
        yours: patch
      });
      if (!Object.keys(write.values).length) {
        return { item: toItem(row, await linkedRecords(trx, plan.partnership_id, [row])), notes: { ...NONE, mergedFields: write.mergedFields } };
      }
      const errors = [...targetProblems(plan.year, write.values, current), ...(await referenceProblems(trx, caller, plan.partnership_id, write.values, current))];
      if (errors.length) throw new ValidationFailed(errors);
      return this.storeItemWrite(trx, caller, plan, row, { values: write.values, action: write.action, mergedFrom: write.mergedFrom, mergedFields: write.mergedFields, what: { kind: 'item_changed' } }, after);
    });
  }

  async moveItem(caller: Caller, id: string, itemId: string, move: WorkPlanItemMove, expected: number | null): Promise<WorkPlanItemWrite> {
    return this.inTransaction({ table: 'work_plans', id }, async (trx, after) => {
      const plan = await this.editable(trx, caller, id);
      const row = await this.liveItem(trx, plan, itemId);
      if (move.after === itemId) throw new ValidationFailed([{ path: 'after', ...words('problems_cycle_field_notAfterItself') }]);
      if (expected === null) throw new PreconditionRequired();
      await notAhead(expected, row.version, async () => toItem(row, await linkedRecords(trx, plan.partnership_id, [row])));
      const position = await this.positionAfter(trx, id, move.after, itemId);
      const write = await prepareWrite(trx, {
        spec: POSITION_SPEC,
        entityType: 'work_plan_item',
        entityId: itemId,
        version: row.version,
        current: { position: row.position },
        currentRecord: toItem(row, await linkedRecords(trx, plan.partnership_id, [row])),
        expected,
        yours: { position }
      });
      if (!Object.keys(write.values).length) return { item: toItem(row, await linkedRecords(trx, plan.partnership_id, [row])), notes: NONE };
      return this.storeItemWrite(trx, caller, plan, row, { values: write.values, action: 'move', mergedFrom: write.mergedFrom, mergedFields: [], what: { kind: 'item_moved' } }, after);
    });
  }

  async deleteItem(caller: Caller, id: string, itemId: string, expected: number | null): Promise<WorkPlanItemWrite> {
    return this.inTransaction({ table: 'work_plans', id }, async (trx, after) => {
      const plan = await this.editable(trx, caller, id);
      const row = await this.liveItem(trx, plan, itemId);
      await notAhead(expected, row.version, async () => toItem(row, await linkedRecords(trx, plan.partnership_id, [row])));
      const { mergedFrom } = await prepareRemoval(trx, {
        spec: ITEM_SPEC,
        entityType: 'work_plan_item',
        entityId: itemId,
        version: row.version,
        current: itemSnapshot(row),
        currentRecord: toItem(row, await linkedRecords(trx, plan.partnership_id, [row])),
        expected
      });
      return this.storeItemWrite(trx, caller, plan, row, { values: {}, action: 'delete', mergedFrom, mergedFields: [], removed: true, what: { kind: 'item_removed' } }, after);
    });
  }

  async itemHistory(caller: Caller, id: string, itemId: string): Promise<History> {
    const plan = await this.readable(this.db, caller, id);
    if (!(await repo.findItem(this.db, plan.id, itemId))) throw new NotFound('work plan item');
    return { entityType: 'work_plan_item', entityId: itemId, items: await historyOf(this.db, 'work_plan_item', itemId) };
  }

  /** Bring back the values of an earlier version (all fields or the named ones) as a new version; a removed item comes back too. */
  async restoreItem(caller: Caller, id: string, itemId: string, body: RestoreBody, expected: number | null): Promise<WorkPlanItemWrite> {
    return this.inTransaction({ table: 'work_plans', id }, async (trx, after) => {
      const plan = await this.editable(trx, caller, id);
      const row = await this.liveItem(trx, plan, itemId, true);
      if (expected === null) throw new PreconditionRequired();
      await notAhead(expected, row.version, async () => toItem(row, await linkedRecords(trx, plan.partnership_id, [row])));
      if (expected !== row.version) throw new PreconditionFailed(toItem(row, await linkedRecords(trx, plan.partnership_id, [row])));
      const current = itemSnapshot(row);
      const values = await restoreValues(trx, ITEM_SPEC, 'work_plan_item', itemId, current, body.version, body.fields);
      const wasRemoved = row.deleted_at !== null;
      if (!Object.keys(values).length && !wasRemoved) return { item: toItem(row, await linkedRecords(trx, plan.partnership_id, [row])), notes: NONE };
      const errors = [...targetProblems(plan.year, values, current), ...(await referenceProblems(trx, caller, plan.partnership_id, values, current))];
      if (errors.length) throw new ValidationFailed(errors.map((e) => ({ ...e, path: `fields.${e.path}` })));
      return this.storeItemWrite(trx, caller, plan, row, { values, action: 'restore', mergedFrom: null, mergedFields: [], removed: wasRemoved ? false : undefined, what: { kind: 'item_restored', version: body.version } }, after);
    });
  }

  // ── live ──────────────────────────────────────────────────────────────

  /** Join the plan's room; returns the presence to greet with and the function to leave. */
  async subscribe(caller: Caller, id: string, send: LiveSend): Promise<{ presence: Presence; unsubscribe: () => void }> {
    const plan = await this.readable(this.db, caller, id);
    const viewer = { userId: caller.userId, name: caller.name, organisationName: await organisationNameOfUser(this.db, caller.userId), caller };
    return this.live.join(roomOf('work_plan', plan.id), viewer, send);
  }

  /** Marks what the caller edits (null: nothing); viewers may only say null (403 otherwise). */
  async setPresence(caller: Caller, id: string, editing: string | null): Promise<void> {
    const plan = await this.readable(this.db, caller, id);
    if (editing !== null && !canWriteIn(caller, plan.partnership_id)) throw new Forbidden('problems_cycle_viewersCannotEditWorkPlan');
    this.live.setEditing(roomOf('work_plan', plan.id), caller.userId, editing);
  }
}
