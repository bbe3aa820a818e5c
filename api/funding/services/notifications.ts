/**
 * In-app notifications, and telling watchers that a call changed.
 *
 * - A notification belongs to one user; only that user lists it, marks it
 *   read (someone else's, or an unknown id, is 404). Newest first, with the
 *   count of unread ones.
 * - `notifyWatchers(trx, callId, text, link)` tells everyone watching the
 *   call, each in their account language and zone (`text(locale, zone)`,
 *   the zone of their reminder settings, Brussels by default: the notice is
 *   written when it is made, as the email copy and the erasure of a
 *   person's name work on the stored text), inside the caller's transaction (so the notice exists exactly when
 *   the change does). Watchers who take email (the default) also get it by
 *   email: the copy is queued (`email_status` pending) and sent by the next
 *   reminder run, which retries failures (reminders.ts).
 * - `notifyDeadlineChange(trx, callId, before, after)` words a deadline
 *   change ("The deadline changed from … to …", each instant in the zone it
 *   was published in and, beside it, in the watcher's own when that
 *   differs) and hands it to notifyWatchers. The portal import and
 *   the calls API call it where they record a row in call_deadline_changes.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import * as repo from '../../../db/platform/notifications.js';
import { findCall } from '../../../db/funding/calls.js';
import { watchersOf } from '../../../db/funding/watches.js';
import type { Database } from '../../../db/schema.js';
import { accountLanguage, NotFound, type Caller } from '../../platform/index.js';
import type { Locale } from '../../../i18n/locales.js';
import { m } from '../../../i18n/paraglide-server/messages.js';
import type { Notification, NotificationKind, NotificationListQuery, NotificationPage } from '../schemas/notifications.js';
import { type DeadlineSnapshot, deadlineChangeSentences } from '../rules/deadline-wording.js';

type NotificationRow = NonNullable<Awaited<ReturnType<typeof repo.findNotification>>>;

/** the zone a watcher without reminder settings reads deadlines in: the settings' default (deadlines/schemas/reminders.ts) */
const READER_ZONE = 'Europe/Brussels';

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    text: row.text,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
    email: row.email_status as Notification['email']
  };
}

/** The web page of a call, as notifications link to it. */
export function callLink(callId: string): string {
  return `/calls/${callId}`;
}

/**
 * Tells every watcher of the call (in the app, and by email to those who
 * take it). Runs inside the caller's transaction. Returns how many were told.
 */
export async function notifyWatchers(
  trx: Kysely<Database>,
  callId: string,
  text: string | ((locale: Locale, zone: string) => string),
  link: string | null = callLink(callId),
  kind: NotificationKind = 'deadline_changed',
  at: string = new Date().toISOString()
): Promise<number> {
  const watchers = await watchersOf(trx, callId);
  const stored = await repo.insertNotifications(
    trx,
    watchers.map((w) => ({
      id: newId(),
      user_id: w.user_id,
      kind,
      text: typeof text === 'string' ? text : text(accountLanguage(w.user_locale), w.time_zone || READER_ZONE),
      link,
      created_at: at,
      read_at: null,
      email_status: w.email === 0 ? null : 'pending',
      email_error: null,
      emailed_at: null,
      dedupe_key: null
    }))
  );
  return stored.length;
}

/**
 * Words a change of a call's deadlines and tells its watchers; nothing
 * happens when the deadlines are the same. `before` and `after` are the
 * snapshots kept in call_deadline_changes. Returns how many were told.
 */
export async function notifyDeadlineChange(
  trx: Kysely<Database>,
  callId: string,
  before: DeadlineSnapshot[],
  after: DeadlineSnapshot[],
  at: string = new Date().toISOString()
): Promise<number> {
  if (!deadlineChangeSentences(before, after)) return 0;
  const call = await findCall(trx, callId);
  if (!call) return 0;
  const text = (locale: Locale, zone: string) =>
    m.notices_callChanged({ identifier: call.identifier, title: call.title, change: deadlineChangeSentences(before, after, locale, zone)! }, { locale });
  return notifyWatchers(trx, callId, text, callLink(callId), 'deadline_changed', at);
}

export class NotificationService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  async list(caller: Caller, query: NotificationListQuery): Promise<NotificationPage> {
    const page = await repo.listNotifications(this.db, caller.userId, { unread: query.unread }, { limit: query.limit, cursor: query.cursor ?? null, direction: 'desc' });
    return { items: page.items.map(toNotification), nextCursor: page.nextCursor, unreadCount: await repo.countUnread(this.db, caller.userId) };
  }

  async markRead(caller: Caller, id: string): Promise<Notification> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await repo.findNotification(trx, caller.userId, id))) throw new NotFound('notification');
      await repo.markRead(trx, caller.userId, id, this.clock().toISOString());
      return toNotification(await repo.getNotification(trx, caller.userId, id));
    });
  }

  async markAllRead(caller: Caller): Promise<{ marked: number; unreadCount: number }> {
    const marked = await repo.markAllRead(this.db, caller.userId, this.clock().toISOString());
    return { marked, unreadCount: await repo.countUnread(this.db, caller.userId) };
  }
}
