/** Every SQL statement about cooperation domains (the twelve of Art. 2.1 and a partnership's own). */
import type { Insertable, Kysely } from 'kysely';
import type { Database, DomainTable } from '../schema.js';

/** The standard domains plus those defined by the given partnerships (all when `partnershipIds` is null). */
export function listDomains(db: Kysely<Database>, partnershipIds: string[] | null) {
  let query = db.selectFrom('domains').selectAll();
  if (partnershipIds !== null) {
    query = query.where((eb) => eb.or([eb('partnership_id', 'is', null), ...(partnershipIds.length ? [eb('partnership_id', 'in', partnershipIds)] : [])]));
  }
  return query.orderBy('partnership_id').orderBy('number').orderBy('label_en').execute();
}

export function findDomains(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('domains').selectAll().where('id', 'in', ids).execute();
}

export function insertDomain(db: Kysely<Database>, values: Insertable<DomainTable>) {
  return db.insertInto('domains').values(values).returningAll().executeTakeFirstOrThrow();
}

/** A domain with this code among the standard ones and those of the given partnership. */
export function findDomainByCode(db: Kysely<Database>, code: string, partnershipId: string) {
  return db
    .selectFrom('domains')
    .selectAll()
    .where('code', '=', code)
    .where((eb) => eb.or([eb('partnership_id', 'is', null), eb('partnership_id', '=', partnershipId)]))
    .executeTakeFirst();
}
