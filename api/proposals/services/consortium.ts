/**
 * The consortium of a proposal.
 *
 * - Seen with the proposal; members added, changed and removed by whoever
 *   may change the proposal (proposal-access.ts): 404 when the proposal is
 *   invisible, 403 for viewers. Each change is audited on the proposal
 *   (`consortiumMember` before and after, with the lead organisation).
 * - Any organisation the caller may see, from any region (third partners
 *   too), once per consortium (409 for a second time).
 * - Exactly one lead at most, kept in step with the proposal's
 *   `leadOrganisationId`: making a member lead (here, or by setting the
 *   proposal's lead) turns the previous lead into a partner; demoting or
 *   removing the lead leaves the proposal without a lead (a warning, not a
 *   refusal: consortia are built in steps). A lead change bumps the
 *   proposal's version.
 * - Names, regions and countries of organisations the caller may not see
 *   are left out (null), as for the payer of a cost.
 * - Figures (EU contribution, own contribution to raise, totals) and the
 *   warnings against the call's minimum and maximum come from
 *   cofinancing.ts; the rates from the partner, else the call, else its
 *   programme.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId, nowIso } from '../../../db/ids.js';
import * as repo from '../../../db/proposals/consortium.js';
import type { ConsortiumMemberRow } from '../../../db/proposals/consortium.js';
import { findVisibleOrganisation, visibleOrganisationNames } from '../../../db/crm/organisations.js';
import { getProposal, updateProposal } from '../../../db/proposals/proposals.js';
import type { Database, ProposalRow } from '../../../db/schema.js';
import { Conflict, NotFound, PreconditionFailed, checkVersion, eachLanguage, recordChange, scopeOf, unknownReference, words, written, type Caller } from '../../platform/index.js';
import type { Locale } from '../../../i18n/locales.js';
import { m } from '../../../i18n/paraglide-server/messages.js';
import type { Consortium, ConsortiumMember, ConsortiumMemberCreate, ConsortiumMemberPatch, ConsortiumRole } from '../schemas/consortium.js';
import { centsToDecimal } from '../../platform/schemas/money.js';
import { type ConsortiumWarning, type PartnerFigures, consortiumFigures } from '../rules/cofinancing.js';
import { fundingTerms } from './proposal-calls.js';
import { readableProposal, writableProposal } from './proposal-access.js';

function toMember(row: ConsortiumMemberRow, figures: PartnerFigures, names: Map<string, string> | null): ConsortiumMember {
  const visible = names === null || names.has(row.organisation_id);
  return {
    id: row.id,
    proposalId: row.proposal_id,
    organisationId: row.organisation_id,
    organisationName: visible ? row.organisation_name : null,
    regionName: visible ? row.region_name : null,
    country: visible ? row.country : null,
    role: row.role as ConsortiumRole,
    budget: centsToDecimal(row.budget_cents),
    budgetCents: row.budget_cents,
    cofinancingRate: row.cofinancing_rate,
    effectiveRate: figures.effectiveRate,
    rateSource: figures.rateSource,
    euContributionCents: figures.euContributionCents,
    ownContributionCents: figures.ownContributionCents,
    version: row.version
  };
}

/** The consortium before it is written: each warning says itself as catalogue words. */
export type ConsortiumFacts = Omit<Consortium, 'warnings'> & { warnings: ConsortiumWarning[] };
export type ConsortiumChangeFacts = { member: ConsortiumMember; consortium: ConsortiumFacts };

/** An organisation the reader may not see, as a warning names it ("an organisation you cannot see"), in each language. */
const HIDDEN_PARTNER = eachLanguage((locale) => m.proposals_hiddenOrganisation({}, { locale }));

/** The consortium as the reader gets it: each warning's code, values and message in the reader's language. */
export function consortiumIn(consortium: ConsortiumFacts, locale: Locale): Consortium {
  return {
    ...consortium,
    warnings: consortium.warnings.map(({ said, code, memberId }) => {
      const { params, message } = written(said, locale);
      return { code, memberId, params, message };
    })
  };
}

/** The consortium as the caller sees it (null: everything, for the audit trail). */
export async function consortiumOf(db: Kysely<Database>, caller: Caller | null, proposal: Pick<ProposalRow, 'id' | 'call_id'>): Promise<ConsortiumFacts> {
  const rows = await repo.membersOf(db, [proposal.id]);
  const terms = await fundingTerms(db, proposal.call_id);
  const names = caller ? await visibleOrganisationNames(db, scopeOf(caller), rows.map((r) => r.organisation_id)) : null;
  const { figures, totals, warnings } = consortiumFigures(
    rows.map((r) => ({ id: r.id, name: names === null || names.has(r.organisation_id) ? r.organisation_name : HIDDEN_PARTNER, role: r.role, budgetCents: r.budget_cents, rate: r.cofinancing_rate })),
    terms
  );
  return {
    proposalId: proposal.id,
    callId: proposal.call_id,
    terms,
    members: rows.map((r) => toMember(r, figures.get(r.id)!, names)),
    totals,
    warnings
  };
}

/**
 * Makes `organisationId` the consortium's only lead (adding it when it is
 * not a member yet), or with null leaves the consortium without a lead.
 * Only the consortium changes here; the caller keeps the proposal's row.
 */
export async function syncLead(db: Kysely<Database>, proposalId: string, organisationId: string | null): Promise<void> {
  if (organisationId === null) {
    await repo.demoteLeads(db, proposalId, null);
    return;
  }
  const member = await repo.findMemberByOrganisation(db, proposalId, organisationId);
  let keep: string;
  if (member) {
    keep = member.id;
    if (member.role !== 'lead') await repo.updateMember(db, member.id, member.version, { role: 'lead' });
  } else {
    keep = newId();
    await repo.insertMember(db, { id: keep, proposal_id: proposalId, organisation_id: organisationId, role: 'lead', budget_cents: 0, cofinancing_rate: null });
  }
  await repo.demoteLeads(db, proposalId, keep);
}

export class ConsortiumService {
  constructor(private readonly db: DB) {}

  async get(caller: Caller, proposalId: string): Promise<ConsortiumFacts> {
    const proposal = await readableProposal(this.db, caller, proposalId);
    return consortiumOf(this.db, caller, proposal);
  }

  /** Sets the proposal's lead organisation after a change of roles here. */
  private async leadChanged(trx: Kysely<Database>, proposal: ProposalRow, organisationId: string | null): Promise<void> {
    if (proposal.lead_organisation_id === organisationId) return;
    const current = await getProposal(trx, proposal.id);
    await updateProposal(trx, proposal.id, current.version, { lead_organisation_id: organisationId, updated_at: nowIso() });
  }

  private async change(trx: Kysely<Database>, caller: Caller, proposal: ProposalRow, memberId: string, before: ConsortiumMember | null): Promise<ConsortiumChangeFacts> {
    const consortium = await consortiumOf(trx, caller, { id: proposal.id, call_id: proposal.call_id });
    const full = await consortiumOf(trx, null, { id: proposal.id, call_id: proposal.call_id });
    const after = full.members.find((m) => m.id === memberId)!;
    const lead = full.members.find((m) => m.role === 'lead')?.organisationId ?? null;
    await recordChange(trx, caller, 'proposal', proposal.id, { consortiumMember: before, leadOrganisationId: proposal.lead_organisation_id }, { consortiumMember: after, leadOrganisationId: lead });
    return { member: consortium.members.find((m) => m.id === memberId)!, consortium };
  }

  /** The member's row and its full record (for the audit trail); 404 when the proposal has no such member. */
  private async memberOf(trx: Kysely<Database>, proposal: ProposalRow, memberId: string): Promise<{ row: ConsortiumMemberRow; full: ConsortiumMember }> {
    const row = await repo.findMember(trx, proposal.id, memberId);
    if (!row) throw new NotFound('consortium member');
    const full = (await consortiumOf(trx, null, proposal)).members.find((m) => m.id === memberId)!;
    return { row, full };
  }

  async add(caller: Caller, proposalId: string, input: ConsortiumMemberCreate): Promise<ConsortiumChangeFacts> {
    return this.db.transaction().execute(async (trx) => {
      const proposal = await writableProposal(trx, caller, proposalId);
      if (!(await findVisibleOrganisation(trx, scopeOf(caller), input.organisationId))) throw unknownReference('organisationId', 'organisation');
      if (await repo.findMemberByOrganisation(trx, proposalId, input.organisationId)) {
        throw new Conflict(words('problems_consortiumMemberTwice'), { errors: [{ path: 'organisationId', ...words('problems_field_consortiumMemberTwice') }] });
      }
      const id = newId();
      await repo.insertMember(trx, { id, proposal_id: proposalId, organisation_id: input.organisationId, role: input.role, budget_cents: input.budget, cofinancing_rate: input.cofinancingRate });
      if (input.role === 'lead') {
        await repo.demoteLeads(trx, proposalId, id);
        await this.leadChanged(trx, proposal, input.organisationId);
      }
      return this.change(trx, caller, proposal, id, null);
    });
  }

  async update(caller: Caller, proposalId: string, memberId: string, patch: ConsortiumMemberPatch, expected: number | null): Promise<ConsortiumChangeFacts> {
    return this.db.transaction().execute(async (trx) => {
      const proposal = await writableProposal(trx, caller, proposalId);
      const { row, full } = await this.memberOf(trx, proposal, memberId);
      const shown = (await consortiumOf(trx, caller, proposal)).members.find((m) => m.id === memberId)!;
      checkVersion(expected, shown);
      const updated = await repo.updateMember(trx, memberId, row.version, { role: patch.role, budget_cents: patch.budget, cofinancing_rate: patch.cofinancingRate });
      if (!updated) throw new PreconditionFailed(shown);
      if (patch.role === 'lead' && row.role !== 'lead') {
        await repo.demoteLeads(trx, proposalId, memberId);
        await this.leadChanged(trx, proposal, row.organisation_id);
      } else if (patch.role !== undefined && patch.role !== 'lead' && row.role === 'lead') {
        await this.leadChanged(trx, proposal, null);
      }
      return this.change(trx, caller, proposal, memberId, full);
    });
  }

  async remove(caller: Caller, proposalId: string, memberId: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const proposal = await writableProposal(trx, caller, proposalId);
      const { row, full } = await this.memberOf(trx, proposal, memberId);
      checkVersion(expected, full);
      await repo.deleteMember(trx, memberId);
      if (row.role === 'lead') await this.leadChanged(trx, proposal, null);
      const lead = row.role === 'lead' ? null : proposal.lead_organisation_id;
      await recordChange(trx, caller, 'proposal', proposalId, { consortiumMember: full, leadOrganisationId: proposal.lead_organisation_id }, { consortiumMember: null, leadOrganisationId: lead });
    });
  }
}
