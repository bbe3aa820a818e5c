/**
 * Every SQL statement about calls, their deadlines, domains and the record
 * of deadline changes.
 *
 * STABLE FOR OTHER FEATURES: the portal import (api/funding/services/call-import.ts)
 * and the reminders use these functions directly. Keep the signatures of
 * `insertCall`, `updateCall`, `replaceDeadlines`, `replaceCallDomains`,
 * `findCallByIdentifier`, `findCall`, `deadlinesOf`, `recordDeadlineChange`
 * and `deadlineChangesOf` as they are (add optional parameters only).
 *
 * Conventions
 * - Instants are UTC text as `Date#toISOString()` writes it (`…:00.000Z`),
 *   so they compare as text; each deadline keeps the IANA zone it was
 *   published in. Use api/funding/rules/call-dates.ts to turn wall times into
 *   instants and to derive status and the next cut-off (never stored).
 * - `calls.keywords` is the JSON text of a string array (`'["hydrogen"]'`).
 * - Money in integer cents; `cofinancing_rate` a decimal string ("0.60").
 * - A deadline change is stored as two JSON arrays of DeadlineSnapshot
 *   (`before`, `after`), in position order; `import_id` names the portal
 *   import that caused it (null for a change made by hand).
 */
import { type ExpressionBuilder, type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { newId, nowIso } from '../ids.js';
import { RowMissing } from '../row-missing.js';
import { callJson, type Decoded, decodeRow, type DeadlineSnapshot, deadlineChangeJson, encodeRow } from '../json-columns.js';
import type { CallDeadlineChangeTable, CallDeadlineRow, CallRow, CallTable, Database } from '../schema.js';
import { encodeCursor, type Page, type PageRequest, paginate } from '../platform/pagination.js';
import { ftsMatchExpression, indexMatches } from '../crm/search.js';
import { perEngine } from '../engine-sql.js';
import { engineOf } from '../dialect.js';

export type NewCall = Decoded<Insertable<CallTable>>;
export type CallUpdate = Decoded<Updateable<CallTable>>;

/** One deadline to store: a UTC instant with the zone it was published in. */
export interface DeadlineValues {
  label: string | null;
  /** UTC instant, `…Z` */
  deadline_at: string;
  /** IANA zone, e.g. Europe/Brussels */
  time_zone: string;
  /** true when only a date was known and the programme's usual cut-off was assumed */
  assumed?: boolean;
}

/** A deadline as kept in call_deadline_changes (before/after). */
export type { DeadlineSnapshot };

export interface DeadlineChangeRow {
  id: string;
  call_id: string;
  at: string;
  before: DeadlineSnapshot[];
  after: DeadlineSnapshot[];
  import_id: string | null;
}

export async function findCall(db: Kysely<Database>, id: string): Promise<CallRow | undefined> {
  const row = await db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
  return row && decodeRow(callJson, row);
}

export async function findCallByIdentifier(db: Kysely<Database>, identifier: string): Promise<CallRow | undefined> {
  const row = await db.selectFrom('calls').selectAll().where('identifier', '=', identifier).executeTakeFirst();
  return row && decodeRow(callJson, row);
}

/**
 * The call with this identifier, about to be written by an import: on
 * PostgreSQL its row stays locked until the transaction ends (FOR UPDATE),
 * so an import and a person's edit of one call take turns, as SQLite's one
 * writer at a time makes them — the import merges into what the person
 * saved instead of overwriting it with values merged from what it read
 * before. SQLite: findCallByIdentifier's SQL.
 */
export async function findCallByIdentifierToWrite(db: Kysely<Database>, identifier: string): Promise<CallRow | undefined> {
  if (engineOf(db) !== 'postgres') return findCallByIdentifier(db, identifier);
  const row = await db.selectFrom('calls').selectAll().where('identifier', '=', identifier).forUpdate().executeTakeFirst();
  return row && decodeRow(callJson, row);
}

/**
 * Inserts the call unless a call with its identifier exists by now (another
 * import recorded it at the same moment, after this one looked): undefined
 * then, and nothing written. On PostgreSQL the insert waits for that other
 * transaction to end before it decides.
 */
export async function insertCallUnlessRecorded(db: Kysely<Database>, values: NewCall): Promise<CallRow | undefined> {
  const row = await db
    .insertInto('calls')
    .values(encodeRow(callJson, values))
    .onConflict((oc) => oc.column('identifier').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row && decodeRow(callJson, row);
}

export async function insertCall(db: Kysely<Database>, values: NewCall): Promise<CallRow> {
  return decodeRow(callJson, await db.insertInto('calls').values(encodeRow(callJson, values)).returningAll().executeTakeFirstOrThrow());
}

/**
 * Changes a call and raises its version by one. With `version` the update
 * only happens while the stored version still matches (undefined when it
 * does not); with null it always happens (the import upserts this way).
 */
export async function updateCall(db: Kysely<Database>, id: string, version: number | null, values: CallUpdate): Promise<CallRow | undefined> {
  let query = db
    .updateTable('calls')
    .set((eb) => ({ ...encodeRow<Updateable<CallTable>>(callJson, values), version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (version !== null) query = query.where('version', '=', version);
  const row = await query.returningAll().executeTakeFirst();
  return row && decodeRow(callJson, row);
}

/** Changes a call that must exist (the import found it in the same transaction) and raises its version by one. */
export async function updateCallOrThrow(db: Kysely<Database>, id: string, values: CallUpdate): Promise<CallRow> {
  const row = await updateCall(db, id, null, values);
  if (!row) throw new RowMissing('call');
  return row;
}

export async function deleteCall(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('calls').where('id', '=', id).execute();
}

/** Deadlines of one call or several, in position order. */
export function deadlinesOf(db: Kysely<Database>, callIds: string | string[]): Promise<CallDeadlineRow[]> {
  const ids = typeof callIds === 'string' ? [callIds] : callIds;
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('call_deadlines').selectAll().where('call_id', 'in', ids).orderBy('call_id').orderBy('position').execute();
}

/**
 * Makes `deadlines` (in this order: position 0, 1, …) the call's deadlines.
 * The row at a position keeps its id (reminders already sent for it stay
 * recorded); rows beyond the new list go. Returns the stored rows.
 */
export async function replaceDeadlines(db: Kysely<Database>, callId: string, deadlines: DeadlineValues[]): Promise<CallDeadlineRow[]> {
  const current = await deadlinesOf(db, callId);
  const byPosition = new Map(current.map((d) => [d.position, d]));
  for (const [position, d] of deadlines.entries()) {
    const values = { label: d.label, deadline_at: d.deadline_at, time_zone: d.time_zone, assumed: d.assumed ? 1 : 0 };
    const existing = byPosition.get(position);
    if (existing) await db.updateTable('call_deadlines').set(values).where('id', '=', existing.id).execute();
    else await db.insertInto('call_deadlines').values({ id: newId(), call_id: callId, position, ...values }).execute();
  }
  await db.deleteFrom('call_deadlines').where('call_id', '=', callId).where('position', '>=', deadlines.length).execute();
  return deadlinesOf(db, callId);
}

/** The deadlines as kept in the change record. */
export function snapshotOf(rows: Pick<CallDeadlineRow, 'position' | 'label' | 'deadline_at' | 'time_zone'>[]): DeadlineSnapshot[] {
  return [...rows].sort((a, b) => a.position - b.position).map((r) => ({ position: r.position, label: r.label, at: r.deadline_at, timeZone: r.time_zone }));
}

/** Records that a call's deadlines changed from `before` to `after` (inside the caller's transaction). Returns the change's id. */
export async function recordDeadlineChange(
  db: Kysely<Database>,
  callId: string,
  before: DeadlineSnapshot[],
  after: DeadlineSnapshot[],
  importId: string | null,
  at: string = nowIso()
): Promise<string> {
  const id = newId();
  await db
    .insertInto('call_deadline_changes')
    .values(encodeRow<Insertable<CallDeadlineChangeTable>>(deadlineChangeJson, { id, call_id: callId, at, before, after, import_id: importId }))
    .execute();
  return id;
}

/** The deadline changes of a call, newest first. */
export async function deadlineChangesOf(db: Kysely<Database>, callId: string): Promise<DeadlineChangeRow[]> {
  const rows = await db.selectFrom('call_deadline_changes').selectAll().where('call_id', '=', callId).orderBy('at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => decodeRow(deadlineChangeJson, r));
}

export function domainsOfCalls(db: Kysely<Database>, callIds: string[]) {
  if (!callIds.length) return Promise.resolve([]);
  return db
    .selectFrom('call_domains')
    .innerJoin('domains', 'domains.id', 'call_domains.domain_id')
    .select(['call_domains.call_id', 'call_domains.domain_id', 'domains.label_en', 'domains.label_de', 'domains.label_nl'])
    .where('call_domains.call_id', 'in', callIds)
    .orderBy('domains.number')
    .orderBy('domains.label_en')
    .execute();
}

export async function replaceCallDomains(db: Kysely<Database>, callId: string, domainIds: string[]): Promise<void> {
  await db.deleteFrom('call_domains').where('call_id', '=', callId).execute();
  if (!domainIds.length) return;
  await db
    .insertInto('call_domains')
    .values(domainIds.map((domainId) => ({ call_id: callId, domain_id: domainId })))
    .execute();
}

/** Which of `callIds` the user watches. */
export async function watchedAmong(db: Kysely<Database>, userId: string, callIds: string[]): Promise<Set<string>> {
  if (!callIds.length) return new Set();
  const rows = await db.selectFrom('call_watches').select('call_id').where('user_id', '=', userId).where('call_id', 'in', callIds).execute();
  return new Set(rows.map((r) => r.call_id));
}

/** What still points at a call: proposals would lose their call. */
export async function callUsage(db: Kysely<Database>, id: string): Promise<{ proposals: number }> {
  const row = await db
    .selectFrom('proposals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('call_id', '=', id)
    .executeTakeFirstOrThrow();
  return { proposals: Number(row.n) };
}

// ---------------------------------------------------------------- lists

export type CallSort = 'next_deadline_at' | 'title' | 'updated_at';

export interface CallFilter {
  /** calls of any of these programmes */
  programmeIds?: string[];
  domainId?: string;
  /** one keyword, matched case-insensitively against the call's keywords */
  keyword?: string;
  /** words typed by a person, matched by full-text search on identifier and title */
  q?: string;
  /** calls with at least one deadline in [deadlineFrom, deadlineTo] (UTC instants) */
  deadlineFrom?: string;
  deadlineTo?: string;
}

/** Sorts after every real instant; "no future deadline" goes last ascending (and, with '', last descending). */
const NO_DEADLINE_ASC = '9999-12-31T23:59:59.999Z';
const NO_DEADLINE_DESC = '';

/** A call row with its deadline figures as of `now` (computed in SQL so lists can sort and page on them). */
export interface CallListRow extends CallRow {
  /** the first deadline after now, or the sentinel when there is none */
  next_deadline_at: string;
  last_deadline_at: string | null;
  deadline_count: number;
}

function withDeadlineFigures(db: Kysely<Database>, now: string, direction: 'asc' | 'desc') {
  const sentinel = direction === 'asc' ? NO_DEADLINE_ASC : NO_DEADLINE_DESC;
  return db
    .selectFrom('calls')
    .selectAll('calls')
    .select((eb) => [
      eb.fn
        .coalesce(
          eb.selectFrom('call_deadlines as d').select((e) => e.fn.min('d.deadline_at').as('m')).whereRef('d.call_id', '=', 'calls.id').where('d.deadline_at', '>', now),
          sql.lit(sentinel)
        )
        .as('next_deadline_at'),
      eb.selectFrom('call_deadlines as d').select((e) => e.fn.max('d.deadline_at').as('m')).whereRef('d.call_id', '=', 'calls.id').as('last_deadline_at'),
      eb.selectFrom('call_deadlines as d').select((e) => e.fn.countAll<number>().as('n')).whereRef('d.call_id', '=', 'calls.id').as('deadline_count')
    ]);
}

function applyFilter(eb: ExpressionBuilder<any, any>, filter: CallFilter) {
  const conditions = [];
  if (filter.programmeIds) conditions.push(eb('c.programme_id', 'in', filter.programmeIds.length ? filter.programmeIds : ['']));
  if (filter.domainId) conditions.push(eb('c.id', 'in', eb.selectFrom('call_domains').select('call_domains.call_id').where('call_domains.domain_id', '=', filter.domainId)));
  if (filter.keyword) {
    const keyword = filter.keyword.toLowerCase();
    conditions.push(
      eb.exists(
        eb
          .selectFrom(perEngine(sql`json_each(c.keywords)`, sql`jsonb_array_elements_text(c.keywords)`).as('k'))
          .select(sql.lit(1).as('one'))
          .where(sql`lower(k.value)`, '=', keyword)
      )
    );
  }
  if (filter.q !== undefined) {
    const match = ftsMatchExpression(filter.q);
    if (match) {
      conditions.push(
        eb(
          'c.id',
          'in',
          eb.selectFrom('search_index').select('search_index.entity_id').where('search_index.entity_type', '=', 'call').where(indexMatches(match))
        )
      );
    }
  }
  if (filter.deadlineFrom || filter.deadlineTo) {
    let deadlines = eb.selectFrom('call_deadlines as r').select('r.call_id');
    if (filter.deadlineFrom) deadlines = deadlines.where('r.deadline_at', '>=', filter.deadlineFrom);
    if (filter.deadlineTo) deadlines = deadlines.where('r.deadline_at', '<=', filter.deadlineTo);
    conditions.push(eb('c.id', 'in', deadlines));
  }
  return eb.and(conditions);
}

/** One keyset page of calls matching `filter`, with their deadline figures as of `now`. */
export async function listCalls(db: Kysely<Database>, filter: CallFilter, sort: CallSort, page: PageRequest, now: string): Promise<Page<CallListRow>> {
  const query = db
    .selectFrom(withDeadlineFigures(db, now, page.direction).as('c'))
    .selectAll('c')
    .where((eb) => applyFilter(eb, filter));
  const result = await paginate(query, page, `c.${sort}`, 'c.id', (r) => r[sort], (r) => r.id);
  return { items: result.items.map((r) => ({ ...decodeRow(callJson, r), deadline_count: Number(r.deadline_count) })), nextCursor: result.nextCursor };
}

/** The cursor that continues after `row` in a list sorted by `sort`. */
export function cursorAfter(row: CallListRow, sort: CallSort): string {
  return encodeCursor(row[sort], row.id);
}

/** True when `value` is the "no future deadline" stand-in of a list row. */
export function isNoDeadline(value: string): boolean {
  return value === NO_DEADLINE_ASC || value === NO_DEADLINE_DESC;
}
