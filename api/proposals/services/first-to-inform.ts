/**
 * First to inform (Art. 2.3): the partners tell each other about a project
 * idea before, or at the same time as, any other potential partner.
 *
 * - Each proposal keeps a log: who was told (an organisation the caller may
 *   see, or just "the partner region"), on which day, and whether that is
 *   the partner region (by default: exactly when the organisation is a
 *   party of the proposal's partnership; with no organisation named, the
 *   partner region as such). An entry naming nobody that is not the
 *   partner region is refused, and so are days in the future.
 * - Read with the proposal; added and removed by whoever may change the
 *   proposal (proposal-access.ts), each change audited on the proposal.
 * - The rule (`firstToInform`, pure): flagged when another potential
 *   partner was contacted on an earlier day than the partner region, or
 *   while the partner region has not been told at all. The same day is "at
 *   the same time" and fine. Only partnerships whose first-to-inform
 *   obligation is on flag anything; for the others `applies` is false.
 * - Submitted (or further: approved, rejected, running, closed) with an
 *   empty log while the rule applies: not a breach the log shows, but
 *   nothing shows the partner region was told first either. The state is
 *   `unlogged` (ok stays true) with a reason that asks for the entry; the
 *   move to submitted answers with a warning (proposals.ts) and goes ahead;
 *   the agreement's first-to-inform obligation is amber for it
 *   (cycle/services/obligations.ts).
 * - The partnership's report lists the flagged proposals (of a year: the
 *   year of the first other contact, when the breach happened).
 * - Names in reasons are those the caller may see; others read "another
 *   potential partner". The reason is worded in the caller's account
 *   language (the catalogue's `firstToInform` feature), its days by Intl in
 *   that language ("2 March 2026", "2. März 2026", "2 maart 2026").
 */
import { TAGS, type Locale } from '../../../i18n/locales.js';
import { m as said } from '../../../i18n/paraglide-server/messages.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import * as repo from '../../../db/proposals/inform-log.js';
import type { InformLogRow } from '../../../db/proposals/inform-log.js';
import { findVisibleOrganisation, visibleOrganisationNames } from '../../../db/crm/organisations.js';
import { findPartnership } from '../../../db/crm/partnerships.js';
import { firstToInformRules, partyOrganisationIds } from '../../../db/proposals/proposals.js';
import type { Database, ProposalRow } from '../../../db/schema.js';
import { NotFound, ValidationFailed, canSeePartnership, recordChange, scopeOf, unknownReference, words, type Caller } from '../../platform/index.js';
import type { FirstToInformQuery, FirstToInformReport, InformEntry, InformEntryCreate, InformLog } from '../schemas/first-to-inform.js';
import type { ProposalStage } from '../schemas/proposals.js';
import { dayOf } from '../../crm/index.js';
import { readableProposal, writableProposal } from './proposal-access.js';

export interface InformFact {
  informedOn: string;
  partnerRegion: boolean;
  /** who was contacted, for the reason; null when not known or not visible */
  organisationName: string | null;
}

export interface FirstToInform {
  /** the partnership's first-to-inform rule (Art. 2.3) is on */
  applies: boolean;
  /** false when flagged */
  ok: boolean;
  /** submitted or further with an empty log while the rule applies */
  unlogged: boolean;
  reason: string;
  partnerInformedOn: string | null;
  firstOtherContactOn: string | null;
}

/** The stages a proposal has been submitted in (withdrawn may be before or after submission, so it is not one). */
export const SUBMITTED_STAGES: readonly ProposalStage[] = ['submitted', 'approved', 'rejected', 'running', 'closed'];

function earliest(entries: InformFact[]): InformFact | null {
  return entries.reduce<InformFact | null>((first, e) => (first === null || e.informedOn < first.informedOn ? e : first), null);
}

/**
 * Art. 2.3: the partner region learns of a project idea before, or at the
 * same time as, any other potential partner. Flagged when another partner
 * was contacted earlier than the partner region, or while the partner
 * region has not been told at all. Days count, not hours: the same day is
 * "at the same time". A proposal already `submitted` (or further) with no
 * entry at all is `unlogged` while the rule applies.
 */
export function firstToInform(entries: InformFact[], applies: boolean, locale: Locale = 'en', submitted = false): FirstToInform {
  const partner = earliest(entries.filter((e) => e.partnerRegion));
  const other = earliest(entries.filter((e) => !e.partnerRegion));
  const dates = { partnerInformedOn: partner?.informedOn ?? null, firstOtherContactOn: other?.informedOn ?? null };
  const o = { locale };
  const day = (date: string) => new Intl.DateTimeFormat(TAGS[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));
  let ok = true;
  let reason: string;
  if (!partner && !other) reason = said.firstToInform_nobody({}, o);
  else if (!other) reason = said.firstToInform_onlyPartner({ date: day(partner!.informedOn) }, o);
  else if (!partner) {
    ok = false;
    const date = day(other.informedOn);
    reason = other.organisationName ? said.firstToInform_partnerNotYet({ organisation: other.organisationName, date }, o) : said.firstToInform_partnerNotYetAnother({ date }, o);
  } else {
    const when = { partnerDate: day(partner.informedOn), otherDate: day(other.informedOn) };
    if (partner.informedOn > other.informedOn) {
      ok = false;
      reason = other.organisationName ? said.firstToInform_partnerLater({ ...when, organisation: other.organisationName }, o) : said.firstToInform_partnerLaterAnother(when, o);
    } else reason = partner.informedOn === other.informedOn ? said.firstToInform_sameDay(when, o) : said.firstToInform_before(when, o);
  }
  if (!applies) return { applies, ok: true, unlogged: false, reason: said.firstToInform_noRule({ reason }, o), ...dates };
  if (submitted && entries.length === 0) return { applies, ok: true, unlogged: true, reason: said.firstToInform_submittedUnlogged({}, o), ...dates };
  if (!ok) reason = said.firstToInform_breach({ reason }, o);
  return { applies, ok, unlogged: false, reason, ...dates };
}

function toEntry(row: InformLogRow, names: Map<string, string>): InformEntry {
  return {
    id: row.id,
    proposalId: row.proposal_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_id ? (names.get(row.organisation_id) ?? null) : null,
    informedOn: row.informed_on,
    partnerRegion: row.partner_region === 1,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at
  };
}

/** The entry as the audit trail keeps it: with the organisation's name, whoever reads the trail later. */
function auditEntry(row: InformLogRow): InformEntry {
  return toEntry(row, new Map(row.organisation_id && row.organisation_name ? [[row.organisation_id, row.organisation_name]] : []));
}

async function namesFor(db: Kysely<Database>, caller: Caller | null, rows: InformLogRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.organisation_id ? [r.organisation_id] : [])))];
  return visibleOrganisationNames(db, caller ? scopeOf(caller) : { all: true }, ids);
}

/** The log and the first-to-inform state of several proposals, as the caller sees them. */
export async function informStates(db: Kysely<Database>, caller: Caller | null, proposals: Pick<ProposalRow, 'id' | 'partnership_id' | 'stage'>[]): Promise<Map<string, { entries: InformEntry[]; state: FirstToInform }>> {
  const rows = await repo.informLogOf(db, proposals.map((p) => p.id));
  const names = await namesFor(db, caller, rows);
  const rules = await firstToInformRules(db, [...new Set(proposals.map((p) => p.partnership_id))]);
  return new Map(
    proposals.map((p) => {
      const entries = rows.filter((r) => r.proposal_id === p.id).map((r) => toEntry(r, names));
      const state = firstToInform(
        entries.map((e) => ({ informedOn: e.informedOn, partnerRegion: e.partnerRegion, organisationName: e.organisationName })),
        rules.get(p.partnership_id) ?? false,
        // the caller reads it in their account language; a reader without an account (none today) in English
        caller?.locale ?? 'en',
        SUBMITTED_STAGES.includes(p.stage as ProposalStage)
      );
      return [p.id, { entries, state }];
    })
  );
}

export class FirstToInformService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  private async logOf(db: Kysely<Database>, caller: Caller, proposal: ProposalRow): Promise<InformLog> {
    const { entries, state } = (await informStates(db, caller, [proposal])).get(proposal.id)!;
    const { partnerInformedOn, firstOtherContactOn, ...rest } = state;
    return { proposalId: proposal.id, items: entries, partnerInformedOn, firstOtherContactOn, firstToInform: { applies: rest.applies, ok: rest.ok, unlogged: rest.unlogged, reason: rest.reason } };
  }

  async list(caller: Caller, proposalId: string): Promise<InformLog> {
    const proposal = await readableProposal(this.db, caller, proposalId);
    return this.logOf(this.db, caller, proposal);
  }

  async add(caller: Caller, proposalId: string, input: InformEntryCreate): Promise<InformLog> {
    return this.db.transaction().execute(async (trx) => {
      const proposal = await writableProposal(trx, caller, proposalId);
      if (input.informedOn > dayOf(this.clock())) throw new ValidationFailed([{ path: 'informedOn', ...words('problems_proposals_field_dayNotYet') }]);
      if (input.organisationId && !(await findVisibleOrganisation(trx, scopeOf(caller), input.organisationId))) throw unknownReference('organisationId', 'organisation');
      const parties = await partyOrganisationIds(trx, proposal.partnership_id);
      // nobody named: the partner region as such was told (the form's default)
      const partnerRegion = input.partnerRegion ?? (input.organisationId === null || parties.has(input.organisationId));
      const id = newId();
      await repo.insertInformEntry(trx, {
        id,
        proposal_id: proposalId,
        organisation_id: input.organisationId,
        informed_on: input.informedOn,
        partner_region: partnerRegion ? 1 : 0,
        note: input.note,
        created_by: caller.userId,
        created_at: this.clock().toISOString()
      });
      const row = await repo.getInformEntry(trx, proposalId, id);
      await recordChange(trx, caller, 'proposal', proposalId, { informEntry: null }, { informEntry: auditEntry(row) });
      return this.logOf(trx, caller, proposal);
    });
  }

  async remove(caller: Caller, proposalId: string, entryId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await writableProposal(trx, caller, proposalId);
      const row = await repo.findInformEntry(trx, proposalId, entryId);
      if (!row) throw new NotFound('inform log entry');
      await repo.deleteInformEntry(trx, entryId);
      await recordChange(trx, caller, 'proposal', proposalId, { informEntry: auditEntry(row) }, { informEntry: null });
    });
  }

  /** The partnership's flagged proposals (only when its first-to-inform rule is on). */
  async report(caller: Caller, partnershipId: string, query: FirstToInformQuery): Promise<FirstToInformReport> {
    const partnership = await findPartnership(this.db, partnershipId);
    if (!partnership || !canSeePartnership(caller, partnershipId)) throw new NotFound('partnership');
    const year = query.year ?? null;
    const applies = partnership.first_to_inform === 1;
    if (!applies) return { partnershipId, year, applies, items: [] };
    const proposals = await repo.proposalsWithLog(this.db, partnershipId);
    const states = await informStates(this.db, caller, proposals.map((p) => ({ id: p.id, partnership_id: partnershipId, stage: p.stage })));
    const items = proposals.flatMap((p) => {
      const { state } = states.get(p.id)!;
      if (state.ok) return [];
      if (year !== null && (state.firstOtherContactOn ?? '').slice(0, 4) !== String(year)) return [];
      return [{ proposalId: p.id, acronym: p.acronym, title: p.title, stage: p.stage as ProposalStage, partnerInformedOn: state.partnerInformedOn, firstOtherContactOn: state.firstOtherContactOn, reason: state.reason }];
    });
    return { partnershipId, year, applies, items };
  }
}
