/**
 * Personal calendar feeds (ICS) for Outlook, Thunderbird, Google Calendar.
 *
 * Feeds
 * - A user creates any number of feeds (at most 10 not revoked); each has
 *   a random secret shown once, stored only as its SHA-256, like access
 *   tokens. The address is `/api/calendar.ics?token=…`. Listed with the
 *   last time a calendar fetched it; revoking one (DELETE) makes its
 *   address answer 404 at once. Someone else's feed is 404. Creating and
 *   revoking leave an audit event on the user.
 * - The address needs no sign-in (calendar apps cannot sign in): the token
 *   alone decides. Missing, unknown or revoked token, or a disabled
 *   account: 404, the same answer each time.
 *
 * What a feed holds (for the feed's owner, as of each request)
 * - Every deadline of every call the user watches, as a TIMED event at the
 *   deadline's instant with DTSTART;TZID=<the zone it was published in>
 *   (Europe/Brussels for most calls) and the VTIMEZONE it needs; never an
 *   all-day event. (A zone the VTIMEZONE library does not know is written
 *   in UTC instead.)
 * - The internal milestones not yet done of the proposals of the user's
 *   partnerships (memberships; a system administrator's feed is personal
 *   too): with a time, a timed event in the zone of the proposal's call
 *   (else Europe/Brussels, as on the deadline dashboard); without one, an
 *   all-day event on its date.
 * - The user's open tasks (follow-ups, next steps, cycle steps, others)
 *   they may still see, as all-day events on their due date (a task has a
 *   date only).
 * - UIDs are stable (`deadline-<id>@regiodesk`, `milestone-…`, `task-…`),
 *   so a moved deadline moves the event instead of adding one; SEQUENCE is
 *   the record's version, which only grows.
 * - Written by ical-generator; VTIMEZONE components from
 *   @touch4it/ical-timezones.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical from 'ical-generator';
import { DateTime } from 'luxon';
import type { DB } from '../../db/connection.js';
import { newId } from '../../db/ids.js';
import * as repo from '../../db/repositories/calendar.js';
import { membershipsOf } from '../../db/repositories/users.js';
import { watchedDeadlinesOf } from '../../db/repositories/watches.js';
import { digest, newSecret } from '../auth/secrets.js';
import type { Caller } from '../caller.js';
import type { Settings } from '../config.js';
import { Conflict, NotFound } from '../errors.js';
import type { CalendarFeed } from '../schemas/calendar.js';
import { recordChange } from './audit.js';
import { normaliseCutOff } from './call-dates.js';
import { cityOf } from './deadline-wording.js';
import { callLink } from './notifications.js';

const MAX_ACTIVE_FEEDS = 10;
const DEFAULT_ZONE = 'Europe/Brussels';
const UID_DOMAIN = 'regiodesk';
const TOKEN_PREFIX = 'rdcal_';
/** last use is written at most this often */
const TOUCH_EVERY_MS = 60_000;

const TASK_KINDS: Record<string, string> = { follow_up: 'Follow-up', next_step: 'Next step', cycle_step: 'Cycle step', other: 'Task' };

type FeedRow = Awaited<ReturnType<typeof repo.listFeeds>>[number];

function toFeed(row: FeedRow): CalendarFeed {
  return { id: row.id, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

/** True when a VTIMEZONE can be written for the zone. */
function knownZone(zone: string): boolean {
  return getVtimezoneComponent(zone) !== null;
}

export class CalendarService {
  constructor(
    private readonly db: DB,
    private readonly settings: Settings,
    private readonly clock: () => Date = () => new Date()
  ) {}

  async listFeeds(caller: Caller): Promise<{ items: CalendarFeed[]; nextCursor: null }> {
    return { items: (await repo.listFeeds(this.db, caller.userId)).map(toFeed), nextCursor: null };
  }

  /** A new feed and its secret (shown only now). */
  async createFeed(caller: Caller): Promise<CalendarFeed & { token: string }> {
    const token = newSecret(TOKEN_PREFIX);
    return this.db.transaction().execute(async (trx) => {
      if ((await repo.countActiveFeeds(trx, caller.userId)) >= MAX_ACTIVE_FEEDS) {
        throw new Conflict(`You have ${MAX_ACTIVE_FEEDS} calendar feeds already. Revoke one you no longer use first.`);
      }
      const row = await repo.insertFeed(trx, { id: newId(), user_id: caller.userId, token_hash: digest(token), created_at: this.clock().toISOString(), last_used_at: null, revoked_at: null });
      const feed = toFeed(row);
      await recordChange(trx, caller, 'user', caller.userId, null, { calendarFeedCreated: feed });
      return { ...feed, token };
    });
  }

  async revokeFeed(caller: Caller, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await repo.findFeed(trx, caller.userId, id);
      if (!row) throw new NotFound('calendar feed');
      if (row.revoked_at) return;
      await repo.revokeFeed(trx, caller.userId, id, this.clock().toISOString());
      await recordChange(trx, caller, 'user', caller.userId, { calendarFeed: toFeed(row) }, { calendarFeedRevoked: row.id });
    });
  }

  /** The ICS text of the feed behind `token`; 404 for a missing, unknown or revoked one. */
  async ics(token: string | undefined): Promise<string> {
    if (!token) throw new NotFound('calendar feed');
    const feed = await repo.findActiveFeedByHash(this.db, digest(token));
    if (!feed) throw new NotFound('calendar feed');
    const now = this.clock();
    if (!feed.last_used_at || now.getTime() - Date.parse(feed.last_used_at) >= TOUCH_EVERY_MS) await repo.touchFeed(this.db, feed.id, now.toISOString());

    const partnershipIds = (await membershipsOf(this.db, feed.user_id)).map((m) => m.partnership_id);
    const [deadlines, milestones, tasks] = await Promise.all([
      watchedDeadlinesOf(this.db, feed.user_id),
      repo.openMilestonesOf(this.db, partnershipIds),
      repo.openTasksOwnedBy(this.db, { all: false, organisationId: feed.organisation_id, partnershipIds }, feed.user_id)
    ]);

    const origin = this.settings.publicOrigin;
    const calendar = ical({
      name: `RegioDesk — ${feed.user_name}`,
      prodId: { company: 'RegioDesk', product: 'Calendar feed', language: 'EN' },
      ttl: 60 * 60,
      timezone: { name: null, generator: getVtimezoneComponent }
    });

    for (const d of deadlines) {
      const zone = knownZone(d.time_zone) ? d.time_zone : null;
      const start = DateTime.fromISO(d.deadline_at, { zone: 'utc' }).setZone(zone ?? 'utc');
      const wall = `${start.toFormat('HH:mm')} ${cityOf(d.time_zone)} time`;
      calendar.createEvent({
        id: `deadline-${d.deadline_id}@${UID_DOMAIN}`,
        sequence: d.version,
        stamp: now,
        lastModified: new Date(d.updated_at),
        start,
        end: start,
        timezone: zone,
        summary: `Deadline: ${d.identifier}${d.label ? ` (${d.label})` : ''} — ${d.title}`,
        description: [
          `${d.identifier} “${d.title}”${d.programme_name ? `, ${d.programme_name}` : ''}.`,
          `Submission closes at ${wall}${d.assumed ? ' (assumed: only the date was published; check the call)' : ''}.`,
          d.link ? `The call: ${d.link}` : null,
          origin ? `In RegioDesk: ${origin}${callLink(d.call_id)}` : null
        ]
          .filter(Boolean)
          .join('\n'),
        url: origin ? `${origin}${callLink(d.call_id)}` : d.link
      });
    }

    for (const m of milestones) {
      const zone = m.call_zone && knownZone(m.call_zone) ? m.call_zone : DEFAULT_ZONE;
      const time = m.due_time ? normaliseCutOff(m.due_time) : null;
      const summary = `${m.acronym}: ${m.title}`;
      const description = `Internal milestone of ${m.acronym} “${m.proposal_title}”.${origin ? `\nIn RegioDesk: ${origin}/proposals/${m.proposal_id}` : ''}`;
      const common = { id: `milestone-${m.id}@${UID_DOMAIN}`, sequence: m.version, stamp: now, summary, description };
      if (time) {
        const start = DateTime.fromISO(`${m.due_on}T${time}`, { zone });
        calendar.createEvent({ ...common, start, end: start, timezone: zone });
      } else {
        calendar.createEvent({ ...common, ...allDay(m.due_on) });
      }
    }

    for (const t of tasks) {
      calendar.createEvent({
        id: `task-${t.id}@${UID_DOMAIN}`,
        sequence: t.version,
        stamp: now,
        lastModified: new Date(t.updated_at),
        summary: `${TASK_KINDS[t.kind] ?? 'Task'}: ${t.title}`,
        description: t.description ?? undefined,
        ...allDay(t.due_on)
      });
    }

    return calendar.toString();
  }
}

/** An all-day event on a calendar date: DTSTART;VALUE=DATE and DTEND the next day. */
function allDay(date: string) {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  return { allDay: true, start: day, end: day.plus({ days: 1 }) };
}
