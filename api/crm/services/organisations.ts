/**
 * Organisations: who sees them, who changes them, what a change keeps.
 *
 * - Visible to the members of every partnership the organisation takes part
 *   in (as a party or a stakeholder) and to the users of the organisation
 *   that recorded it; a system administrator sees all. Anything else is 404.
 * - Changed by whoever holds a writing role in one of its partnerships, or
 *   by a writer whose own organisation recorded it (access.canWriteRecord).
 * - Stakeholderships (`partnershipIds`): adding or removing one needs a
 *   writing role in that partnership; partnerships the caller cannot see are
 *   neither shown nor touched. Likewise domains that belong to a partnership
 *   the caller cannot see stay as they are and are not shown.
 * - Delete is refused (409) while the organisation is a party of a
 *   partnership, employs people or has user accounts: those would be
 *   orphaned. Its interactions go with it, each leaving an audit event.
 * - The audit trail keeps the full record (all stakeholderships and
 *   domains), not the caller's view of it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId, nowIso } from '../../../db/ids.js';
import * as repo from '../../../db/crm/organisations.js';
import type { OrganisationDomainRow, OrganisationWithRegionRow } from '../../../db/crm/organisations.js';
import { findPartnership } from '../../../db/crm/partnerships.js';
import { findRegion } from '../../../db/crm/regions.js';
import type { Database } from '../../../db/schema.js';
import { Conflict, NotFound, PreconditionFailed, assertCanWriteRecord, assertWriterSomewhere, canSeePartnership, checkVersion, pageRequest, partnershipLinksAfter, recordChange, scopeOf, unknownReference, words, type Caller, type Words } from '../../platform/index.js';
import { StillUsed } from './still-used.js';
import type { Organisation, OrganisationCreate, OrganisationListItem, OrganisationListQuery, OrganisationPatch } from '../schemas/organisations.js';
import { assertDomainsUsable } from './domains.js';
import { recordInteractionsLeaving } from './interactions.js';
import { holdForDelete, holdForWrite } from '../../../db/row-locks.js';

/** Decides whether a partnership may be shown to the one reading. */
type Sees = (partnershipId: string) => boolean;
const SEES_ALL: Sees = () => true;
const seenBy = (caller: Caller): Sees => (id) => canSeePartnership(caller, id);

interface Details {
  domains: OrganisationDomainRow[];
  stakeholderships: string[];
}

interface Loaded {
  row: OrganisationWithRegionRow;
  details: Details;
}

export interface DomainInterest {
  domainId: string;
  maturity: number;
}

/** The organisation as a list shows it. */
export function toListItem(row: OrganisationWithRegionRow): OrganisationListItem {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind as Organisation['kind'],
    regionId: row.region_id,
    regionName: row.region_name,
    country: row.country,
    nutsCode: row.nuts_code,
    website: row.website,
    recordedByOrganisationId: row.recorded_by_organisation_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

export function toOrganisation(row: OrganisationWithRegionRow, details: Details, sees: Sees): Organisation {
  return {
    ...toListItem(row),
    domains: details.domains
      .filter((d) => d.partnership_id === null || sees(d.partnership_id))
      .map((d) => ({ domainId: d.domain_id, maturity: d.maturity, labels: { en: d.label_en, de: d.label_de, nl: d.label_nl } })),
    partnershipIds: details.stakeholderships.filter(sees)
  };
}

/**
 * The stakeholderships after the caller asks for `requested`: unknown or
 * invisible partnerships are a 400 at `partnershipIds.i`; adding or removing
 * one without a writing role in it is a 403; invisible ones are kept.
 */
export function stakeholdershipsAfter(caller: Caller, current: string[], requested: string[], exists: (id: string) => boolean): string[] {
  return partnershipLinksAfter(caller, current, requested, exists, 'problems_roleForbidsStakeholders');
}

/** The domains after a change: what was asked for, plus those of partnerships the caller cannot see. */
export function domainsAfter(current: OrganisationDomainRow[], requested: DomainInterest[], sees: Sees): DomainInterest[] {
  const hidden = current
    .filter((d) => d.partnership_id !== null && !sees(d.partnership_id))
    .filter((d) => !requested.some((r) => r.domainId === d.domain_id))
    .map((d) => ({ domainId: d.domain_id, maturity: d.maturity }));
  return [...requested, ...hidden];
}

async function detailsOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, Details>> {
  const [domains, stakeholderships] = await Promise.all([repo.domainsOfOrganisations(db, ids), repo.stakeholdershipsOf(db, ids)]);
  return new Map(
    ids.map((id) => [
      id,
      {
        domains: domains.filter((d) => d.organisation_id === id),
        stakeholderships: stakeholderships.filter((s) => s.organisation_id === id).map((s) => s.partnership_id)
      }
    ])
  );
}

async function loadVisible(db: Kysely<Database>, caller: Caller | null, id: string): Promise<Loaded> {
  const row = await repo.findVisibleOrganisation(db, caller ? scopeOf(caller) : { all: true }, id);
  if (!row) throw new NotFound('organisation');
  const details = (await detailsOf(db, [id])).get(id)!;
  return { row, details };
}

async function assertRegionExists(db: Kysely<Database>, regionId: string | null | undefined): Promise<void> {
  if (regionId && !(await findRegion(db, regionId))) throw unknownReference('regionId', 'region');
}

async function existingPartnerships(db: Kysely<Database>, ids: string[]): Promise<Set<string>> {
  const found = await Promise.all(ids.map((id) => findPartnership(db, id)));
  return new Set(found.filter((p) => p !== undefined).map((p) => p.id));
}

async function resolveStakeholderships(db: Kysely<Database>, caller: Caller, current: string[], requested: string[]): Promise<string[]> {
  const exists = await existingPartnerships(db, requested.filter((id) => !current.includes(id)));
  return stakeholdershipsAfter(caller, current, requested, (id) => exists.has(id));
}

export class OrganisationService {
  constructor(private readonly db: DB) {}

  async list(caller: Caller, query: OrganisationListQuery) {
    if (query.partnershipId && !canSeePartnership(caller, query.partnershipId)) return { items: [], nextCursor: null };
    const { column, page } = pageRequest(query, { name: 'name', updatedAt: 'updated_at' } as const);
    const filter = { regionId: query.regionId, kind: query.kind, country: query.country, domainId: query.domainId, partnershipId: query.partnershipId, q: query.q };
    const result = await repo.listOrganisations(this.db, scopeOf(caller), filter, column, page);
    return { items: result.items.map(toListItem), nextCursor: result.nextCursor };
  }

  async get(caller: Caller, id: string): Promise<Organisation> {
    const { row, details } = await loadVisible(this.db, caller, id);
    return toOrganisation(row, details, seenBy(caller));
  }

  async create(caller: Caller, input: OrganisationCreate): Promise<Organisation> {
    assertWriterSomewhere(caller);
    return this.db.transaction().execute(async (trx) => {
      await assertRegionExists(trx, input.regionId);
      await assertDomainsUsable(trx, caller, input.domains.map((d) => d.domainId), 'domains');
      const stakeholderships = await resolveStakeholderships(trx, caller, [], input.partnershipIds);
      const id = newId();
      await repo.insertOrganisation(trx, {
        id,
        name: input.name,
        short_name: input.shortName,
        kind: input.kind,
        region_id: input.regionId,
        country: input.country,
        nuts_code: input.nutsCode,
        website: input.website,
        recorded_by_organisation_id: caller.organisationId
      });
      await repo.replaceOrganisationDomains(trx, id, input.domains);
      await repo.replaceStakeholderships(trx, id, stakeholderships);
      const after = await loadVisible(trx, null, id);
      await recordChange(trx, caller, 'organisation', id, null, toOrganisation(after.row, after.details, SEES_ALL));
      return toOrganisation(after.row, after.details, seenBy(caller));
    });
  }

  async update(caller: Caller, id: string, patch: OrganisationPatch, expected: number | null): Promise<Organisation> {
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'organisations', id);
      const current = await loadVisible(trx, caller, id);
      assertCanWriteRecord(caller, current.row.recorded_by_organisation_id, await repo.partnershipsOfOrganisation(trx, id));
      const before = toOrganisation(current.row, current.details, seenBy(caller));
      checkVersion(expected, before);
      await assertRegionExists(trx, patch.regionId);
      if (patch.domains) await assertDomainsUsable(trx, caller, patch.domains.map((d) => d.domainId), 'domains');
      const stakeholderships = patch.partnershipIds && (await resolveStakeholderships(trx, caller, current.details.stakeholderships, patch.partnershipIds));
      const updated = await repo.updateOrganisation(trx, id, current.row.version, {
        name: patch.name,
        short_name: patch.shortName,
        kind: patch.kind,
        region_id: patch.regionId,
        country: patch.country,
        nuts_code: patch.nutsCode,
        website: patch.website,
        updated_at: nowIso()
      });
      if (!updated) throw new PreconditionFailed(before);
      if (patch.domains) await repo.replaceOrganisationDomains(trx, id, domainsAfter(current.details.domains, patch.domains, seenBy(caller)));
      if (stakeholderships) await repo.replaceStakeholderships(trx, id, stakeholderships);
      const after = await loadVisible(trx, null, id);
      await recordChange(trx, caller, 'organisation', id, toOrganisation(current.row, current.details, SEES_ALL), toOrganisation(after.row, after.details, SEES_ALL));
      return toOrganisation(after.row, after.details, seenBy(caller));
    });
  }

  async delete(caller: Caller, id: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await holdForDelete(trx, 'organisations', id);
      const current = await loadVisible(trx, caller, id);
      assertCanWriteRecord(caller, current.row.recorded_by_organisation_id, await repo.partnershipsOfOrganisation(trx, id));
      checkVersion(expected, toOrganisation(current.row, current.details, seenBy(caller)));
      await assertDeletable(trx, id);
      await recordInteractionsLeaving(trx, caller, { organisationId: id });
      await repo.deleteOrganisation(trx, id);
      await recordChange(trx, caller, 'organisation', id, toOrganisation(current.row, current.details, SEES_ALL), null);
    });
  }
}

async function assertDeletable(db: Kysely<Database>, id: string): Promise<void> {
  const usage = await repo.organisationUsage(db, id);
  const uses: Words[] = [
    usage.parties ? words('problems_crm_use_parties', { count: usage.parties }) : null,
    usage.people ? words('problems_crm_use_people', { count: usage.people }) : null,
    usage.users ? words('problems_crm_use_users', { count: usage.users }) : null,
    usage.consortia ? words('problems_crm_use_consortia', { count: usage.consortia }) : null,
    usage.participations ? words('problems_crm_use_participations', { count: usage.participations }) : null,
    usage.budgets ? words('problems_crm_use_budgets', { count: usage.budgets }) : null
  ].filter((use) => use !== null);
  if (uses.length) throw new StillUsed('problems_crm_organisationInUse', uses, { usage });
}
