/**
 * Notifications learn how their email copy went, so that every email
 * (deadline changes, saved-search digests, milestone reminders) is sent by
 * the reminder run from one outbox, once, and retried after a failure:
 * - `email_status`: null (in the app only), pending, sending, sent, failed;
 * - `email_attempts`, `email_error` (the last failure), `emailed_at` (the
 *   last attempt);
 * - `dedupe_key`: a notification that must exist at most once per user
 *   (e.g. one reminder per milestone, due date and offset) names its key;
 *   the unique index makes a second, overlapping run a no-op.
 * Deadline reminders keep their own log in `reminders_sent`.
 * Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('email_status', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('email_attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('notifications').addColumn('email_error', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('emailed_at', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('dedupe_key', 'text').execute();
  await sql`CREATE INDEX notifications_email_outbox ON notifications (email_status) WHERE email_status IS NOT NULL AND email_status != 'sent'`.execute(db);
  await sql`CREATE UNIQUE INDEX notifications_once ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS notifications_once`.execute(db);
  await sql`DROP INDEX IF EXISTS notifications_email_outbox`.execute(db);
  for (const column of ['dedupe_key', 'emailed_at', 'email_error', 'email_attempts', 'email_status']) {
    await db.schema.alterTable('notifications').dropColumn(column).execute();
  }
}
