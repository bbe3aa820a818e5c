/**
 * Candidate projects (proposals): who sees them, who changes them, what a
 * change keeps.
 *
 * - Visible to the members of the proposal's partnership and to system
 *   administrators; anyone else gets 404 (proposal-access.ts). Created,
 *   changed and deleted by the partnership's writers (admin, officer,
 *   editor); viewers get 403. A partnership the caller cannot see (or that
 *   does not exist) is a 400 at `partnershipId`.
 * - References are checked and reported together, each at its field:
 *   the call exists; domains are standard ones or the partnership's own;
 *   the lead organisation is one the caller may see (an unchanged lead is
 *   not re-checked); the scoring matrix is available to the partnership.
 * - Stage moves follow proposal-stages.ts; a move that is not allowed is a
 *   409 naming the stages it may move to. A move to submitted while the
 *   partnership's first-to-inform rule applies and the inform log is empty
 *   is made, and its answer carries a warning saying so (`warnings`).
 * - The lead organisation is the consortium's lead (consortium.ts
 *   `syncLead`): setting it makes that organisation lead (added to the
 *   consortium when needed), the previous lead stays as a partner.
 * - The scoring matrix cannot change once scores were given with it, nor
 *   while scoring is locked (409).
 * - Derived, never stored: the stages it may move to next, and the
 *   first-to-inform state from its inform log (first-to-inform.ts).
 * - List: keyset pages by acronym, creation or last change; filters on
 *   partnership, stage, call, programme (of the call) and words of acronym
 *   and title (full-text). The board: every proposal of one partnership,
 *   grouped by stage in pipeline order.
 * - Every write is one transaction with an audit event (entity 'proposal')
 *   holding the stored record; deleting also keeps the consortium,
 *   milestones, inform log and scores it takes along.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId, nowIso } from '../../../db/ids.js';
import { membersOf } from '../../../db/proposals/consortium.js';
import { findDomains } from '../../../db/crm/domains.js';
import { informLogOf } from '../../../db/proposals/inform-log.js';
import { milestonesOf } from '../../../db/proposals/milestones.js';
import { findVisibleOrganisation, visibleOrganisationNames } from '../../../db/crm/organisations.js';
import { findPartnership } from '../../../db/crm/partnerships.js';
import * as repo from '../../../db/proposals/proposals.js';
import { findMatrix, scoresOf, scoresOfProposal } from '../../../db/proposals/scoring.js';
import type { Database, ProposalRow } from '../../../db/schema.js';
import { Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed, canSeePartnership, canWriteIn, checkVersion, pageRequest, recordChange, scopeOf, unknownReference, words, type Caller, type FieldError } from '../../platform/index.js';
import type { Proposal, ProposalBoard, ProposalCreate, ProposalListQuery, ProposalPatch, ProposalStage } from '../schemas/proposals.js';
import { PROPOSAL_STAGES } from '../schemas/proposals.js';
import { syncLead } from './consortium.js';
import { informStates } from './first-to-inform.js';
import { callExists, callSummaries } from './proposal-calls.js';
import { writableProposal, readableProposal } from './proposal-access.js';
import { assertTransition, nextStages } from '../rules/proposal-stages.js';

/** The proposal as the caller sees it (null: everything, for the audit trail). */
export async function presentProposals(db: Kysely<Database>, caller: Caller | null, rows: ProposalRow[]): Promise<Proposal[]> {
  const ids = rows.map((r) => r.id);
  const domains = await repo.domainsOfProposals(db, ids);
  const calls = await callSummaries(db, rows.flatMap((r) => (r.call_id ? [r.call_id] : [])));
  const leadIds = [...new Set(rows.flatMap((r) => (r.lead_organisation_id ? [r.lead_organisation_id] : [])))];
  const names = await visibleOrganisationNames(db, caller ? scopeOf(caller) : { all: true }, leadIds);
  const informed = await informStates(db, caller, rows);
  return rows.map((row) => {
    const call = row.call_id ? calls.get(row.call_id) : undefined;
    const { state } = informed.get(row.id)!;
    return {
      id: row.id,
      acronym: row.acronym,
      title: row.title,
      description: row.description,
      partnershipId: row.partnership_id,
      callId: row.call_id,
      call: call ?? null,
      stage: row.stage as ProposalStage,
      nextStages: nextStages(row.stage as ProposalStage),
      domainIds: domains.filter((d) => d.proposal_id === row.id).map((d) => d.domain_id),
      leadOrganisationId: row.lead_organisation_id,
      leadOrganisationName: row.lead_organisation_id ? (names.get(row.lead_organisation_id) ?? null) : null,
      scoringMatrixId: row.scoring_matrix_id,
      scoringLockedAt: row.scoring_locked_at,
      partnerInformedOn: state.partnerInformedOn,
      firstOtherContactOn: state.firstOtherContactOn,
      firstToInform: { applies: state.applies, ok: state.ok, unlogged: state.unlogged, reason: state.reason },
      createdBy: row.created_by,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at
    };
  });
}

async function presentOne(db: Kysely<Database>, caller: Caller | null, row: ProposalRow): Promise<Proposal> {
  return (await presentProposals(db, caller, [row]))[0]!;
}

/** What the audit trail keeps: the stored record, without what is derived from elsewhere. */
function auditView(p: Proposal) {
  const { nextStages: _next, partnerInformedOn: _partner, firstOtherContactOn: _other, firstToInform: _state, ...rest } = p;
  return rest;
}

async function reloadForAudit(db: Kysely<Database>, id: string) {
  return auditView(await presentOne(db, null, await repo.getProposal(db, id)));
}

interface References {
  partnershipId: string;
  callId?: string | null;
  domainIds?: string[];
  leadOrganisationId?: string | null;
  scoringMatrixId?: string | null;
}

/** Every reference in a body that is missing or not usable, as field errors. */
async function referenceProblems(db: Kysely<Database>, caller: Caller, input: References, stored: ProposalRow | null): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.callId && input.callId !== stored?.call_id && !(await callExists(db, input.callId))) errors.push({ path: 'callId', ...words('problems_notFound_call') });
  if (input.domainIds) {
    const found = new Map((await findDomains(db, input.domainIds)).map((d) => [d.id, d]));
    input.domainIds.forEach((id, i) => {
      const domain = found.get(id);
      if (!domain || (domain.partnership_id !== null && domain.partnership_id !== input.partnershipId)) errors.push({ path: `domainIds.${i}`, ...words('problems_proposals_field_noSuchDomain') });
    });
  }
  const lead = input.leadOrganisationId;
  if (lead && lead !== stored?.lead_organisation_id && !(await findVisibleOrganisation(db, scopeOf(caller), lead))) errors.push({ path: 'leadOrganisationId', ...words('problems_notFound_organisation') });
  const matrixId = input.scoringMatrixId;
  if (matrixId && matrixId !== stored?.scoring_matrix_id) {
    const matrix = await findMatrix(db, matrixId);
    if (!matrix || (matrix.partnership_id !== null && matrix.partnership_id !== input.partnershipId)) errors.push({ path: 'scoringMatrixId', ...words('problems_proposals_field_noSuchMatrix') });
  }
  return errors;
}

export class ProposalService {
  constructor(private readonly db: DB) {}

  async list(caller: Caller, query: ProposalListQuery) {
    if (query.partnershipId && !canSeePartnership(caller, query.partnershipId)) return { items: [], nextCursor: null };
    const { column, page } = pageRequest(query, { acronym: 'acronym', updatedAt: 'updated_at', createdAt: 'created_at' } as const);
    const filter = { partnershipId: query.partnershipId, stage: query.stage, callId: query.callId, programmeId: query.programmeId, q: query.q };
    const result = await repo.listProposals(this.db, scopeOf(caller), filter, column, page);
    return { items: await presentProposals(this.db, caller, result.items), nextCursor: result.nextCursor };
  }

  async board(caller: Caller, partnershipId: string): Promise<ProposalBoard> {
    if (!canSeePartnership(caller, partnershipId) || !(await findPartnership(this.db, partnershipId))) throw new NotFound('partnership');
    const proposals = await presentProposals(this.db, caller, await repo.proposalsOfPartnership(this.db, partnershipId));
    return {
      partnershipId,
      columns: PROPOSAL_STAGES.map((stage) => {
        const items = proposals.filter((p) => p.stage === stage);
        return { stage, count: items.length, items };
      })
    };
  }

  async get(caller: Caller, id: string): Promise<Proposal> {
    return presentOne(this.db, caller, await readableProposal(this.db, caller, id));
  }

  async create(caller: Caller, input: ProposalCreate): Promise<Proposal> {
    return this.db.transaction().execute(async (trx) => {
      if (!canSeePartnership(caller, input.partnershipId) || !(await findPartnership(trx, input.partnershipId))) {
        throw unknownReference('partnershipId', 'partnership');
      }
      if (!canWriteIn(caller, input.partnershipId)) throw new Forbidden('problems_proposals_roleForbidsAdding');
      const errors = await referenceProblems(trx, caller, input, null);
      if (errors.length) throw new ValidationFailed(errors);
      const id = newId();
      const row = await repo.insertProposal(trx, {
        id,
        acronym: input.acronym,
        title: input.title,
        description: input.description,
        call_id: input.callId,
        partnership_id: input.partnershipId,
        stage: input.stage,
        lead_organisation_id: input.leadOrganisationId,
        scoring_matrix_id: input.scoringMatrixId,
        scoring_locked_at: null,
        created_by: caller.userId
      });
      await repo.replaceProposalDomains(trx, id, input.domainIds);
      if (input.leadOrganisationId) await syncLead(trx, id, input.leadOrganisationId);
      await recordChange(trx, caller, 'proposal', id, null, await reloadForAudit(trx, id));
      return presentOne(trx, caller, row);
    });
  }

  async update(caller: Caller, id: string, patch: ProposalPatch, expected: number | null): Promise<Proposal> {
    return this.db.transaction().execute(async (trx) => {
      const row = await writableProposal(trx, caller, id);
      const shown = await presentOne(trx, caller, row);
      checkVersion(expected, shown);
      const before = await reloadForAudit(trx, id);
      if (patch.stage !== undefined) assertTransition(row.stage as ProposalStage, patch.stage);
      const errors = await referenceProblems(trx, caller, { ...patch, partnershipId: row.partnership_id }, row);
      if (errors.length) throw new ValidationFailed(errors);
      if (patch.scoringMatrixId !== undefined && patch.scoringMatrixId !== row.scoring_matrix_id) {
        if (row.scoring_locked_at) throw new Conflict(words('problems_proposals_scoringLocked'), { errors: [{ path: 'scoringMatrixId', ...words('problems_proposals_field_scoringLocked') }] });
        if (await scoresOfProposal(trx, id)) {
          throw new Conflict(words('problems_proposals_scoresWouldBeLost'), { errors: [{ path: 'scoringMatrixId', ...words('problems_proposals_field_scoresGiven') }] });
        }
      }
      const updated = await repo.updateProposal(trx, id, row.version, {
        acronym: patch.acronym,
        title: patch.title,
        description: patch.description,
        call_id: patch.callId,
        stage: patch.stage,
        lead_organisation_id: patch.leadOrganisationId,
        scoring_matrix_id: patch.scoringMatrixId,
        updated_at: nowIso()
      });
      if (!updated) throw new PreconditionFailed(shown);
      if (patch.domainIds) await repo.replaceProposalDomains(trx, id, patch.domainIds);
      if (patch.leadOrganisationId !== undefined && patch.leadOrganisationId !== row.lead_organisation_id) await syncLead(trx, id, patch.leadOrganisationId);
      await recordChange(trx, caller, 'proposal', id, before, await reloadForAudit(trx, id));
      const saved = await presentOne(trx, caller, updated);
      const submittedNow = patch.stage === 'submitted' && row.stage !== 'submitted';
      return submittedNow && saved.firstToInform.unlogged ? { ...saved, warnings: [{ code: 'firstToInform_submittedUnlogged', message: saved.firstToInform.reason }] } : saved;
    });
  }

  async delete(caller: Caller, id: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await writableProposal(trx, caller, id);
      checkVersion(expected, await presentOne(trx, caller, row));
      const [consortium, milestones, informLog, scores] = await Promise.all([membersOf(trx, [id]), milestonesOf(trx, id), informLogOf(trx, [id]), scoresOf(trx, [id])]);
      const before = {
        ...(await reloadForAudit(trx, id)),
        takesAlong: {
          consortium: consortium.map((m) => ({ organisationId: m.organisation_id, organisationName: m.organisation_name, role: m.role, budgetCents: m.budget_cents, cofinancingRate: m.cofinancing_rate })),
          milestones: milestones.map((m) => ({ kind: m.kind, title: m.title, dueOn: m.due_on, dueTime: m.due_time, ownerId: m.owner_id, doneAt: m.done_at })),
          informLog: informLog.map((e) => ({ organisationId: e.organisation_id, organisationName: e.organisation_name, informedOn: e.informed_on, partnerRegion: e.partner_region === 1, note: e.note })),
          scores: scores.map((s) => ({ criterionId: s.criterion_id, reviewerId: s.reviewer_id, points: s.points, comment: s.comment, scoredAt: s.scored_at }))
        }
      };
      await repo.deleteProposal(trx, id);
      await recordChange(trx, caller, 'proposal', id, before, null);
    });
  }
}
