/**
 * Every SQL statement of a person's rights: what is held about one person
 * (for the export) and the writes of their erasure. The rules (what counts,
 * what is scrubbed how) are in api/privacy/services/person-export.ts and
 * api/privacy/services/person-erasure.ts.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { holdsText, NO_ROW, perEngine } from '../engine-sql.js';
import type { Database } from '../schema.js';
import { type AuditEventRow, decodeAuditEvent, selectAuditEvents } from '../platform/audit.js';
import { auditJson, decodeRow, encodeRow, type FrozenWorkPlan, type JsonText, planRevisionJson, savedSearchJson, type StoredCriteria } from '../json-columns.js';

/** The person's interactions, oldest first, with their organisation, partnership and author. */
export function interactionsOfPerson(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('interactions')
    .leftJoin('organisations as org', 'org.id', 'interactions.organisation_id')
    .leftJoin('partnerships as partnership', 'partnership.id', 'interactions.partnership_id')
    .leftJoin('users as author', 'author.id', 'interactions.author_id')
    .select([
      'interactions.id',
      'interactions.kind',
      'interactions.occurred_at',
      'interactions.summary',
      'interactions.organisation_id',
      'org.name as organisation_name',
      'interactions.partnership_id',
      'partnership.title as partnership_title',
      'author.name as author_name',
      'interactions.created_at',
      'interactions.updated_at'
    ])
    .where('interactions.person_id', '=', personId)
    .orderBy('interactions.occurred_at')
    .orderBy('interactions.id')
    .execute();
}

/** The person's participations in activities, oldest activity first. */
export function participationsOfPerson(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('activity_participants as ptc')
    .innerJoin('activities', 'activities.id', 'ptc.activity_id')
    .leftJoin('organisations as org', 'org.id', 'ptc.organisation_id')
    .select([
      'ptc.id',
      'ptc.activity_id',
      'activities.title as activity_title',
      'activities.type as activity_type',
      'activities.starts_at',
      'activities.ends_at',
      'activities.city',
      'ptc.role',
      'ptc.attendance',
      'ptc.organisation_id',
      'org.name as organisation_name',
      'ptc.created_at'
    ])
    .where('ptc.person_id', '=', personId)
    .orderBy('activities.starts_at')
    .orderBy('ptc.id')
    .execute();
}

/** The feedback links of these participations, with the answer when one was given. */
export function feedbackOfParticipations(db: Kysely<Database>, participantIds: string[]) {
  if (!participantIds.length) return Promise.resolve([]);
  return db
    .selectFrom('feedback_links')
    .innerJoin('activities', 'activities.id', 'feedback_links.activity_id')
    .select([
      'feedback_links.id',
      'feedback_links.activity_id',
      'activities.title as activity_title',
      'feedback_links.participant_id',
      'feedback_links.rating',
      'feedback_links.comment',
      'feedback_links.answered_at',
      'feedback_links.created_at',
      'feedback_links.expires_at'
    ])
    .where('feedback_links.participant_id', 'in', participantIds)
    .orderBy('feedback_links.created_at')
    .orderBy('feedback_links.id')
    .execute();
}

/** Tasks whose subject is the person. */
export function tasksAboutPerson(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('tasks')
    .leftJoin('users as owner', 'owner.id', 'tasks.owner_id')
    .select(['tasks.id', 'tasks.kind', 'tasks.title', 'tasks.description', 'tasks.due_on', 'tasks.status', 'tasks.result', 'tasks.completed_at', 'owner.name as owner_name', 'tasks.created_at'])
    .where('tasks.subject_type', '=', 'person')
    .where('tasks.subject_id', '=', personId)
    .orderBy('tasks.due_on')
    .orderBy('tasks.id')
    .execute();
}

/** Work plan items the person is responsible for. */
export function workPlanItemsOfPerson(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('work_plan_items as item')
    .innerJoin('work_plans as plan', 'plan.id', 'item.work_plan_id')
    .innerJoin('partnerships', 'partnerships.id', 'plan.partnership_id')
    .select(['item.id', 'item.title', 'item.status', 'plan.year', 'partnerships.title as partnership_title'])
    .where('item.responsible_person_id', '=', personId)
    .where('item.deleted_at', 'is', null)
    .orderBy('plan.year')
    .orderBy('item.position')
    .execute();
}

/** The partnership parties that name the person as their contact person. */
export function partiesWithContactPerson(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('partnership_parties as party')
    .innerJoin('partnerships', 'partnerships.id', 'party.partnership_id')
    .innerJoin('organisations as org', 'org.id', 'party.organisation_id')
    .select(['party.id', 'party.partnership_id', 'partnerships.title as partnership_title', 'org.name as organisation_name'])
    .where('party.contact_person_id', '=', personId)
    .orderBy('partnerships.title')
    .execute();
}

/**
 * Audit events about the person: those of the person record itself, of the
 * `records` given (e.g. their activities, as `{ type, id }`), and of any
 * record whose snapshots hold one of `needles` (the person's id, name,
 * emails, phones), oldest first, with the actor's name.
 */
export async function auditEventsMentioning(db: Kysely<Database>, personId: string, needles: string[], records: { type: string; id: string }[] = []): Promise<AuditEventRow[]> {
  const rows = await selectAuditEvents(db)
    .where((eb) =>
      eb.or([
        eb.and([eb('audit_events.entity_type', '=', 'person'), eb('audit_events.entity_id', '=', personId)]),
        ...records.map((r) => eb.and([eb('audit_events.entity_type', '=', r.type), eb('audit_events.entity_id', '=', r.id)])),
        anyOf([...mentions('audit_events.before', needles), ...mentions('audit_events.after', needles)])
      ])
    )
    .orderBy('audit_events.at')
    .orderBy('audit_events.id')
    .execute();
  return rows.map(decodeAuditEvent);
}

export async function replaceAuditSnapshots(db: Kysely<Database>, id: string, before: unknown, after: unknown): Promise<void> {
  const values = encodeRow<{ before: JsonText<unknown> | null; after: JsonText<unknown> | null }>(auditJson, { before, after });
  await db.updateTable('audit_events').set(values).where('id', '=', id).execute();
}

/**
 * Makes the person's participations anonymous: the person goes, the
 * organisation they took part for stays (their person's organisation when
 * none was named), marked erased at `at`.
 */
export async function anonymiseParticipations(db: Kysely<Database>, personId: string, organisationId: string | null, at: string): Promise<void> {
  await db
    .updateTable('activity_participants')
    .set((eb) => ({
      organisation_id: eb.fn.coalesce('organisation_id', eb.val(organisationId)),
      person_id: null,
      erased_at: at,
      version: eb('version', '+', 1)
    }))
    .where('person_id', '=', personId)
    .execute();
}

/** The interaction keeps its place without the person, at `organisationId`, with its summary as given. */
export async function detachInteraction(db: Kysely<Database>, id: string, values: { summary: string; organisationId: string | null }, at: string): Promise<void> {
  await db
    .updateTable('interactions')
    .set((eb) => ({ person_id: null, organisation_id: values.organisationId, summary: values.summary, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function deleteInteraction(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('interactions').where('id', '=', id).execute();
}

export async function replaceFeedbackComment(db: Kysely<Database>, id: string, comment: string | null): Promise<void> {
  await db.updateTable('feedback_links').set({ comment }).where('id', '=', id).execute();
}

/** Tasks about the person or whose words name them (they show in calendar feeds). */
export function tasksAboutOrMentioning(db: Kysely<Database>, personId: string, needles: string[]) {
  return db
    .selectFrom('tasks')
    .select(['id', 'subject_type', 'subject_id', 'title', 'description', 'result'])
    .where((eb) =>
      eb.or([
        eb.and([eb('subject_type', '=', 'person'), eb('subject_id', '=', personId)]),
        anyOf(['title', 'description', 'result'].flatMap((column) => mentions(column, needles)))
      ])
    )
    .execute();
}

/** The task's words as given; `detach`: it no longer points at the person. */
export async function detachTask(db: Kysely<Database>, id: string, text: { title: string; description: string | null; result: string | null }, detach: boolean, at: string): Promise<void> {
  await db
    .updateTable('tasks')
    .set((eb) => ({ ...(detach ? { subject_type: null, subject_id: null } : {}), ...text, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** `column` holds one of the needles (exact, case as given). */
function mentions(column: string, needles: string[]) {
  // (a JSON column is jsonb on PostgreSQL: its text is searched)
  const haystack = perEngine(sql`coalesce(${sql.ref(column)}, '')`, sql`coalesce(${sql.ref(column)}::text, '')`);
  return needles.map((needle) => holdsText(haystack, needle));
}

const anyOf = (conditions: RawBuilder<boolean>[]) => (conditions.length ? sql<boolean>`(${sql.join(conditions, sql` OR `)})` : NO_ROW);

export function notificationsMentioning(db: Kysely<Database>, needles: string[]) {
  return db
    .selectFrom('notifications')
    .select(['id', 'text', 'email_error'])
    .where(anyOf([...mentions('text', needles), ...mentions('email_error', needles)]))
    .execute();
}

export async function replaceNotificationText(db: Kysely<Database>, id: string, text: string, emailError: string | null): Promise<void> {
  await db.updateTable('notifications').set({ text, email_error: emailError }).where('id', '=', id).execute();
}

/** Agenda items of the activities the person took part in, and any other that names them. */
export function agendaItemsMentioning(db: Kysely<Database>, activityIds: string[], needles: string[]) {
  return db
    .selectFrom('agenda_items')
    .select(['id', 'activity_id', 'topic', 'presenter', 'notes', 'decisions'])
    .where((eb) =>
      eb.or([
        ...(activityIds.length ? [eb('activity_id', 'in', activityIds)] : []),
        anyOf(['topic', 'presenter', 'notes', 'decisions'].flatMap((column) => mentions(column, needles)))
      ])
    )
    .execute();
}

export async function replaceAgendaText(db: Kysely<Database>, id: string, text: { topic: string; presenter: string | null; notes: string | null; decisions: string | null }): Promise<void> {
  await db
    .updateTable('agenda_items')
    .set((eb) => ({ ...text, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export function outcomesOf(db: Kysely<Database>, activityIds: string[]) {
  if (!activityIds.length) return Promise.resolve([]);
  return db.selectFrom('outcomes').select(['id', 'text']).where('activity_id', 'in', activityIds).execute();
}

export async function replaceOutcomeText(db: Kysely<Database>, id: string, text: string): Promise<void> {
  await db.updateTable('outcomes').set({ text }).where('id', '=', id).execute();
}

export async function savedSearchesMentioning(db: Kysely<Database>, needles: string[]) {
  const rows = await db
    .selectFrom('saved_searches')
    .select(['id', 'name', 'criteria'])
    .where(anyOf([...mentions('name', needles), ...mentions('criteria', needles)]))
    .execute();
  return rows.map((row) => decodeRow(savedSearchJson, row));
}

export async function replaceSavedSearch(db: Kysely<Database>, id: string, values: { name: string; criteria: StoredCriteria }, at: string): Promise<void> {
  await db
    .updateTable('saved_searches')
    .set((eb) => ({ name: values.name, criteria: savedSearchJson.criteria.write(values.criteria), updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function frozenRevisionsMentioning(db: Kysely<Database>, needles: string[]) {
  const rows = await db.selectFrom('work_plan_revisions').select(['id', 'snapshot']).where(anyOf(mentions('snapshot', needles))).execute();
  return rows.map((row) => decodeRow(planRevisionJson, row));
}

export async function replaceRevisionSnapshot(db: Kysely<Database>, id: string, snapshot: FrozenWorkPlan): Promise<void> {
  await db.updateTable('work_plan_revisions').set({ snapshot: planRevisionJson.snapshot.write(snapshot) }).where('id', '=', id).execute();
}
