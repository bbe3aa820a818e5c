/**
 * The annual cycle's tasks are made once per step occurrence and owner even
 * when two runs overlap (two services on one handle, and a second
 * connection to the same file): the unique `cycle_step_key` and an insert
 * that does nothing on conflict, whatever the run read before. (Two real
 * processes: test/e2e/run-once.test.ts.) And the migration that added the
 * key: tasks already made are keyed, untouched duplicates removed, worked-on
 * ones kept.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CycleStepService } from '../../../api/cycle/services/cycle-steps.js';
import { openDatabase } from '../../../db/connection.js';
import type { Handle } from '../../support/database.js';
import { insertCycleStepTask } from '../../../db/cycle/cycle-steps.js';
import { newId } from '../../../db/ids.js';
import { migrateTo, migrateToLatest } from '../../../db/migrate.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { createPerson } from '../../support/crm.js';
import { buildWorld } from '../../support/world.js';

let h: ClockedHarness;
let second: Handle;
let p1: string;
const now = new Date('2026-10-05T08:00:00Z');

async function cycleTasks(db = h.db) {
  return db.selectFrom('tasks').select(['id', 'owner_id', 'due_on', 'rrule', 'status', 'cycle_step_key']).where('kind', '=', 'cycle_step').orderBy('due_on').orderBy('owner_id').execute();
}

beforeAll(async () => {
  h = await clockedHarness(now.toISOString());
  second = await h.reopen();
  p1 = h.world.partnerships.p1;
  const parties = await h.db.selectFrom('partnership_parties').select('id').where('partnership_id', '=', p1).orderBy('position').execute();
  for (const [i, emails, name] of [[0, ['officer@test.regiodesk.eu'], 'Olga Officer'], [1, ['editor@test.regiodesk.eu'], 'Eddie Editor']] as const) {
    const person = await createPerson(h.as.officer, { name, emails: [...emails] });
    await h.db.updateTable('partnership_parties').set({ contact_person_id: person.id }).where('id', '=', parties[i]!.id).execute();
  }
  await h.db.updateTable('partnerships').set({ ends_on: '2028-12-31' }).where('id', '=', p1).execute();
});
afterAll(async () => {
  await second.close();
  await h.close();
});

describe('cycle-step tasks when runs overlap', () => {
  it('makes each task once when two runs overlap in one process (two services on one handle)', async () => {
    const a = new CycleStepService(h.db, () => now);
    const b = new CycleStepService(h.db, () => now);
    const logged: string[] = [];
    const results = await Promise.all([a.runAll(now, (l) => logged.push(l)), b.runAll(now, (l) => logged.push(l)), a.runAll(now, (l) => logged.push(l))]);
    const tasks = await cycleTasks();
    expect(tasks.map((t) => [t.owner_id, t.due_on])).toEqual([[h.world.users.editor.id, '2026-11-30'], [h.world.users.officer.id, '2026-11-30']].sort((x, y) => x[0]!.localeCompare(y[0]!)));
    expect(results.reduce((n, r) => n + r.created, 0)).toBe(2);
    expect(results.reduce((n, r) => n + r.existing, 0)).toBe(4);
    expect(tasks.every((t) => t.cycle_step_key === `cycle:${p1}:${t.owner_id}:2026-11-30:${t.rrule}`)).toBe(true);
    expect(logged).toEqual([]);
  });

  it('makes no second task from another connection (another process) on the same file', async () => {
    expect(await new CycleStepService(second.db, () => now).runAll(now)).toEqual({ created: 0, existing: 2, closed: 0 });
    expect(await cycleTasks()).toHaveLength(2);
  });

  it('inserts nothing for an occurrence and owner that has its task, however the run came to try', async () => {
    const [made] = await cycleTasks();
    const again = { id: newId(), kind: 'cycle_step', title: 'again', description: null, owner_id: made!.owner_id!, due_on: made!.due_on, rrule: made!.rrule!, partnership_id: p1, subject_type: 'partnership', subject_id: p1, created_by: null };
    expect(await insertCycleStepTask(second.db, again)).toBe(false);
    expect(await cycleTasks()).toHaveLength(2);
    // a moved task keeps its key: the run does not make the occurrence's task again
    const officersTask = (await cycleTasks()).find((t) => t.owner_id === h.world.users.officer.id)!;
    const moved = await h.as.officer.patch(`/api/tasks/${officersTask.id}`, { dueOn: '2026-12-05' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await new CycleStepService(second.db, () => now).runAll(now)).created).toBe(0);
    expect(await cycleTasks()).toHaveLength(2);
  });

  it('leaves tasks written by hand, of any kind, without a key', async () => {
    const reply = await h.as.officer.post('/api/tasks', { kind: 'cycle_step', title: 'By hand', dueOn: '2026-11-30', partnershipId: p1 });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect((await h.db.selectFrom('tasks').select('cycle_step_key').where('id', '=', reply.body.id).executeTakeFirstOrThrow()).cycle_step_key).toBeNull();
  });
});

describe('the migration that keys cycle-step tasks', () => {
  it('keys the oldest task of each occurrence, removes untouched copies and keeps copies someone worked on', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'regiodesk-run-once-')), 'before.db');
    const old = openDatabase(file);
    try {
      await migrateTo(old.db, '20261207T0600_consent_retention');
      const world = await buildWorld(old.db);
      const p = world.partnerships.p1;
      const rrule = 'DTSTART;VALUE=DATE:20261130\nRRULE:FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1';
      const task = (id: string, owner: string, createdAt: string, more: { status?: string; version?: number } = {}) => ({
        id, kind: 'cycle_step', title: 'Evaluate the year together', description: null, owner_id: owner, due_on: '2026-11-30', rrule,
        partnership_id: p, subject_type: 'partnership', subject_id: p, created_by: null, created_at: createdAt, updated_at: createdAt, status: 'open', version: 1, ...more
      });
      const officer = world.users.officer.id;
      const editor = world.users.editor.id;
      await old.db.insertInto('tasks').values([
        task('t-first', officer, '2026-10-05T08:00:00.000Z'),
        task('t-copy', officer, '2026-10-05T08:00:00.500Z'),
        task('t-worked-on', officer, '2026-10-05T08:00:01.000Z', { status: 'done', version: 2 }),
        task('t-editor', editor, '2026-10-05T08:00:00.200Z'),
        { ...task('t-other-kind', officer, '2026-10-05T08:00:00.000Z'), kind: 'follow_up' }
      ] as never).execute();

      await migrateToLatest(old.db);
      const rows = await old.db.selectFrom('tasks').select(['id', 'cycle_step_key']).orderBy('id').execute();
      expect(rows).toEqual([
        { id: 't-editor', cycle_step_key: `cycle:${p}:${editor}:2026-11-30:${rrule}` },
        { id: 't-first', cycle_step_key: `cycle:${p}:${officer}:2026-11-30:${rrule}` },
        { id: 't-other-kind', cycle_step_key: null },
        { id: 't-worked-on', cycle_step_key: null }
      ]);
    } finally {
      await old.close();
    }
  });
});
