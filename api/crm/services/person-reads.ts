/**
 * The access log of people's records: a user's read of a person's record
 * (GET /api/people/{id}, which the person's page reads through) is logged
 * with who and when, at most once per user and person within
 * `READ_WINDOW_MINUTES`, so a reload storm writes one row. Logging is
 * best-effort: a failing write never fails the read (it is reported on the
 * console). System administrators read the log (person-rights.ts, 404 for a
 * person that does not exist); the person's export carries it too.
 */
import type { Kysely } from 'kysely';
import { logPersonRead } from '../../../db/crm/person-reads.js';
import type { Database } from '../../../db/schema.js';
import type { Caller } from '../../platform/index.js';

export const READ_WINDOW_MINUTES = 10;

/** Logs the read; never throws. */
export async function noteRead(db: Kysely<Database>, caller: Caller, personId: string, now: Date): Promise<void> {
  try {
    const since = new Date(now.getTime() - READ_WINDOW_MINUTES * 60_000).toISOString();
    await logPersonRead(db, { personId, userId: caller.userId, at: now.toISOString(), since });
  } catch (error) {
    console.warn(`The read of person ${personId} by user ${caller.userId} could not be logged: ${(error as Error).message}`);
  }
}
