/** Every SQL statement about the access log of people's records (`person_reads`). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Logs that the user read the person at `at`, unless the same user's read of
 * the same person is already logged since `since`: a read first (a reload
 * storm takes no write lock), then an insert that checks again, so two
 * requests at once still write one row.
 */
export async function logPersonRead(db: Kysely<Database>, read: { personId: string; userId: string; at: string; since: string }): Promise<void> {
  const logged = await db
    .selectFrom('person_reads')
    .select('id')
    .where('user_id', '=', read.userId)
    .where('person_id', '=', read.personId)
    .where('at', '>', read.since)
    .executeTakeFirst();
  if (logged) return;
  await sql`INSERT INTO person_reads (person_id, user_id, at)
            SELECT ${read.personId}, ${read.userId}, ${read.at}
            WHERE NOT EXISTS (SELECT 1 FROM person_reads WHERE user_id = ${read.userId} AND person_id = ${read.personId} AND at > ${read.since})`.execute(db);
}

/** Who read the person and when, newest first, with the reader's name and email. */
export function readsOfPerson(db: Kysely<Database>, personId: string, limit = 500) {
  return db
    .selectFrom('person_reads')
    .innerJoin('users', 'users.id', 'person_reads.user_id')
    .select(['person_reads.at', 'person_reads.user_id', 'users.name as user_name', 'users.email as user_email'])
    .where('person_reads.person_id', '=', personId)
    .orderBy('person_reads.at', 'desc')
    .orderBy('person_reads.id', 'desc')
    .limit(limit)
    .execute();
}
