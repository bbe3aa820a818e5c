/**
 * Every SQL statement about participant feedback: personal links (stored by
 * the SHA-256 of their token), answers, closing, the per-address request
 * log that throttles the public link, and averages across activities.
 */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, FeedbackLinkTable } from '../schema.js';
import type { Scope } from '../scope.js';
import { activityVisible } from './visibility.js';
import { countSignInFailures } from '../platform/sessions.js';
import { personJson, readNullable, regionJson } from '../json-columns.js';

/** A participant's display name: the person's, else the organisation's. */
const participantName = sql<string>`coalesce(person.name, participant_org.name, '')`;

/** Participants of the activity with their name and attendance. */
export function participantsOf(db: Kysely<Database>, activityId: string) {
  return db
    .selectFrom('activity_participants')
    .leftJoin('people as person', 'person.id', 'activity_participants.person_id')
    .leftJoin('organisations as participant_org', 'participant_org.id', 'activity_participants.organisation_id')
    .select(['activity_participants.id', 'activity_participants.attendance', 'activity_participants.person_id', 'activity_participants.organisation_id', participantName.as('name')])
    .where('activity_participants.activity_id', '=', activityId)
    .orderBy('activity_participants.created_at')
    .orderBy('activity_participants.id')
    .execute();
}

function selectLinks(db: Kysely<Database>) {
  return db
    .selectFrom('feedback_links')
    .innerJoin('activity_participants', 'activity_participants.id', 'feedback_links.participant_id')
    .leftJoin('people as person', 'person.id', 'activity_participants.person_id')
    .leftJoin('organisations as participant_org', 'participant_org.id', 'activity_participants.organisation_id')
    .selectAll('feedback_links')
    .select(['activity_participants.person_id', 'activity_participants.organisation_id', participantName.as('participant_name')]);
}

export type FeedbackLinkRow = Awaited<ReturnType<typeof linksOf>>[number];

/** The activity's links with the participant's name, answered first by time. */
export function linksOf(db: Kysely<Database>, activityId: string) {
  return selectLinks(db).where('feedback_links.activity_id', '=', activityId).orderBy('feedback_links.answered_at').orderBy('feedback_links.id').execute();
}

/** The link behind a token's hash, with what its holder may see of the activity. */
export function findLinkByTokenHash(db: Kysely<Database>, tokenHash: string) {
  return selectLinks(db)
    .innerJoin('activities', 'activities.id', 'feedback_links.activity_id')
    .select([
      'activities.title as activity_title',
      'activities.starts_at as activity_starts_at',
      'activities.ends_at as activity_ends_at',
      'activities.time_zone as activity_time_zone',
      'activities.city as activity_city',
      'activities.country as activity_country',
      'activities.feedback_closed_at'
    ])
    .where('feedback_links.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function insertLinks(db: Kysely<Database>, values: Insertable<FeedbackLinkTable>[]): Promise<void> {
  if (values.length) await db.insertInto('feedback_links').values(values).execute();
}

/** A new token (the old one stops working) and expiry; the answer stays. */
export async function reissueLink(db: Kysely<Database>, id: string, tokenHash: string, expiresAt: string): Promise<void> {
  await db.updateTable('feedback_links').set({ token_hash: tokenHash, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function saveAnswer(db: Kysely<Database>, id: string, answer: { rating: number; comment: string | null; answeredAt: string }): Promise<void> {
  await db.updateTable('feedback_links').set({ rating: answer.rating, comment: answer.comment, answered_at: answer.answeredAt }).where('id', '=', id).execute();
}

export async function closeFeedback(db: Kysely<Database>, activityId: string, at: string): Promise<void> {
  await db.updateTable('activities').set({ feedback_closed_at: at }).where('id', '=', activityId).where('feedback_closed_at', 'is', null).execute();
}

/** Requests from one key (e.g. `feedback:<address>`) since an instant, and the oldest of them: the throttling log sign-in failures use. */
export const countRequests = countSignInFailures;

/**
 * Logs one request in the throttling log (the table sign-in failures use:
 * a key and an instant), dropping the key's entries older than `forgetBefore`.
 */
export async function recordRequest(db: Kysely<Database>, key: string, at: string, forgetBefore: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).where('at', '<', forgetBefore).execute();
  await db.insertInto('sign_in_failures').values({ key, at }).execute();
}

export interface FeedbackStatsFilter {
  partnershipId?: string;
  /** starts_at (UTC) from / before: callers narrow to the local year */
  startsFrom?: string;
  startsBefore?: string;
}

/** Per visible activity with at least one link: its link count, answer count and rating sum. */
export function feedbackStats(db: Kysely<Database>, scope: Scope, filter: FeedbackStatsFilter) {
  let query = db
    .selectFrom('activities')
    .innerJoin('feedback_links', 'feedback_links.activity_id', 'activities.id')
    .select((eb) => [
      'activities.id',
      'activities.title',
      'activities.starts_at',
      'activities.time_zone',
      eb.fn.countAll<number>().as('link_count'),
      eb.fn.count<number>('feedback_links.rating').as('answer_count'),
      eb.fn.sum<number | null>('feedback_links.rating').as('rating_sum')
    ])
    .where(activityVisible(scope))
    .groupBy(['activities.id', 'activities.title', 'activities.starts_at', 'activities.time_zone']);
  if (filter.partnershipId) {
    const partnershipId = filter.partnershipId;
    query = query.where('activities.id', 'in', (eb) =>
      eb.selectFrom('activity_partnerships').select('activity_partnerships.activity_id').where('activity_partnerships.partnership_id', '=', partnershipId)
    );
  }
  if (filter.startsFrom) query = query.where('activities.starts_at', '>=', filter.startsFrom);
  if (filter.startsBefore) query = query.where('activities.starts_at', '<', filter.startsBefore);
  return query.orderBy('activities.starts_at', 'desc').orderBy('activities.id', 'desc').execute();
}

/**
 * Where a feedback link can be e-mailed, for the participants asked: the
 * person's e-mail addresses and languages, the languages of the region of
 * the person's organisation (or the participating organisation's), and the
 * account language of a user whose address is one of the person's.
 */
export async function recipientsOf(db: Kysely<Database>, participantIds: string[]) {
  if (!participantIds.length) return [];
  const rows = await db
    .selectFrom('activity_participants')
    .leftJoin('people as person', 'person.id', 'activity_participants.person_id')
    .leftJoin('organisations as org', (join) => join.on((eb) => eb('org.id', '=', eb.fn.coalesce('person.organisation_id', 'activity_participants.organisation_id'))))
    .leftJoin('regions as region', 'region.id', 'org.region_id')
    .select(['activity_participants.id as participant_id', 'person.name as person_name', 'person.emails', 'person.languages', 'region.languages as region_languages'])
    .where('activity_participants.id', 'in', participantIds)
    .execute();
  const people = rows.map((row) => ({
    participant_id: row.participant_id,
    person_name: row.person_name,
    emails: (readNullable(personJson.emails, row.emails) ?? []).map((e) => e.trim()).filter((e) => e !== ''),
    languages: readNullable(personJson.languages, row.languages) ?? [],
    region_languages: readNullable(regionJson.languages, row.region_languages) ?? []
  }));
  const addresses = [...new Set(people.flatMap((p) => p.emails.map((e) => e.toLowerCase())))];
  const accounts = addresses.length
    ? await db
        .selectFrom('users')
        .select(['locale', sql<string>`lower(email)`.as('address')])
        .where(sql<string>`lower(email)`, 'in', addresses)
        .where('disabled_at', 'is', null)
        .execute()
    : [];
  const localeOf = new Map(accounts.map((a) => [a.address, a.locale]));
  return people.map((p) => ({ ...p, account_locale: p.emails.map((e) => localeOf.get(e.toLowerCase())).find((l) => l !== undefined) ?? null }));
}

export type FeedbackRecipientRow = Awaited<ReturnType<typeof recipientsOf>>[number];
