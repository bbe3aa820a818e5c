/** Every SQL statement about organisations, their domains and their stakeholderships. */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { engineOf } from '../dialect.js';
import type { Database, NewOrganisation, OrganisationUpdate } from '../schema.js';
import type { Scope } from '../scope.js';
import { type PageRequest, keysetPage, pageFrom, paginate } from '../platform/pagination.js';
import { visibleAndMatchingAsWalked } from './search.js';
import { organisationsInPartnerships, organisationVisible } from './visibility.js';

export interface OrganisationFilter {
  regionId?: string;
  kind?: string;
  country?: string;
  domainId?: string;
  /** organisations taking part in this partnership, as a party or a stakeholder */
  partnershipId?: string;
  /** words typed by a person, matched by full-text search */
  q?: string;
}

export interface OrganisationDomainRow {
  organisation_id: string;
  domain_id: string;
  maturity: number;
  partnership_id: string | null;
  label_en: string;
  label_de: string;
  label_nl: string;
}

export function findOrganisation(db: Kysely<Database>, id: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

function selectWithRegion(db: Kysely<Database>) {
  return db.selectFrom('organisations').leftJoin('regions', 'regions.id', 'organisations.region_id').selectAll('organisations').select('regions.name as region_name');
}

export type OrganisationWithRegionRow = NonNullable<Awaited<ReturnType<typeof findVisibleOrganisation>>>;

/** The organisation when it exists and the scope may see it. */
export function findVisibleOrganisation(db: Kysely<Database>, scope: Scope, id: string) {
  return selectWithRegion(db).where('organisations.id', '=', id).where(organisationVisible(scope)).executeTakeFirst();
}

export async function listOrganisations(db: Kysely<Database>, scope: Scope, filter: OrganisationFilter, sort: 'name' | 'updated_at', page: PageRequest) {
  // sorted by name with no filter that picks another index, the list walks organisations_name, which holds the folded text
  const walkHoldsText = sort === 'name' && !filter.regionId && !filter.kind && !filter.country;
  const { condition, walksText } = await visibleAndMatchingAsWalked(db, organisationVisible(scope), {
    entityType: 'organisation',
    idColumn: 'organisations.id',
    textColumns: ['organisations.name', 'organisations.short_name'],
    text: filter.q,
    walkHoldsText
  });
  const filtered = <O>(query: SelectQueryBuilder<Database, 'organisations', O>) => {
    let q = query.where(condition);
    if (filter.regionId) q = q.where('organisations.region_id', '=', filter.regionId);
    if (filter.kind) q = q.where('organisations.kind', '=', filter.kind);
    if (filter.country) q = q.where('organisations.country', '=', filter.country);
    if (filter.domainId) {
      const domainId = filter.domainId;
      q = q.where('organisations.id', 'in', (eb) => eb.selectFrom('organisation_domains').select('organisation_id').where('domain_id', '=', domainId));
    }
    if (filter.partnershipId) {
      const partnershipId = filter.partnershipId;
      q = q.where((eb) => eb('organisations.id', 'in', organisationsInPartnerships(eb, [partnershipId])));
    }
    return q;
  };
  if (walkHoldsText && walksText && engineOf(db) === 'postgres') return namePageKeysFirst(db, filtered, page);
  return paginate(filtered(selectWithRegion(db)), page, `organisations.${sort}`, 'organisations.id', (r) => r[sort], (r) => r.id);
}

/**
 * PostgreSQL, a name list searched for words many organisations hold (it
 * walks the name order testing each row's text): the page's ids and names
 * first, then its rows. PostgreSQL takes a row's folded text from the index
 * entry (organisations_name, migration 20261207T0900) only in an index-only
 * scan, which the page's keys can be read by and the whole rows cannot:
 * otherwise it folds the text of every row it walks again (an officer's
 * page of a common word walks a couple of thousand).
 */
async function namePageKeysFirst(
  db: Kysely<Database>,
  filtered: <O>(query: SelectQueryBuilder<Database, 'organisations', O>) => SelectQueryBuilder<Database, 'organisations', O>,
  page: PageRequest
) {
  const keys = keysetPage(filtered(db.selectFrom('organisations').select(['organisations.id', 'organisations.name'])), page, 'organisations.name', 'organisations.id');
  const rows = await db
    .selectFrom(keys.as('page'))
    .innerJoin('organisations', 'organisations.id', 'page.id')
    .leftJoin('regions', 'regions.id', 'organisations.region_id')
    .selectAll('organisations')
    .select('regions.name as region_name')
    .orderBy('page.name', page.direction)
    .orderBy('page.id', page.direction)
    .execute();
  return pageFrom(rows, page, (r) => r.name, (r) => r.id);
}

/** Names of those organisations among `ids` that the scope may see. */
export async function visibleOrganisationNames(db: Kysely<Database>, scope: Scope, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).where(organisationVisible(scope)).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function organisationsByIds(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('organisations').select(['id', 'name', 'short_name', 'kind', 'country']).where('id', 'in', ids).execute();
}

export function insertOrganisation(db: Kysely<Database>, values: NewOrganisation) {
  return db.insertInto('organisations').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; returns undefined when it does not. */
export function updateOrganisation(db: Kysely<Database>, id: string, version: number, values: OrganisationUpdate) {
  return db
    .updateTable('organisations')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteOrganisation(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('organisations').where('id', '=', id).execute();
}

/** Domains of interest with their maturity, for several organisations at once. */
export function domainsOfOrganisations(db: Kysely<Database>, ids: string[]): Promise<OrganisationDomainRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('organisation_domains')
    .innerJoin('domains', 'domains.id', 'organisation_domains.domain_id')
    .select([
      'organisation_domains.organisation_id',
      'organisation_domains.domain_id',
      'organisation_domains.maturity',
      'domains.partnership_id',
      'domains.label_en',
      'domains.label_de',
      'domains.label_nl'
    ])
    .where('organisation_domains.organisation_id', 'in', ids)
    .orderBy('domains.number')
    .orderBy('domains.label_en')
    .execute();
}

export async function replaceOrganisationDomains(db: Kysely<Database>, id: string, domains: { domainId: string; maturity: number }[]): Promise<void> {
  await db.deleteFrom('organisation_domains').where('organisation_id', '=', id).execute();
  if (!domains.length) return;
  await db
    .insertInto('organisation_domains')
    .values(domains.map((d) => ({ organisation_id: id, domain_id: d.domainId, maturity: d.maturity })))
    .execute();
}

/** Partnerships each organisation takes part in as a stakeholder. */
export function stakeholdershipsOf(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('partnership_stakeholders')
    .select(['organisation_id', 'partnership_id'])
    .where('organisation_id', 'in', ids)
    .orderBy('partnership_id')
    .execute();
}

/** The organisation's stakeholderships become `partnershipIds`; a pair another writer put in at the same moment stays, once (the key makes a second insert do nothing). */
export async function replaceStakeholderships(db: Kysely<Database>, id: string, partnershipIds: string[]): Promise<void> {
  await db.deleteFrom('partnership_stakeholders').where('organisation_id', '=', id).execute();
  if (!partnershipIds.length) return;
  await db
    .insertInto('partnership_stakeholders')
    .values(partnershipIds.map((partnershipId) => ({ organisation_id: id, partnership_id: partnershipId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Every partnership the organisation takes part in, as a party or a stakeholder. */
export async function partnershipsOfOrganisation(db: Kysely<Database>, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('partnership_parties')
    .select('partnership_id')
    .where('organisation_id', '=', id)
    .union(db.selectFrom('partnership_stakeholders').select('partnership_id').where('organisation_id', '=', id))
    .execute();
  return rows.map((r) => r.partnership_id);
}

/** What still points at an organisation and would be lost or orphaned with it. */
export async function organisationUsage(
  db: Kysely<Database>,
  id: string
): Promise<{ parties: number; people: number; users: number; consortia: number; participations: number; budgets: number }> {
  const count = async (table: 'partnership_parties' | 'people' | 'users' | 'consortium_members' | 'activity_participants' | 'budgets') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    parties: await count('partnership_parties'),
    people: await count('people'),
    users: await count('users'),
    consortia: await count('consortium_members'),
    participations: await count('activity_participants'),
    budgets: await count('budgets')
  };
}
