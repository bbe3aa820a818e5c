/**
 * Every SQL statement about interactions (notes, calls, emails, meetings on
 * the timeline of an organisation or person).
 *
 * An interaction is visible when everything it hangs off is: its
 * organisation (if any), its person (if any) and its partnership (if any).
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, InteractionTable } from '../schema.js';
import type { Scope } from '../scope.js';
import { keysetPage, type PageRequest, pageFrom, paginate, rowLimit } from '../platform/pagination.js';
import { interactionVisible } from './visibility.js';

export interface InteractionFilter {
  organisationId?: string;
  personId?: string;
  partnershipId?: string;
  /** interactions of this organisation and of the people working there */
  timelineOfOrganisationId?: string;
}

export { interactionVisible };

function selectWithNames(db: Kysely<Database>) {
  return db
    .selectFrom('interactions')
    .leftJoin('organisations as org', 'org.id', 'interactions.organisation_id')
    .leftJoin('people as person', 'person.id', 'interactions.person_id')
    .leftJoin('users as author', 'author.id', 'interactions.author_id')
    .selectAll('interactions')
    .select(['org.name as organisation_name', 'person.name as person_name', 'author.name as author_name']);
}

export type InteractionWithNamesRow = NonNullable<Awaited<ReturnType<typeof findVisibleInteraction>>>;

export function findVisibleInteraction(db: Kysely<Database>, scope: Scope, id: string) {
  return selectWithNames(db).where('interactions.id', '=', id).where(interactionVisible(scope)).executeTakeFirst();
}

export function listInteractions(db: Kysely<Database>, scope: Scope, filter: InteractionFilter, page: PageRequest) {
  let query = selectWithNames(db).where(interactionVisible(scope));
  if (filter.organisationId) query = query.where('interactions.organisation_id', '=', filter.organisationId);
  if (filter.personId) query = query.where('interactions.person_id', '=', filter.personId);
  if (filter.partnershipId) query = query.where('interactions.partnership_id', '=', filter.partnershipId);
  if (filter.timelineOfOrganisationId) return timelineOfOrganisation(db, query, filter.timelineOfOrganisationId, page);
  return paginate(query, page, 'interactions.occurred_at', 'interactions.id', (r) => r.occurred_at, (r) => r.id);
}

/**
 * An organisation's timeline: its own interactions and those of the people
 * working there (not logged on it), each read as its own keyset page — the
 * organisation's by its index in date order — then merged and cut to the
 * page, so a busy organisation costs a page, not everything it ever logged.
 */
async function timelineOfOrganisation(db: Kysely<Database>, visible: ReturnType<typeof selectWithNames>, organisationId: string, page: PageRequest) {
  const own = keysetPage(visible.where('interactions.organisation_id', '=', organisationId), page, 'interactions.occurred_at', 'interactions.id');
  const staff = keysetPage(
    visible
      .where('interactions.person_id', 'in', (eb) => eb.selectFrom('people').select('people.id').where('people.organisation_id', '=', organisationId))
      .where((eb) => eb.or([eb('interactions.organisation_id', 'is', null), eb('interactions.organisation_id', '!=', organisationId)])),
    page,
    'interactions.occurred_at',
    'interactions.id'
  );
  const rows = await db
    .selectFrom((eb) => eb.selectFrom(own.as('own')).selectAll().unionAll(eb.selectFrom(staff.as('staff')).selectAll()).as('timeline'))
    .selectAll()
    .orderBy('timeline.occurred_at', page.direction)
    .orderBy('timeline.id', page.direction)
    .limit(rowLimit(page.limit + 1))
    .execute();
  return pageFrom(rows, page, (r) => r.occurred_at, (r) => r.id);
}

/** Every interaction hanging off an organisation or a person (those a delete of it takes along). */
export function interactionsAnchoredTo(db: Kysely<Database>, anchor: { organisationId: string } | { personId: string }) {
  const query = selectWithNames(db);
  return ('organisationId' in anchor
    ? query.where('interactions.organisation_id', '=', anchor.organisationId)
    : query.where('interactions.person_id', '=', anchor.personId)
  ).execute();
}

export async function insertInteraction(db: Kysely<Database>, values: Insertable<InteractionTable>): Promise<void> {
  await db.insertInto('interactions').values(values).execute();
}

/** Updates when the version still matches; returns false when it does not. */
export async function updateInteraction(db: Kysely<Database>, id: string, version: number, values: Updateable<InteractionTable>): Promise<boolean> {
  const result = await db
    .updateTable('interactions')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteInteraction(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('interactions').where('id', '=', id).execute();
}

/** The row with names, whatever the scope (after a write, for the audit trail). */
export function findInteraction(db: Kysely<Database>, id: string) {
  return selectWithNames(db).where('interactions.id', '=', id).executeTakeFirst();
}
