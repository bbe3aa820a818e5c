/**
 * Every SQL statement of the overview (the officer's cockpit) that no other
 * context's service already answers: the caller's partnerships by title,
 * which of their work plans and evaluations are proposed for approval, late
 * milestones of their candidate projects, edits by the other party's
 * people on the co-edited documents, and the account's visit marks.
 */
import type { Kysely } from 'kysely';
import { openMilestonesWithZone } from '../proposals/milestones.js';
import type { Database } from '../schema.js';

/** The partnerships with these ids: title and whether the agreement still runs (not ended by its dates or notice). */
export function partnershipsByIds(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('partnerships').select(['id', 'title', 'ends_on', 'notice_sent_on', 'notice_months']).where('id', 'in', ids).orderBy('title').orderBy('id').execute();
}

/** The work plans and evaluations of these partnerships proposed for approval (the others wait for no one's approval). */
export async function proposedDocuments(db: Kysely<Database>, partnershipIds: string[]): Promise<{ type: 'work_plan' | 'evaluation'; id: string; partnershipId: string; year: number }[]> {
  if (partnershipIds.length === 0) return [];
  const columns = ['id', 'partnership_id', 'year'] as const;
  const [plans, evaluations] = await Promise.all([
    db.selectFrom('work_plans').select(columns).where('partnership_id', 'in', partnershipIds).where('status', '=', 'proposed').orderBy('year').orderBy('id').execute(),
    db.selectFrom('evaluations').select(columns).where('partnership_id', 'in', partnershipIds).where('status', '=', 'proposed').orderBy('year').orderBy('id').execute()
  ]);
  const shape = (type: 'work_plan' | 'evaluation') => (r: { id: string; partnership_id: string; year: number }) => ({ type, id: r.id, partnershipId: r.partnership_id, year: r.year });
  return [...plans.map(shape('work_plan')), ...evaluations.map(shape('evaluation'))];
}

/** Proposal stages whose milestones still matter: a proposal decided, withdrawn or closed has none to chase. */
const OPEN_STAGES = ['idea', 'exploring', 'in_preparation', 'submitted', 'approved', 'running'];

/**
 * Milestones not done and due by `today` (their day's end or time may still
 * be ahead: the service compares their instant) of the candidate projects of
 * these partnerships still under way, with their call's zone, the longest
 * overdue first, at most `limit`.
 */
export function lateMilestones(db: Kysely<Database>, partnershipIds: string[], today: string, limit: number) {
  if (partnershipIds.length === 0) return Promise.resolve([]);
  return openMilestonesWithZone(db)
    .select(['pr.title as proposal_title', 'pr.partnership_id'])
    .where('pr.partnership_id', 'in', partnershipIds)
    .where('pr.stage', 'in', OPEN_STAGES)
    .where('m.due_on', '<=', today)
    .orderBy('m.due_on')
    .orderBy('m.id')
    .limit(limit)
    .execute();
}

/**
 * Changes to the work plans and evaluations of these partnerships after
 * `since` by someone other than the reader and outside the reader's
 * organisation (the other party's people), newest first, at most `limit`.
 * Read through each document's own audit entries (the index on the entity),
 * not by time across the whole log.
 */
export function partnerEdits(db: Kysely<Database>, reader: { userId: string; organisationId: string | null }, partnershipIds: string[], since: string, limit: number) {
  if (partnershipIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('audit_events as ae')
    .innerJoin('users as u', 'u.id', 'ae.actor_id')
    .leftJoin('work_plans as wp', (join) => join.onRef('wp.id', '=', 'ae.entity_id').on('ae.entity_type', '=', 'work_plan'))
    .leftJoin('evaluations as ev', (join) => join.onRef('ev.id', '=', 'ae.entity_id').on('ae.entity_type', '=', 'evaluation'))
    .select(['ae.entity_type', 'ae.entity_id', 'ae.at', 'u.id as actor_id', 'u.name as actor_name', 'wp.partnership_id as plan_partnership_id', 'wp.year as plan_year', 'ev.partnership_id as evaluation_partnership_id', 'ev.year as evaluation_year'])
    .where((eb) =>
      eb.or([
        eb.and([eb('ae.entity_type', '=', 'work_plan'), eb('ae.entity_id', 'in', eb.selectFrom('work_plans').select('id').where('partnership_id', 'in', partnershipIds))]),
        eb.and([eb('ae.entity_type', '=', 'evaluation'), eb('ae.entity_id', 'in', eb.selectFrom('evaluations').select('id').where('partnership_id', 'in', partnershipIds))])
      ])
    )
    .where('ae.at', '>', since)
    .where('ae.actor_id', '<>', reader.userId);
  if (reader.organisationId !== null) {
    const own = reader.organisationId;
    query = query.where((eb) => eb.or([eb('u.organisation_id', 'is', null), eb('u.organisation_id', '<>', own)]));
  }
  return query.orderBy('ae.at', 'desc').orderBy('ae.id', 'desc').limit(limit).execute();
}

export type PartnerEditRow = Awaited<ReturnType<typeof partnerEdits>>[number];

/** The account's visit marks. */
export function visitMarks(db: Kysely<Database>, userId: string) {
  return db.selectFrom('users').select(['overview_seen_at', 'overview_since']).where('id', '=', userId).executeTakeFirst();
}

/** Records a reading of the overview. */
export async function markVisit(db: Kysely<Database>, userId: string, marks: { seenAt: string; since: string | null }): Promise<void> {
  await db.updateTable('users').set({ overview_seen_at: marks.seenAt, overview_since: marks.since }).where('id', '=', userId).execute();
}
