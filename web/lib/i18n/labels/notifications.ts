/**
 * Words for the values the notifications screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { NotificationKind } from '$api/funding/schemas/notifications';
import { m } from '$i18n/paraglide/messages.js';

/** `notifications.email.*` */
export const notificationsEmail = {
  pending: m.notifications_email_pending,
  sending: m.notifications_email_sending,
  sent: m.notifications_email_sent,
  failed: m.notifications_email_failed
};

/** `notifications.kinds.*` */
export const notificationsKinds: Record<NotificationKind, () => string> = {
  deadline_reminder: m.notifications_kinds_deadline_reminder,
  deadline_changed: m.notifications_kinds_deadline_changed,
  saved_search_digest: m.notifications_kinds_saved_search_digest,
  milestone_reminder: m.notifications_kinds_milestone_reminder
};
