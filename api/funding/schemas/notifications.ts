/**
 * In-app notifications: deadline reminders, deadline changes of watched
 * calls, saved-search digests and milestone reminders, each possibly with
 * an email copy.
 */
import { z } from 'zod';
import { Id, Limit } from '../../platform/schemas/common.js';

export const NotificationKind = z.enum(['deadline_reminder', 'deadline_changed', 'saved_search_digest', 'milestone_reminder']);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z
  .object({
    id: Id,
    kind: NotificationKind,
    text: z.string(),
    /** where in the app it leads, e.g. /calls/{id} */
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
    /** the email copy: null when there is none; pending and failed ones are (re)tried by the next reminder run */
    email: z.enum(['pending', 'sending', 'sent', 'failed']).nullable()
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.strictObject({
  limit: Limit,
  cursor: z.string().max(500).optional(),
  /** only the unread ones */
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional()
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationPage = z.object({
  items: z.array(Notification),
  nextCursor: z.string().nullable(),
  /** all of the caller's unread notifications, not just this page's */
  unreadCount: z.number().int()
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const ReadAll = z.object({ marked: z.number().int(), unreadCount: z.number().int() });
