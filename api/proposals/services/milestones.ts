/**
 * Internal milestones of a proposal.
 *
 * - Seen with the proposal; added, changed (If-Match) and removed by
 *   whoever may change it (proposal-access.ts); each change is audited on
 *   the proposal (`milestone` before and after).
 * - The owner is a member of the proposal's partnership (400 at `ownerId`
 *   otherwise). `done: true` stamps the moment (the service's clock);
 *   `done: false` clears it.
 * - The plan: milestones proposed backwards from the call's next deadline
 *   (the first at or after now), read as a date and time where the call
 *   published it (its IANA zone), or from `deadlineOn` (and `deadlineTime`)
 *   when given; the rules and the weekend shift are in milestone-plan.ts.
 *   Nothing is stored by the plan; POST …/plan saves a list (edited or not)
 *   in one transaction. Without a call and without `deadlineOn` there is
 *   nothing to plan from (409, saying so).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import * as repo from '../../../db/proposals/milestones.js';
import type { MilestoneRow } from '../../../db/proposals/milestones.js';
import { isMember } from '../../../db/proposals/proposals.js';
import type { Database, ProposalRow } from '../../../db/schema.js';
import { Conflict, NotFound, PreconditionFailed, ValidationFailed, checkVersion, recordChange, toLocal, words, type Caller, type FieldError } from '../../platform/index.js';
import type { Milestone, MilestoneCreate, MilestoneKind, MilestoneList, MilestonePatch, MilestonePlan, MilestonePlanQuery, MilestonePlanSave } from '../schemas/milestones.js';
import { BASE_LOCALE, type Locale } from '../../../i18n/locales.js';
import { m } from '../../../i18n/paraglide-server/messages.js';
import { DEFAULT_PLAN, type MilestoneKind as PlanKind, planBackwards } from '../rules/milestone-plan.js';
import { holidayIn } from '../rules/public-holidays.js';
import { readableProposal, writableProposal } from './proposal-access.js';
import { callSummaries, nextDeadline } from './proposal-calls.js';

function toMilestone(row: MilestoneRow): Milestone {
  return {
    id: row.id,
    proposalId: row.proposal_id,
    kind: row.kind as MilestoneKind,
    title: row.title,
    dueOn: row.due_on,
    dueTime: row.due_time,
    ownerId: row.owner_id,
    ownerName: row.owner_id ? row.owner_name : null,
    done: row.done_at !== null,
    doneAt: row.done_at,
    version: row.version
  };
}

/** 400 at `<prefix>ownerId` for every owner who is not a member of the partnership. */
async function ownerProblems(db: Kysely<Database>, partnershipId: string, items: { ownerId?: string | null }[], prefix: (i: number) => string): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [i, item] of items.entries()) {
    if (item.ownerId && !(await isMember(db, item.ownerId, partnershipId))) errors.push({ path: `${prefix(i)}ownerId`, ...words('problems_proposals_field_ownerNotMember') });
  }
  return errors;
}

/** the zone "today" is read in when the deadline was given as a day (the Commission's, where most calls close) */
const PLANNING_ZONE = 'Europe/Brussels';

/** A planned milestone's title in the reader's language (the submission names the call when there is one). */
function planTitle(kind: PlanKind, locale: Locale, call: string | undefined): string | null {
  const options = { locale };
  switch (kind) {
    case 'descriptions_due':
      return m.milestonePlan_descriptionsDue({}, options);
    case 'steering_group':
      return m.milestonePlan_steeringGroup({}, options);
    case 'committee_decision':
      return m.milestonePlan_committeeDecision({}, options);
    case 'submission':
      return call ? m.milestonePlan_submissionOf({ call }, options) : m.milestonePlan_submission({}, options);
    default:
      return null;
  }
}

export class MilestoneService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  private async listOf(db: Kysely<Database>, proposalId: string): Promise<MilestoneList> {
    return { proposalId, items: (await repo.milestonesOf(db, proposalId)).map(toMilestone) };
  }

  async list(caller: Caller, proposalId: string): Promise<MilestoneList> {
    await readableProposal(this.db, caller, proposalId);
    return this.listOf(this.db, proposalId);
  }

  private rowOf(proposalId: string, input: MilestoneCreate) {
    return {
      id: newId(),
      proposal_id: proposalId,
      kind: input.kind,
      title: input.title,
      due_on: input.dueOn,
      due_time: input.dueTime,
      owner_id: input.ownerId,
      done_at: input.done ? this.clock().toISOString() : null
    };
  }

  async create(caller: Caller, proposalId: string, input: MilestoneCreate): Promise<Milestone> {
    return this.db.transaction().execute(async (trx) => {
      const proposal = await writableProposal(trx, caller, proposalId);
      const errors = await ownerProblems(trx, proposal.partnership_id, [input], () => '');
      if (errors.length) throw new ValidationFailed(errors);
      const row = this.rowOf(proposalId, input);
      await repo.insertMilestones(trx, [row]);
      const created = toMilestone(await repo.getMilestone(trx, proposalId, row.id));
      await recordChange(trx, caller, 'proposal', proposalId, { milestone: null }, { milestone: created });
      return created;
    });
  }

  async update(caller: Caller, proposalId: string, milestoneId: string, patch: MilestonePatch, expected: number | null): Promise<Milestone> {
    return this.db.transaction().execute(async (trx) => {
      const proposal = await writableProposal(trx, caller, proposalId);
      const row = await repo.findMilestone(trx, proposalId, milestoneId);
      if (!row) throw new NotFound('milestone');
      const before = toMilestone(row);
      checkVersion(expected, before);
      if (patch.ownerId !== undefined && patch.ownerId !== row.owner_id) {
        const errors = await ownerProblems(trx, proposal.partnership_id, [patch], () => '');
        if (errors.length) throw new ValidationFailed(errors);
      }
      const doneAt = patch.done === undefined ? undefined : patch.done ? (row.done_at ?? this.clock().toISOString()) : null;
      const updated = await repo.updateMilestone(trx, milestoneId, row.version, {
        kind: patch.kind,
        title: patch.title,
        due_on: patch.dueOn,
        due_time: patch.dueTime,
        owner_id: patch.ownerId,
        done_at: doneAt
      });
      if (!updated) throw new PreconditionFailed(before);
      const after = toMilestone(await repo.getMilestone(trx, proposalId, milestoneId));
      await recordChange(trx, caller, 'proposal', proposalId, { milestone: before }, { milestone: after });
      return after;
    });
  }

  async delete(caller: Caller, proposalId: string, milestoneId: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await writableProposal(trx, caller, proposalId);
      const row = await repo.findMilestone(trx, proposalId, milestoneId);
      if (!row) throw new NotFound('milestone');
      const before = toMilestone(row);
      checkVersion(expected, before);
      await repo.deleteMilestone(trx, milestoneId);
      await recordChange(trx, caller, 'proposal', proposalId, { milestone: before }, { milestone: null });
    });
  }

  private async deadlineFor(proposal: ProposalRow, query: MilestonePlanQuery): Promise<MilestonePlan['deadline']> {
    if (query.deadlineOn) {
      return { source: 'given', deadlineId: null, at: null, timeZone: null, localDate: query.deadlineOn, localTime: query.deadlineTime ?? null, assumed: false };
    }
    if (!proposal.call_id) throw new Conflict('problems_proposals_chooseCallFirst');
    const deadline = await nextDeadline(this.db, proposal.call_id, this.clock().toISOString());
    if (!deadline) throw new Conflict('problems_proposals_noDeadlineAhead');
    const local = toLocal(deadline.deadline_at, deadline.time_zone);
    return {
      source: 'call',
      deadlineId: deadline.id,
      at: deadline.deadline_at,
      timeZone: deadline.time_zone,
      localDate: local.slice(0, 10),
      localTime: query.deadlineTime ?? local.slice(11, 16),
      assumed: deadline.assumed === 1
    };
  }

  async plan(caller: Caller, proposalId: string, query: MilestonePlanQuery): Promise<MilestonePlan> {
    const proposal = await readableProposal(this.db, caller, proposalId);
    const deadline = await this.deadlineFor(proposal, query);
    const call = proposal.call_id ? (await callSummaries(this.db, [proposal.call_id])).get(proposal.call_id) : undefined;
    const locale = caller.locale ?? BASE_LOCALE;
    const rules = DEFAULT_PLAN.map((r) => ({ ...r, title: planTitle(r.kind, locale, r.kind === 'submission' ? call?.identifier : undefined) ?? r.title }));
    // in a fixed order, so a holiday both places keep is always named after the same one
    const places = (await repo.holidayPlacesOf(this.db, proposalId))
      .map((p) => ({ country: p.country, nutsCode: p.nuts_code }))
      .sort((a, b) => a.country.localeCompare(b.country) || (a.nutsCode ?? '').localeCompare(b.nutsCode ?? ''));
    const today = toLocal(this.clock().toISOString(), deadline.timeZone ?? PLANNING_ZONE).slice(0, 10);
    return {
      proposalId,
      deadline,
      today,
      rules: rules.map((r) => ({ kind: r.kind, title: r.title, daysBefore: r.daysBefore })),
      items: planBackwards(deadline.localDate, deadline.localTime, rules, { holidayOn: holidayIn(places, locale), today })
    };
  }

  async savePlan(caller: Caller, proposalId: string, input: MilestonePlanSave): Promise<MilestoneList> {
    return this.db.transaction().execute(async (trx) => {
      const proposal = await writableProposal(trx, caller, proposalId);
      const errors = await ownerProblems(trx, proposal.partnership_id, input.items, (i) => `items.${i}.`);
      if (errors.length) throw new ValidationFailed(errors);
      const rows = input.items.map((item) => this.rowOf(proposalId, item));
      await repo.insertMilestones(trx, rows);
      const list = await this.listOf(trx, proposalId);
      const added = list.items.filter((m) => rows.some((r) => r.id === m.id));
      await recordChange(trx, caller, 'proposal', proposalId, { milestones: null }, { milestones: added });
      return list;
    });
  }
}
