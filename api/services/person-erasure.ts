/**
 * Erasing a person (GDPR Art. 17): `DELETE /api/people/{id}` is the one way
 * a person leaves RegioDesk, and it leaves nothing a reader could find them
 * by, while every figure stays true. In one transaction:
 *
 * - the record goes (with its domains and access log; search_index loses it
 *   through the people triggers; work plan items lose their responsible
 *   person);
 * - participations stay, anonymous: no person, the organisation they took
 *   part for kept (their organisation's when none was named), marked erased,
 *   so participant counts, organisations, feedback averages and evaluation
 *   figures of every year are the same afterwards; feedback answers keep
 *   their rating, their comment scrubbed;
 * - interactions stay without the person, their summary scrubbed;
 * - tasks about them lose their subject; tasks, agenda items and outcomes of
 *   their activities, notifications (the in-app text and the email copy's
 *   error), saved searches and frozen work plan revisions that quote them
 *   are scrubbed; tasks change version, so calendar feeds change too;
 * - audit events of the person and of every record whose snapshots hold
 *   their id, name, emails or phones are scrubbed (erasure-text.ts);
 * - one audit event `erased` on the person records who erased it and when,
 *   with no data.
 *
 * Refused (409) while the person is a partnership party's contact person:
 * the agreement names them, so the party names another contact person
 * first. People and RegioDesk users are not linked (a user account is not a
 * person record), so being a user never blocks an erasure.
 */
import type { Kysely } from 'kysely';
import { insertAuditEvent } from '../../db/repositories/audit.js';
import { contactPersonUsage, deletePerson } from '../../db/repositories/people.js';
import * as rights from '../../db/repositories/person-rights.js';
import type { Database, PersonRow } from '../../db/schema.js';
import type { Caller } from '../caller.js';
import { Conflict } from '../errors.js';
import { identityPattern, needlesOf, scrubJson, scrubNullable, scrubText } from './erasure-text.js';
import { identityOf } from './person-export.js';

export async function erasePerson(trx: Kysely<Database>, caller: Caller, row: PersonRow, now: Date): Promise<void> {
  const contactOf = await contactPersonUsage(trx, row.id);
  if (contactOf > 0) {
    throw new Conflict(
      `This person is the contact person of ${contactOf} partnership party(ies), named in the cooperation agreement; name another contact person for the party first, then erase the person.`
    );
  }
  const at = now.toISOString();
  const identity = identityOf(row);
  const pattern = identityPattern(identity);
  const needles = needlesOf(identity);
  const textNeedles = needles.filter((n) => n !== row.id);

  const participations = await rights.participationsOfPerson(trx, row.id);
  const activityIds = [...new Set(participations.map((p) => p.activity_id))];
  for (const link of await rights.feedbackOfParticipations(trx, participations.map((p) => p.id))) {
    if (link.comment !== null) await rights.replaceFeedbackComment(trx, link.id, scrubText(link.comment, pattern));
  }
  await rights.anonymiseParticipations(trx, row.id, row.organisation_id, at);

  for (const interaction of await rights.interactionsOfPerson(trx, row.id)) {
    await rights.detachInteraction(trx, interaction.id, scrubText(interaction.summary, pattern), at);
  }
  for (const task of await rights.tasksAboutOrMentioning(trx, row.id, textNeedles)) {
    const about = task.subject_type === 'person' && task.subject_id === row.id;
    const text = { title: scrubText(task.title, pattern), description: scrubNullable(task.description, pattern), result: scrubNullable(task.result, pattern) };
    await rights.detachTask(trx, task.id, text, about, at);
  }
  for (const item of await rights.agendaItemsMentioning(trx, activityIds, textNeedles)) {
    const text = { topic: scrubText(item.topic, pattern), presenter: scrubNullable(item.presenter, pattern), notes: scrubNullable(item.notes, pattern), decisions: scrubNullable(item.decisions, pattern) };
    if (JSON.stringify(text) !== JSON.stringify({ topic: item.topic, presenter: item.presenter, notes: item.notes, decisions: item.decisions })) await rights.replaceAgendaText(trx, item.id, text);
  }
  for (const outcome of await rights.outcomesOf(trx, activityIds)) {
    const text = scrubText(outcome.text, pattern);
    if (text !== outcome.text) await rights.replaceOutcomeText(trx, outcome.id, text);
  }
  for (const notification of await rights.notificationsMentioning(trx, textNeedles)) {
    await rights.replaceNotificationText(trx, notification.id, scrubText(notification.text, pattern), scrubNullable(notification.email_error, pattern));
  }
  for (const search of await rights.savedSearchesMentioning(trx, textNeedles)) {
    await rights.replaceSavedSearch(trx, search.id, { name: scrubText(search.name, pattern), criteria: scrubJson(search.criteria, identity, pattern)! }, at);
  }
  for (const revision of await rights.frozenRevisionsMentioning(trx, needles)) {
    await rights.replaceRevisionSnapshot(trx, revision.id, scrubJson(revision.snapshot, identity, pattern)!);
  }
  for (const event of await rights.auditEventsMentioning(trx, row.id, needles)) {
    await rights.replaceAuditSnapshots(trx, event.id, scrubJson(event.before, identity, pattern), scrubJson(event.after, identity, pattern));
  }

  await deletePerson(trx, row.id);
  await insertAuditEvent(trx, { actorId: caller.userId, action: 'erased', entityType: 'person', entityId: row.id, before: null, after: null });
}
