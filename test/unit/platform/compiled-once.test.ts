/**
 * Statements compiled once (db/compiled-once.ts), on a real SQLite file:
 * the same rows as the query Kysely builds each time, built once per
 * database handle, the statement's own constants kept, an argument that is
 * not a bound value refused, and a statement still waiting for a
 * transaction another request has open.
 */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabase } from '../../support/database.js';
import { compiledOnce } from '../../../db/compiled-once.js';
import type { Database } from '../../../db/schema.js';


let one: TestDatabase;
let other: TestDatabase;

const region = (id: string, name: string, country: string) => ({ id, name, country });

beforeAll(async () => {
  one = await testDatabase();
  other = await testDatabase();
  await one.db.insertInto('regions').values([region('r-1', 'Rhein-Neckar', 'DE'), region('r-2', 'Vlaams-Brabant', 'BE'), region('r-3', 'Berlin', 'DE')]).execute();
  await other.db.insertInto('regions').values([region('r-9', 'Gelderland', 'NL')]).execute();
});
afterAll(async () => {
  await one?.close();
  await other?.close();
});

const built = (db: Kysely<Database>, country: string, notId: string) =>
  db.selectFrom('regions').select(['id', 'name']).where('country', '=', country).where('id', '!=', notId).where('name', '!=', 'Nowhere').orderBy('name');

describe('compiledOnce', () => {
  it('answers the rows Kysely’s own query answers, for each call’s values, building the statement once per database handle', async () => {
    let builds = 0;
    const regionsOf = compiledOnce((db, country: string, notId: string) => {
      builds++;
      return built(db, country, notId);
    });
    for (const [country, notId] of [['DE', 'r-0'], ['DE', 'r-1'], ['BE', 'r-0'], ['NL', 'r-0']] as const) {
      expect(await regionsOf(one.db, country, notId), `${country} ${notId}`).toEqual(await built(one.db, country, notId).execute());
    }
    expect(await regionsOf(one.db, 'DE', 'r-3')).toEqual([{ id: 'r-1', name: 'Rhein-Neckar' }]);
    expect(builds).toBe(1);
    expect(await regionsOf(other.db, 'NL', 'r-0')).toEqual([{ id: 'r-9', name: 'Gelderland' }]);
    expect(builds).toBe(2);
  });

  it('refuses an argument that does not reach the SQL as a bound value', async () => {
    const unused = compiledOnce((db, _country: string) => db.selectFrom('regions').select('id'));
    await expect(unused(one.db, 'DE')).rejects.toThrow(/argument 0 does not reach the SQL as a bound value/);
    const raw = compiledOnce((db, country: string) => db.selectFrom('regions').select('id').where(sql.raw(`country = '${country}'`), '=', sql.lit(true)));
    await expect(raw(one.db, 'DE')).rejects.toThrow(/argument 0/);
  });

  it('waits, as every query does, for a transaction another request has open', async () => {
    const names = compiledOnce((db, country: string) => db.selectFrom('regions').select('name').where('country', '=', country).orderBy('name'));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertDone = new Promise<void>((resolve) => (inserted = resolve));
    const transaction = one.db.transaction().execute(async (trx) => {
      await trx.insertInto('regions').values(region('r-4', 'Aachen', 'DE')).execute();
      inserted();
      await held;
      await trx.deleteFrom('regions').where('id', '=', 'r-4').execute();
    });
    await insertDone;
    // mid-transaction, the uncommitted Aachen must not be seen: the read waits until the transaction has ended
    const read = names(one.db, 'DE');
    release();
    await transaction;
    expect(await read).toEqual([{ name: 'Berlin' }, { name: 'Rhein-Neckar' }]);
  });
});
