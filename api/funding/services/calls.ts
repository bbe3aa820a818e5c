/**
 * Funding calls: shared reference data with deadlines that are exact instants.
 *
 * Permissions
 * - Every signed-in user reads every call.
 * - Anyone with a writing role in some partnership records and changes
 *   calls (If-Match); viewers get 403. Deleting is for system
 *   administrators and refused (409) while proposals point at the call.
 *
 * Rules (the date rules themselves live in call-dates.ts)
 * - `identifier` is unique (409 naming `identifier`).
 * - Deadlines: a wall time is read in its `timeZone`, which defaults to the
 *   programme's cut-off zone (Europe/Brussels without a programme); a date
 *   alone takes the programme's cut-off time and is marked assumed. They
 *   must come in time order and fit the deadline model (one, two, two or
 *   more; none while not published). A wall time skipped by DST is a 400.
 * - `openingAt` is read in the zone of the first deadline (else the
 *   programme's) and must come before the first deadline.
 * - Minimum contribution ≤ maximum ≤ budget; domains are the standard
 *   cooperation domains only (a partnership's own domains would show a
 *   shared record's readers something of a partnership they cannot see).
 * - `rrule` is checked by recurrence.ts and must fall within ten years of
 *   the last deadline.
 * - A PATCH that changes the deadlines (instant, zone, label or number)
 *   records the change in call_deadline_changes (before/after; the
 *   exported recordDeadlineChange, which the portal import uses too) and
 *   tells the call's watchers in the same transaction (notifyDeadlineChange
 *   of notifications.ts). Deadline ids stay by position.
 * - Derived and never stored: status, nextDeadline, wall times,
 *   nextExpectedRound, computed from the clock the service was given.
 * - Lists: programme (with its sub-programmes), domain, keyword, words (FTS)
 *   and deadline range filter in SQL; `status` is derived, so it is filtered
 *   while walking keyset pages (collectPage) and pages stay complete.
 *   Sorting by nextDeadline puts calls without a deadline ahead last.
 * - Every write is one transaction with an audit event ('call') holding the
 *   stored facts (not the derived ones, which move with the clock).
 */
import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId, nowIso } from '../../../db/ids.js';
import * as repo from '../../../db/funding/calls.js';
import type { CallListRow, DeadlineSnapshot, DeadlineValues } from '../../../db/funding/calls.js';
import { findDomains } from '../../../db/crm/domains.js';
import type { Page } from '../../../db/platform/pagination.js';
import { programmeTree, programmesByIds } from '../../../db/funding/programmes.js';
import type { CallDeadlineRow, CallRow, Database } from '../../../db/schema.js';
import { Conflict, NonexistentLocalTime, NotFound, PreconditionFailed, RuleProblem, ValidationFailed, assertAdmin, assertRuleFalls, assertWriterSomewhere, checkVersion, pageRequest, parseRule, recordChange, toInstant, toLocal, words, type Caller, type FieldError } from '../../platform/index.js';
import type { Call, CallCreate, CallDeadline, CallListQuery, CallPatch, DeadlineChangeList, DeadlineInput, DeadlineModel } from '../schemas/calls.js';
import { centsToDecimal } from '../../platform/schemas/money.js';
import { notifyDeadlineChange } from './notifications.js';
import { callStatus, deadlineCountProblem, deadlineInstant, deadlinesDiffer, nextDeadline, nextExpectedRound, wallTimeIn } from '../rules/call-dates.js';
import { collectPage } from '../../crm/index.js';
import { descendantsOf } from './programmes.js';
import { holdForDelete, holdForWrite } from '../../../db/row-locks.js';

const DEFAULT_ZONE = 'Europe/Brussels';
const DEFAULT_CUT_OFF = '17:00:00';

interface ProgrammeFacts {
  id: string;
  code: string;
  name: string;
  cut_off_time: string;
  cut_off_zone: string;
}

/** A call row with what it shows: deadlines, domains, programme, whether the reader watches it (toCall's input). */
export interface LoadedCall {
  row: CallRow;
  deadlines: CallDeadlineRow[];
  domains: { domain_id: string; label_en: string; label_de: string; label_nl: string }[];
  programme: ProgrammeFacts | null;
  watched: boolean;
}

function toDeadline(row: CallDeadlineRow, now: Date): CallDeadline {
  const wall = wallTimeIn(row.deadline_at, row.time_zone);
  return {
    id: row.id,
    position: row.position,
    label: row.label,
    at: row.deadline_at,
    timeZone: row.time_zone,
    local: wall.local,
    offset: wall.offset,
    wallTime: wall.label,
    assumed: row.assumed === 1,
    passed: Date.parse(row.deadline_at) <= now.getTime()
  };
}

const money = (cents: number | null) => (cents === null ? null : centsToDecimal(cents));

export function toCall(loaded: LoadedCall, now: Date): Call {
  const { row } = loaded;
  const deadlines = loaded.deadlines.map((d) => toDeadline(d, now));
  return {
    id: row.id,
    identifier: row.identifier,
    title: row.title,
    programmeId: row.programme_id,
    programme: loaded.programme ? { id: loaded.programme.id, code: loaded.programme.code, name: loaded.programme.name } : null,
    actionType: row.action_type,
    description: row.description,
    openingAt: row.opening_at,
    deadlineModel: row.deadline_model as DeadlineModel,
    deadlines,
    status: callStatus(row.opening_at, deadlines, now),
    nextDeadline: nextDeadline(deadlines, now),
    nextExpectedRound: nextExpectedRound(row.rrule, deadlines, now),
    budget: money(row.budget_cents),
    budgetCents: row.budget_cents,
    expectedGrants: row.expected_grants,
    minContribution: money(row.min_contribution_cents),
    minContributionCents: row.min_contribution_cents,
    maxContribution: money(row.max_contribution_cents),
    maxContributionCents: row.max_contribution_cents,
    cofinancingRate: row.cofinancing_rate,
    domains: loaded.domains.map((d) => ({ domainId: d.domain_id, labels: { en: d.label_en, de: d.label_de, nl: d.label_nl } })),
    keywords: row.keywords,
    link: row.link,
    rrule: row.rrule,
    source: row.source,
    portalStatus: row.portal_status,
    importedAt: row.imported_at,
    watched: loaded.watched,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

/** What the audit trail keeps of a call: the stored facts, not what moves with the clock or the reader. */
export function callAuditView(call: Call) {
  const { status: _s, nextDeadline: _n, nextExpectedRound: _r, watched: _w, deadlines, ...rest } = call;
  return { ...rest, deadlines: deadlines.map(({ passed: _p, ...d }) => d) };
}

async function loadMany(db: Kysely<Database>, rows: CallRow[], userId: string | null): Promise<LoadedCall[]> {
  const ids = rows.map((r) => r.id);
  const programmeIds = [...new Set(rows.map((r) => r.programme_id).filter((p): p is string => p !== null))];
  const [deadlines, domains, programmes, watched] = await Promise.all([
    repo.deadlinesOf(db, ids),
    repo.domainsOfCalls(db, ids),
    programmesByIds(db, programmeIds),
    userId ? repo.watchedAmong(db, userId, ids) : Promise.resolve(new Set<string>())
  ]);
  const programmeById = new Map(programmes.map((p) => [p.id, p]));
  return rows.map((row) => ({
    row,
    deadlines: deadlines.filter((d) => d.call_id === row.id),
    domains: domains.filter((d) => d.call_id === row.id),
    programme: (row.programme_id && programmeById.get(row.programme_id)) || null,
    watched: watched.has(row.id)
  }));
}

async function loadOne(db: Kysely<Database>, id: string, userId: string | null): Promise<LoadedCall> {
  const row = await repo.findCall(db, id);
  if (!row) throw new NotFound('call');
  return (await loadMany(db, [row], userId))[0]!;
}

/** The deadlines as entered, resolved to instants; problems at `deadlines.i.at`. */
export function resolveDeadlines(inputs: DeadlineInput[], programme: ProgrammeFacts | null, errors: FieldError[]): DeadlineValues[] {
  const zoneDefault = programme?.cut_off_zone ?? DEFAULT_ZONE;
  const cutOff = programme?.cut_off_time ?? DEFAULT_CUT_OFF;
  const out: DeadlineValues[] = [];
  inputs.forEach((d, i) => {
    const zone = d.timeZone ?? zoneDefault;
    try {
      const { at, assumed } = deadlineInstant(d.at, zone, cutOff);
      out.push({ label: d.label, deadline_at: at, time_zone: zone, assumed });
    } catch (error) {
      if (!(error instanceof NonexistentLocalTime)) throw error;
      errors.push({ path: `deadlines.${i}.at`, ...error.words });
    }
  });
  out.forEach((d, i) => {
    if (i > 0 && Date.parse(d.deadline_at) <= Date.parse(out[i - 1]!.deadline_at)) {
      errors.push({ path: `deadlines.${i}.at`, ...words('problems_funding_field_deadlinesInOrder') });
    }
  });
  return out;
}

/** The opening as an instant: a date is its midnight, a wall time is read in `zone`. */
function openingInstant(input: string, zone: string, errors: FieldError[]): string | null {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(input) ? `${input}T00:00` : input;
  try {
    return toInstant(text, zone);
  } catch (error) {
    if (!(error instanceof NonexistentLocalTime)) throw error;
    errors.push({ path: 'openingAt', ...error.words });
    return null;
  }
}

/** A date bound of a list query: from the start of the day, to its end, in Europe/Brussels. */
function boundInstant(value: string | undefined, end: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(value).toISOString();
  const day = DateTime.fromISO(value, { zone: DEFAULT_ZONE }).startOf('day');
  return (end ? day.plus({ days: 1 }).minus({ milliseconds: 1 }) : day).toUTC().toJSDate().toISOString();
}

interface Resolved {
  programme: ProgrammeFacts | null;
  deadlines: DeadlineValues[] | null;
  openingAt: string | null | undefined;
  /** the rule in stored form (upper case, without `RRULE:`), as sent */
  rrule: string | null | undefined;
}

export class CallService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  async list(caller: Caller, query: CallListQuery): Promise<Page<Call>> {
    const now = this.clock();
    const { column, page } = pageRequest(query, { nextDeadline: 'next_deadline_at', title: 'title', updatedAt: 'updated_at' } as const);
    const programmeIds = query.programmeId ? descendantsOf(await programmeTree(this.db), query.programmeId) : undefined;
    const filter: repo.CallFilter = {
      programmeIds,
      domainId: query.domainId,
      keyword: query.keyword,
      q: query.q,
      deadlineFrom: boundInstant(query.deadlineFrom, false),
      deadlineTo: boundInstant(query.deadlineTo, true)
    };
    const fetch = (cursor: string | null, limit: number) => repo.listCalls(this.db, filter, column, { ...page, cursor, limit }, now.toISOString());
    let result: Page<CallListRow>;
    if (query.status) {
      const status = query.status;
      const keep = (row: CallListRow) => callStatus(row.opening_at, row.last_deadline_at ? [{ at: row.last_deadline_at }] : [], now) === status;
      result = await collectPage(fetch, keep, page.limit, (row) => repo.cursorAfter(row, column), page.cursor ?? null);
    } else {
      result = await fetch(page.cursor ?? null, page.limit);
    }
    const loaded = await loadMany(this.db, result.items, caller.userId);
    return { items: loaded.map((l) => toCall(l, now)), nextCursor: result.nextCursor };
  }

  async get(caller: Caller, id: string): Promise<Call> {
    return toCall(await loadOne(this.db, id, caller.userId), this.clock());
  }

  async deadlineChanges(_caller: Caller, id: string): Promise<DeadlineChangeList> {
    if (!(await repo.findCall(this.db, id))) throw new NotFound('call');
    const rows = await repo.deadlineChangesOf(this.db, id);
    const withLocal = (list: DeadlineSnapshot[]) => list.map((d) => ({ ...d, local: toLocal(d.at, d.timeZone) }));
    return { items: rows.map((r) => ({ id: r.id, at: r.at, importId: r.import_id, before: withLocal(r.before), after: withLocal(r.after) })) };
  }

  /** Checks references, dates and amounts of a call as it would be stored; throws one 400 with every problem. */
  private async resolve(
    trx: Kysely<Database>,
    input: Partial<CallCreate>,
    stored: { programmeId: string | null; model: DeadlineModel; deadlines: DeadlineValues[]; openingAt: string | null; amounts: [number | null, number | null, number | null] } | null
  ): Promise<Resolved> {
    const errors: FieldError[] = [];
    const programmeId = input.programmeId !== undefined ? input.programmeId : (stored?.programmeId ?? null);
    let programme: ProgrammeFacts | null = null;
    if (programmeId) {
      programme = (await programmesByIds(trx, [programmeId]))[0] ?? null;
      if (!programme && input.programmeId !== undefined) errors.push({ path: 'programmeId', ...words('problems_notFound_programme') });
    }
    if (input.domainIds?.length) {
      const found = new Map((await findDomains(trx, input.domainIds)).map((d) => [d.id, d]));
      input.domainIds.forEach((id, i) => {
        const domain = found.get(id);
        if (!domain || domain.partnership_id !== null) errors.push({ path: `domainIds.${i}`, ...words('problems_funding_field_standardDomain') });
      });
    }
    const deadlines = input.deadlines !== undefined ? resolveDeadlines(input.deadlines, programme, errors) : null;
    const effective = deadlines ?? stored?.deadlines ?? [];
    const model = input.deadlineModel ?? stored?.model ?? 'single_stage';
    const countProblem = deadlineCountProblem(model, effective.length);
    if (countProblem && !errors.some((e) => e.path.startsWith('deadlines'))) errors.push({ path: input.deadlines !== undefined ? 'deadlines' : 'deadlineModel', ...countProblem });

    let openingAt: string | null | undefined;
    if (input.openingAt !== undefined) {
      const zone = effective[0]?.time_zone ?? programme?.cut_off_zone ?? DEFAULT_ZONE;
      openingAt = input.openingAt === null ? null : openingInstant(input.openingAt, zone, errors);
    }
    const opening = openingAt !== undefined ? openingAt : (stored?.openingAt ?? null);
    if (opening && effective[0] && Date.parse(opening) >= Date.parse(effective[0].deadline_at)) {
      errors.push({ path: input.openingAt !== undefined ? 'openingAt' : 'deadlines.0.at', ...words('problems_funding_field_opensBeforeDeadline') });
    }

    const [budget, min, max] = [
      input.budget !== undefined ? input.budget : (stored?.amounts[0] ?? null),
      input.minContribution !== undefined ? input.minContribution : (stored?.amounts[1] ?? null),
      input.maxContribution !== undefined ? input.maxContribution : (stored?.amounts[2] ?? null)
    ];
    if (min !== null && max !== null && min > max) errors.push({ path: 'minContribution', ...words('problems_funding_field_minAboveMax') });
    if (max !== null && budget !== null && max > budget) errors.push({ path: 'maxContribution', ...words('problems_funding_field_maxAboveBudget') });
    else if (min !== null && budget !== null && min > budget) errors.push({ path: 'minContribution', ...words('problems_funding_field_minAboveBudget') });

    let rrule = input.rrule === '' ? null : input.rrule;
    if (input.rrule) {
      try {
        const rule = parseRule(input.rrule);
        const last = effective[effective.length - 1];
        const start = last ? toLocal(last.deadline_at, last.time_zone).slice(0, 10) : this.clock().toISOString().slice(0, 10);
        assertRuleFalls(rule, start);
        rrule = rule.text;
      } catch (error) {
        if (!(error instanceof RuleProblem)) throw error;
        errors.push({ path: 'rrule', ...error.words });
      }
    }
    if (errors.length) throw new ValidationFailed(errors);
    return { programme, deadlines, openingAt, rrule };
  }

  private async assertIdentifierFree(trx: Kysely<Database>, identifier: string, self: string | null): Promise<void> {
    const other = await repo.findCallByIdentifier(trx, identifier);
    if (other && other.id !== self) {
      throw new Conflict(words('problems_funding_callIdentifierTaken', { identifier }), {
        errors: [{ path: 'identifier', ...words('problems_field_callIdentifierTaken') }],
        existingId: other.id
      });
    }
  }

  async create(caller: Caller, input: CallCreate): Promise<Call> {
    assertWriterSomewhere(caller);
    return this.db.transaction().execute(async (trx) => {
      const resolved = await this.resolve(trx, input, null);
      await this.assertIdentifierFree(trx, input.identifier, null);
      const id = newId();
      await repo.insertCall(trx, {
        id,
        identifier: input.identifier,
        title: input.title,
        programme_id: input.programmeId,
        action_type: input.actionType,
        description: input.description,
        opening_at: resolved.openingAt ?? null,
        deadline_model: input.deadlineModel,
        budget_cents: input.budget,
        expected_grants: input.expectedGrants,
        min_contribution_cents: input.minContribution,
        max_contribution_cents: input.maxContribution,
        cofinancing_rate: input.cofinancingRate,
        keywords: input.keywords,
        link: input.link,
        rrule: resolved.rrule ?? null,
        source: 'manual',
        portal_status: null,
        imported_at: null,
        created_by: caller.userId
      });
      await repo.replaceDeadlines(trx, id, resolved.deadlines ?? []);
      await repo.replaceCallDomains(trx, id, input.domainIds);
      const after = toCall(await loadOne(trx, id, caller.userId), this.clock());
      await recordChange(trx, caller, 'call', id, null, callAuditView(after));
      return after;
    });
  }

  async update(caller: Caller, id: string, patch: CallPatch, expected: number | null): Promise<Call> {
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'calls', id);
      const now = this.clock();
      const current = await loadOne(trx, id, caller.userId);
      assertWriterSomewhere(caller);
      const before = toCall(current, now);
      checkVersion(expected, before);
      const { row } = current;
      const storedDeadlines: DeadlineValues[] = current.deadlines.map((d) => ({ label: d.label, deadline_at: d.deadline_at, time_zone: d.time_zone, assumed: d.assumed === 1 }));
      const resolved = await this.resolve(trx, patch, {
        programmeId: row.programme_id,
        model: row.deadline_model as DeadlineModel,
        deadlines: storedDeadlines,
        openingAt: row.opening_at,
        amounts: [row.budget_cents, row.min_contribution_cents, row.max_contribution_cents]
      });
      if (patch.identifier !== undefined) await this.assertIdentifierFree(trx, patch.identifier, id);
      const updated = await repo.updateCall(trx, id, row.version, {
        identifier: patch.identifier,
        title: patch.title,
        programme_id: patch.programmeId,
        action_type: patch.actionType,
        description: patch.description,
        opening_at: resolved.openingAt,
        deadline_model: patch.deadlineModel,
        budget_cents: patch.budget,
        expected_grants: patch.expectedGrants,
        min_contribution_cents: patch.minContribution,
        max_contribution_cents: patch.maxContribution,
        cofinancing_rate: patch.cofinancingRate,
        keywords: patch.keywords,
        link: patch.link,
        rrule: resolved.rrule,
        updated_at: nowIso()
      });
      if (!updated) throw new PreconditionFailed(before);
      if (resolved.deadlines) {
        const stored = await repo.replaceDeadlines(trx, id, resolved.deadlines);
        const changed = await recordDeadlineChange(trx, id, current.deadlines, stored, null, now.toISOString());
        if (changed) await notifyDeadlineChange(trx, id, repo.snapshotOf(current.deadlines), repo.snapshotOf(stored), now.toISOString());
      }
      if (patch.domainIds) await repo.replaceCallDomains(trx, id, patch.domainIds);
      const after = toCall(await loadOne(trx, id, caller.userId), now);
      await recordChange(trx, caller, 'call', id, callAuditView(before), callAuditView(after));
      return after;
    });
  }

  async delete(caller: Caller, id: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await holdForDelete(trx, 'calls', id);
      const current = toCall(await loadOne(trx, id, caller.userId), this.clock());
      assertAdmin(caller);
      checkVersion(expected, current);
      const usage = await repo.callUsage(trx, id);
      if (usage.proposals) throw new Conflict(words('problems_funding_callInUse', { count: usage.proposals }), { usage });
      await repo.deleteCall(trx, id);
      await recordChange(trx, caller, 'call', id, callAuditView(current), null);
    });
  }
}

/**
 * Records a change of a call's deadlines (before and after as stored rows,
 * e.g. `deadlinesOf` before and what `replaceDeadlines` returned) in
 * call_deadline_changes inside the caller's transaction, when they differ
 * (instant, zone, label or number); returns the change's id, or null when
 * nothing changed. It does not tell the watchers: the caller does that with
 * notifications.notifyDeadlineChange when an id comes back (the PATCH here
 * does; the portal import does, counting who was told).
 */
export async function recordDeadlineChange(
  trx: Kysely<Database>,
  callId: string,
  before: Pick<CallDeadlineRow, 'position' | 'label' | 'deadline_at' | 'time_zone'>[],
  after: Pick<CallDeadlineRow, 'position' | 'label' | 'deadline_at' | 'time_zone'>[],
  importId: string | null,
  at: string = nowIso()
): Promise<string | null> {
  const b = repo.snapshotOf(before);
  const a = repo.snapshotOf(after);
  if (!deadlinesDiffer(b, a)) return null;
  return repo.recordDeadlineChange(trx, callId, b, a, importId, at);
}
