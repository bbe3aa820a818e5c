/**
 * Every SQL statement about run leases: which process runs a periodic job
 * (the reminder run, the scheduled backups) and until when. Taking is one
 * INSERT … ON CONFLICT DO UPDATE … WHERE: of several processes asking at
 * once, only one gets a row back — the first ever, the holder itself, or
 * anyone once the lease has expired. Plain SQL that PostgreSQL runs as it is.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Takes the lease `name` for `holder` until `until`, or renews it when
 * `holder` has it; true when `holder` holds it now. Refused (false) while
 * another holder's lease lasts (`expires_at` after `now`).
 */
export async function takeLease(db: Kysely<Database>, name: string, holder: string, now: string, until: string): Promise<boolean> {
  const rows = await db
    .insertInto('run_leases')
    .values({ name, holder, expires_at: until })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), expires_at: eb.ref('excluded.expires_at') }))
        .where((eb) => eb.or([eb('run_leases.holder', '=', holder), eb('run_leases.expires_at', '<=', now)]))
    )
    .returning('holder')
    .execute();
  return rows.length === 1;
}

/** Extends `holder`'s lease to `until`; false when `holder` no longer has it (it expired and another took it). */
export async function renewLease(db: Kysely<Database>, name: string, holder: string, until: string): Promise<boolean> {
  const result = await db.updateTable('run_leases').set({ expires_at: until }).where('name', '=', name).where('holder', '=', holder).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives the lease up (a process stopping): the next process to ask takes it at once. Nothing happens when `holder` does not have it. */
export async function releaseLease(db: Kysely<Database>, name: string, holder: string): Promise<void> {
  await db.deleteFrom('run_leases').where('name', '=', name).where('holder', '=', holder).execute();
}

/** The lease as stored (undefined: nobody has taken it yet). */
export function findLease(db: Kysely<Database>, name: string) {
  return db.selectFrom('run_leases').selectAll().where('name', '=', name).executeTakeFirst();
}
