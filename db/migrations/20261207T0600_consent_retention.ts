/**
 * Consent history and retention reviews (issue 10):
 * - `person_consents`: every time consent was given or withdrawn, on which
 *   day, how (the source: "form at the Leuven fair", "by e-mail of 3 Dec"),
 *   by which user and when it was recorded. `seq` orders the events; the
 *   latest says whether consent stands. People kept on consent today get
 *   their "given" event from the record (by whom is not known for them).
 * - `retention_reviews`: a writer's decision to keep a person past the
 *   review period, with the reason and the moment; it counts as contact, so
 *   the person leaves the review list for another period.
 */
import { type Kysely, sql } from 'kysely';
import { dialect } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const { autoNumbered } = dialect(db);
  await db.schema
    .createTable('person_consents')
    .addColumn('seq', 'integer', (c) => autoNumbered(c.primaryKey()))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('event', 'text', (c) => c.notNull().check(sql`event in ('given', 'withdrawn')`))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('how', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_consents_person').on('person_consents').columns(['person_id', 'seq']).execute();
  await sql`
    INSERT INTO person_consents (person_id, event, on_date, how, by_user_id, at)
    SELECT id, 'given', consent_date, consent_source, NULL, created_at FROM people
    WHERE lawful_basis = 'consent' AND consent_date IS NOT NULL AND consent_source IS NOT NULL
    ORDER BY created_at, id`.execute(db);

  await db.schema
    .createTable('retention_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('retention_reviews_person').on('retention_reviews').columns(['person_id', 'decided_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('retention_reviews').execute();
  await db.schema.dropTable('person_consents').execute();
}
