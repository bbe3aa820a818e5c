/**
 * Everything held about one person (GDPR Art. 15 and 20), as data: the
 * record, the lawful basis and consent with its history (and the consent
 * given and withdrawn, with how), the retention review's decisions to keep
 * them, interactions,
 * participations in activities, the feedback given through their
 * participations' links, tasks about them, work plan items they are
 * responsible for, the partnership parties naming them as contact person,
 * the audit events about them (of the person record and of any record whose
 * snapshots hold their id, name, emails or phones), who read the record
 * (the access log) and who created or changed it.
 *
 * Everything is included whoever recorded it: the export answers the
 * person's request on behalf of the controller, so it is not limited to
 * what the exporting writer sees in lists.
 */
import type { Kysely } from 'kysely';
import { consentEventsOf } from '../../../db/crm/consents.js';
import { readsOfPerson } from '../../../db/crm/person-reads.js';
import * as rights from '../../../db/privacy/person-rights.js';
import { keepDecisionsOf } from '../../../db/privacy/retention.js';
import type { Database, PersonRow } from '../../../db/schema.js';
import { toAuditEvent, type Caller } from '../../platform/index.js';
import type { AuditEvent } from '../../platform/schemas/common.js';
import type { LawfulBasis } from '../../crm/schemas/people.js';
import type { PersonExport, PersonReads } from '../schemas/person-rights.js';
import { needlesOf } from '../rules/erasure-text.js';
import { READ_WINDOW_MINUTES, present } from '../../crm/index.js';

/** The person's identity as erasure and the audit search use it. */
export function identityOf(row: PersonRow) {
  return { id: row.id, name: row.name, emails: row.emails, phones: row.phones };
}

type ConsentState = PersonExport['consent']['current'];

/** The states of lawful basis and consent the person's own events recorded, each once, oldest first. */
function consentHistory(events: AuditEvent[], personId: string): PersonExport['consent']['history'] {
  const history: PersonExport['consent']['history'] = [];
  for (const event of events) {
    if (event.entityType !== 'person' || event.entityId !== personId || !event.after || typeof event.after !== 'object') continue;
    const after = event.after as Partial<ConsentState>;
    if (!after.lawfulBasis) continue;
    const state = { lawfulBasis: after.lawfulBasis as LawfulBasis, consentDate: after.consentDate ?? null, consentSource: after.consentSource ?? null };
    const last = history.at(-1);
    if (last && last.lawfulBasis === state.lawfulBasis && last.consentDate === state.consentDate && last.consentSource === state.consentSource) continue;
    history.push({ ...state, at: event.at, by: event.actor?.name ?? null });
  }
  return history;
}

function changedBy(events: AuditEvent[], personId: string): PersonExport['changedBy'] {
  const users = new Map<string, PersonExport['changedBy'][number]>();
  for (const event of events) {
    if (event.entityType !== 'person' || event.entityId !== personId || !event.actor) continue;
    const user = users.get(event.actor.id) ?? { ...event.actor, changes: 0, lastAt: event.at };
    user.changes += 1;
    if (event.at > user.lastAt) user.lastAt = event.at;
    users.set(event.actor.id, user);
  }
  return [...users.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt));
}

export async function personExport(db: Kysely<Database>, caller: Caller, row: PersonRow, now: Date): Promise<PersonExport> {
  const [person] = await present(db, caller, [row]);
  const participations = await rights.participationsOfPerson(db, row.id);
  const [interactions, feedback, tasks, workPlanItems, parties, auditRows, reads, consentEvents, keptAfterReview] = await Promise.all([
    rights.interactionsOfPerson(db, row.id),
    rights.feedbackOfParticipations(db, participations.map((p) => p.id)),
    rights.tasksAboutPerson(db, row.id),
    rights.workPlanItemsOfPerson(db, row.id),
    rights.partiesWithContactPerson(db, row.id),
    rights.auditEventsMentioning(db, row.id, needlesOf(identityOf(row))),
    readsOf(db, row.id),
    consentEventsOf(db, row.id),
    keepDecisionsOf(db, row.id)
  ]);
  const auditEvents: AuditEvent[] = auditRows.map(toAuditEvent);
  return {
    format: 'regiodesk-person-export/1',
    exportedAt: now.toISOString(),
    exportedBy: { id: caller.userId, name: caller.name },
    person: person!,
    consent: {
      current: { lawfulBasis: row.lawful_basis as LawfulBasis, consentDate: row.consent_date, consentSource: row.consent_source },
      history: consentHistory(auditEvents, row.id),
      events: consentEvents.map((e) => ({ event: e.event as 'given' | 'withdrawn', onDate: e.on_date, how: e.how, at: e.at, by: e.by_user_name }))
    },
    keptAfterReview: keptAfterReview.map((k) => ({ decidedAt: k.decided_at, reason: k.reason, by: k.by_user_name })),
    interactions: interactions.map((i) => ({
      id: i.id,
      kind: i.kind,
      occurredAt: i.occurred_at,
      summary: i.summary,
      organisationName: i.organisation_name,
      partnershipTitle: i.partnership_title,
      authorName: i.author_name
    })),
    participations: participations.map((p) => ({
      id: p.id,
      activityId: p.activity_id,
      activityTitle: p.activity_title,
      activityType: p.activity_type,
      startsAt: p.starts_at,
      endsAt: p.ends_at,
      city: p.city,
      role: p.role,
      attendance: p.attendance,
      organisationName: p.organisation_name
    })),
    feedback: feedback.map((f) => ({ activityId: f.activity_id, activityTitle: f.activity_title, rating: f.rating, comment: f.comment, answeredAt: f.answered_at, linkCreatedAt: f.created_at })),
    tasks: tasks.map((t) => ({ id: t.id, kind: t.kind, title: t.title, description: t.description, dueOn: t.due_on, status: t.status, result: t.result, ownerName: t.owner_name })),
    workPlanItems: workPlanItems.map((w) => ({ id: w.id, title: w.title, status: w.status, year: w.year, partnershipTitle: w.partnership_title })),
    contactPersonOf: parties.map((p) => ({ partnershipId: p.partnership_id, partnershipTitle: p.partnership_title, organisationName: p.organisation_name })),
    auditEvents,
    accessLog: reads.items,
    changedBy: changedBy(auditEvents, row.id)
  };
}

/** Who read the person and when, newest first. */
export async function readsOf(db: Kysely<Database>, personId: string): Promise<PersonReads> {
  const rows = await readsOfPerson(db, personId);
  return {
    items: rows.map((r) => ({ at: r.at, user: { id: r.user_id, name: r.user_name, email: r.user_email } })),
    windowMinutes: READ_WINDOW_MINUTES
  };
}
