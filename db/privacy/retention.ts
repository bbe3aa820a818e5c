/**
 * Every SQL statement of the retention review: people whose last contact
 * (recorded, an interaction, the end of an activity they took part in, or a
 * decision to keep them) lies before a cutoff, and the keep decisions.
 */
import { type Kysely, sql } from 'kysely';
import { perEngine } from '../engine-sql.js';
import type { Database } from '../schema.js';
import { keysetPage, type PageRequest, pageFrom } from '../platform/pagination.js';
import { organisationsInPartnerships } from '../crm/visibility.js';

/** null: every person (a system administrator); else the partnerships whose organisations' people may be reviewed. */
export type ReviewScope = { all: true } | { all: false; partnershipIds: string[] };

/** The latest of: recorded, an interaction, the end of a participation, a decision to keep (instants; '' where there is none). */
const contacts = sql`
  people.created_at,
  coalesce((select max(i.occurred_at) from interactions i where i.person_id = people.id), ''),
  coalesce((select max(a.ends_at) from activity_participants p join activities a on a.id = p.activity_id where p.person_id = people.id), ''),
  coalesce((select max(r.decided_at) from retention_reviews r where r.person_id = people.id), '')
`;
// SQLite's max of several values is PostgreSQL's greatest
const lastContact = perEngine(sql<string>`max(${contacts})`, sql<string>`greatest(${contacts})`);


/** People in the scope whose last contact is before `cutoff` (an instant), oldest contact first, a keyset page. */
export async function peopleDueForReview(db: Kysely<Database>, scope: ReviewScope, cutoff: string, filter: { partnershipId?: string }, page: PageRequest) {
  let inner = db
    .selectFrom('people')
    .leftJoin('organisations', 'organisations.id', 'people.organisation_id')
    .select([
      'people.id',
      'people.name',
      'people.function',
      'people.organisation_id',
      'organisations.name as organisation_name',
      'people.lawful_basis',
      'people.version',
      lastContact.as('last_contact'),
      sql<string | null>`(select r.reason from retention_reviews r where r.person_id = people.id order by r.decided_at desc limit 1)`.as('kept_reason')
    ]);
  const partnershipIds = scope.all ? (filter.partnershipId ? [filter.partnershipId] : null) : scope.partnershipIds.filter((id) => !filter.partnershipId || id === filter.partnershipId);
  if (partnershipIds !== null) {
    if (!partnershipIds.length) return { items: [], nextCursor: null };
    inner = inner.where((eb) => eb('people.organisation_id', 'in', organisationsInPartnerships(eb, partnershipIds)));
  }
  const query = db.selectFrom(inner.as('due')).selectAll().where('due.last_contact', '<', cutoff);
  const rows = await keysetPage(query, page, 'due.last_contact', 'due.id').execute();
  return pageFrom(rows, page, (r) => r.last_contact, (r) => r.id);
}

export async function insertKeepDecisions(db: Kysely<Database>, rows: { id: string; person_id: string; reason: string; by_user_id: string; decided_at: string }[]): Promise<void> {
  if (rows.length) await db.insertInto('retention_reviews').values(rows).execute();
}

/** How many people in the whole workspace are due for review at `cutoff` (a figure for the record of processing). */
export async function countDueForReview(db: Kysely<Database>, cutoff: string): Promise<number> {
  const row = await db
    .selectFrom(db.selectFrom('people').select(lastContact.as('last_contact')).as('due'))
    .select(sql<number>`count(*)`.as('n'))
    .where('due.last_contact', '<', cutoff)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The decisions to keep one person, oldest first, with the name of the user who took each. */
export function keepDecisionsOf(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('retention_reviews')
    .leftJoin('users', 'users.id', 'retention_reviews.by_user_id')
    .select(['retention_reviews.decided_at', 'retention_reviews.reason', 'users.name as by_user_name'])
    .where('retention_reviews.person_id', '=', personId)
    .orderBy('retention_reviews.decided_at')
    .execute();
}
