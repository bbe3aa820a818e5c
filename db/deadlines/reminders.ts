/**
 * Every SQL statement about reminder settings and the log of reminders
 * sent. A reminder is identified by (user, deadline, the deadline's
 * instant, offset in days, channel): the unique index makes it happen once,
 * and a moved deadline (a new instant) gets reminders of its own.
 * `outcome`: sent, sending (claimed by a run), superseded (a nearer offset
 * was due as well: only that one went), `failed: …` (retried).
 */
import type { Insertable, Kysely } from 'kysely';
import { type Decoded, encodeRow, reminderSettingsJson, storedOffsets } from '../json-columns.js';
import type { Database, ReminderSettingsTable } from '../schema.js';
import { openMilestonesWithZone } from '../proposals/milestones.js';

export interface ReminderKey {
  user_id: string;
  deadline_id: string;
  deadline_at: string;
  offset_days: number;
  channel: 'app' | 'email';
}

export async function findReminderSettings(db: Kysely<Database>, userId: string) {
  const row = await db.selectFrom('reminder_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return row && storedOffsets(row);
}

export async function saveReminderSettings(db: Kysely<Database>, values: Decoded<Insertable<ReminderSettingsTable>>): Promise<void> {
  const row = encodeRow<Insertable<ReminderSettingsTable>>(reminderSettingsJson, values);
  await db
    .insertInto('reminder_settings')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ offsets: row.offsets, email: row.email, time_zone: row.time_zone }))
    .execute();
}

/** Logs a reminder with `outcome`; false when it was logged before (by this run or another). */
export async function logReminder(db: Kysely<Database>, id: string, key: ReminderKey, at: string, outcome: string): Promise<boolean> {
  const rows = await db
    .insertInto('reminders_sent')
    .values({ id, ...key, sent_at: at, outcome })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return rows.length === 1;
}

function whereKey(db: Kysely<Database>, key: ReminderKey) {
  return db
    .updateTable('reminders_sent')
    .where('user_id', '=', key.user_id)
    .where('deadline_id', '=', key.deadline_id)
    .where('deadline_at', '=', key.deadline_at)
    .where('offset_days', '=', key.offset_days)
    .where('channel', '=', key.channel);
}

/**
 * Takes over a logged reminder for another attempt: one that failed, or one
 * a run claimed before `staleBefore` and never finished. False when there
 * is nothing to retry or another run took it first.
 */
export async function reclaimReminder(db: Kysely<Database>, key: ReminderKey, at: string, staleBefore: string): Promise<boolean> {
  const result = await whereKey(db, key)
    .set({ outcome: 'sending', sent_at: at })
    .where((eb) => eb.or([eb('outcome', 'like', 'failed%'), eb.and([eb('outcome', '=', 'sending'), eb('sent_at', '<', staleBefore)])]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishReminder(db: Kysely<Database>, key: ReminderKey, outcome: string): Promise<void> {
  await whereKey(db, key).set({ outcome }).execute();
}

/**
 * Milestones not yet done with an owner, of proposals still going (not
 * rejected, withdrawn or closed), due on a date in [fromDate,
 * toDate], with the owner's address and settings and the zone of the
 * proposal's call (its last deadline's zone; null without a call).
 * Disabled owners are left out.
 */
export async function ownedMilestonesDue(db: Kysely<Database>, fromDate: string, toDate: string) {
  const rows = await openMilestonesWithZone(db)
    .innerJoin('users as u', 'u.id', 'm.owner_id')
    .leftJoin('reminder_settings as rs', 'rs.user_id', 'm.owner_id')
    .select(['m.owner_id', 'u.email as user_email', 'u.name as user_name', 'u.locale as user_locale', 'rs.offsets', 'rs.email', 'rs.time_zone'])
    .where('pr.stage', 'not in', ['rejected', 'withdrawn', 'closed'])
    .where('u.disabled_at', 'is', null)
    .where('m.due_on', '>=', fromDate)
    .where('m.due_on', '<=', toDate)
    .orderBy('m.due_on')
    .orderBy('m.id')
    .execute();
  return rows.map(storedOffsets);
}
