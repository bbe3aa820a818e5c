/**
 * Every SQL statement about funding programmes (shared reference data).
 * `findProgramme` and `findProgrammeByCode` are used by the portal import
 * too: keep their signatures.
 */
import { type Insertable, type Kysely, type Updateable, sql } from 'kysely';
import type { Database, ProgrammeRow, ProgrammeTable } from '../schema.js';
import { type Page, type PageRequest, paginate } from '../platform/pagination.js';

export type NewProgramme = Insertable<ProgrammeTable>;
export type ProgrammeUpdate = Updateable<ProgrammeTable>;

export interface ProgrammeFilter {
  family?: string;
  parentId?: string;
  historic?: boolean;
  /** part of the name or the code, case-insensitive */
  q?: string;
}

export type ProgrammeSort = 'name' | 'code' | 'updated_at';

export type ProgrammeWithParentRow = ProgrammeRow & { parent_name: string | null };

function selectWithParent(db: Kysely<Database>) {
  return db
    .selectFrom('programmes')
    .leftJoin('programmes as parent', 'parent.id', 'programmes.parent_id')
    .selectAll('programmes')
    .select('parent.name as parent_name');
}

export function findProgramme(db: Kysely<Database>, id: string): Promise<ProgrammeWithParentRow | undefined> {
  return selectWithParent(db).where('programmes.id', '=', id).executeTakeFirst();
}

/** By its code, case-insensitively (codes are the prefixes of the portal's topic identifiers where there is one, e.g. HORIZON). */
export function findProgrammeByCode(db: Kysely<Database>, code: string): Promise<ProgrammeWithParentRow | undefined> {
  return selectWithParent(db).where(sql`upper(programmes.code)`, '=', code.toUpperCase()).executeTakeFirst();
}

/** Every programme, id and parent only: small enough to walk in memory (families, descendants, cycles). */
export function programmeTree(db: Kysely<Database>): Promise<{ id: string; parent_id: string | null }[]> {
  return db.selectFrom('programmes').select(['id', 'parent_id']).execute();
}

/** Programmes by id, with what a call shows of its programme. */
export function programmesByIds(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('programmes').select(['id', 'code', 'name', 'family', 'cut_off_time', 'cut_off_zone', 'cofinancing_rate']).where('id', 'in', ids).execute();
}

export function listProgrammes(db: Kysely<Database>, filter: ProgrammeFilter, sort: ProgrammeSort, page: PageRequest): Promise<Page<ProgrammeWithParentRow>> {
  let query = selectWithParent(db);
  if (filter.family) query = query.where('programmes.family', '=', filter.family);
  if (filter.parentId) query = query.where('programmes.parent_id', '=', filter.parentId);
  if (filter.historic !== undefined) query = query.where('programmes.historic', '=', filter.historic ? 1 : 0);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) =>
      eb.or([eb(sql`lower(programmes.name)`, 'like', sql`${like} ESCAPE '\\'`), eb(sql`lower(programmes.code)`, 'like', sql`${like} ESCAPE '\\'`)])
    );
  }
  return paginate(query, page, `programmes.${sort}`, 'programmes.id', (r) => r[sort], (r) => r.id);
}

export function insertProgramme(db: Kysely<Database>, values: NewProgramme) {
  return db.insertInto('programmes').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; returns undefined when it does not. */
export function updateProgramme(db: Kysely<Database>, id: string, version: number, values: ProgrammeUpdate) {
  return db
    .updateTable('programmes')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteProgramme(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('programmes').where('id', '=', id).execute();
}

/** What still points at a programme: its calls and its sub-programmes. */
export async function programmeUsage(db: Kysely<Database>, id: string): Promise<{ calls: number; children: number }> {
  const calls = await db.selectFrom('calls').select((eb) => eb.fn.countAll<number>().as('n')).where('programme_id', '=', id).executeTakeFirstOrThrow();
  const children = await db.selectFrom('programmes').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
  return { calls: Number(calls.n), children: Number(children.n) };
}
