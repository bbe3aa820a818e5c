/** Every SQL statement about partnerships, their parties, domains and stakeholders. */
import { type Insertable, type Kysely, type RawBuilder, sql, type Updateable } from 'kysely';
import { type Decoded, decodeRow, encodeRow, partnershipJson, partyJson } from '../json-columns.js';
import type { Database, NewPartnership, PartnershipPartyTable, PartnershipRow, PartnershipTable, PartnershipUpdate } from '../schema.js';
import type { Scope } from '../scope.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest, rowLimit } from '../platform/pagination.js';
import { organisationVisible, partnershipVisible, personVisible } from './visibility.js';
import { indexMatches } from './search.js';

export async function findPartnership(db: Kysely<Database>, id: string): Promise<PartnershipRow | undefined> {
  const row = await db.selectFrom('partnerships').selectAll().where('id', '=', id).executeTakeFirst();
  return row && decodeRow(partnershipJson, row);
}

export interface PartnershipFilter {
  regionId?: string;
  organisationId?: string;
  domainId?: string;
  /** an FTS5 query over titles, already built (search.ts ftsMatchExpression) */
  match?: string;
}

export type PartnershipSort = 'title' | 'ends_on' | 'updated_at';

/** An open end sorts after every date. */
const OPEN_END = '9999-12-31';

function sortExpression(sort: PartnershipSort): RawBuilder<string> {
  if (sort === 'ends_on') return sql<string>`coalesce(partnerships.ends_on, ${OPEN_END})`;
  return sql<string>`${sql.ref(`partnerships.${sort}`)}`;
}

/** The keyset value of a row for a sort: what cursors carry. */
export function sortValue(row: PartnershipRow, sort: PartnershipSort): string {
  return sort === 'ends_on' ? (row.ends_on ?? OPEN_END) : row[sort];
}

export function cursorAfter(row: PartnershipRow, sort: PartnershipSort): string {
  return encodeCursor(sortValue(row, sort), row.id);
}

export async function listPartnerships(
  db: Kysely<Database>,
  scope: Scope,
  filter: PartnershipFilter,
  sort: PartnershipSort,
  page: PageRequest
): Promise<Page<PartnershipRow>> {
  let query = db.selectFrom('partnerships').selectAll('partnerships').where(partnershipVisible(scope));
  if (filter.regionId) {
    const regionId = filter.regionId;
    query = query.where('partnerships.id', 'in', (eb) => eb.selectFrom('partnership_parties').select('partnership_id').where('region_id', '=', regionId));
  }
  if (filter.organisationId) {
    const organisationId = filter.organisationId;
    query = query.where('partnerships.id', 'in', (eb) =>
      eb
        .selectFrom('partnership_parties')
        .select('partnership_id')
        .where('organisation_id', '=', organisationId)
        .union(eb.selectFrom('partnership_stakeholders').select('partnership_id').where('organisation_id', '=', organisationId))
    );
  }
  if (filter.domainId) {
    const domainId = filter.domainId;
    query = query.where('partnerships.id', 'in', (eb) => eb.selectFrom('partnership_domains').select('partnership_id').where('domain_id', '=', domainId));
  }
  if (filter.match) {
    const match = filter.match;
    query = query.where('partnerships.id', 'in', (eb) =>
      eb.selectFrom('search_index').select('entity_id').where('entity_type', '=', 'partnership').where(indexMatches(match))
    );
  }
  const key = sortExpression(sort);
  const direction = page.direction;
  if (page.cursor) {
    const [value, id] = decodeCursor(page.cursor);
    const op = sql.raw(direction === 'asc' ? '>' : '<');
    query = query.where(sql<boolean>`(${key} ${op} ${value} OR (${key} = ${value} AND partnerships.id ${op} ${id}))`);
  }
  const rows = await query
    .orderBy(key, direction)
    .orderBy('partnerships.id', direction)
    .limit(rowLimit(page.limit + 1))
    .execute();
  const more = rows.length > page.limit;
  const items = (more ? rows.slice(0, page.limit) : rows).map((row) => decodeRow(partnershipJson, row));
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? cursorAfter(last, sort) : null };
}

export async function insertPartnership(db: Kysely<Database>, values: NewPartnership): Promise<PartnershipRow> {
  return decodeRow(partnershipJson, await db.insertInto('partnerships').values(encodeRow(partnershipJson, values)).returningAll().executeTakeFirstOrThrow());
}

/** Updates when the version still matches; returns undefined when it does not. */
export async function updatePartnership(db: Kysely<Database>, id: string, version: number, values: PartnershipUpdate): Promise<PartnershipRow | undefined> {
  const row = await db
    .updateTable('partnerships')
    .set((eb) => ({ ...encodeRow<Updateable<PartnershipTable>>(partnershipJson, values), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row && decodeRow(partnershipJson, row);
}

export async function deletePartnership(db: Kysely<Database>, id: string) {
  await db.deleteFrom('partnerships').where('id', '=', id).execute();
}

/** Parties of the given partnerships with the names of region, organisation and contact person, in order. */
export async function partiesOf(db: Kysely<Database>, partnershipIds: string[]) {
  if (!partnershipIds.length) return [];
  const rows = await db
    .selectFrom('partnership_parties')
    .innerJoin('regions', 'regions.id', 'partnership_parties.region_id')
    .innerJoin('organisations', 'organisations.id', 'partnership_parties.organisation_id')
    .leftJoin('people', 'people.id', 'partnership_parties.contact_person_id')
    .select([
      'partnership_parties.id',
      'partnership_parties.partnership_id',
      'partnership_parties.position',
      'partnership_parties.region_id',
      'regions.name as region_name',
      'partnership_parties.organisation_id',
      'organisations.name as organisation_name',
      'partnership_parties.contact_person_id',
      'people.name as contact_person_name',
      'partnership_parties.networks'
    ])
    .where('partnership_parties.partnership_id', 'in', partnershipIds)
    .orderBy('partnership_parties.partnership_id')
    .orderBy('partnership_parties.position')
    .execute();
  return rows.map((row) => decodeRow(partyJson, row));
}

/** The domains chosen by the given partnerships: standard ones by number, then their own by label. */
export function chosenDomainsOf(db: Kysely<Database>, partnershipIds: string[]) {
  if (!partnershipIds.length) return Promise.resolve([]);
  return db
    .selectFrom('partnership_domains')
    .innerJoin('domains', 'domains.id', 'partnership_domains.domain_id')
    .selectAll('domains')
    .select('partnership_domains.partnership_id as chosen_by')
    .where('partnership_domains.partnership_id', 'in', partnershipIds)
    .orderBy(sql`domains.number IS NULL`)
    .orderBy('domains.number')
    .orderBy('domains.label_en')
    .execute();
}

export function stakeholdersOf(db: Kysely<Database>, partnershipIds: string[]) {
  if (!partnershipIds.length) return Promise.resolve([]);
  return db
    .selectFrom('partnership_stakeholders')
    .innerJoin('organisations', 'organisations.id', 'partnership_stakeholders.organisation_id')
    .select(['partnership_stakeholders.partnership_id', 'organisations.id', 'organisations.name'])
    .where('partnership_stakeholders.partnership_id', 'in', partnershipIds)
    .orderBy('organisations.name')
    .orderBy('organisations.id')
    .execute();
}

/** Partnerships that name one of the given ones as predecessor, limited to those in scope. */
export function successorsOf(db: Kysely<Database>, scope: Scope, partnershipIds: string[]) {
  if (!partnershipIds.length) return Promise.resolve([]);
  return db
    .selectFrom('partnerships')
    .select(['partnerships.id', 'partnerships.predecessor_id'])
    .where('partnerships.predecessor_id', 'in', partnershipIds)
    .where(partnershipVisible(scope))
    .orderBy('partnerships.id')
    .execute();
}

/** Any partnership (visible or not) that names this one as predecessor, except `exceptId`. */
export function findSuccessor(db: Kysely<Database>, id: string, exceptId: string | null = null) {
  let query = db.selectFrom('partnerships').select(['id', 'title']).where('predecessor_id', '=', id);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** The predecessor chain upwards from `id` (inclusive), stopping at a repeat or after `max` steps. */
export async function predecessorChain(db: Kysely<Database>, id: string, max = 1000): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE chain(id, step) AS (
      SELECT id, 0 FROM partnerships WHERE id = ${id}
      UNION
      SELECT p.predecessor_id, chain.step + 1 FROM partnerships p JOIN chain ON p.id = chain.id
      WHERE p.predecessor_id IS NOT NULL AND chain.step < ${max}
    )
    SELECT id FROM chain ORDER BY step`.execute(db);
  return rows.rows.map((r) => r.id);
}

export async function existingRegionIds(db: Kysely<Database>, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('regions').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function visibleOrganisationIds(db: Kysely<Database>, scope: Scope, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('organisations').select('organisations.id').where('organisations.id', 'in', ids).where(organisationVisible(scope)).execute();
  return new Set(rows.map((r) => r.id));
}

export async function visiblePersonIds(db: Kysely<Database>, scope: Scope, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('people').select('people.id').where('people.id', 'in', ids).where(personVisible(scope)).execute();
  return new Set(rows.map((r) => r.id));
}

export type NewParty = Omit<Decoded<Insertable<PartnershipPartyTable>>, 'partnership_id' | 'position'>;

/** Replaces the parties, keeping each row's id as given (so references to a party survive an edit). */
export async function replaceParties(db: Kysely<Database>, partnershipId: string, parties: NewParty[]) {
  await db.deleteFrom('partnership_parties').where('partnership_id', '=', partnershipId).execute();
  if (!parties.length) return;
  await db
    .insertInto('partnership_parties')
    .values(parties.map((p, position) => encodeRow<Insertable<PartnershipPartyTable>>(partyJson, { ...p, partnership_id: partnershipId, position })))
    .execute();
}

export async function replaceDomains(db: Kysely<Database>, partnershipId: string, domainIds: string[]) {
  await db.deleteFrom('partnership_domains').where('partnership_id', '=', partnershipId).execute();
  if (!domainIds.length) return;
  await db
    .insertInto('partnership_domains')
    .values(domainIds.map((domain_id) => ({ partnership_id: partnershipId, domain_id })))
    .execute();
}

export async function addDomain(db: Kysely<Database>, partnershipId: string, domainId: string) {
  await db.insertInto('partnership_domains').values({ partnership_id: partnershipId, domain_id: domainId }).onConflict((oc) => oc.doNothing()).execute();
}

/** The partnership's stakeholders become `organisationIds`; a pair another writer put in at the same moment stays, once (the key makes a second insert do nothing). */
export async function replaceStakeholders(db: Kysely<Database>, partnershipId: string, organisationIds: string[]) {
  await db.deleteFrom('partnership_stakeholders').where('partnership_id', '=', partnershipId).execute();
  if (!organisationIds.length) return;
  await db
    .insertInto('partnership_stakeholders')
    .values(organisationIds.map((organisation_id) => ({ partnership_id: partnershipId, organisation_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
