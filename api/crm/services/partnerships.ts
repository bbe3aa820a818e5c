/**
 * Partnerships: who may see and change them, their references, the renewal
 * chain and the members. Date rules (status, notice, deadlines) live in
 * agreement-dates.ts; this module only feeds them the stored dates and today.
 *
 * Permissions (see access.ts for the vocabulary)
 * - Read: members of the partnership and system administrators; anyone else
 *   gets 404, exactly as for a partnership that does not exist.
 * - Create: system administrators and users who are admin or officer in at
 *   least one partnership. A creator who is not a system administrator
 *   becomes the new partnership's admin.
 * - Change (PATCH, own domains): the partnership's admins and officers and
 *   system administrators; editors and viewers get 403.
 * - Delete and members: the partnership's admins and system administrators.
 *   A partnership that another one renews (its predecessor) cannot be
 *   deleted (409). The last admin of a partnership cannot be removed or
 *   demoted (409); make someone else admin first.
 *
 * References in a body must exist and be visible to the caller, else 400 at
 * the field's path: regions exist (shared reference data); party and
 * stakeholder organisations and contact persons are visible (or already on
 * this partnership); domains are standard ones or this partnership's own;
 * the predecessor is a visible partnership, not this one, not one of its
 * successors (no cycles) and not already renewed by another agreement. An
 * unchanged predecessor is not re-checked, so a member who cannot see an
 * older agreement can still edit the renewal.
 *
 * Creating a partnership's own domain also chooses it for the partnership,
 * so the partnership's version goes up.
 *
 * Lists: filters on parties' regions and organisations (as party or
 * stakeholder), chosen domain and title words run in SQL. `status` is derived
 * from dates and today, so it is filtered here while walking the keyset
 * pages (collectPage); the cursor always names the last item handed out, so
 * pages stay complete and never repeat.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId, nowIso } from '../../../db/ids.js';
import { findDomainByCode, findDomains, insertDomain } from '../../../db/crm/domains.js';
import type { Page } from '../../../db/platform/pagination.js';
import * as repo from '../../../db/crm/partnerships.js';
import { ftsMatchExpression } from '../../../db/crm/search.js';
import { findUser, membersOf, setMembership } from '../../../db/platform/users.js';
import type { Database, DomainRow, PartnershipRow } from '../../../db/schema.js';
import { Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed, canSeePartnership, canWriteIn, checkVersion, pageRequest, recordChange, roleIn, scopeOf, unknownReference, words, type Caller, type FieldError, type PartnershipRole } from '../../platform/index.js';
import type { Domain } from '../schemas/domains.js';
import type {
  CooperationForm,
  Party,
  Partnership,
  PartnershipCreate,
  PartnershipDomainCreate,
  PartnershipListItem,
  PartnershipListQuery,
  PartnershipPatch,
  PartyInput
} from '../schemas/partnerships.js';
import { type AgreementDates, agreementDateProblems, agreementGlance, agreementStatus, dayOf } from '../rules/agreement-dates.js';
import { toDomain } from './domains.js';
import { holdForDelete, holdForWrite } from '../../../db/row-locks.js';
import { changeRole } from './memberships.js';

const RECORD_WRITERS: PartnershipRole[] = ['admin', 'officer'];
const MANAGERS: PartnershipRole[] = ['admin'];

export interface Member {
  userId: string;
  name: string;
  email: string;
  organisationName: string | null;
  role: PartnershipRole;
}

export function datesOf(row: PartnershipRow): AgreementDates {
  return {
    signedOn: row.signed_on,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    noticeMonths: row.notice_months,
    noticeSentOn: row.notice_sent_on,
    renewalLeadMonths: row.renewal_lead_months
  };
}

/**
 * One page of the items `fetch` walks through that `keep` accepts: fetches
 * batches until `limit` kept items and one more are found (or the rows run
 * out). The next cursor points after the last item handed out.
 */
export async function collectPage<T>(
  fetch: (cursor: string | null, batch: number) => Promise<Page<T>>,
  keep: (item: T) => boolean,
  limit: number,
  cursorOf: (item: T) => string,
  start: string | null,
  batch = Math.max(limit + 1, 100)
): Promise<Page<T>> {
  const kept: T[] = [];
  let cursor = start;
  for (;;) {
    const page = await fetch(cursor, batch);
    for (const item of page.items) {
      if (!keep(item)) continue;
      kept.push(item);
      if (kept.length > limit) break;
    }
    if (kept.length > limit || page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  const items = kept.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: kept.length > limit && last ? cursorOf(last) : null };
}

/** What the audit trail keeps: the record without the caller's role and the figures that move with the calendar. */
function auditView(p: Partnership) {
  const { memberRole: _role, status: _status, daysUntilEnd: _days, daysUntilLastNoticeDay: _notice, daysUntilRenewalDecision: _renewal, ...rest } = p;
  return rest;
}

function assertMayCreate(caller: Caller): void {
  if (caller.isAdmin || Object.values(caller.roles).some((r) => RECORD_WRITERS.includes(r))) return;
  throw new Forbidden('problems_crm_createPartnershipForbidden');
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

function value<T>(patched: T | undefined, stored: T): T {
  return patched === undefined ? stored : patched;
}

interface Stored {
  id: string | null;
  predecessorId: string | null;
  organisationIds: Set<string>;
  contactPersonIds: Set<string>;
  stakeholderIds: Set<string>;
}

const NOTHING_STORED: Stored = { id: null, predecessorId: null, organisationIds: new Set(), contactPersonIds: new Set(), stakeholderIds: new Set() };

export class PartnershipService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  private today(): string {
    return dayOf(this.clock());
  }

  /**
   * Maps rows to the response shape, loading parties, domains, stakeholders and successors in one go;
   * a list leaves out the stakeholders (hundreds each; read one partnership for them).
   */
  private async present(
    db: Kysely<Database>,
    caller: Caller,
    rows: PartnershipRow[],
    roleOf: (id: string) => PartnershipRole | null = (id) => roleIn(caller, id),
    withStakeholders = true
  ): Promise<Partnership[]> {
    const ids = rows.map((r) => r.id);
    const parties = groupBy(await repo.partiesOf(db, ids), (p) => p.partnership_id);
    const domains = groupBy(await repo.chosenDomainsOf(db, ids), (d) => d.chosen_by);
    const stakeholders = groupBy(withStakeholders ? await repo.stakeholdersOf(db, ids) : [], (s) => s.partnership_id);
    const successors = new Map<string, string>();
    for (const s of await repo.successorsOf(db, scopeOf(caller), ids)) if (s.predecessor_id && !successors.has(s.predecessor_id)) successors.set(s.predecessor_id, s.id);
    const today = this.today();
    return rows.map((row) => {
      const glance = agreementGlance(datesOf(row), today);
      return {
        id: row.id,
        title: row.title,
        status: glance.status,
        parties: (parties.get(row.id) ?? []).map(
          (p): Party => ({
            id: p.id,
            regionId: p.region_id,
            regionName: p.region_name,
            organisationId: p.organisation_id,
            organisationName: p.organisation_name,
            contactPersonId: p.contact_person_id,
            contactPersonName: p.contact_person_name,
            networks: p.networks
          })
        ),
        signedOn: row.signed_on,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        noticeMonths: row.notice_months,
        noticeSentOn: row.notice_sent_on,
        renewalLeadMonths: row.renewal_lead_months,
        predecessorId: row.predecessor_id,
        successorId: successors.get(row.id) ?? null,
        domains: (domains.get(row.id) ?? []).map((d) => toDomain(d as DomainRow)),
        forms: row.forms,
        obligations: {
          visitsPerYear: row.visits_per_year,
          evaluationMonth: row.evaluation_month,
          workPlanMonth: row.work_plan_month,
          firstToInform: row.first_to_inform === 1
        },
        stakeholders: (stakeholders.get(row.id) ?? []).map((s) => ({ id: s.id, name: s.name })),
        effectiveEndOn: glance.effectiveEndOn,
        daysUntilEnd: glance.daysUntilEnd,
        lastNoticeDay: glance.lastNoticeDay,
        daysUntilLastNoticeDay: glance.daysUntilLastNoticeDay,
        renewalDecisionDay: glance.renewalDecisionDay,
        daysUntilRenewalDecision: glance.daysUntilRenewalDecision,
        terminationEffectiveOn: glance.terminationEffectiveOn,
        memberRole: roleOf(row.id),
        version: row.version,
        createdAt: row.created_at,
        updatedAt: row.updated_at
      };
    });
  }

  private async presentOne(db: Kysely<Database>, caller: Caller, row: PartnershipRow, role?: PartnershipRole | null): Promise<Partnership> {
    const [one] = await this.present(db, caller, [row], role === undefined ? undefined : () => role);
    return one!;
  }

  /** The row when the caller may see it; 404 otherwise. */
  private async visibleRow(db: Kysely<Database>, caller: Caller, id: string): Promise<PartnershipRow> {
    const row = await repo.findPartnership(db, id);
    if (!row || !canSeePartnership(caller, id)) throw new NotFound('partnership');
    return row;
  }

  private async storedOf(db: Kysely<Database>, row: PartnershipRow): Promise<Stored> {
    const parties = await repo.partiesOf(db, [row.id]);
    const stakeholders = await repo.stakeholdersOf(db, [row.id]);
    return {
      id: row.id,
      predecessorId: row.predecessor_id,
      organisationIds: new Set(parties.map((p) => p.organisation_id)),
      contactPersonIds: new Set(parties.flatMap((p) => (p.contact_person_id ? [p.contact_person_id] : []))),
      stakeholderIds: new Set(stakeholders.map((s) => s.id))
    };
  }

  /** Every reference in a body that is missing or invisible to the caller, as field errors. */
  private async referenceProblems(
    db: Kysely<Database>,
    caller: Caller,
    input: { parties?: PartyInput[]; predecessorId?: string | null; domainIds?: string[]; stakeholderIds?: string[] },
    stored: Stored
  ): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const scope = scopeOf(caller);
    if (input.parties) {
      const regions = await repo.existingRegionIds(db, input.parties.map((p) => p.regionId));
      const organisations = await repo.visibleOrganisationIds(db, scope, input.parties.map((p) => p.organisationId));
      const people = await repo.visiblePersonIds(db, scope, input.parties.flatMap((p) => (p.contactPersonId ? [p.contactPersonId] : [])));
      input.parties.forEach((p, i) => {
        if (!regions.has(p.regionId)) errors.push({ path: `parties.${i}.regionId`, ...words('problems_notFound_region') });
        if (!organisations.has(p.organisationId) && !stored.organisationIds.has(p.organisationId)) errors.push({ path: `parties.${i}.organisationId`, ...words('problems_notFound_organisation') });
        if (p.contactPersonId && !people.has(p.contactPersonId) && !stored.contactPersonIds.has(p.contactPersonId)) errors.push({ path: `parties.${i}.contactPersonId`, ...words('problems_notFound_person') });
      });
    }
    if (input.stakeholderIds) {
      const organisations = await repo.visibleOrganisationIds(db, scope, input.stakeholderIds);
      input.stakeholderIds.forEach((id, i) => {
        if (!organisations.has(id) && !stored.stakeholderIds.has(id)) errors.push({ path: `stakeholderIds.${i}`, ...words('problems_notFound_organisation') });
      });
    }
    if (input.domainIds) {
      const found = new Map((await findDomains(db, input.domainIds)).map((d) => [d.id, d]));
      input.domainIds.forEach((id, i) => {
        const domain = found.get(id);
        if (!domain || (domain.partnership_id !== null && domain.partnership_id !== stored.id)) errors.push({ path: `domainIds.${i}`, ...words('problems_crm_field_domainNotHere') });
      });
    }
    const predecessorId = input.predecessorId;
    if (predecessorId && predecessorId !== stored.predecessorId) {
      const path = 'predecessorId';
      if (predecessorId === stored.id) errors.push({ path, ...words('problems_crm_field_renewsItself') });
      else if (!(await repo.findPartnership(db, predecessorId)) || !canSeePartnership(caller, predecessorId)) errors.push({ path, ...words('problems_notFound_partnership') });
      else if (stored.id && (await repo.predecessorChain(db, predecessorId)).includes(stored.id)) errors.push({ path, ...words('problems_crm_field_renewalLoop') });
      else if (await repo.findSuccessor(db, predecessorId, stored.id)) errors.push({ path, ...words('problems_crm_field_renewedAlready') });
    }
    return errors;
  }

  private partyRows(parties: PartyInput[], existing: Map<string, string>): repo.NewParty[] {
    return parties.map((p) => ({
      id: existing.get(p.organisationId) ?? newId(),
      region_id: p.regionId,
      organisation_id: p.organisationId,
      contact_person_id: p.contactPersonId,
      networks: p.networks
    }));
  }

  async list(caller: Caller, query: PartnershipListQuery): Promise<Page<PartnershipListItem>> {
    const { column, page } = pageRequest(query, { title: 'title', endsOn: 'ends_on', updatedAt: 'updated_at' } as const);
    const match = query.q ? (ftsMatchExpression(query.q) ?? undefined) : undefined;
    const filter = { regionId: query.regionId, organisationId: query.organisationId, domainId: query.domainId, match };
    const scope = scopeOf(caller);
    const fetch = (cursor: string | null, limit: number) => repo.listPartnerships(this.db, scope, filter, column, { ...page, cursor, limit });
    let result: Page<PartnershipRow>;
    if (query.status) {
      const today = this.today();
      const status = query.status;
      result = await collectPage(fetch, (row) => agreementStatus(datesOf(row), today) === status, page.limit, (row) => repo.cursorAfter(row, column), page.cursor ?? null);
    } else {
      result = await fetch(page.cursor ?? null, page.limit);
    }
    const items = await this.present(this.db, caller, result.items, undefined, false);
    return { items: items.map(({ stakeholders: _, ...item }) => item), nextCursor: result.nextCursor };
  }

  async get(caller: Caller, id: string): Promise<Partnership> {
    const row = await this.visibleRow(this.db, caller, id);
    return this.presentOne(this.db, caller, row);
  }

  async create(caller: Caller, input: PartnershipCreate): Promise<Partnership> {
    assertMayCreate(caller);
    return this.db.transaction().execute(async (trx) => {
      // the agreement it renews is held: two renewals of one agreement at once are one renewal and a 400, as one after the other
      if (input.predecessorId) await holdForWrite(trx, 'partnerships', input.predecessorId);
      const errors = [
        ...agreementDateProblems({ ...input }),
        ...(await this.referenceProblems(trx, caller, input, NOTHING_STORED))
      ];
      if (errors.length) throw new ValidationFailed(errors);
      const id = newId();
      const row = await repo.insertPartnership(trx, {
        id,
        title: input.title,
        signed_on: input.signedOn,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        notice_months: input.noticeMonths,
        notice_sent_on: input.noticeSentOn,
        renewal_lead_months: input.renewalLeadMonths,
        predecessor_id: input.predecessorId,
        forms: input.forms,
        visits_per_year: input.obligations.visitsPerYear,
        evaluation_month: input.obligations.evaluationMonth,
        work_plan_month: input.obligations.workPlanMonth,
        first_to_inform: input.obligations.firstToInform ? 1 : 0
      });
      await repo.replaceParties(trx, id, this.partyRows(input.parties, new Map()));
      await repo.replaceDomains(trx, id, input.domainIds);
      await repo.replaceStakeholders(trx, id, input.stakeholderIds);
      const role: PartnershipRole | null = caller.isAdmin ? null : 'admin';
      if (role) await setMembership(trx, caller.userId, id, role);
      const created = await this.presentOne(trx, caller, row, role);
      await recordChange(trx, caller, 'partnership', id, null, auditView(created));
      return created;
    });
  }

  async update(caller: Caller, id: string, patch: PartnershipPatch, expected: number | null): Promise<Partnership> {
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'partnerships', id);
      const row = await this.visibleRow(trx, caller, id);
      if (!canWriteIn(caller, id, RECORD_WRITERS)) throw new Forbidden('problems_crm_agreementForbidden');
      const before = await this.presentOne(trx, caller, row);
      checkVersion(expected, before);
      const dates: AgreementDates = {
        signedOn: value(patch.signedOn, row.signed_on),
        startsOn: value(patch.startsOn, row.starts_on),
        endsOn: value(patch.endsOn, row.ends_on),
        noticeMonths: value(patch.noticeMonths, row.notice_months),
        noticeSentOn: value(patch.noticeSentOn, row.notice_sent_on),
        renewalLeadMonths: value(patch.renewalLeadMonths, row.renewal_lead_months)
      };
      const stored = await this.storedOf(trx, row);
      if (patch.predecessorId && patch.predecessorId !== row.predecessor_id) await holdForWrite(trx, 'partnerships', patch.predecessorId);
      const errors = [...agreementDateProblems(dates), ...(await this.referenceProblems(trx, caller, patch, stored))];
      if (errors.length) throw new ValidationFailed(errors);
      const obligations = patch.obligations ?? {};
      const updated = await repo.updatePartnership(trx, id, row.version, {
        title: patch.title,
        signed_on: patch.signedOn,
        starts_on: patch.startsOn,
        ends_on: patch.endsOn,
        notice_months: patch.noticeMonths,
        notice_sent_on: patch.noticeSentOn,
        renewal_lead_months: patch.renewalLeadMonths,
        predecessor_id: patch.predecessorId,
        forms: patch.forms,
        visits_per_year: obligations.visitsPerYear,
        evaluation_month: obligations.evaluationMonth,
        work_plan_month: obligations.workPlanMonth,
        first_to_inform: obligations.firstToInform === undefined ? undefined : obligations.firstToInform ? 1 : 0,
        updated_at: nowIso()
      });
      if (!updated) throw new PreconditionFailed(before);
      if (patch.parties) {
        const existing = new Map(before.parties.map((p) => [p.organisationId, p.id]));
        await repo.replaceParties(trx, id, this.partyRows(patch.parties, existing));
      }
      if (patch.domainIds) await repo.replaceDomains(trx, id, patch.domainIds);
      if (patch.stakeholderIds) await repo.replaceStakeholders(trx, id, patch.stakeholderIds);
      const after = await this.presentOne(trx, caller, updated);
      await recordChange(trx, caller, 'partnership', id, auditView(before), auditView(after));
      return after;
    });
  }

  async delete(caller: Caller, id: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await holdForDelete(trx, 'partnerships', id);
      const row = await this.visibleRow(trx, caller, id);
      if (!canWriteIn(caller, id, MANAGERS)) throw new Forbidden('problems_crm_deletePartnershipForbidden');
      const before = await this.presentOne(trx, caller, row);
      checkVersion(expected, before);
      const successor = await repo.findSuccessor(trx, id);
      if (successor) throw new Conflict('problems_crm_renewedCannotDelete');
      await repo.deletePartnership(trx, id);
      await recordChange(trx, caller, 'partnership', id, auditView(before), null);
    });
  }

  private async assertManages(db: Kysely<Database>, caller: Caller, id: string): Promise<PartnershipRow> {
    const row = await this.visibleRow(db, caller, id);
    if (!canWriteIn(caller, id, MANAGERS)) throw new Forbidden('problems_crm_membersForbidden');
    return row;
  }

  private async memberList(db: Kysely<Database>, id: string): Promise<Member[]> {
    return (await membersOf(db, id)).map((m) => ({ userId: m.id, name: m.name, email: m.email, organisationName: m.organisation_name, role: m.role as PartnershipRole }));
  }

  async members(caller: Caller, id: string): Promise<Member[]> {
    await this.assertManages(this.db, caller, id);
    return this.memberList(this.db, id);
  }

  /** Gives a user a role in the partnership, changes it, or (role null) removes them. */
  async setMember(caller: Caller, id: string, input: { userId: string; role: PartnershipRole | null }): Promise<Member[]> {
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'partnerships', id);
      await this.assertManages(trx, caller, id);
      const user = await findUser(trx, input.userId);
      if (!user) throw unknownReference('userId', 'user');
      const current = await changeRole(trx, { partnershipId: id, userId: input.userId, role: input.role }, 'role');
      if (current === input.role) return this.memberList(trx, id);
      const who = { userId: user.id, name: user.name };
      await recordChange(trx, caller, 'partnership', id, { member: { ...who, role: current } }, { member: { ...who, role: input.role } });
      return this.memberList(trx, id);
    });
  }

  /** Creates a cooperation domain of this partnership only and chooses it for the partnership. */
  async addDomain(caller: Caller, id: string, input: PartnershipDomainCreate, expected: number | null): Promise<Domain> {
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'partnerships', id);
      const row = await this.visibleRow(trx, caller, id);
      if (!canWriteIn(caller, id, RECORD_WRITERS)) throw new Forbidden('problems_crm_addDomainForbidden');
      const before = await this.presentOne(trx, caller, row);
      checkVersion(expected, before);
      if (await findDomainByCode(trx, input.code, id)) {
        throw new Conflict(words('problems_crm_domainCodeTaken'), { errors: [{ path: 'code', ...words('problems_crm_field_chooseAnotherCode') }] });
      }
      const domain = await insertDomain(trx, { id: newId(), partnership_id: id, number: null, code: input.code, label_en: input.labels.en, label_de: input.labels.de, label_nl: input.labels.nl });
      await repo.addDomain(trx, id, domain.id);
      const updated = await repo.updatePartnership(trx, id, row.version, { updated_at: nowIso() });
      if (!updated) throw new PreconditionFailed(before);
      const after = await this.presentOne(trx, caller, updated);
      await recordChange(trx, caller, 'partnership', id, auditView(before), auditView(after));
      return toDomain(domain);
    });
  }
}
