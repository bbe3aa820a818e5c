/**
 * The migration that repairs calls imported with the portal's HTML escapes
 * in their titles, on the engine the tests run on: escaped titles become
 * plain text and move their version on; titles without a reference, and
 * words that only look like one, are left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up } from '../../../db/migrations/20261208T0100_call_title_references.js';
import { type TestDatabase, testDatabase } from '../../support/database.js';
import { insertCallDirect } from '../../support/calls-direct.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t?.close();
});

const stored = (id: string) => t.db.selectFrom('calls').select(['title', 'version']).where('id', '=', id).executeTakeFirstOrThrow();

describe('repairing imported call titles', () => {
  it('decodes the escaped titles and leaves the others as they are', async () => {
    const escaped = await insertCallDirect(t.db, { title: 'Research &amp; Innovation &#8211; regions&nbsp;together' });
    const twice = await insertCallDirect(t.db, { title: 'Written &amp;amp; twice' });
    const plain = await insertCallDirect(t.db, { title: 'R&D for SMEs; clusters & networks' });
    const before = await stored(plain.id);

    await up(t.db);

    expect(await stored(escaped.id)).toEqual({ title: 'Research & Innovation – regions together', version: 2 });
    expect(await stored(twice.id)).toEqual({ title: 'Written &amp; twice', version: 2 });
    expect(await stored(plain.id)).toEqual(before);
  });
});
