/** Every SQL statement about people (contacts) and their domains. */
import type { Kysely, Updateable } from 'kysely';
import { decodeItems, decodeRow, encodeRow, personJson } from '../json-columns.js';
import type { Database, NewPerson, PersonTable, PersonUpdate } from '../schema.js';
import type { Scope } from '../scope.js';
import { type PageRequest, paginate } from '../platform/pagination.js';
import { visibleAndMatching } from './search.js';
import { organisationsInPartnerships, organisationVisible, personVisible } from './visibility.js';

export interface PersonFilter {
  organisationId?: string;
  domainId?: string;
  /** people whose organisation takes part in this partnership */
  partnershipId?: string;
  /** words typed by a person, matched by full-text search */
  q?: string;
}

export interface PersonDomainRow {
  person_id: string;
  domain_id: string;
  partnership_id: string | null;
  label_en: string;
  label_de: string;
  label_nl: string;
}

/** The person when they exist and the scope may see them. */
export async function findVisiblePerson(db: Kysely<Database>, scope: Scope, id: string) {
  const row = await db.selectFrom('people').selectAll().where('people.id', '=', id).where(personVisible(scope)).executeTakeFirst();
  return row && decodeRow(personJson, row);
}

export async function listPeople(db: Kysely<Database>, scope: Scope, filter: PersonFilter, sort: 'name' | 'updated_at', page: PageRequest) {
  let query = db
    .selectFrom('people')
    .leftJoin('organisations as employer', 'employer.id', 'people.organisation_id')
    .selectAll('people')
    // the employer's name only where the reader may see the employer
    .select((eb) => eb.case().when(organisationVisible(scope, 'employer')(eb)).then(eb.ref('employer.name')).end().as('employer_name'))
    .where(
      await visibleAndMatching(db, personVisible(scope), {
        entityType: 'person',
        idColumn: 'people.id',
        textColumns: ['people.name', 'people.function'],
        text: filter.q,
        // sorted by name and not within one organisation, the list walks people_name, which holds the folded text
        walkHoldsText: sort === 'name' && !filter.organisationId
      })
    );
  if (filter.organisationId) query = query.where('people.organisation_id', '=', filter.organisationId);
  if (filter.domainId) {
    const domainId = filter.domainId;
    query = query.where('people.id', 'in', (eb) => eb.selectFrom('person_domains').select('person_id').where('domain_id', '=', domainId));
  }
  if (filter.partnershipId) {
    const partnershipId = filter.partnershipId;
    query = query.where((eb) => eb('people.organisation_id', 'in', organisationsInPartnerships(eb, [partnershipId])));
  }
  return decodeItems(personJson, await paginate(query, page, `people.${sort}`, 'people.id', (r) => r[sort], (r) => r.id));
}

export function peopleByIds(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('people').select(['id', 'name', 'function', 'organisation_id']).where('id', 'in', ids).execute();
}

export async function insertPerson(db: Kysely<Database>, values: NewPerson) {
  return decodeRow(personJson, await db.insertInto('people').values(encodeRow(personJson, values)).returningAll().executeTakeFirstOrThrow());
}

/** Updates when the version still matches; returns undefined when it does not. */
export async function updatePerson(db: Kysely<Database>, id: string, version: number, values: PersonUpdate) {
  const row = await db
    .updateTable('people')
    .set((eb) => ({ ...encodeRow<Updateable<PersonTable>>(personJson, values), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row && decodeRow(personJson, row);
}

export async function deletePerson(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('people').where('id', '=', id).execute();
}

export function domainsOfPeople(db: Kysely<Database>, ids: string[]): Promise<PersonDomainRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('person_domains')
    .innerJoin('domains', 'domains.id', 'person_domains.domain_id')
    .select(['person_domains.person_id', 'person_domains.domain_id', 'domains.partnership_id', 'domains.label_en', 'domains.label_de', 'domains.label_nl'])
    .where('person_domains.person_id', 'in', ids)
    .orderBy('domains.number')
    .orderBy('domains.label_en')
    .execute();
}

export async function replacePersonDomains(db: Kysely<Database>, id: string, domainIds: string[]): Promise<void> {
  await db.deleteFrom('person_domains').where('person_id', '=', id).execute();
  if (!domainIds.length) return;
  await db
    .insertInto('person_domains')
    .values(domainIds.map((domainId) => ({ person_id: id, domain_id: domainId })))
    .execute();
}

/** How many partnership parties name this person as their contact person. */
export async function contactPersonUsage(db: Kysely<Database>, id: string): Promise<number> {
  const row = await db
    .selectFrom('partnership_parties')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contact_person_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
