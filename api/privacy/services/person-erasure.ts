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
 * - interactions stay without the person, their summary scrubbed, at their
 *   organisation or else the person's (so the same readers see them: an
 *   interaction with no organisation, person or partnership would be shown
 *   to everyone); one with no organisation, partnership or person's
 *   organisation to keep it at goes (an `erased` event, no data);
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
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import { insertAuditEvent } from '../../../db/platform/audit.js';
import { contactPersonUsage, deletePerson } from '../../../db/crm/people.js';
import * as rights from '../../../db/privacy/person-rights.js';
import type { Database, PersonRow } from '../../../db/schema.js';
import { Conflict, type Caller } from '../../platform/index.js';
import { holdsText, needlesOf, patternsOf, scrubNullable, scrubSnapshot, scrubText } from '../rules/erasure-text.js';
import { identityOf } from './person-export.js';

export async function erasePerson(trx: Kysely<Database>, caller: Caller, row: PersonRow, now: Date): Promise<void> {
  const contactOf = await contactPersonUsage(trx, row.id);
  if (contactOf > 0) {
    throw new Conflict('problems_privacy_contactPerson', { count: contactOf });
  }
  const at = now.toISOString();
  const identity = identityOf(row);
  const patterns = patternsOf(identity);
  const quoted = patternsOf(identity, false);
  const pattern = patterns.text;
  const needles = needlesOf(identity);
  const pointsAtThem = (snapshot: unknown) => holdsText(snapshot, row.id);
  const textNeedles = needles.filter((n) => n !== row.id);

  const participations = await rights.participationsOfPerson(trx, row.id);
  const activityIds = [...new Set(participations.map((p) => p.activity_id))];
  for (const link of await rights.feedbackOfParticipations(trx, participations.map((p) => p.id))) {
    if (link.comment !== null) await rights.replaceFeedbackComment(trx, link.id, scrubText(link.comment, pattern));
  }
  await rights.anonymiseParticipations(trx, row.id, row.organisation_id, at);

  // the records about the person, whose words lose every word of their name (see erasure-text.ts)
  const theirs = new Set(activityIds.flatMap((id) => [`activity:${id}`, `feedback:${id}`]));
  for (const interaction of await rights.interactionsOfPerson(trx, row.id)) {
    theirs.add(`interaction:${interaction.id}`);
    // it stays where readers found it: at its organisation, else the person's; with neither, nor a partnership, nobody could be shown it but everyone would
    const organisationId = interaction.organisation_id ?? row.organisation_id;
    if (organisationId === null && interaction.partnership_id === null) {
      await rights.deleteInteraction(trx, interaction.id);
      await insertAuditEvent(trx, { actorId: caller.userId, action: 'erased', entityType: 'interaction', entityId: interaction.id, before: null, after: null });
    } else {
      await rights.detachInteraction(trx, interaction.id, { summary: scrubText(interaction.summary, pattern), organisationId }, at);
    }
  }
  for (const task of await rights.tasksAboutOrMentioning(trx, row.id, textNeedles)) {
    const about = task.subject_type === 'person' && task.subject_id === row.id;
    if (about) theirs.add(`task:${task.id}`);
    const p = about ? pattern : quoted.text;
    const text = { title: scrubText(task.title, p), description: scrubNullable(task.description, p), result: scrubNullable(task.result, p) };
    await rights.detachTask(trx, task.id, text, about, at);
  }
  for (const item of await rights.agendaItemsMentioning(trx, activityIds, textNeedles)) {
    const p = activityIds.includes(item.activity_id) ? pattern : quoted.text;
    const text = { topic: scrubText(item.topic, p), presenter: scrubNullable(item.presenter, p), notes: scrubNullable(item.notes, p), decisions: scrubNullable(item.decisions, p) };
    if (!isDeepStrictEqual(text, { topic: item.topic, presenter: item.presenter, notes: item.notes, decisions: item.decisions })) await rights.replaceAgendaText(trx, item.id, text);
  }
  for (const outcome of await rights.outcomesOf(trx, activityIds)) {
    const text = scrubText(outcome.text, pattern);
    if (text !== outcome.text) await rights.replaceOutcomeText(trx, outcome.id, text);
  }
  for (const notification of await rights.notificationsMentioning(trx, textNeedles)) {
    const text = scrubText(notification.text, quoted.text);
    const emailError = scrubNullable(notification.email_error, quoted.text);
    if (text !== notification.text || emailError !== notification.email_error) await rights.replaceNotificationText(trx, notification.id, text, emailError);
  }
  for (const search of await rights.savedSearchesMentioning(trx, textNeedles)) {
    const changed = { name: scrubText(search.name, quoted.text), criteria: scrubSnapshot(search.criteria, identity, quoted) as typeof search.criteria };
    if (changed.name !== search.name || !isDeepStrictEqual(changed.criteria, search.criteria)) await rights.replaceSavedSearch(trx, search.id, changed, at);
  }
  for (const revision of await rights.frozenRevisionsMentioning(trx, needles)) {
    const snapshot = scrubSnapshot(revision.snapshot, identity, pointsAtThem(revision.snapshot) ? patterns : quoted) as typeof revision.snapshot;
    if (!isDeepStrictEqual(snapshot, revision.snapshot)) await rights.replaceRevisionSnapshot(trx, revision.id, snapshot);
  }
  const records = [...theirs].map((key) => ({ type: key.slice(0, key.indexOf(':')), id: key.slice(key.indexOf(':') + 1) }));
  for (const event of await rights.auditEventsMentioning(trx, row.id, needles, records)) {
    const about = (event.entity_type === 'person' && event.entity_id === row.id) || theirs.has(`${event.entity_type}:${event.entity_id}`) || pointsAtThem(event.before) || pointsAtThem(event.after);
    const before = scrubSnapshot(event.before, identity, about ? patterns : quoted);
    const after = scrubSnapshot(event.after, identity, about ? patterns : quoted);
    if (!isDeepStrictEqual(before, event.before) || !isDeepStrictEqual(after, event.after)) await rights.replaceAuditSnapshots(trx, event.id, before, after);
  }

  await deletePerson(trx, row.id);
  await insertAuditEvent(trx, { actorId: caller.userId, action: 'erased', entityType: 'person', entityId: row.id, before: null, after: null });
}
