/**
 * The migration that stores why an approval was withdrawn as a kind and its
 * values (20261208T0200_withdrawal_reasons), on the engine the tests run on
 * (SQLite, or PostgreSQL with REGIODESK_TEST_ENGINE=postgres): a database an
 * older version left, with a reason written as free text, is migrated; the
 * old reason stays and is shown as it was written, and a new withdrawal is
 * stored as a kind and values without any sentence.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { reasonText } from '../../../api/cycle/rules/withdrawal-reasons.js';
import { approvalsOf, withdrawApprovals } from '../../../db/cycle/cycle-approvals.js';
import { openDatabase, openPostgres } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import { migrateTo, migrateToLatest } from '../../../db/migrate.js';
import type { Database } from '../../../db/schema.js';
import { testEngine } from '../../support/database.js';
import { createDatabase } from '../../support/postgres.js';
import { buildWorld } from '../../support/world.js';

const BEFORE = '20261207T0900_postgres_word_walks';

/** An empty database of the engine under test, and how to throw it away. */
async function emptyDatabase(): Promise<{ db: Kysely<Database>; close(): Promise<void> }> {
  if (testEngine() === 'postgres') {
    const adminUrl = process.env.REGIODESK_TEST_POSTGRES_URL;
    if (!adminUrl) throw new Error('REGIODESK_TEST_ENGINE=postgres, but no PostgreSQL server was started: run the tests through vitest (test/support/global-setup.ts).');
    const database = await createDatabase({ adminUrl, stop: async () => {} });
    const opened = await openPostgres(database.url);
    return {
      db: opened.db,
      close: async () => {
        await opened.close();
        await database.drop();
      }
    };
  }
  const opened = openDatabase(join(mkdtempSync(join(tmpdir(), 'regiodesk-reasons-')), 'before.db'));
  return { db: opened.db, close: () => opened.close() };
}

describe('the migration that stores withdrawal reasons as a kind and values', () => {
  it('keeps an old free-text reason readable as it was written, and stores new ones without a sentence', async () => {
    const old = await emptyDatabase();
    try {
      await migrateTo(old.db, BEFORE);
      const world = await buildWorld(old.db);
      const party = await old.db.selectFrom('partnership_parties').select('id').where('partnership_id', '=', world.partnerships.p1).orderBy('position').executeTakeFirstOrThrow();
      const documentId = newId();
      await (old.db as Kysely<any>)
        .insertInto('cycle_approvals')
        .values([
          { id: newId(), document_type: 'work_plan', document_id: documentId, party_id: party.id, user_id: world.users.officer.id, revision: 1, approved_at: '2026-03-01T09:00:00.000Z', withdrawn_at: '2026-03-02T09:00:00.000Z', withdrawn_by: world.users.editor.id, withdrawn_reason: 'Item “Mission to Leuven” changed by Editor' },
          { id: newId(), document_type: 'work_plan', document_id: documentId, party_id: party.id, user_id: world.users.officer.id, revision: 1, approved_at: '2026-03-03T09:00:00.000Z' }
        ])
        .execute();

      await migrateToLatest(old.db);

      const [kept] = await approvalsOf(old.db, 'work_plan', documentId, 1);
      expect(kept).toMatchObject({ withdrawn_reason: 'Item “Mission to Leuven” changed by Editor', withdrawn_reason_kind: null, withdrawn_reason_params: null });
      expect(reasonText({ kind: kept!.withdrawn_reason_kind, params: kept!.withdrawn_reason_params, text: kept!.withdrawn_reason }, 'nl')).toBe('Item “Mission to Leuven” changed by Editor');

      const withdrawn = await withdrawApprovals(old.db, 'work_plan', documentId, 1, { at: '2026-03-04T09:00:00.000Z', by: world.users.editor.id, reason: { kind: 'item_removed', params: { title: 'Hydrogen valley', name: 'Editor' } } });
      expect(withdrawn).toEqual([party.id]);
      const fresh = (await approvalsOf(old.db, 'work_plan', documentId, 1)).at(-1)!;
      expect(fresh).toMatchObject({ withdrawn_reason: null, withdrawn_reason_kind: 'item_removed', withdrawn_reason_params: { title: 'Hydrogen valley', name: 'Editor' } });
      expect(reasonText({ kind: fresh.withdrawn_reason_kind, params: fresh.withdrawn_reason_params, text: fresh.withdrawn_reason }, 'de')).toBe('Punkt „Hydrogen valley“ entfernt von Editor');
    } finally {
      await old.close();
    }
  });
});
