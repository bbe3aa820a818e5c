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
 * - Every deadline of every call the user watches, as a TIMED event of 30
 *   minutes ENDING at the deadline's instant, with TZID=<the zone it was
 *   published in> (Europe/Brussels for most calls) and the VTIMEZONE it
 *   needs. Not zero minutes long: Outlook and Google draw such an event as
 *   a hairline or hide it in the day's header. Not all day either: a
 *   deadline is an hour ("17:00 Brussels time"), which an all-day event
 *   would hide, and in a reader's zone far from Brussels the day itself
 *   can differ. Ending at the deadline, the block is the last half hour to
 *   submit in and its end is the moment submission closes; the
 *   description says the hour in words. (A zone the VTIMEZONE library does
 *   not know is written in UTC instead.)
 * - The internal milestones not yet done of the proposals of the user's
 *   partnerships (memberships; a system administrator's feed is personal
 *   too): with a time, a timed event of 30 minutes ending at that time (a
 *   milestone is due by then, as a deadline) in the zone of the proposal's
 *   call (else Europe/Brussels, as on the deadline dashboard); without
 *   one, an all-day event on its date.
 * - Alarms (VALARM, DISPLAY) on deadlines and milestones, one for each of
 *   the owner's reminder days (reminder settings; 30, 14 and 3 without
 *   any; none when they turned reminders off), so the calendar app reminds
 *   as the e-mails do: that many days before the deadline's instant
 *   (TRIGGER;RELATED=END), or before an all-day milestone's day.
 * - The user's open tasks (follow-ups, next steps, cycle steps, others)
 *   they may still see, as all-day events on their due date (a task has a
 *   date only).
 * - Every word in the owner's account language (the catalogue's
 *   `calendarFeed` feature): the calendar's name and description, the
 *   PRODID's product and language, summaries and descriptions; wall times
 *   by Intl in that language with the zone's city ("17:00 Uhr (Brüssel)").
 * - UIDs are stable (`deadline-<id>@regiodesk`, `milestone-…`, `task-…`),
 *   so a moved deadline moves the event instead of adding one; SEQUENCE is
 *   the record's version, which only grows.
 * - Written by ical-generator; VTIMEZONE components from
 *   @touch4it/ical-timezones (see calendar-text.ts: written in slices that
 *   let other requests in between).
 *
 * Caching
 * - The feed's ETag is a digest of what it shows: the owner, their name,
 *   account language and reminder days, and a fingerprint SQLite computes of the rows of each part
 *   (watched deadlines with their calls, open milestones with their
 *   proposals, open tasks: ids, versions and the columns no version
 *   covers). It changes exactly when a row comes, goes or changes, and
 *   costs one statement, not the writing of the feed; while nothing is
 *   written to the database (total_changes(), data_version), the last
 *   ETag of the user is reused without even that.
 * - `If-None-Match` with that ETag answers 304 without writing anything;
 *   a written text is kept in memory by owner and ETag (least recently
 *   used first out, 64 MB in all), so an unchanged feed is written once.
 *   DTSTAMP is when the text was written.
 * - A calendar app that accepts gzip gets the text compressed (10,000
 *   deadlines: ~5 MB as text), compressed once per ETag on libuv's threads
 *   and kept beside the text.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import ical, { ICalAlarmType, type ICalEventData } from 'ical-generator';
import { DateTime } from 'luxon';
import type { DB } from '../../../db/connection.js';
import type { Locale } from '../../../i18n/locales.js';
import { m as words } from '../../../i18n/paraglide-server/messages.js';
import { newId } from '../../../db/ids.js';
import * as repo from '../../../db/deadlines/calendar.js';
import { membershipsOf } from '../../../db/platform/users.js';
import type { Scope } from '../../../db/scope.js';
import { Conflict, NotFound, accountLanguage, bestEffort, digest, newSecret, recordChange, zoneWithKeptOffsets, type Caller, type Settings } from '../../platform/index.js';
import type { CalendarFeed } from '../schemas/calendar.js';
import { CalendarFeedCache } from './calendar-feed-cache.js';
import { DEFAULT_OFFSETS } from '../schemas/reminders.js';
import { IcsWriter, vtimezoneOf } from '../rules/calendar-text.js';
import { callLink, normaliseCutOff, wallTimeWords } from '../../funding/index.js';
import { holdForWrite } from '../../../db/row-locks.js';

const MAX_ACTIVE_FEEDS = 10;
const DEFAULT_ZONE = 'Europe/Brussels';
const UID_DOMAIN = 'regiodesk';
const TOKEN_PREFIX = 'rdcal_';
/** last use is written at most this often */
const TOUCH_EVERY_MS = 60_000;

/** written feeds kept in memory, at most this many bytes together */
const FEED_CACHE_BYTES = 64 * 1024 * 1024;
/** deadlines read per statement while writing a feed (the event loop is free between pages) */
const DEADLINES_PER_PAGE = 1000;
/** users whose last feed ETag is remembered */
const MAX_KNOWN_ETAGS = 10_000;
/** part of every ETag: raise it when the code writes a feed differently, so calendars fetch the new text */
const FEED_FORMAT = 4;
/** how long a deadline's (or a timed milestone's) event lasts, ending at its instant */
const EVENT_MINUTES = 30;
const DAY_SECONDS = 24 * 60 * 60;

const gzipAsync = promisify(gzip);

type TitleWords = (inputs: { title: string }, options: { locale: Locale }) => string;

/** A task's summary by its kind ("Follow-up: …", "Nachbereitung: …"); an unknown kind reads as a task. */
const TASK_SUMMARIES: Record<string, TitleWords> = { follow_up: words.calendarFeed_followUp, next_step: words.calendarFeed_nextStep, cycle_step: words.calendarFeed_cycleStep, other: words.calendarFeed_task };

/** The owner of a feed as the feed needs them. */
interface FeedOwner {
  user_id: string;
  user_name: string;
  locale: Locale;
  /** days before a deadline or milestone the calendar app reminds (the reminder settings), largest first */
  reminderDays: number[];
}

type FeedRow = Awaited<ReturnType<typeof repo.listFeeds>>[number];

function toFeed(row: FeedRow): CalendarFeed {
  return { id: row.id, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

/** True when a VTIMEZONE can be written for the zone. */
function knownZone(zone: string): boolean {
  return vtimezoneOf(zone) !== null;
}

/** A feed's ETag, and its text when it is needed (not for a 304): as it is, or gzip-compressed. */
export interface CalendarFeedText {
  etag: string;
  text(): Promise<Uint8Array<ArrayBuffer>>;
  /** the same text gzip-compressed (about a tenth of its size), compressed once per ETag off the event loop */
  gzipped(): Promise<Uint8Array<ArrayBuffer>>;
}

export class CalendarService {
  private readonly texts = new CalendarFeedCache(FEED_CACHE_BYTES);
  /** the last ETag of each user's feed, with the database generation it holds for */
  private readonly etags = new Map<string, { generation: string; locale: Locale; reminderDays: string; etag: string }>();

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
      // the user is held: feeds made at once still count up to the limit, one after the other
      await holdForWrite(trx, 'users', caller.userId);
      if ((await repo.countActiveFeeds(trx, caller.userId)) >= MAX_ACTIVE_FEEDS) {
        throw new Conflict('problems_deadlines_tooManyFeeds', { count: MAX_ACTIVE_FEEDS });
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

  /**
   * The feed behind `token`: its ETag, from a fingerprint of what it shows
   * (read in SQL, without writing the feed), and its ICS text, written on
   * demand or taken from the cache. 404 for a missing, unknown or revoked
   * token.
   */
  async feed(token: string | undefined): Promise<CalendarFeedText> {
    if (!token) throw new NotFound('calendar feed');
    const feed = await repo.findActiveFeedByHash(this.db, digest(token));
    if (!feed) throw new NotFound('calendar feed');
    const now = this.clock();
    if (!feed.last_used_at || now.getTime() - Date.parse(feed.last_used_at) >= TOUCH_EVERY_MS) await bestEffort('Recording a calendar feed’s last use', () => repo.touchFeed(this.db, feed.id, now.toISOString()));

    const partnershipIds = (await membershipsOf(this.db, feed.user_id)).map((m) => m.partnership_id);
    const scope: Scope = { all: false, organisationId: feed.organisation_id, partnershipIds };
    const reminderDays = [...new Set(feed.offsets ? feed.offsets.filter((n) => n > 0) : DEFAULT_OFFSETS)].sort((a, b) => b - a);
    const owner: FeedOwner = { user_id: feed.user_id, user_name: feed.user_name, locale: accountLanguage(feed.user_locale), reminderDays };
    const etag = await this.etagOf(owner, scope);
    // the language is in the ETag too; in the key as well, so a text is never served in another language than it was written in
    const key = `${owner.user_id} ${owner.locale} ${etag}`;
    const text = () => this.texts.get(key, () => this.write(owner, scope));
    return { etag, text, gzipped: () => this.texts.get(`${key} gzip`, async () => new Uint8Array(await gzipAsync(await text()))) };
  }

  /**
   * The ETag of the user's feed: a digest of the fingerprint of what it
   * shows and the language it is written in; the last one is reused while
   * nothing was written to the database since it was computed (the
   * generation read first, so a write in between makes the next request
   * compute it again: a change of the account's language is such a write).
   */
  private async etagOf(feed: FeedOwner, scope: Scope & { all: false }): Promise<string> {
    const generation = await repo.databaseGeneration(this.db);
    const known = this.etags.get(feed.user_id);
    if (known?.generation === generation && known.locale === feed.locale && known.reminderDays === feed.reminderDays.join()) return known.etag;
    const fingerprint = await repo.feedFingerprint(this.db, scope, feed.user_id, scope.partnershipIds);
    const etag = `W/"${createHash('sha256')
      .update(JSON.stringify([FEED_FORMAT, feed.user_id, feed.user_name, feed.locale, feed.reminderDays, this.settings.publicOrigin, fingerprint]))
      .digest('base64url')}"`;
    this.etags.delete(feed.user_id);
    if (this.etags.size >= MAX_KNOWN_ETAGS) this.etags.delete(this.etags.keys().next().value!);
    this.etags.set(feed.user_id, { generation, locale: feed.locale, reminderDays: feed.reminderDays.join(), etag });
    return etag;
  }

  /** Writes the feed's ICS text as UTF-8 in the owner's language, reading what it shows now. */
  private async write(feed: FeedOwner, scope: Scope & { all: false }): Promise<Uint8Array<ArrayBuffer>> {
    const now = this.clock();
    const o = { locale: feed.locale };
    const [milestones, tasks] = await Promise.all([repo.openMilestonesOf(this.db, scope.partnershipIds), repo.openTasksOwnedBy(this.db, scope, feed.user_id)]);
    const origin = this.settings.publicOrigin;
    const calendar = ical({
      name: words.calendarFeed_name({ name: feed.user_name }, o),
      description: words.calendarFeed_description({}, o),
      prodId: { company: 'RegioDesk', product: words.calendarFeed_product({}, o), language: feed.locale.toUpperCase() },
      ttl: 60 * 60
    });

    /** a display alarm per reminder day, before the event's end (a timed event: its instant) or its start (all day: the day) */
    const alarms = (summary: string, relatesTo: 'END' | 'START') =>
      feed.reminderDays.map((days) => ({ type: ICalAlarmType.display, triggerBefore: days * DAY_SECONDS, relatesTo, description: summary }));

    const deadlineEvent = (d: repo.FeedDeadlineRow): ICalEventData => {
      const zone = knownZone(d.time_zone) ? d.time_zone : null;
      const end = DateTime.fromMillis(Date.parse(d.deadline_at), { zone: (zone && zoneWithKeptOffsets(zone)) ?? 'utc' });
      const time = wallTimeWords(d.deadline_at, d.time_zone, feed.locale);
      const call = { identifier: d.identifier, title: d.title };
      const summary = d.label ? words.calendarFeed_stageDeadline({ ...call, stage: d.label }, o) : words.calendarFeed_deadline(call, o);
      return {
        id: `deadline-${d.deadline_id}@${UID_DOMAIN}`,
        sequence: d.version,
        stamp: now,
        lastModified: new Date(d.updated_at),
        start: end.minus({ minutes: EVENT_MINUTES }),
        end,
        timezone: zone,
        summary,
        alarms: alarms(summary, 'END'),
        description: [
          d.programme_name ? words.calendarFeed_callOfProgramme({ ...call, programme: d.programme_name }, o) : words.calendarFeed_call(call, o),
          d.assumed ? words.calendarFeed_closesAssumed({ time }, o) : words.calendarFeed_closes({ time }, o),
          d.link ? words.calendarFeed_callLink({ url: d.link }, o) : null,
          origin ? words.calendarFeed_inRegioDesk({ url: `${origin}${callLink(d.call_id)}` }, o) : null
        ]
          .filter(Boolean)
          .join('\n'),
        url: origin ? `${origin}${callLink(d.call_id)}` : d.link
      };
    };

    const milestoneEvent = (m: (typeof milestones)[number]): ICalEventData => {
      const zone = m.call_zone && knownZone(m.call_zone) ? m.call_zone : DEFAULT_ZONE;
      const time = m.due_time ? normaliseCutOff(m.due_time) : null;
      const summary = `${m.acronym}: ${m.title}`;
      const description = [words.calendarFeed_milestone({ acronym: m.acronym, title: m.proposal_title }, o), origin ? words.calendarFeed_inRegioDesk({ url: `${origin}/proposals/${m.proposal_id}` }, o) : null].filter(Boolean).join('\n');
      const common = { id: `milestone-${m.id}@${UID_DOMAIN}`, sequence: m.version, stamp: now, summary, description };
      if (!time) return { ...common, ...allDay(m.due_on), alarms: alarms(summary, 'START') };
      const end = DateTime.fromISO(`${m.due_on}T${time}`, { zone });
      return { ...common, start: end.minus({ minutes: EVENT_MINUTES }), end, timezone: zone, alarms: alarms(summary, 'END') };
    };

    const taskEvent = (t: (typeof tasks)[number]): ICalEventData => ({
      id: `task-${t.id}@${UID_DOMAIN}`,
      sequence: t.version,
      stamp: now,
      lastModified: new Date(t.updated_at),
      summary: (TASK_SUMMARIES[t.kind] ?? words.calendarFeed_task)({ title: t.title }, o),
      description: t.description ?? undefined,
      ...allDay(t.due_on)
    });

    const writer = new IcsWriter(calendar);
    let after: { callId: string; position: number } | null = null;
    for (;;) {
      const page = await repo.feedDeadlinePage(this.db, feed.user_id, after, DEADLINES_PER_PAGE);
      await writer.add(page, deadlineEvent);
      const last = page.at(-1);
      if (!last || page.length < DEADLINES_PER_PAGE) break;
      after = { callId: last.call_id, position: last.position };
      await writer.pause();
    }
    await writer.add(milestones, milestoneEvent);
    await writer.add(tasks, taskEvent);
    return writer.bytes();
  }
}

/** An all-day event on a calendar date: DTSTART;VALUE=DATE and DTEND the next day. */
function allDay(date: string) {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  return { allDay: true, start: day, end: day.plus({ days: 1 }) };
}
