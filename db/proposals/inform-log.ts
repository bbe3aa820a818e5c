/** Every SQL statement about the first-to-inform log of proposals (Art. 2.3). */
import type { Insertable, Kysely } from 'kysely';
import type { Database, InformLogTable } from '../schema.js';
import { RowMissing } from '../row-missing.js';

/** The log of several proposals, earliest first, with the organisation's name (visibility is the caller's business). */
export function informLogOf(db: Kysely<Database>, proposalIds: string[]) {
  if (!proposalIds.length) return Promise.resolve([]);
  return db
    .selectFrom('inform_log')
    .leftJoin('organisations', 'organisations.id', 'inform_log.organisation_id')
    .selectAll('inform_log')
    .select('organisations.name as organisation_name')
    .where('inform_log.proposal_id', 'in', proposalIds)
    .orderBy('inform_log.informed_on')
    .orderBy('inform_log.created_at')
    .orderBy('inform_log.id')
    .execute();
}

export type InformLogRow = Awaited<ReturnType<typeof informLogOf>>[number];

export function findInformEntry(db: Kysely<Database>, proposalId: string, id: string) {
  return db
    .selectFrom('inform_log')
    .leftJoin('organisations', 'organisations.id', 'inform_log.organisation_id')
    .selectAll('inform_log')
    .select('organisations.name as organisation_name')
    .where('inform_log.proposal_id', '=', proposalId)
    .where('inform_log.id', '=', id)
    .executeTakeFirst();
}

/** An entry that must exist (read back in the transaction that wrote it). */
export async function getInformEntry(db: Kysely<Database>, proposalId: string, id: string) {
  const row = await findInformEntry(db, proposalId, id);
  if (!row) throw new RowMissing('inform log entry');
  return row;
}

export async function insertInformEntry(db: Kysely<Database>, values: Insertable<InformLogTable>): Promise<void> {
  await db.insertInto('inform_log').values(values).execute();
}

export async function deleteInformEntry(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('inform_log').where('id', '=', id).execute();
}

/** Proposals of a partnership with their log, for the partnership's obligations. */
/** The partnership's proposals in one of `stages` with nothing in their inform log, recorded (created) in `year`. */
export function proposalsWithoutLog(db: Kysely<Database>, partnershipId: string, stages: readonly string[], year: number) {
  return db
    .selectFrom('proposals')
    .select(['id', 'acronym', 'title', 'stage'])
    .where('partnership_id', '=', partnershipId)
    .where('stage', 'in', [...stages])
    .where('created_at', '>=', `${year}-01-01`)
    .where('created_at', '<', `${year + 1}-01-01`)
    .where('id', 'not in', (eb) => eb.selectFrom('inform_log').select('inform_log.proposal_id'))
    .orderBy('acronym')
    .orderBy('id')
    .execute();
}

export function proposalsWithLog(db: Kysely<Database>, partnershipId: string) {
  return db
    .selectFrom('proposals')
    .select(['id', 'acronym', 'title', 'stage'])
    .where('partnership_id', '=', partnershipId)
    .where('id', 'in', (eb) => eb.selectFrom('inform_log').select('inform_log.proposal_id'))
    .orderBy('acronym')
    .orderBy('id')
    .execute();
}
