/**
 * Participant feedback: a rating from 1 to 5 and a comment per participant,
 * given through a personal link that needs no account.
 *
 * - Links: one per participant (by default every participant not marked
 *   excused or no-show). The token is a random secret shown once in the
 *   answer to the officer who creates the links; only its SHA-256 is
 *   stored. A link lasts until 30 days after the activity ends (or after its
 *   creation, when that is later), unless `expiresAt` says otherwise. A
 *   participant who already has a link is skipped unless `reissue` asks for
 *   a new one (the old one stops working; an answer given stays).
 * - E-mail: each new link goes by e-mail to the participant's first address
 *   (a person's; an organisation taking part without a person has none),
 *   unless `sendEmails` is false. Sent right after the links are stored,
 *   not queued: the token is never stored, so a queued message would have
 *   to keep it in clear. Each link says what became of its e-mail: `sent`
 *   (the mail server accepted it), `failed` (refused or unreachable: the
 *   server's answer is given) or `none` (no address, not asked, or no mail
 *   server configured); the page shows every link not `sent` to hand over.
 *   The outcome is audited (`linksEmailed`).
 * - The e-mail's language: the account language of a user whose address is
 *   one of the person's; else the person's first language that RegioDesk
 *   speaks; else the first of the region of their organisation (the party's
 *   region for the partner's staff); else the language of the officer who
 *   sends it.
 * - Answers: one per participant, changed by answering again through the
 *   same link until the feedback is closed (409) or the link expires (410).
 *   An unknown token is 404. The public link is throttled per client
 *   address: every request counts (also those with unknown tokens), past
 *   `feedbackMaxPerAddress` within `feedbackWindowMinutes` the answer is 429
 *   with Retry-After.
 * - The answers, their count and average are read by everyone who may see
 *   the activity; links are created and feedback closed by whoever may
 *   change it (services/activity-access.ts).
 * - Audit: every write is an event on ('feedback', activity id): links
 *   created, an answer given or changed (no actor: the participant has no
 *   account), feedback closed.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import * as repo from '../../../db/activities/feedback.js';
import { visibleOrganisationIds, visiblePersonIds } from '../../../db/crm/partnerships.js';
import type { Database } from '../../../db/schema.js';
import { Conflict, Problem, TooManyRequests, ValidationFailed, accountLanguage, canSeePartnership, createMailer, describeMailError, digest, feedbackLinkEmail, newSecret, recordChange, scopeOf, words, type Caller, type Mailer, type Settings } from '../../platform/index.js';
import { isLocale, type Locale } from '../../../i18n/locales.js';
import type {
  ActivityFeedback,
  FeedbackAnswerInput,
  FeedbackForm,
  FeedbackLinksCreate,
  FeedbackLinksCreated,
  FeedbackSummary,
  FeedbackSummaryQuery
} from '../schemas/feedback.js';
import { readableActivity, writableActivity } from './activity-access.js';
import { activityYear } from './budgets.js';
import { withdrawnAmong } from '../../crm/index.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const LINK_DAYS = 30;
/** Attendance values of participants who were not there: no link by default. */
const ABSENT = new Set(['excused', 'no_show', 'no-show']);

/** 30 days after the activity ends, or after `now` when that is later. */
export function defaultExpiry(endsAt: string, now: Date, days = LINK_DAYS): string {
  const from = Math.max(Date.parse(endsAt), now.getTime());
  return new Date(from + days * DAY).toISOString();
}

/** Whether an answer may still be given or changed, and if not, why. */
export function linkState(expiresAt: string, closedAt: string | null, now: Date): { editable: boolean; closedReason: 'closed' | 'expired' | null } {
  if (closedAt) return { editable: false, closedReason: 'closed' };
  if (Date.parse(expiresAt) <= now.getTime()) return { editable: false, closedReason: 'expired' };
  return { editable: true, closedReason: null };
}

/** `sum / count` with two decimals, or null when there is nothing to divide. */
export function ratio(sum: number, count: number): number | null {
  return count ? Math.round((sum * 100) / count) / 100 : null;
}

/** The mean with two decimals, or null for no values. */
export function average(values: number[]): number | null {
  return ratio(values.reduce((a, b) => a + b, 0), values.length);
}

/** Seconds until the oldest request of the window leaves it (at least 1). */
export function retryAfterSeconds(oldest: string | null, now: Date, windowMs: number): number {
  if (!oldest) return Math.ceil(windowMs / 1000);
  return Math.max(1, Math.ceil((Date.parse(oldest) + windowMs - now.getTime()) / 1000));
}

function unknownLink(): Problem {
  return new Problem(404, 'Not found', words('problems_feedback_linkUnknown'), { errors: [] });
}

function day(instant: string): string {
  return instant.slice(0, 10);
}

function answerOf(link: { rating: number | null; comment: string | null; answered_at: string | null }) {
  return link.rating !== null && link.answered_at ? { rating: link.rating, comment: link.comment, answeredAt: link.answered_at } : null;
}

interface ParticipantRef {
  person_id: string | null;
  organisation_id: string | null;
}

/**
 * A participant's name as the caller may see it: the person's when the
 * caller sees the person, the organisation's when there is no person and
 * the caller sees the organisation, else null (as in the participants list).
 */
async function namesFor(db: Kysely<Database>, caller: Caller, rows: ParticipantRef[]): Promise<(row: ParticipantRef, name: string) => string | null> {
  const scope = scopeOf(caller);
  const [people, organisations] = await Promise.all([
    visiblePersonIds(db, scope, rows.flatMap((r) => (r.person_id ? [r.person_id] : []))),
    visibleOrganisationIds(db, scope, rows.flatMap((r) => (r.organisation_id ? [r.organisation_id] : [])))
  ]);
  return (row, name) => {
    if (row.person_id) return people.has(row.person_id) ? name : null;
    return row.organisation_id && organisations.has(row.organisation_id) ? name : null;
  };
}

type LinkEmail = FeedbackLinksCreated['items'][number]['email'];

export interface CreatedLinks extends Omit<FeedbackLinksCreated, 'items'> {
  items: { linkId: string; participantId: string; participantName: string | null; token: string; expiresAt: string; email: LinkEmail }[];
}

/** The language of a feedback e-mail: the account's, the person's, their region's, else the sender's. */
export function feedbackLanguage(recipient: Pick<repo.FeedbackRecipientRow, 'account_locale' | 'languages' | 'region_languages'>, sender: Locale): Locale {
  if (recipient.account_locale && isLocale(recipient.account_locale)) return recipient.account_locale;
  const spoken = [...recipient.languages, ...recipient.region_languages].map((l) => l.trim().toLowerCase().slice(0, 2)).find(isLocale);
  return spoken ?? sender;
}

/** A link's path: the token is the key. */
export function feedbackPath(token: string): string {
  return `/feedback/${token}`;
}

export class FeedbackService {
  private mailerInstance: Mailer | null | undefined;

  constructor(
    private readonly db: DB,
    private readonly settings: Settings,
    private readonly clock: () => Date = () => new Date()
  ) {}

  private get mailer(): Mailer | null {
    if (this.mailerInstance === undefined) this.mailerInstance = createMailer(this.settings);
    return this.mailerInstance;
  }

  /** Ends the mail server's connections (at shutdown). */
  closeMailer(): void {
    this.mailerInstance?.close();
    this.mailerInstance = undefined;
  }

  /** Counts one request to the public link from `address`; 429 past the limit. */
  async throttle(address: string): Promise<void> {
    const now = this.clock();
    const windowMs = this.settings.feedbackWindowMinutes * MINUTE;
    const since = new Date(now.getTime() - windowMs).toISOString();
    const key = `feedback:${address}`;
    const { count, oldest } = await repo.countRequests(this.db, key, since);
    if (count >= this.settings.feedbackMaxPerAddress) {
      throw new TooManyRequests(retryAfterSeconds(oldest, now, windowMs), words('problems_feedback_tooMany'));
    }
    await repo.recordRequest(this.db, key, now.toISOString(), since);
  }

  /** Creates the links, then e-mails them where it can; `origin` makes the links absolute. */
  async createLinks(caller: Caller, activityId: string, input: FeedbackLinksCreate, origin: string): Promise<CreatedLinks> {
    const stored = await this.storeLinks(caller, activityId, input);
    const mailer = input.sendEmails ? this.mailer : null;
    const sender = caller.locale ?? accountLanguage(null);
    const items: CreatedLinks['items'] = [];
    for (const link of stored.items) {
      const recipient = stored.recipients.get(link.participantId);
      const to = recipient?.emails[0] ?? null;
      const language = recipient ? feedbackLanguage(recipient, sender) : null;
      const none = (reason: NonNullable<LinkEmail['reason']>): LinkEmail => ({ status: 'none', to, reason, error: null, language: null });
      if (!to || !recipient) items.push({ ...link, email: none('no_address') });
      else if (!input.sendEmails) items.push({ ...link, email: none('not_asked') });
      else if (!mailer) items.push({ ...link, email: none('mail_off') });
      else {
        try {
          await mailer.send(
            feedbackLinkEmail({
              to,
              name: recipient.person_name ?? link.participantName ?? '',
              locale: language!,
              sender: caller.name,
              title: stored.activity.title,
              startsAt: stored.activity.starts_at,
              timeZone: stored.activity.time_zone,
              url: `${origin}${feedbackPath(link.token)}`,
              expiresAt: link.expiresAt
            })
          );
          items.push({ ...link, email: { status: 'sent', to, reason: null, error: null, language } });
        } catch (error) {
          items.push({ ...link, email: { status: 'failed', to, reason: null, error: describeMailError(error), language } });
        }
      }
    }
    const emailed = items.filter((i) => i.email.status !== 'none');
    if (emailed.length) {
      await recordChange(this.db, caller, 'feedback', activityId, null, { linksEmailed: emailed.map((i) => ({ linkId: i.linkId, participantId: i.participantId, status: i.email.status, language: i.email.language })) });
    }
    return { items, skipped: stored.skipped, emailConfigured: this.mailer !== null };
  }

  private async storeLinks(caller: Caller, activityId: string, input: FeedbackLinksCreate) {
    const now = this.clock();
    return this.db.transaction().execute(async (trx) => {
      const { activity } = await writableActivity(trx, caller, activityId);
      if (activity.feedback_closed_at) throw new Conflict('problems_feedback_closedNoLinks', { date: day(activity.feedback_closed_at) });
      if (input.expiresAt && Date.parse(input.expiresAt) <= now.getTime()) {
        throw new ValidationFailed([{ path: 'expiresAt', ...words('problems_feedback_field_futureMoment') }]);
      }
      const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : defaultExpiry(activity.ends_at, now);
      const participants = await repo.participantsOf(trx, activityId);
      const byId = new Map(participants.map((p) => [p.id, p]));
      let targets = participants.filter((p) => !ABSENT.has(p.attendance));
      if (input.participantIds) {
        const unknown = input.participantIds.map((id, i) => ({ id, i })).filter(({ id }) => !byId.has(id));
        if (unknown.length) throw new ValidationFailed(unknown.map(({ i }) => ({ path: `participantIds.${i}`, ...words('problems_feedback_field_notParticipant') })));
        targets = input.participantIds.map((id) => byId.get(id)!);
      }
      const existing = new Map((await repo.linksOf(trx, activityId)).map((l) => [l.participant_id, l]));
      const shown = await namesFor(trx, caller, targets);
      // a person who withdrew consent is sent nothing, feedback links included
      const withdrawn = await withdrawnAmong(trx, targets.flatMap((p) => (p.person_id ? [p.person_id] : [])));
      const created: Omit<CreatedLinks['items'][number], 'email'>[] = [];
      const skipped: CreatedLinks['skipped'] = [];
      const fresh: Parameters<typeof repo.insertLinks>[1] = [];
      for (const participant of targets) {
        if (participant.person_id && withdrawn.has(participant.person_id)) {
          skipped.push({ participantId: participant.id, participantName: shown(participant, participant.name), reason: 'consent_withdrawn' });
          continue;
        }
        const link = existing.get(participant.id);
        if (link && !input.reissue) {
          skipped.push({ participantId: participant.id, participantName: shown(participant, participant.name), reason: 'has_link' });
          continue;
        }
        const token = newSecret();
        const linkId = link?.id ?? newId();
        if (link) await repo.reissueLink(trx, link.id, digest(token), expiresAt);
        else fresh.push({ id: linkId, activity_id: activityId, participant_id: participant.id, token_hash: digest(token), expires_at: expiresAt, created_at: now.toISOString() });
        created.push({ linkId, participantId: participant.id, participantName: shown(participant, participant.name), token, expiresAt });
      }
      await repo.insertLinks(trx, fresh);
      if (created.length) {
        await recordChange(trx, caller, 'feedback', activityId, null, {
          linksSent: created.map((c) => ({ linkId: c.linkId, participantId: c.participantId, expiresAt: c.expiresAt, reissued: existing.has(c.participantId) }))
        });
      }
      const recipients = new Map((await repo.recipientsOf(trx, created.map((c) => c.participantId))).map((r) => [r.participant_id, r]));
      return { items: created, skipped, recipients, activity };
    });
  }

  private async feedbackOf(db: Kysely<Database>, caller: Caller, activityId: string, closedAt: string | null): Promise<ActivityFeedback> {
    const links = await repo.linksOf(db, activityId);
    const answered = links.filter((l) => answerOf(l) !== null);
    const shown = await namesFor(db, caller, answered);
    return {
      activityId,
      closedAt,
      linkCount: links.length,
      count: answered.length,
      average: average(answered.map((l) => l.rating!)),
      items: answered.map((l) => ({ participantId: l.participant_id, participantName: shown(l, l.participant_name), rating: l.rating!, comment: l.comment, answeredAt: l.answered_at! }))
    };
  }

  async ofActivity(caller: Caller, activityId: string): Promise<ActivityFeedback> {
    const { activity } = await readableActivity(this.db, caller, activityId);
    return this.feedbackOf(this.db, caller, activityId, activity.feedback_closed_at);
  }

  /** Closes the feedback: no answer can be given or changed any more. Closing twice changes nothing. */
  async close(caller: Caller, activityId: string): Promise<ActivityFeedback> {
    return this.db.transaction().execute(async (trx) => {
      const { activity } = await writableActivity(trx, caller, activityId);
      if (activity.feedback_closed_at) return this.feedbackOf(trx, caller, activityId, activity.feedback_closed_at);
      const at = this.clock().toISOString();
      await repo.closeFeedback(trx, activityId, at);
      await recordChange(trx, caller, 'feedback', activityId, { closedAt: null }, { closedAt: at });
      return this.feedbackOf(trx, caller, activityId, at);
    });
  }

  private toForm(link: NonNullable<Awaited<ReturnType<typeof repo.findLinkByTokenHash>>>): FeedbackForm {
    const state = linkState(link.expires_at, link.feedback_closed_at, this.clock());
    return {
      activity: {
        title: link.activity_title,
        startsAt: link.activity_starts_at,
        endsAt: link.activity_ends_at,
        timeZone: link.activity_time_zone,
        city: link.activity_city,
        country: link.activity_country
      },
      participantName: link.participant_name,
      answer: answerOf(link),
      ...state,
      expiresAt: link.expires_at,
      closedAt: link.feedback_closed_at
    };
  }

  /** What the holder of a link sees. */
  async form(token: string): Promise<FeedbackForm> {
    const link = await repo.findLinkByTokenHash(this.db, digest(token));
    if (!link) throw unknownLink();
    return this.toForm(link);
  }

  /** Gives or changes the participant's answer. */
  async answer(token: string, input: FeedbackAnswerInput): Promise<FeedbackForm> {
    return this.db.transaction().execute(async (trx) => {
      const link = await repo.findLinkByTokenHash(trx, digest(token));
      if (!link) throw unknownLink();
      const now = this.clock();
      const state = linkState(link.expires_at, link.feedback_closed_at, now);
      if (state.closedReason === 'closed') {
        throw new Conflict('problems_feedback_closed', { title: link.activity_title, date: day(link.feedback_closed_at!) });
      }
      if (state.closedReason === 'expired') {
        throw new Problem(410, 'Gone', words('problems_feedback_expired', { date: day(link.expires_at) }), { errors: [] });
      }
      const answer = { rating: input.rating, comment: input.comment, answeredAt: now.toISOString() };
      await repo.saveAnswer(trx, link.id, answer);
      await recordChange(trx, null, 'feedback', link.activity_id, { linkId: link.id, participantId: link.participant_id, answer: answerOf(link) }, { linkId: link.id, participantId: link.participant_id, answer });
      return this.toForm({ ...link, rating: answer.rating, comment: answer.comment, answered_at: answer.answeredAt });
    });
  }

  /** Averages per activity the caller may see, and over all of them. */
  async summary(caller: Caller, query: FeedbackSummaryQuery): Promise<FeedbackSummary> {
    const empty: FeedbackSummary = { items: [], overall: { activityCount: 0, count: 0, average: null, averageOfActivities: null } };
    if (query.partnershipId && !canSeePartnership(caller, query.partnershipId)) return empty;
    const year = query.year;
    const rows = await repo.feedbackStats(this.db, scopeOf(caller), {
      partnershipId: query.partnershipId,
      startsFrom: year === undefined ? undefined : `${year - 1}-12-31`,
      startsBefore: year === undefined ? undefined : `${year + 1}-01-02`
    });
    const inYear = year === undefined ? rows : rows.filter((r) => activityYear(r.starts_at, r.time_zone) === year);
    const stats = inYear.map((r) => ({ row: r, count: Number(r.answer_count), sum: Number(r.rating_sum ?? 0) }));
    const count = stats.reduce((n, s) => n + s.count, 0);
    const sum = stats.reduce((n, s) => n + s.sum, 0);
    const means = stats.filter((s) => s.count > 0).map((s) => s.sum / s.count);
    return {
      items: stats.map(({ row, count, sum }) => ({
        activityId: row.id,
        title: row.title,
        startsAt: row.starts_at,
        linkCount: Number(row.link_count),
        count,
        average: ratio(sum, count)
      })),
      overall: {
        activityCount: stats.length,
        count,
        average: ratio(sum, count),
        averageOfActivities: ratio(means.reduce((a, b) => a + b, 0), means.length)
      }
    };
  }
}
