/**
 * Reminder settings and the reminder run.
 *
 * Settings (each user's own; GET answers the defaults until they are saved)
 * - `offsets`: days before each deadline, default 30, 14 and 3; an empty
 *   list turns deadline reminders off. `email`: also by email (default on;
 *   in the app they always appear). `timeZone`: the zone deadlines are shown
 *   in beside the call's own (default Europe/Brussels; the dashboard reads
 *   it too). Saving leaves an audit event on the user.
 *
 * The run — `runReminders(now)`, every REGIODESK_REMINDER_INTERVAL_MINUTES
 * (default 15) in the server process that holds the `reminder-run` lease
 * (`startReminderRuns`; other processes on the same database skip their
 * turns), and directly in tests. Each step goes on when one item fails;
 * failures are logged. Every step is also safe when two runs overlap (a
 * lease that expired mid-run): each thing it makes has a unique key or a
 * compare-and-set claim, as said below.
 *
 * 1. Deadline reminders. For each watcher of each deadline still ahead and
 *    each offset: the offset is due once now ≥ the deadline minus that many
 *    calendar days in the call's zone (17:00 Brussels stays 17:00 Brussels
 *    across a DST change). Of the offsets due, only the nearest is sent
 *    (someone who starts watching 10 days ahead gets one "in 10 days"
 *    reminder, not three); the farther ones are logged as `superseded`.
 *    The nearest makes ONE in-app notification and ONE email, each logged
 *    in reminders_sent under (user, deadline, deadline instant, offset,
 *    channel): the unique key makes a repeated or overlapping run a no-op,
 *    and a moved deadline (a new instant) gets reminders afresh. The
 *    in-app notification is written in the same transaction as its log
 *    row. The email is claimed first (`sending`), then sent, then logged
 *    `sent` or `failed: <the server's answer>`; a failed one (or one whose
 *    run died mid-send, after 30 minutes) is tried again by the next run
 *    while it is still the nearest offset due and the deadline is ahead.
 *    The email names the deadline in the call's zone and the user's
 *    ("Thu 25 Mar 2027, 17:00 Brussels time — 18:00 Helsinki time").
 * 2. Milestone reminders: an internal milestone of a proposal still going
 *    reminds its owner at the same offsets (same nearest-only rule), in the
 *    app and, through the outbox, by email; once per milestone, due instant
 *    and offset (the notification's dedupe key). A milestone without a
 *    time is due by the end of its day in the zone of its proposal's call
 *    (else Europe/Brussels), as on the dashboard.
 * 3. Digests: for each saved search, the calls recorded since its last
 *    digest (or since it was saved) that match it (saved-searches.ts) make
 *    ONE notification with the list (each next deadline in the call's zone
 *    and the user's, as the reminders), emailed through the outbox. The
 *    search's digest mark moves by compare-and-set in the same transaction,
 *    so two runs never both make it; no match, no notification.
 * 4. The outbox: the email copies of notifications (deadline changes told
 *    by notifyWatchers, digests, milestone reminders) still pending, failed
 *    (up to 10 attempts) or stuck in `sending` for 30 minutes are claimed
 *    one by one (conditional update), sent and marked `sent` or `failed`.
 *    Copies older than 7 days are no longer sent.
 * 5. The annual cycle: tasks of the cycle steps due (cycle-steps.ts), made
 *    once per person and occurrence (a unique key, inserted on conflict do
 *    nothing), so each run only adds what is missing.
 *
 * Without SMTP (config.ts) nothing is emailed and nothing is logged for
 * email: in-app notifications still appear, and reminders still due when
 * SMTP is configured are emailed then.
 */
import { DateTime } from 'luxon';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import * as notificationsRepo from '../../../db/platform/notifications.js';
import * as repo from '../../../db/deadlines/reminders.js';
import type { ReminderKey } from '../../../db/deadlines/reminders.js';
import { programmeTree } from '../../../db/funding/programmes.js';
import { advanceDigest, callsCreatedBetween, callsMatchingWords, savedSearchesForDigest } from '../../../db/funding/saved-searches.js';
import { watchedDeadlinesBetween } from '../../../db/funding/watches.js';
import { accountLanguage, createMailer, deadlineReminderEmail, type Lease, deadlineReminderSentence, describeMailError, notificationEmail, recordChange, type Caller, type Mailer, type Settings } from '../../platform/index.js';
import { m as words } from '../../../i18n/paraglide-server/messages.js';
import { DEFAULT_OFFSETS, DEFAULT_TIME_ZONE, type ReminderSettings, type ReminderSettingsInput } from '../schemas/reminders.js';
import type { SavedSearchCriteria } from '../../funding/schemas/saved-searches.js';
import { callLink, callMatches, dateWords, deadlineInBothZones, descendantsOf, milestoneDue, timeLeft } from '../../funding/index.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** a claimed send not finished after this long is taken to have died with its run */
const STALE_CLAIM_MS = 30 * MINUTE;
const MAX_OUTBOX_ATTEMPTS = 10;
const OUTBOX_MAX_AGE_MS = 7 * DAY;
const OUTBOX_BATCH = 200;
/** more than the largest offset allowed (365 days) */
const HORIZON_MS = 370 * DAY;
const DIGEST_LIST_LENGTH = 20;

export interface ReminderRun {
  at: string;
  /** in-app deadline reminders created */
  deadlineReminders: number;
  /** farther offsets passed over for a nearer one */
  superseded: number;
  milestoneReminders: number;
  digests: number;
  emailsSent: number;
  emailsFailed: number;
  /** tasks of annual-cycle steps made */
  cycleTasks: number;
}

/** A reminder_settings row as joined into other rows (null columns: no row, the defaults). */
interface StoredSettings {
  /** null: no settings, or a damaged value (the defaults apply) */
  offsets?: number[] | null;
  email: number | null;
  time_zone: string | null;
}

interface Effective {
  offsets: number[];
  email: boolean;
  timeZone: string;
}

function effective(row: StoredSettings | undefined | null): Effective {
  // a damaged row falls back to the defaults (the repository reads it as null)
  const offsets = row?.offsets ? row.offsets.filter((n) => n > 0) : DEFAULT_OFFSETS;
  return { offsets, email: row?.email == null ? true : row.email !== 0, timeZone: row?.time_zone || DEFAULT_TIME_ZONE };
}

/**
 * The offsets due at `now` for something due at `at` (read in `zone`),
 * nearest first: those whose moment — `at` minus the offset in calendar
 * days of the zone — has come. Empty once `at` itself has passed.
 */
export function offsetsDue(at: string, zone: string, offsets: number[], now: Date): number[] {
  if (Date.parse(at) <= now.getTime()) return [];
  const due = DateTime.fromISO(at, { zone: 'utc' }).setZone(zone);
  return offsets.filter((days) => due.minus({ days }).toMillis() <= now.getTime()).sort((a, b) => a - b);
}

/** The annual cycle's part of the run, handed in so that the funding reminders do not depend on the cycle. */
export interface CycleStepRun {
  runAll(now: Date, log: (line: string) => void): Promise<{ created: number }>;
}

export class ReminderService {
  private mailerInstance: Mailer | null | undefined;

  /** `cycleSteps`: the annual cycle's run that makes the tasks of due steps (cycle-steps.ts), part of every reminder run */
  constructor(
    private readonly db: DB,
    private readonly settings: Settings,
    private readonly cycleSteps: CycleStepRun,
    private readonly clock: () => Date = () => new Date(),
    private readonly log: (line: string) => void = (line) => console.warn(line)
  ) {}

  private get mailer(): Mailer | null {
    if (this.mailerInstance === undefined) this.mailerInstance = createMailer(this.settings);
    return this.mailerInstance;
  }

  /** Closes the SMTP transport (server shutdown). */
  close(): void {
    this.mailerInstance?.close();
    this.mailerInstance = undefined;
  }

  // ------------------------------------------------------------ settings

  private toSettings(caller: Caller, values: Effective): ReminderSettings {
    return { offsets: [...values.offsets].sort((a, b) => b - a), email: values.email, timeZone: values.timeZone, emailAddress: caller.email, emailAvailable: this.settings.smtp !== null };
  }

  async getSettings(caller: Caller): Promise<ReminderSettings> {
    return this.toSettings(caller, effective(await repo.findReminderSettings(this.db, caller.userId)));
  }

  async saveSettings(caller: Caller, input: ReminderSettingsInput): Promise<ReminderSettings> {
    const offsets = [...input.offsets].sort((a, b) => b - a);
    return this.db.transaction().execute(async (trx) => {
      const before = effective(await repo.findReminderSettings(trx, caller.userId));
      await repo.saveReminderSettings(trx, { user_id: caller.userId, offsets, email: input.email ? 1 : 0, time_zone: input.timeZone });
      const after: Effective = { offsets, email: input.email, timeZone: input.timeZone };
      await recordChange(trx, caller, 'user', caller.userId, { reminderSettings: before }, { reminderSettings: after });
      return this.toSettings(caller, after);
    });
  }

  // ------------------------------------------------------------ the run

  async runReminders(now: Date = this.clock()): Promise<ReminderRun> {
    const run: ReminderRun = { at: now.toISOString(), deadlineReminders: 0, superseded: 0, milestoneReminders: 0, digests: 0, emailsSent: 0, emailsFailed: 0, cycleTasks: 0 };
    await this.deadlineReminders(now, run);
    await this.milestoneReminders(now, run);
    await this.digests(now, run);
    await this.deliverOutbox(now, run);
    run.cycleTasks = (await this.cycleSteps.runAll(now, this.log)).created;
    return run;
  }

  private async deadlineReminders(now: Date, run: ReminderRun): Promise<void> {
    const at = now.toISOString();
    const rows = await watchedDeadlinesBetween(this.db, at, new Date(now.getTime() + HORIZON_MS).toISOString());
    for (const row of rows) {
      try {
        const settings = effective(row);
        const [nearest, ...farther] = offsetsDue(row.deadline_at, row.deadline_zone, settings.offsets, now);
        if (nearest === undefined) continue;
        const key = (offset: number, channel: ReminderKey['channel']): ReminderKey => ({
          user_id: row.user_id,
          deadline_id: row.deadline_id,
          deadline_at: row.deadline_at,
          offset_days: offset,
          channel
        });
        const locale = accountLanguage(row.user_locale);
        const facts = {
          locale,
          identifier: row.identifier,
          title: row.title,
          label: row.label,
          left: timeLeft(row.deadline_at, now, locale),
          when: deadlineInBothZones(row.deadline_at, row.deadline_zone, settings.timeZone, locale)
        };
        await this.db.transaction().execute(async (trx) => {
          for (const offset of farther) {
            for (const channel of ['app', 'email'] as const) if (await repo.logReminder(trx, newId(), key(offset, channel), at, 'superseded')) run.superseded += channel === 'app' ? 1 : 0;
          }
          if (!(await repo.logReminder(trx, newId(), key(nearest, 'app'), at, 'sent'))) return;
          await notificationsRepo.insertNotifications(trx, [
            {
              id: newId(),
              user_id: row.user_id,
              kind: 'deadline_reminder',
              text: deadlineReminderSentence(facts),
              link: callLink(row.call_id),
              created_at: at,
              read_at: null,
              email_status: null,
              email_error: null,
              emailed_at: null,
              dedupe_key: null
            }
          ]);
          run.deadlineReminders += 1;
        });
        const mailer = this.mailer;
        if (!settings.email || !mailer || !row.user_email) continue;
        const emailKey = key(nearest, 'email');
        const claimed =
          (await repo.logReminder(this.db, newId(), emailKey, at, 'sending')) ||
          (await repo.reclaimReminder(this.db, emailKey, at, new Date(now.getTime() - STALE_CLAIM_MS).toISOString()));
        if (!claimed) continue;
        try {
          await mailer.send(deadlineReminderEmail({ to: row.user_email, name: row.user_name, ...facts, link: callLink(row.call_id) }, this.settings.publicOrigin));
          await repo.finishReminder(this.db, emailKey, 'sent');
          run.emailsSent += 1;
        } catch (error) {
          const reason = describeMailError(error);
          await repo.finishReminder(this.db, emailKey, `failed: ${reason}`);
          run.emailsFailed += 1;
          this.log(`Reminder email to ${row.user_email} about ${row.identifier} (${nearest} days) failed: ${reason}. The next run tries again.`);
        }
      } catch (error) {
        this.log(`Reminder for deadline ${row.deadline_id} and user ${row.user_id} failed: ${describeMailError(error)}`);
      }
    }
  }

  private async milestoneReminders(now: Date, run: ReminderRun): Promise<void> {
    const at = now.toISOString();
    const fromDate = new Date(now.getTime() - 2 * DAY).toISOString().slice(0, 10);
    const toDate = new Date(now.getTime() + HORIZON_MS).toISOString().slice(0, 10);
    for (const m of await repo.ownedMilestonesDue(this.db, fromDate, toDate)) {
      try {
        const settings = effective(m);
        const zone = m.call_zone ?? DEFAULT_TIME_ZONE;
        const due = milestoneDue(m.due_on, m.due_time, zone);
        const [nearest] = offsetsDue(due.at, zone, settings.offsets, now);
        if (nearest === undefined || !m.owner_id) continue;
        const locale = accountLanguage(m.user_locale);
        const when = due.allDay ? words.notices_byEndOfDay({ date: dateWords(m.due_on, locale) }, { locale }) : deadlineInBothZones(due.at, zone, settings.timeZone, locale);
        const stored = await notificationsRepo.insertNotifications(this.db, [
          {
            id: newId(),
            user_id: m.owner_id,
            kind: 'milestone_reminder',
            text: words.notices_milestoneReminder({ acronym: m.acronym, title: m.title, left: timeLeft(due.at, now, locale), when }, { locale }),
            link: `/proposals/${m.proposal_id}`,
            created_at: at,
            read_at: null,
            email_status: settings.email ? 'pending' : null,
            email_error: null,
            emailed_at: null,
            dedupe_key: `milestone:${m.id}:${due.at}:${nearest}`
          }
        ]);
        run.milestoneReminders += stored.length;
      } catch (error) {
        this.log(`Reminder for milestone ${m.id} failed: ${describeMailError(error)}`);
      }
    }
  }

  private async digests(now: Date, run: ReminderRun): Promise<void> {
    const at = now.toISOString();
    const searches = await savedSearchesForDigest(this.db);
    if (!searches.length) return;
    const earliest = searches.map((s) => s.last_digest_at ?? s.created_at).reduce((a, b) => (a < b ? a : b));
    if (earliest >= at) return;
    const calls = await callsCreatedBetween(this.db, earliest, at);
    if (!calls.length) {
      // nothing new for anyone: still move every mark, so each later digest starts from here
      for (const search of searches) await advanceDigest(this.db, search.id, search.last_digest_at, at);
      return;
    }
    const tree = await programmeTree(this.db);
    for (const search of searches) {
      try {
        const since = search.last_digest_at ?? search.created_at;
        if (since >= at) continue;
        const criteria = search.criteria();
        const programmes = criteria.programmeId ? new Set(descendantsOf(tree, criteria.programmeId)) : undefined;
        const wordMatches = criteria.q ? await callsMatchingWords(this.db, criteria.q, calls.map((c) => c.id)) : undefined;
        const matches = calls.filter((c) => c.created_at > since && callMatches(c, criteria, now, programmes, wordMatches));
        const settings = effective(search);
        await this.db.transaction().execute(async (trx) => {
          if (!(await advanceDigest(trx, search.id, search.last_digest_at, at))) return;
          if (!matches.length) return;
          const locale = accountLanguage(search.user_locale);
          const lines = matches.slice(0, DIGEST_LIST_LENGTH).map((c) => {
            const next = c.deadlines.find((d) => d.at > at);
            const call = { identifier: c.identifier, title: c.title };
            return next
              ? words.notices_digestCallWithDeadline({ ...call, when: deadlineInBothZones(next.at, next.timeZone, settings.timeZone, locale) }, { locale })
              : words.notices_digestCall(call, { locale });
          });
          if (matches.length > DIGEST_LIST_LENGTH) lines.push(words.notices_digestMore({ count: matches.length - DIGEST_LIST_LENGTH }, { locale }));
          const head = words.notices_digestHead({ count: matches.length, name: search.name }, { locale });
          await notificationsRepo.insertNotifications(trx, [
            {
              id: newId(),
              user_id: search.user_id,
              kind: 'saved_search_digest',
              text: [head, ...lines].join('\n'),
              link: `/calls?savedSearch=${search.id}`,
              created_at: at,
              read_at: null,
              email_status: settings.email ? 'pending' : null,
              email_error: null,
              emailed_at: null,
              dedupe_key: `digest:${search.id}:${at}`
            }
          ]);
          run.digests += 1;
        });
      } catch (error) {
        this.log(`Digest of saved search ${search.id} failed: ${describeMailError(error)}`);
      }
    }
  }

  private async deliverOutbox(now: Date, run: ReminderRun): Promise<void> {
    const mailer = this.mailer;
    if (!mailer) return;
    const at = now.toISOString();
    const waiting = await notificationsRepo.emailsToSend(this.db, new Date(now.getTime() - STALE_CLAIM_MS).toISOString(), MAX_OUTBOX_ATTEMPTS, OUTBOX_BATCH);
    const oldest = new Date(now.getTime() - OUTBOX_MAX_AGE_MS).toISOString();
    for (const item of waiting) {
      if (item.created_at < oldest || !item.user_email) continue;
      if (!(await notificationsRepo.claimEmail(this.db, item.id, { status: item.email_status!, emailedAt: item.emailed_at }, at))) continue;
      try {
        await mailer.send(notificationEmail({ to: item.user_email, name: item.user_name, locale: accountLanguage(item.user_locale), text: item.text, link: item.link }, this.settings.publicOrigin));
        await notificationsRepo.finishEmail(this.db, item.id, { sent: true });
        run.emailsSent += 1;
      } catch (error) {
        const reason = describeMailError(error);
        await notificationsRepo.finishEmail(this.db, item.id, { sent: false, error: reason });
        run.emailsFailed += 1;
        this.log(`Email to ${item.user_email} (${item.kind}) failed: ${reason}. The next run tries again.`);
      }
    }
  }
}

/**
 * Runs the reminders every `minutes` in this process (never two at once;
 * a tick that finds the last run still going is skipped), the first run
 * right away. With a `lease` (the server's: run-lease.ts), a turn runs only
 * in the process that holds it, so several processes on one database run
 * it once. The timer does not keep the process alive. `stop` waits for a
 * run in progress to end, then gives the lease up.
 */
export function startReminderRuns(service: Pick<ReminderService, 'runReminders'>, minutes: number, log: (line: string) => void = (line) => console.warn(line), lease: Lease | null = null) {
  let running: Promise<unknown> | null = null;
  const turn = async () => {
    if (lease && !(await lease.hold())) return;
    await service.runReminders();
  };
  const tick = () => {
    if (running) return;
    running = turn()
      .catch((error: unknown) => log(`The reminder run failed: ${describeMailError(error)}`))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, minutes * MINUTE);
  timer.unref();
  const first = setTimeout(tick, 0);
  first.unref();
  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      clearTimeout(first);
      await running;
      await lease?.release();
    }
  };
}
