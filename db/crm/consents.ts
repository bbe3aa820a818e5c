/**
 * Every SQL statement about a person's consent history (`person_consents`).
 * What relied on their consent is in consent-reliance.ts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The person's consent events, oldest first, with the name of the user who recorded each. */
export function consentEventsOf(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('person_consents')
    .leftJoin('users', 'users.id', 'person_consents.by_user_id')
    .select(['person_consents.seq', 'person_consents.event', 'person_consents.on_date', 'person_consents.how', 'person_consents.at', 'person_consents.by_user_id', 'users.name as by_user_name'])
    .where('person_consents.person_id', '=', personId)
    .orderBy('person_consents.seq')
    .execute();
}

export type ConsentEventRow = Awaited<ReturnType<typeof consentEventsOf>>[number];

export async function insertConsentEvent(
  db: Kysely<Database>,
  values: { person_id: string; event: 'given' | 'withdrawn'; on_date: string; how: string; by_user_id: string | null; at: string }
): Promise<void> {
  await db.insertInto('person_consents').values(values).execute();
}

/** Of these people, those whose latest consent event is a withdrawal. */
export async function peopleWithWithdrawnConsent(db: Kysely<Database>, personIds: string[]): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const rows = await db
    .selectFrom('person_consents as c')
    .select('c.person_id')
    .where('c.person_id', 'in', personIds)
    .where('c.event', '=', 'withdrawn')
    .where('c.seq', '=', (eb) => eb.selectFrom('person_consents as latest').select((e) => e.fn.max('latest.seq').as('seq')).whereRef('latest.person_id', '=', 'c.person_id'))
    .execute();
  return new Set(rows.map((r) => r.person_id));
}
