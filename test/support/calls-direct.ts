/**
 * Calls and deadlines written straight into the database, for the tests of
 * watching, reminders, digests and the calendar feed (which read calls but
 * do not own them). Deadline instants are UTC (`…Z`); each keeps its zone.
 */
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.js';
import type { Database } from '../../db/schema.js';
import { jsonText } from '../../db/json-columns.js';

export interface DirectDeadline {
  at: string;
  zone?: string;
  label?: string | null;
}

export interface DirectCall {
  identifier?: string;
  title?: string;
  programmeId?: string | null;
  openingAt?: string | null;
  keywords?: string[];
  domainIds?: string[];
  createdAt?: string;
  deadlines?: DirectDeadline[];
}

let counter = 0;

export async function insertCallDirect(db: Kysely<Database>, call: DirectCall = {}) {
  counter += 1;
  const id = newId();
  const identifier = call.identifier ?? `TEST-CALL-${counter}-${id.slice(-6)}`;
  await db
    .insertInto('calls')
    .values({
      id,
      identifier,
      title: call.title ?? `Test call ${counter}`,
      programme_id: call.programmeId ?? null,
      action_type: null,
      description: null,
      opening_at: call.openingAt ?? null,
      budget_cents: null,
      expected_grants: null,
      min_contribution_cents: null,
      max_contribution_cents: null,
      cofinancing_rate: null,
      keywords: jsonText(call.keywords ?? []),
      link: null,
      rrule: null,
      portal_status: null,
      imported_at: null,
      created_by: null,
      ...(call.createdAt ? { created_at: call.createdAt, updated_at: call.createdAt } : {})
    })
    .execute();
  const deadlineIds: string[] = [];
  for (const [position, d] of (call.deadlines ?? []).entries()) {
    const deadlineId = newId();
    await db
      .insertInto('call_deadlines')
      .values({ id: deadlineId, call_id: id, position, label: d.label ?? null, deadline_at: new Date(d.at).toISOString(), time_zone: d.zone ?? 'Europe/Brussels' })
      .execute();
    deadlineIds.push(deadlineId);
  }
  if (call.domainIds?.length) await db.insertInto('call_domains').values(call.domainIds.map((domain_id) => ({ call_id: id, domain_id }))).execute();
  return { id, identifier, deadlineIds };
}

/** Moves a stored deadline to another instant (as an edit or an import would). */
export async function moveDeadlineDirect(db: Kysely<Database>, deadlineId: string, at: string): Promise<void> {
  await db.updateTable('call_deadlines').set({ deadline_at: new Date(at).toISOString() }).where('id', '=', deadlineId).execute();
}

export async function insertProgrammeDirect(db: Kysely<Database>, code: string, name = code): Promise<string> {
  const id = newId();
  await db.insertInto('programmes').values({ id, code, name, family: 'other', parent_id: null, period: null, cofinancing_rate: null, cofinancing_note: null, source: null, created_by: null }).execute();
  return id;
}
