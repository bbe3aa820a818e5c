/**
 * Every SQL statement of the record of processing activities (Art. 30):
 * counts over the whole workspace (figures only, no one's data) and the
 * parties of the partnerships a reader may see (the recipients).
 */
import { type Kysely, sql } from 'kysely';
import { engineOf } from '../dialect.js';
import { perEngine } from '../engine-sql.js';
import { personJson } from '../json-columns.js';
import type { Database } from '../schema.js';

async function count(query: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }): Promise<number> {
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** How many records hold each category of personal data, and how many people of each kind there are. */
export async function processingFigures(db: Kysely<Database>) {
  const n = sql<number>`count(*)`.as('n');
  const [people, withEmail, withPhone, withInterests, interactions, participations, participants, feedbackAnswers, consentEvents, users, auditEvents, partnerships, activities, proposals, workPlans] =
    await Promise.all([
      count(db.selectFrom('people').select(n)),
      count(db.selectFrom('people').select(n).where('emails', '!=', personJson.emails.write([]))),
      count(db.selectFrom('people').select(n).where('phones', '!=', personJson.phones.write([]))),
      count(db.selectFrom('person_domains').select(sql<number>`count(distinct person_id)`.as('n'))),
      count(db.selectFrom('interactions').select(n).where('person_id', 'is not', null)),
      count(db.selectFrom('activity_participants').select(n).where('person_id', 'is not', null)),
      count(db.selectFrom('activity_participants').select(sql<number>`count(distinct person_id)`.as('n')).where('person_id', 'is not', null)),
      count(
        db
          .selectFrom('feedback_links')
          .innerJoin('activity_participants', 'activity_participants.id', 'feedback_links.participant_id')
          .select(n)
          .where('feedback_links.answered_at', 'is not', null)
          .where('activity_participants.person_id', 'is not', null)
      ),
      count(db.selectFrom('person_consents').select(n)),
      count(db.selectFrom('users').select(n).where('disabled_at', 'is', null)),
      count(db.selectFrom('audit_events').select(n)),
      count(db.selectFrom('partnerships').select(n)),
      count(db.selectFrom('activities').select(n)),
      count(db.selectFrom('proposals').select(n)),
      count(db.selectFrom('work_plans').select(n))
    ]);
  return { people, withEmail, withPhone, withInterests, interactions, participations, participants, feedbackAnswers, consentEvents, users, auditEvents, partnerships, activities, proposals, workPlans };
}

/** People per lawful basis. */
export function peoplePerLawfulBasis(db: Kysely<Database>) {
  return db.selectFrom('people').select(['lawful_basis', sql<number>`count(*)`.as('n')]).groupBy('lawful_basis').execute();
}

/**
 * People whose consent stands (kept on consent, their latest consent event
 * not a withdrawal: people recorded before the history was kept have none)
 * and people whose latest consent event is a withdrawal.
 */
export async function consentStates(db: Kysely<Database>): Promise<{ given: number; withdrawn: number }> {
  // no consent event: not withdrawn (SQLite's 0, PostgreSQL's false)
  const unknownIsNo = perEngine(sql<boolean>`0`, sql<boolean>`false`);
  const latestWithdrawn = sql<boolean>`(select c.event from person_consents c where c.person_id = people.id order by c.seq desc limit 1) = 'withdrawn'`;
  const row = await db
    .selectFrom('people')
    .select([
      sql<number>`sum(case when people.lawful_basis = 'consent' and not coalesce(${latestWithdrawn}, ${unknownIsNo}) then 1 else 0 end)`.as('given'),
      sql<number>`sum(case when coalesce(${latestWithdrawn}, ${unknownIsNo}) then 1 else 0 end)`.as('withdrawn')
    ])
    .executeTakeFirstOrThrow();
  return { given: Number(row.given ?? 0), withdrawn: Number(row.withdrawn ?? 0) };
}

/** The parties (region, country, organisation) of these partnerships, by partnership and position. */
export function partiesWithRegions(db: Kysely<Database>, partnershipIds: string[] | null) {
  let query = db
    .selectFrom('partnership_parties')
    .innerJoin('partnerships', 'partnerships.id', 'partnership_parties.partnership_id')
    .innerJoin('regions', 'regions.id', 'partnership_parties.region_id')
    .innerJoin('organisations', 'organisations.id', 'partnership_parties.organisation_id')
    .select(['partnerships.id as partnership_id', 'partnerships.title', 'regions.name as region_name', 'regions.country', 'organisations.name as organisation_name'])
    .orderBy('partnerships.title')
    .orderBy('partnerships.id')
    .orderBy('partnership_parties.position');
  if (partnershipIds !== null) {
    if (!partnershipIds.length) return Promise.resolve([]);
    query = query.where('partnership_parties.partnership_id', 'in', partnershipIds);
  }
  return query.execute();
}

/** The columns a table has (the data model as the database holds it). */
export async function columnsOf(db: Kysely<Database>, table: keyof Database): Promise<Set<string>> {
  const rows =
    engineOf(db) === 'postgres'
      ? await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(db)
      : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return new Set(rows.rows.map((r) => r.name));
}
