/** Every SQL statement about regions. */
import type { Kysely } from 'kysely';
import { engineOf } from '../dialect.js';
import { decodeItems, decodeRow, encodeRow, regionJson } from '../json-columns.js';
import type { Database, NewRegion, RegionRow, RegionUpdate } from '../schema.js';
import { type PageRequest, paginate } from '../platform/pagination.js';

export interface RegionFilter {
  country?: string;
  q?: string;
}

export async function findRegion(db: Kysely<Database>, id: string): Promise<RegionRow | undefined> {
  const row = await db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && decodeRow(regionJson, row);
}

export async function listRegions(db: Kysely<Database>, filter: RegionFilter, sort: 'name' | 'updated_at', page: PageRequest) {
  let query = db.selectFrom('regions').selectAll();
  if (filter.country) query = query.where('country', '=', filter.country);
  // SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's ILIKE does that (of every letter)
  if (filter.q) query = query.where('name', engineOf(db) === 'postgres' ? 'ilike' : 'like', `%${filter.q.replace(/[%_]/g, '')}%`);
  return decodeItems(regionJson, await paginate(query, page, `regions.${sort}`, 'regions.id', (r) => r[sort], (r) => r.id));
}

export async function insertRegion(db: Kysely<Database>, values: NewRegion) {
  return decodeRow(regionJson, await db.insertInto('regions').values(encodeRow(regionJson, values)).returningAll().executeTakeFirstOrThrow());
}

/** Updates when the version still matches; returns undefined when it does not. */
export async function updateRegion(db: Kysely<Database>, id: string, version: number, values: RegionUpdate) {
  const row = await db
    .updateTable('regions')
    .set((eb) => ({ ...encodeRow(regionJson, values), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row && decodeRow(regionJson, row);
}

export async function deleteRegion(db: Kysely<Database>, id: string) {
  await db.deleteFrom('regions').where('id', '=', id).execute();
}

/** How many records point at a region (organisations and partnership parties). */
export async function regionUsage(db: Kysely<Database>, id: string): Promise<number> {
  const orgs = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).where('region_id', '=', id).executeTakeFirstOrThrow();
  const parties = await db.selectFrom('partnership_parties').select((eb) => eb.fn.countAll<number>().as('n')).where('region_id', '=', id).executeTakeFirstOrThrow();
  return Number(orgs.n) + Number(parties.n);
}
