/**
 * Every SQL statement about in-app notifications and the outbox of their
 * email copies.
 *
 * A notification belongs to one user. Its email copy moves through
 * `email_status`: null (in the app only) → pending → sending → sent, or
 * failed (retried by a later run) ; a run claims a copy by a conditional
 * update, so two overlapping runs never both send it.
 */
import type { ExpressionBuilder, Insertable, Kysely } from 'kysely';
import type { Database, NotificationTable } from '../schema.js';
import { type PageRequest, paginate } from './pagination.js';
import { missing } from '../row-missing.js';

export type NewNotification = Insertable<NotificationTable>;

/**
 * Inserts notifications; one whose (user, dedupe key) already exists is
 * left out. Returns the ids of those stored.
 */
export async function insertNotifications(db: Kysely<Database>, rows: NewNotification[]): Promise<string[]> {
  if (!rows.length) return [];
  const stored = await db
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returning('id')
    .execute();
  return stored.map((r) => r.id);
}

export function listNotifications(db: Kysely<Database>, userId: string, filter: { unread?: boolean }, page: PageRequest) {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (filter.unread) query = query.where('read_at', 'is', null);
  return paginate(query, page, 'created_at', 'id', (r) => r.created_at, (r) => r.id);
}

export async function countUnread(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** `countUnread` as a column of a statement about the user (`users.id`), for reading it along with them. */
export function unreadOfUser(eb: ExpressionBuilder<Database, 'users'>) {
  return eb
    .selectFrom('notifications')
    .select((inner) => inner.fn.countAll<number>().as('n'))
    .whereRef('notifications.user_id', '=', 'users.id')
    .where('notifications.read_at', 'is', null)
    .as('unread_notifications');
}

export function findNotification(db: Kysely<Database>, userId: string, id: string) {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

/** A notification that must exist (read back in the transaction that changed it). */
export function getNotification(db: Kysely<Database>, userId: string, id: string) {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirstOrThrow(missing('notification'));
}

/** Marks one notification read (keeping the first reading time). */
export async function markRead(db: Kysely<Database>, userId: string, id: string, at: string): Promise<void> {
  await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).execute();
}

/** Marks every unread notification of the user read; returns how many there were. */
export async function markAllRead(db: Kysely<Database>, userId: string, at: string): Promise<number> {
  const result = await db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---------------------------------------------------------------- outbox

/**
 * Email copies waiting to be sent: pending ones, failed ones with attempts
 * left, and ones a run began before `staleBefore` and never finished (it
 * died mid-send). Oldest first, with the recipient.
 */
export function emailsToSend(db: Kysely<Database>, staleBefore: string, maxAttempts: number, limit: number) {
  return db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .selectAll('notifications')
    .select(['users.email as user_email', 'users.name as user_name', 'users.locale as user_locale'])
    .where('users.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('notifications.email_status', '=', 'pending'),
        eb.and([eb('notifications.email_status', '=', 'failed'), eb('notifications.email_attempts', '<', maxAttempts)]),
        eb.and([eb('notifications.email_status', '=', 'sending'), eb('notifications.emailed_at', '<', staleBefore)])
      ])
    )
    .orderBy('notifications.created_at')
    .orderBy('notifications.id')
    .limit(limit)
    .execute();
}

/** Claims an email copy for sending; false when another run got it first (or it is no longer waiting). */
export async function claimEmail(db: Kysely<Database>, id: string, previous: { status: string; emailedAt: string | null }, at: string): Promise<boolean> {
  let query = db.updateTable('notifications').set({ email_status: 'sending', emailed_at: at }).where('id', '=', id).where('email_status', '=', previous.status);
  query = previous.emailedAt === null ? query.where('emailed_at', 'is', null) : query.where('emailed_at', '=', previous.emailedAt);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishEmail(db: Kysely<Database>, id: string, outcome: { sent: true } | { sent: false; error: string }): Promise<void> {
  await db
    .updateTable('notifications')
    .set((eb) => ({
      email_status: outcome.sent ? 'sent' : 'failed',
      email_error: outcome.sent ? null : outcome.error,
      email_attempts: eb('email_attempts', '+', 1)
    }))
    .where('id', '=', id)
    .execute();
}
