/**
 * The SQL behind the annual cycle's reminders (api/cycle/services/cycle-steps.ts):
 * the parties with their contact persons' e-mail addresses, the partnership's
 * members who could own a task, and the cycle-step tasks already made —
 * each once per step occurrence and owner (`cycle_step_key`, unique), so a
 * run overlapping another inserts nothing twice.
 */
import type { Insertable, Kysely } from 'kysely';
import { personJson, readNullable } from '../json-columns.js';
import type { Database, TaskTable } from '../schema.js';

/** Parties in order, with the organisation's name and the contact person's name and e-mail addresses (null: no contact person). */
export async function partiesWithContacts(db: Kysely<Database>, partnershipId: string) {
  const rows = await db
    .selectFrom('partnership_parties')
    .innerJoin('organisations', 'organisations.id', 'partnership_parties.organisation_id')
    .leftJoin('people', 'people.id', 'partnership_parties.contact_person_id')
    .select([
      'partnership_parties.organisation_id',
      'organisations.name as organisation_name',
      'organisations.short_name as organisation_short_name',
      'partnership_parties.contact_person_id',
      'people.name as contact_person_name',
      'people.emails as contact_person_emails'
    ])
    .where('partnership_parties.partnership_id', '=', partnershipId)
    .orderBy('partnership_parties.position')
    .execute();
  return rows.map((row) => ({ ...row, contact_person_emails: readNullable(personJson.emails, row.contact_person_emails) }));
}

export type PartyContactRow = Awaited<ReturnType<typeof partiesWithContacts>>[number];

/** Members of the partnership whose account is not disabled, with their organisation and role. */
export function activeMembersOf(db: Kysely<Database>, partnershipId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.locale', 'users.organisation_id', 'memberships.role'])
    .where('memberships.partnership_id', '=', partnershipId)
    .where('users.disabled_at', 'is', null)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
}

export type MemberRow = Awaited<ReturnType<typeof activeMembersOf>>[number];

/** Every cycle-step task of the partnership (any status), with the owner's name and language. */
export function cycleTasksOf(db: Kysely<Database>, partnershipId: string) {
  return db
    .selectFrom('tasks')
    .leftJoin('users as owner', 'owner.id', 'tasks.owner_id')
    .select(['tasks.id', 'tasks.title', 'tasks.owner_id', 'owner.name as owner_name', 'owner.locale as owner_locale', 'tasks.due_on', 'tasks.rrule', 'tasks.status', 'tasks.version'])
    .where('tasks.partnership_id', '=', partnershipId)
    .where('tasks.kind', '=', 'cycle_step')
    .orderBy('tasks.due_on')
    .orderBy('owner.name')
    .orderBy('tasks.id')
    .execute();
}

export type CycleTaskRow = Awaited<ReturnType<typeof cycleTasksOf>>[number];

/** The ids of every partnership, for the periodic run. */
export async function partnershipIds(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('partnerships').select('id').orderBy('id').execute()).map((r) => r.id);
}

/**
 * The key of the task a step occurrence makes for an owner: the partnership,
 * the owner, the due day and the stored series (DTSTART and RRULE). The
 * migration that added the column keyed the tasks already made with the
 * same words (20261207T0700_run_once.ts).
 */
export function cycleStepKey(task: { partnership_id: string; owner_id: string; due_on: string; rrule: string }): string {
  return `cycle:${task.partnership_id}:${task.owner_id}:${task.due_on}:${task.rrule}`;
}

/** Inserts a step's task unless the task of that occurrence and owner exists (made by this run or an overlapping one); true when inserted. */
export async function insertCycleStepTask(db: Kysely<Database>, values: Insertable<TaskTable> & { partnership_id: string; owner_id: string; rrule: string }): Promise<boolean> {
  const rows = await db
    .insertInto('tasks')
    .values({ ...values, kind: 'cycle_step', cycle_step_key: cycleStepKey(values) })
    .onConflict((oc) => oc.column('cycle_step_key').doNothing())
    .returning('id')
    .execute();
  return rows.length === 1;
}
