/**
 * JSON columns are read through their codecs (db/json-columns.ts): a value
 * written by a repository comes back as the value, and a stored text that
 * is not JSON, or not the shape its column holds, is refused where the
 * repository reads it, naming the column, instead of reaching a service as
 * a wrongly typed value. Reminder offsets are the one documented exception:
 * damage there means the defaults. Real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { StoredValueUnreadable } from '../../../db/json-columns.js';
import { findVisiblePerson, insertPerson } from '../../../db/crm/people.js';
import { findReminderSettings, saveReminderSettings } from '../../../db/deadlines/reminders.js';
import { findSavedSearch, insertSavedSearch } from '../../../db/funding/saved-searches.js';
import { testDatabase } from '../../support/database.js';
import { firstRow, runSql } from '../../support/sql.js';

let opened: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  opened = await testDatabase();
});
afterAll(() => opened.close());

const everything = { all: true } as const;

/** Overwrite one stored column by hand, as a damaged file or a faulty script would. */
async function damage(table: string, column: string, id: string, text: string, key = 'id') {
  await runSql(opened, `UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`, text, id);
}

async function newPerson() {
  return insertPerson(opened.db, { id: newId(), name: 'Annelies Peeters', lawful_basis: 'public_task', emails: ['annelies.peeters@vlaamsbrabant.be'], phones: [], languages: ['nl', 'fr'] });
}

async function newUser(): Promise<string> {
  const id = newId();
  await runSql(opened, "INSERT INTO users (id, email, name, created_at, updated_at) VALUES (?, ?, 'Reader', '2026-12-07T08:00:00.000Z', '2026-12-07T08:00:00.000Z')", id, `${id}@example.eu`);
  return id;
}

async function unreadable(read: Promise<unknown>): Promise<StoredValueUnreadable> {
  const error: unknown = await read.then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(StoredValueUnreadable);
  return error as StoredValueUnreadable;
}

describe('a JSON column', () => {
  it('stores the value as JSON text and reads the value back', async () => {
    const person = await newPerson();
    const stored = (await firstRow<Record<string, string>>(opened, 'SELECT emails, phones, languages FROM people WHERE id = ?', person.id))!;
    // SQLite keeps JSON.stringify's text; PostgreSQL's jsonb answers its own spelling of the same value
    if (opened.engine === 'sqlite') expect(stored).toEqual({ emails: '["annelies.peeters@vlaamsbrabant.be"]', phones: '[]', languages: '["nl","fr"]' });
    expect(Object.fromEntries(Object.entries(stored).map(([column, text]) => [column, JSON.parse(text)]))).toEqual({
      emails: ['annelies.peeters@vlaamsbrabant.be'],
      phones: [],
      languages: ['nl', 'fr']
    });
    expect(await findVisiblePerson(opened.db, everything, person.id)).toMatchObject({ emails: ['annelies.peeters@vlaamsbrabant.be'], phones: [], languages: ['nl', 'fr'] });
  });

  it('refuses stored text that is not JSON where it is read, naming the column', async () => {
    const person = await newPerson();
    if (opened.engine === 'postgres') {
      // a jsonb column refuses such text when it is written (invalid input syntax for type json): it can never be read
      await expect(damage('people', 'emails', person.id, 'annelies.peeters@vlaamsbrabant.be')).rejects.toMatchObject({ code: '22P02' });
      return;
    }
    (await damage('people', 'emails', person.id, 'annelies.peeters@vlaamsbrabant.be'));
    const error = await unreadable(findVisiblePerson(opened.db, everything, person.id));
    expect(error.column).toBe('people.emails');
    expect(error.message).toBe('The stored value of people.emails cannot be read: it is not JSON.');
  });

  it('refuses JSON of the wrong shape instead of handing it on as the column’s type', async () => {
    const person = await newPerson();
    // JSON.parse would give an object where every reader expects a list of languages
    (await damage('people', 'languages', person.id, '{"nl":true}'));
    const error = await unreadable(findVisiblePerson(opened.db, everything, person.id));
    expect(error.column).toBe('people.languages');

    const userId = (await newUser());
    const search = await insertSavedSearch(opened.db, { id: newId(), user_id: userId, name: 'Hydrogen', criteria: { keyword: 'hydrogen' }, last_digest_at: null, created_at: '2026-12-07T08:00:00.000Z', updated_at: '2026-12-07T08:00:00.000Z' });
    expect(search.criteria).toEqual({ keyword: 'hydrogen' });
    (await damage('saved_searches', 'criteria', search.id, '{"keyword":["hydrogen"]}'));
    expect((await unreadable(findSavedSearch(opened.db, userId, search.id))).column).toBe('saved_searches.criteria');
  });

  it('reads damaged reminder offsets as absent, so the defaults apply (the one documented fallback)', async () => {
    const userId = (await newUser());
    await saveReminderSettings(opened.db, { user_id: userId, offsets: [14, 3], email: 1, time_zone: 'Europe/Brussels' });
    expect(await findReminderSettings(opened.db, userId)).toMatchObject({ offsets: [14, 3] });
    (await damage('reminder_settings', 'offsets', userId, '[14, "three"]', 'user_id'));
    expect(await findReminderSettings(opened.db, userId)).toMatchObject({ offsets: null, time_zone: 'Europe/Brussels' });
  });
});
