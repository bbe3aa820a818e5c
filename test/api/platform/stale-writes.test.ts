/**
 * A write that names a version the record no longer has changes nothing:
 * the repositories' optimistic updates match on (id, version), so a stale
 * one touches no column, no version, no `updated_at` and no search entry
 * (the triggers fire only on a row that changed). Real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { insertOrganisation, updateOrganisation } from '../../../db/crm/organisations.js';
import { insertPerson, updatePerson } from '../../../db/crm/people.js';
import { testDatabase } from '../../support/database.js';
import { firstRow } from '../../support/sql.js';

let opened: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  opened = await testDatabase();
});
afterAll(() => opened.close());

/** The whole stored row and its search entry, as they are now. */
async function snapshot(table: 'organisations' | 'people', type: string, id: string) {
  return {
    row: (await firstRow(opened, `SELECT * FROM ${table} WHERE id = ?`, id)),
    indexed: (await firstRow(opened, "SELECT content FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_type = ? AND entity_id = ?)", type, id))
  };
}

describe('a stale versioned write', () => {
  it('changes nothing on an organisation, and a current one changes it once', async () => {
    const org = await insertOrganisation(opened.db, { id: newId(), name: 'Technologiezentrum Mannheim', kind: 'agency', country: 'DE' });
    const fresh = await updateOrganisation(opened.db, org.id, 1, { name: 'TZ Mannheim', updated_at: '2026-12-07T08:00:00.000Z' });
    expect(fresh).toMatchObject({ name: 'TZ Mannheim', version: 2 });
    const before = (await snapshot('organisations', 'organisation', org.id));

    // version 1 is gone: no row matches, nothing is written
    expect(await updateOrganisation(opened.db, org.id, 1, { name: 'Overwritten', short_name: 'X', updated_at: '2026-12-07T09:00:00.000Z' })).toBeUndefined();
    expect((await snapshot('organisations', 'organisation', org.id))).toEqual(before);
    expect(before.indexed).toEqual({ content: 'TZ Mannheim ' });
  });

  it('changes nothing on a person', async () => {
    const person = await insertPerson(opened.db, { id: newId(), name: 'Annelies Peeters', lawful_basis: 'public_task', emails: ['annelies.peeters@vlaamsbrabant.be'], phones: [], languages: ['nl'] });
    const before = (await snapshot('people', 'person', person.id));
    expect(await updatePerson(opened.db, person.id, 7, { name: 'Someone Else', function: 'Beleidsmedewerker' })).toBeUndefined();
    expect((await snapshot('people', 'person', person.id))).toEqual(before);
    expect((before.row as { version: number }).version).toBe(1);
  });
});
