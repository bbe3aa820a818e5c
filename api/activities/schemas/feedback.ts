/**
 * Participant feedback on an activity: personal links (no account needed),
 * one answer per participant (a rating 1–5 and a comment), and averages.
 */
import { z } from 'zod';
import { Id, Instant, OptionalText, says } from '../../platform/schemas/common.js';
import { noDuplicates } from '../../crm/schemas/organisations.js';
import { UiLocale } from '../../platform/schemas/auth.js';

export const FeedbackLinksCreate = z.strictObject({
  /** the participants to invite; default: every participant not marked excused or no-show */
  participantIds: z.array(Id).min(1).max(500).superRefine(noDuplicates((id) => id, 'problems_activity_field_participantTwice')).optional(),
  /** default: 30 days after the activity ends, or after now when that is later */
  expiresAt: Instant.optional(),
  /** replace the links these participants already have (the old ones stop working; answers stay) */
  reissue: z.boolean().default(false),
  /** e-mail each link to the participant's address, where there is one (false: every link is shown to hand over) */
  sendEmails: z.boolean().default(true)
});
export type FeedbackLinksCreate = z.infer<typeof FeedbackLinksCreate>;

export const FeedbackLinksCreated = z
  .object({
    /** the personal links; shown only here, only once (stored hashed) */
    items: z.array(
      z.object({
        linkId: Id,
        participantId: Id,
        /** null when the caller may not see the person (or organisation) */
        participantName: z.string().nullable(),
        /** `/feedback/<token>` */
        path: z.string(),
        url: z.string(),
        expiresAt: z.string(),
        /**
         * the e-mail with this link: `sent` when the mail server accepted it
         * (not proof that it arrived), `failed` when the server refused it or
         * could not be reached (`error` says what it answered), `none` when
         * nothing was sent (`reason`). Hand over every link not `sent`.
         */
        email: z.object({
          status: z.enum(['sent', 'failed', 'none']),
          to: z.string().nullable(),
          reason: z.enum(['no_address', 'not_asked', 'mail_off']).nullable(),
          error: z.string().nullable(),
          /** the language of the e-mail (see the service for how it is chosen) */
          language: UiLocale.nullable()
        })
      })
    ),
    /** whether this server sends e-mail at all (REGIODESK_SMTP_URL or REGIODESK_SMTP_HOST) */
    emailConfigured: z.boolean(),
    /** participants that already had a link (send `reissue: true` to replace it), or whose consent was withdrawn (no link is ever made for them) */
    skipped: z.array(z.object({ participantId: Id, participantName: z.string().nullable(), reason: z.enum(['has_link', 'consent_withdrawn']) }))
  })
  .meta({ id: 'FeedbackLinksCreated' });
export type FeedbackLinksCreated = z.infer<typeof FeedbackLinksCreated>;

export const FeedbackAnswerInput = z.strictObject({
  rating: z
    .number(says('problems_feedback_field_rating'))
    .int(says('problems_feedback_field_ratingWhole'))
    .min(1, says('problems_feedback_field_rating'))
    .max(5, says('problems_feedback_field_rating')),
  comment: OptionalText(2000).default(null)
});
export type FeedbackAnswerInput = z.infer<typeof FeedbackAnswerInput>;

export const FeedbackAnswer = z.object({ rating: z.number().int(), comment: z.string().nullable(), answeredAt: z.string() });

/** What the person holding a link sees: no account needed. */
export const FeedbackForm = z
  .object({
    activity: z.object({
      title: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      timeZone: z.string(),
      city: z.string().nullable(),
      country: z.string().nullable()
    }),
    participantName: z.string(),
    answer: FeedbackAnswer.nullable(),
    /** false once the feedback is closed or the link has expired */
    editable: z.boolean(),
    /** why it is no longer editable */
    closedReason: z.enum(['closed', 'expired']).nullable(),
    expiresAt: z.string(),
    closedAt: z.string().nullable()
  })
  .meta({ id: 'FeedbackForm' });
export type FeedbackForm = z.infer<typeof FeedbackForm>;

export const TokenParam = z.strictObject({ token: z.string().min(1).max(200) });

export const ActivityFeedback = z
  .object({
    activityId: Id,
    closedAt: z.string().nullable(),
    /** personal links sent */
    linkCount: z.number().int(),
    /** answers received */
    count: z.number().int(),
    /** two decimals; null without answers */
    average: z.number().nullable(),
    items: z.array(
      z.object({
        participantId: Id,
        /** null when the caller may not see the person (or organisation) */
        participantName: z.string().nullable(),
        rating: z.number().int(),
        comment: z.string().nullable(),
        answeredAt: z.string()
      })
    )
  })
  .meta({ id: 'ActivityFeedback' });
export type ActivityFeedback = z.infer<typeof ActivityFeedback>;

export const FeedbackSummaryQuery = z.strictObject({
  partnershipId: Id.optional(),
  /** the year the activity starts in, at its own place */
  year: z.coerce.number().int().min(2000).max(2100).optional()
});
export type FeedbackSummaryQuery = z.infer<typeof FeedbackSummaryQuery>;

export const FeedbackSummary = z
  .object({
    /** activities with feedback links or answers, newest first */
    items: z.array(
      z.object({
        activityId: Id,
        title: z.string(),
        startsAt: z.string(),
        linkCount: z.number().int(),
        count: z.number().int(),
        average: z.number().nullable()
      })
    ),
    overall: z.object({
      activityCount: z.number().int(),
      count: z.number().int(),
      /** over all answers */
      average: z.number().nullable(),
      /** the mean of the activities' averages (each activity weighs the same) */
      averageOfActivities: z.number().nullable()
    })
  })
  .meta({ id: 'FeedbackSummary' });
export type FeedbackSummary = z.infer<typeof FeedbackSummary>;
