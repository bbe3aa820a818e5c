/**
 * The overview: the officer's cockpit in one read. What needs the caller now
 * (their overdue and due-soon tasks, approvals waiting for their party,
 * obligations amber or red this year, the next step of each partnership's
 * cycle), what is coming (late milestones, then deadlines and milestones of
 * the next 30 days in the reader's zone with the published one beside),
 * what changed since the last visit (unread notifications, edits by the
 * other party's people on the work plans and evaluations) and which quick
 * actions the caller's roles allow.
 */
import { z } from 'zod';
import { Task } from '../../activities/schemas/tasks.js';
import { Obligation } from '../../cycle/schemas/obligations.js';
import { CycleStepKind } from '../../cycle/schemas/cycle.js';
import { DeadlineDashboardItem } from '../../deadlines/schemas/deadlines.js';
import { TimeZone } from '../../deadlines/schemas/reminders.js';
import { Notification } from '../../funding/schemas/notifications.js';
import { Id } from '../../platform/schemas/common.js';

export const OverviewQuery = z.strictObject({
  /** the reader's IANA zone for what is coming; default the caller's reminder settings, else Europe/Brussels */
  zone: TimeZone.optional()
});
export type OverviewQuery = z.infer<typeof OverviewQuery>;

const PartnershipRef = z.object({ id: Id, title: z.string() });

export const CycleDocumentType = z.enum(['work_plan', 'evaluation']);
export type CycleDocumentType = z.infer<typeof CycleDocumentType>;

export const WaitingApproval = z.object({
  documentType: CycleDocumentType,
  id: Id,
  partnership: PartnershipRef,
  year: z.number().int(),
  /** the caller's parties that have not approved yet */
  parties: z.array(z.object({ id: Id, organisationName: z.string() })),
  /** the page where it is approved */
  link: z.string()
});

export const ObligationWarning = z.object({ partnership: PartnershipRef, year: z.number().int(), obligation: Obligation });

export const NextCycleStep = z.object({
  partnership: PartnershipRef,
  kind: CycleStepKind,
  /** the day the step falls due */
  nextOn: z.string(),
  /** the year the step is about (evaluation: that year; work plan: the year after) */
  subjectYear: z.number().int(),
  link: z.string()
});

export const LateMilestone = z.object({
  id: Id,
  title: z.string(),
  kind: z.string(),
  dueOn: z.string(),
  dueTime: z.string().nullable(),
  /** whole days since the due date */
  daysLate: z.number().int(),
  proposal: z.object({ id: Id, acronym: z.string(), title: z.string(), partnershipId: Id })
});

export const PartnerEdit = z.object({
  documentType: CycleDocumentType,
  id: Id,
  partnership: PartnershipRef,
  year: z.number().int(),
  /** who of the other party changed it, latest first */
  editors: z.array(z.string()),
  edits: z.number().int(),
  lastAt: z.string(),
  link: z.string()
});

export const Overview = z
  .object({
    /** the day the cockpit was read for (UTC), `YYYY-MM-DD` */
    today: z.string(),
    /** the reader's zone used for `coming[].reader` */
    timeZone: z.string(),
    /** where "since your last visit" starts; `firstVisit`: the last seven days, before the first reading */
    since: z.string(),
    firstVisit: z.boolean(),
    needsYou: z.object({
      /** the caller's open tasks due within 7 days or overdue, soonest due first (at most 20); `more` when there are others */
      tasks: z.array(Task),
      moreTasks: z.boolean(),
      approvals: z.array(WaitingApproval),
      obligations: z.array(ObligationWarning),
      nextSteps: z.array(NextCycleStep)
    }),
    coming: z.object({
      /** milestones not done after their day, longest overdue first (at most 20) */
      late: z.array(LateMilestone),
      /** call deadlines and milestones of the next 30 days, soonest first (at most 20) */
      items: z.array(DeadlineDashboardItem),
      moreItems: z.boolean()
    }),
    changed: z.object({
      unreadCount: z.number().int(),
      /** the newest unread notifications (at most 5) */
      notifications: z.array(Notification),
      partnerEdits: z.array(PartnerEdit)
    }),
    /** the quick actions the caller's roles allow (writers of a partnership: log a trip, an interaction, a candidate project) */
    mayWrite: z.boolean()
  })
  .meta({ id: 'Overview' });
export type Overview = z.infer<typeof Overview>;
