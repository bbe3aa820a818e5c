/**
 * Activities: who sees them, who changes them, how their times are kept.
 *
 * - Visible to the members of any of their partnerships and to system
 *   administrators; anyone else gets 404 (activity-access.ts).
 * - Recorded by whoever holds a writing role (access.canWriteIn) in every
 *   partnership named; a partnership the caller cannot see (or that does
 *   not exist) is a 400 at `partnershipIds.i`, a readable one without a
 *   writing role a 403. Changed and deleted by whoever writes in one of its
 *   partnerships; adding or removing a partnership needs a writing role in
 *   that partnership, and partnerships the caller cannot see stay as they are
 *   and are not shown. At least one partnership always remains.
 * - Times: wall times in the activity's IANA zone, stored as UTC instants
 *   with the zone and the wall times (activity-times.ts). The year filter
 *   is the year of the local start; `from`/`to` (a month view) pick the
 *   activities overlapping that span of instants. A wall time skipped by a
 *   DST change is a 400 at its field, and so is an end before the start.
 * - `followUpRule` is an RRULE checked by recurrence.ts (stored without
 *   `RRULE:`, upper case); null means the default of its partnership (the
 *   oldest one when there are several).
 * - Participant counts are of distinct people and organisations (a person
 *   in two roles counts once), by the region and kind of the organisation
 *   they take part for.
 * - Deleting takes its participants, programme, outcomes, costs and
 *   feedback links along (foreign keys cascade); tasks about it stay.
 * - Every write is one transaction with an audit event holding the whole
 *   record (all partnerships, not the caller's view of them).
 */
import { stringify } from 'csv-stringify/sync';
import { spreadsheetCell as cell } from '../rules/spreadsheet-cell.js';
import type { Locale } from '../../../i18n/locales.js';
import { m } from '../../../i18n/paraglide-server/messages.js';
import { findUser } from '../../../db/platform/users.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId, nowIso } from '../../../db/ids.js';
import * as repo from '../../../db/activities/activities.js';
import type { ActivityFilter, ActivityWithHostRow, ParticipantCountRow } from '../../../db/activities/activities.js';
import { findPartnership } from '../../../db/crm/partnerships.js';
import { findRegion } from '../../../db/crm/regions.js';
import type { ActivityRow, Database } from '../../../db/schema.js';
import { accountLanguage, words, NonexistentLocalTime, NotFound, PreconditionFailed, RuleProblem, ValidationFailed, canSeePartnership, canWriteIn, checkVersion, durationMinutes, offsetAt, pageRequest, parseRule, partnershipLinksAfter, recordChange, scopeOf, toInstant, toLocal, unknownReference, utc, type Caller, type FieldError } from '../../platform/index.js';
import type { Activity, ActivityCreate, ActivityExportQuery, ActivityListQuery, ActivityPatch, ParticipantCounts } from '../schemas/activities.js';
import { writableActivity } from './activity-access.js';
import { assertDomainsUsable } from '../../crm/index.js';
import { recordCostsLeaving } from './costs.js';
import { followUpRuleProblem } from './follow-ups.js';

type Sees = (partnershipId: string) => boolean;
const SEES_ALL: Sees = () => true;
const seenBy = (caller: Caller): Sees => (id) => canSeePartnership(caller, id);

interface DomainLink {
  domain_id: string;
  partnership_id: string | null;
}

export interface ActivityDetails {
  /** all partnerships of the activity */
  partnershipIds: string[];
  domains: DomainLink[];
  counts: ParticipantCounts;
  /** the follow-up default of its oldest partnership */
  defaultFollowUpRule: string | null;
}

/** Counts distinct participants (a person, else an organisation) by region and by kind of organisation. */
export function participantCounts(rows: Pick<ParticipantCountRow, 'person_id' | 'organisation_id' | 'kind' | 'region_id' | 'region_name'>[]): ParticipantCounts {
  const seen = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = row.person_id ? `person:${row.person_id}` : `organisation:${row.organisation_id}`;
    if (!seen.has(key)) seen.set(key, row);
  }
  const byRegion = new Map<string, { regionId: string | null; regionName: string | null; count: number }>();
  const byKind = new Map<string, { kind: string | null; count: number }>();
  for (const row of seen.values()) {
    const region = byRegion.get(row.region_id ?? '') ?? { regionId: row.region_id, regionName: row.region_name, count: 0 };
    region.count += 1;
    byRegion.set(row.region_id ?? '', region);
    const kind = byKind.get(row.kind ?? '') ?? { kind: row.kind, count: 0 };
    kind.count += 1;
    byKind.set(row.kind ?? '', kind);
  }
  const order = <T extends { count: number }>(name: (t: T) => string | null) => (a: T, b: T) =>
    b.count - a.count || (name(a) === null ? 1 : name(b) === null ? -1 : name(a)!.localeCompare(name(b)!));
  return {
    total: seen.size,
    byRegion: [...byRegion.values()].sort(order((r) => r.regionName)),
    byKind: [...byKind.values()].sort(order((k) => k.kind)) as ParticipantCounts['byKind']
  };
}

export function toActivity(row: ActivityWithHostRow, details: ActivityDetails, sees: Sees): Activity {
  const zone = row.time_zone;
  return {
    id: row.id,
    type: row.type as Activity['type'],
    title: row.title,
    description: row.description,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: zone,
    local: {
      startsAt: toLocal(row.starts_at, zone),
      endsAt: toLocal(row.ends_at, zone),
      startOffset: offsetAt(row.starts_at, zone),
      endOffset: offsetAt(row.ends_at, zone),
      nextMeetingAt: row.next_meeting_at ? toLocal(row.next_meeting_at, zone) : null
    },
    durationMinutes: durationMinutes(row.starts_at, row.ends_at),
    venue: row.venue,
    city: row.city,
    country: row.country,
    hostRegionId: row.host_region_id,
    hostRegionName: row.host_region_id ? row.host_region_name : null,
    direction: row.direction as Activity['direction'],
    partnershipIds: details.partnershipIds.filter(sees),
    domainIds: details.domains.filter((d) => d.partnership_id === null || sees(d.partnership_id)).map((d) => d.domain_id),
    politicalLevel: row.political_level === 1,
    status: row.status as Activity['status'],
    followUpRule: row.follow_up_rule,
    effectiveFollowUpRule: row.follow_up_rule ?? details.defaultFollowUpRule,
    nextMeetingAt: row.next_meeting_at,
    participantCounts: details.counts,
    recordedByOrganisationId: row.recorded_by_organisation_id,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

/** Partnerships, domains, participant counts and follow-up defaults of several activities at once. */
export async function detailsOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, ActivityDetails>> {
  const [partnerships, domains, counts] = await Promise.all([repo.partnershipsOfActivities(db, ids), repo.domainsOfActivities(db, ids), repo.participantCountRows(db, ids)]);
  const defaults = new Map((await repo.partnershipsByIds(db, [...new Set(partnerships.map((p) => p.partnership_id))])).map((p) => [p.id, p.follow_up_rule]));
  return new Map(
    ids.map((id) => {
      const partnershipIds = partnerships.filter((p) => p.activity_id === id).map((p) => p.partnership_id);
      const oldest = [...partnershipIds].sort()[0];
      return [
        id,
        {
          partnershipIds,
          domains: domains.filter((d) => d.activity_id === id),
          counts: participantCounts(counts.filter((c) => c.activity_id === id)),
          defaultFollowUpRule: oldest ? (defaults.get(oldest) ?? null) : null
        }
      ];
    })
  );
}

/** The activity as the caller sees it, after a write (visibility already checked). */
export async function reloadActivity(db: Kysely<Database>, id: string, sees: Sees): Promise<Activity> {
  const row = await repo.findActivityWithHost(db, id);
  if (!row) throw new NotFound('activity');
  const details = (await detailsOf(db, [id])).get(id)!;
  return toActivity(row, details, sees);
}

/** Times as they are stored. */
export interface StoredTimes {
  starts_at: string;
  ends_at: string;
  starts_local: string;
  ends_local: string;
  time_zone: string;
  next_meeting_at: string | null;
}

type TimesInput = Partial<Pick<ActivityCreate, 'startsAt' | 'endsAt' | 'timeZone' | 'nextMeetingAt'>>;

/**
 * The stored times after a create (no `current`) or a change: each date-time
 * read in the (new) zone; a new zone alone keeps the wall times. Throws 400
 * at the fields for a skipped wall time or an end before the start.
 */
export function resolveTimes(input: TimesInput, current?: Pick<ActivityRow, 'starts_at' | 'ends_at' | 'time_zone' | 'next_meeting_at'>): StoredTimes {
  const zone = input.timeZone ?? current?.time_zone;
  if (!zone) throw new ValidationFailed([{ path: 'timeZone', ...words('problems_field_required') }]);
  const zoneChanged = current !== undefined && zone !== current.time_zone;
  const carried = (stored: string | null | undefined) => (stored && zoneChanged ? toLocal(stored, current!.time_zone) : stored);
  const errors: FieldError[] = [];
  const read = (path: string, given: string | null | undefined, stored: string | null | undefined): string | null => {
    const text = given !== undefined ? given : carried(stored);
    if (text === null || text === undefined) return null;
    if (given === undefined && !zoneChanged) return stored ?? null;
    try {
      return toInstant(text, zone);
    } catch (error) {
      if (error instanceof NonexistentLocalTime) {
        errors.push({ path, ...error.words });
        return null;
      }
      throw error;
    }
  };
  const startsAt = read('startsAt', input.startsAt, current?.starts_at);
  const endsAt = read('endsAt', input.endsAt, current?.ends_at);
  const nextMeetingAt = read('nextMeetingAt', input.nextMeetingAt, current?.next_meeting_at);
  if (startsAt === null && !errors.some((e) => e.path === 'startsAt')) errors.push({ path: 'startsAt', ...words('problems_field_required') });
  if (endsAt === null && !errors.some((e) => e.path === 'endsAt')) errors.push({ path: 'endsAt', ...words('problems_field_required') });
  if (startsAt && endsAt && endsAt < startsAt) {
    errors.push({ path: 'endsAt', ...words('problems_activity_field_endBeforeStart', { end: toLocal(endsAt, zone).replace('T', ' '), start: toLocal(startsAt, zone).replace('T', ' ') }) });
  }
  if (errors.length) throw new ValidationFailed(errors);
  return {
    starts_at: utc(startsAt!),
    ends_at: utc(endsAt!),
    starts_local: toLocal(startsAt!, zone),
    ends_local: toLocal(endsAt!, zone),
    time_zone: zone,
    next_meeting_at: nextMeetingAt
  };
}

/**
 * The rule as stored (upper case, no `RRULE:`), null for the partnership
 * default; 400 at `followUpRule` when it cannot propose follow-ups after an
 * activity ending on `endOn` (it must end and give 1–12 dates).
 */
export function followUpRuleOf(text: string | null, endOn: string): string | null {
  if (text === null || text.trim() === '') return null;
  try {
    const rule = parseRule(text).text;
    const problem = followUpRuleProblem(rule, endOn);
    if (problem) throw new ValidationFailed([{ path: 'followUpRule', ...problem }]);
    return rule;
  } catch (error) {
    if (error instanceof RuleProblem) throw new ValidationFailed([{ path: 'followUpRule', ...error.words }]);
    throw error;
  }
}

/**
 * The partnerships after the caller asks for `requested`: unknown or
 * invisible ones newly named are a 400 at `partnershipIds.i`; adding or
 * removing one without a writing role in it is a 403; invisible ones stay.
 */
export function partnershipsAfter(caller: Caller, current: string[], requested: string[], exists: (id: string) => boolean): string[] {
  return partnershipLinksAfter(caller, current, requested, exists, 'problems_roleForbidsActivities');
}

async function resolvePartnerships(db: Kysely<Database>, caller: Caller, current: string[], requested: string[]): Promise<string[]> {
  const added = requested.filter((id) => !current.includes(id));
  const found = await Promise.all(added.map((id) => findPartnership(db, id)));
  const exists = new Set(found.filter((p) => p !== undefined).map((p) => p!.id));
  return partnershipsAfter(caller, current, requested, (id) => exists.has(id));
}

async function assertRegionExists(db: Kysely<Database>, regionId: string | null | undefined): Promise<void> {
  if (regionId && !(await findRegion(db, regionId))) throw unknownReference('hostRegionId', 'region');
}

function filterOf(query: Pick<ActivityListQuery, 'year' | 'type' | 'domainId' | 'partnershipId' | 'status' | 'from' | 'to' | 'q'>): ActivityFilter {
  return {
    year: query.year,
    type: query.type,
    domainId: query.domainId,
    partnershipId: query.partnershipId,
    status: query.status,
    from: query.from ? utc(query.from) : undefined,
    to: query.to ? utc(query.to) : undefined,
    q: query.q
  };
}

/** The CSV's header row in the requester's language (the catalogue's `exports` feature). */
function csvColumns(locale: Locale): string[] {
  const o = { locale };
  return [
    m.exports_id({}, o),
    m.exports_type({}, o),
    m.exports_title({}, o),
    m.exports_status({}, o),
    m.exports_startsLocal({}, o),
    m.exports_endsLocal({}, o),
    m.exports_timeZone({}, o),
    m.exports_startsUtc({}, o),
    m.exports_endsUtc({}, o),
    m.exports_venue({}, o),
    m.exports_city({}, o),
    m.exports_country({}, o),
    m.exports_hostRegion({}, o),
    m.exports_direction({}, o),
    m.exports_politicalLevel({}, o),
    m.exports_partnerships({}, o),
    m.exports_domains({}, o),
    m.exports_participants({}, o)
  ];
}

export class ActivityService {
  constructor(private readonly db: DB) {}

  async list(caller: Caller, query: ActivityListQuery) {
    if (query.partnershipId && !canSeePartnership(caller, query.partnershipId)) return { items: [], nextCursor: null };
    const { page } = pageRequest(query, { startsAt: 'starts_at' } as const);
    const result = await repo.listActivities(this.db, scopeOf(caller), filterOf(query), page);
    const details = await detailsOf(this.db, result.items.map((r) => r.id));
    return { items: result.items.map((row) => toActivity(row, details.get(row.id)!, seenBy(caller))), nextCursor: result.nextCursor };
  }

  async get(caller: Caller, id: string): Promise<Activity> {
    const row = await repo.findVisibleActivityWithHost(this.db, scopeOf(caller), id);
    if (!row) throw new NotFound('activity');
    return toActivity(row, (await detailsOf(this.db, [id])).get(id)!, seenBy(caller));
  }

  /** The list as CSV (UTF-8 with a byte order mark, so spreadsheet programs read umlauts right). */
  async exportCsv(caller: Caller, query: ActivityExportQuery): Promise<string> {
    // the requester is signed in: their account's language
    const locale = accountLanguage((await findUser(this.db, caller.userId))?.locale);
    const rows = query.partnershipId && !canSeePartnership(caller, query.partnershipId) ? [] : await repo.allActivities(this.db, scopeOf(caller), filterOf(query), query.sort === 'startsAt' ? 'asc' : 'desc');
    const details = await detailsOf(this.db, rows.map((r) => r.id));
    const sees = seenBy(caller);
    const titles = new Map((await repo.partnershipsByIds(this.db, [...new Set([...details.values()].flatMap((d) => d.partnershipIds.filter(sees)))])).map((p) => [p.id, p.title]));
    const labels = new Map<string, string>();
    for (const d of await repo.domainsOfActivities(this.db, rows.map((r) => r.id))) labels.set(d.domain_id, { en: d.label_en, de: d.label_de, nl: d.label_nl }[locale]);
    const records = rows.map((row) => {
      const activity = toActivity(row, details.get(row.id)!, sees);
      return [
        activity.id,
        activity.type,
        cell(activity.title),
        activity.status,
        activity.local.startsAt,
        activity.local.endsAt,
        activity.timeZone,
        activity.startsAt,
        activity.endsAt,
        cell(activity.venue),
        cell(activity.city),
        activity.country ?? '',
        cell(activity.hostRegionName),
        activity.direction ?? '',
        activity.politicalLevel ? m.exports_yes({}, { locale }) : m.exports_no({}, { locale }),
        cell(activity.partnershipIds.map((p) => titles.get(p) ?? p).join('; ')),
        cell(activity.domainIds.map((d) => labels.get(d) ?? d).join('; ')),
        String(activity.participantCounts.total)
      ];
    });
    return '\uFEFF' + stringify(records, { header: true, columns: csvColumns(locale), delimiter: query.delimiter === 'semicolon' ? ';' : ',', record_delimiter: 'windows' });
  }

  async create(caller: Caller, input: ActivityCreate): Promise<Activity> {
    return this.db.transaction().execute(async (trx) => {
      const partnershipIds = await resolvePartnerships(trx, caller, [], input.partnershipIds);
      const times = resolveTimes(input);
      await assertRegionExists(trx, input.hostRegionId);
      await assertDomainsUsable(trx, caller, input.domainIds, 'domainIds');
      const id = newId();
      await repo.insertActivity(trx, {
        id,
        type: input.type,
        title: input.title,
        description: input.description,
        ...times,
        venue: input.venue,
        city: input.city,
        country: input.country,
        host_region_id: input.hostRegionId,
        direction: input.direction,
        political_level: input.politicalLevel ? 1 : 0,
        status: input.status,
        follow_up_rule: followUpRuleOf(input.followUpRule, times.ends_local.slice(0, 10)),
        recorded_by_organisation_id: caller.organisationId,
        created_by: caller.userId
      });
      await repo.replaceActivityPartnerships(trx, id, partnershipIds);
      await repo.replaceActivityDomains(trx, id, input.domainIds);
      await recordChange(trx, caller, 'activity', id, null, await reloadActivity(trx, id, SEES_ALL));
      return reloadActivity(trx, id, seenBy(caller));
    });
  }

  async update(caller: Caller, id: string, patch: ActivityPatch, expected: number | null): Promise<Activity> {
    return this.db.transaction().execute(async (trx) => {
      const { activity: row, partnershipIds: currentPartnerships } = await writableActivity(trx, caller, id);
      const before = await reloadActivity(trx, id, SEES_ALL);
      checkVersion(expected, await reloadActivity(trx, id, seenBy(caller)));
      const currentDetails = (await detailsOf(trx, [id])).get(id)!;
      const partnershipIds = patch.partnershipIds && (await resolvePartnerships(trx, caller, currentPartnerships, patch.partnershipIds));
      const touchesTimes = patch.startsAt !== undefined || patch.endsAt !== undefined || patch.timeZone !== undefined || patch.nextMeetingAt !== undefined;
      const times = touchesTimes ? resolveTimes(patch, row) : null;
      const endOn = (times?.ends_local ?? row.ends_local ?? row.ends_at).slice(0, 10);
      await assertRegionExists(trx, patch.hostRegionId);
      if (patch.domainIds) await assertDomainsUsable(trx, caller, patch.domainIds, 'domainIds');
      const updated = await repo.updateActivity(trx, id, row.version, {
        type: patch.type,
        title: patch.title,
        description: patch.description,
        ...(times ?? {}),
        venue: patch.venue,
        city: patch.city,
        country: patch.country,
        host_region_id: patch.hostRegionId,
        direction: patch.direction,
        political_level: patch.politicalLevel === undefined ? undefined : patch.politicalLevel ? 1 : 0,
        status: patch.status,
        follow_up_rule: patch.followUpRule === undefined ? undefined : followUpRuleOf(patch.followUpRule, endOn),
        updated_at: nowIso()
      });
      if (!updated) throw new PreconditionFailed(await reloadActivity(trx, id, seenBy(caller)));
      if (partnershipIds) await repo.replaceActivityPartnerships(trx, id, partnershipIds);
      if (patch.domainIds) {
        const requested = patch.domainIds;
        const sees = seenBy(caller);
        const hidden = currentDetails.domains
          .filter((d) => d.partnership_id !== null && !sees(d.partnership_id) && !requested.includes(d.domain_id))
          .map((d) => d.domain_id);
        await repo.replaceActivityDomains(trx, id, [...requested, ...hidden]);
      }
      await recordChange(trx, caller, 'activity', id, before, await reloadActivity(trx, id, SEES_ALL));
      return reloadActivity(trx, id, seenBy(caller));
    });
  }

  async delete(caller: Caller, id: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await writableActivity(trx, caller, id);
      const before = await reloadActivity(trx, id, SEES_ALL);
      checkVersion(expected, await reloadActivity(trx, id, seenBy(caller)));
      await recordCostsLeaving(trx, caller, id);
      await repo.deleteActivity(trx, id);
      await recordChange(trx, caller, 'activity', id, before, null);
    });
  }
}
