/**
 * Participants of an activity: a person, an organisation or both (a person
 * named alone brings their organisation along), each with a role and an
 * attendance. The same person (or, without a person, the same organisation)
 * takes part once per role.
 */
import { z } from 'zod';
import { Id, type ProblemKey } from '../../platform/schemas/common.js';
import { OrganisationKind } from '../../crm/schemas/organisations.js';

export const ParticipantRole = z.enum(['delegate', 'host', 'speaker', 'organiser', 'guest']);
export const Attendance = z.enum(['invited', 'confirmed', 'attended', 'excused', 'no_show']);

/** the catalogue message when a participant names neither a person nor an organisation */
export const PARTICIPANT_MISSING = 'problems_participant_field_missing' satisfies ProblemKey;

export const ParticipantCreate = z
  .strictObject({
    personId: Id.nullable().default(null),
    /** filled in from the person when only personId is given */
    organisationId: Id.nullable().default(null),
    role: ParticipantRole,
    attendance: Attendance.default('invited')
  })
  .superRefine((value, ctx) => {
    if (value.personId === null && value.organisationId === null) ctx.addIssue({ code: 'custom', path: ['personId'], message: PARTICIPANT_MISSING, input: value });
  });
export type ParticipantCreate = z.infer<typeof ParticipantCreate>;

/** Role, attendance or the organisation the person takes part for; to change the person, remove and add. */
export const ParticipantPatch = z
  .strictObject({
    organisationId: Id.nullable(),
    role: ParticipantRole,
    attendance: Attendance
  })
  .partial();
export type ParticipantPatch = z.infer<typeof ParticipantPatch>;

export const Participant = z
  .object({
    id: Id,
    activityId: Id,
    personId: z.string().nullable(),
    /** null when the caller may not see the person */
    personName: z.string().nullable(),
    personFunction: z.string().nullable(),
    organisationId: z.string().nullable(),
    /** null when the caller may not see the organisation */
    organisationName: z.string().nullable(),
    organisationKind: OrganisationKind.nullable(),
    regionId: z.string().nullable(),
    regionName: z.string().nullable(),
    role: ParticipantRole,
    attendance: Attendance,
    /** the person was erased: the participation stays, anonymous, and still counts */
    erased: z.boolean(),
    version: z.number().int(),
    createdAt: z.string()
  })
  .meta({ id: 'Participant' });
export type Participant = z.infer<typeof Participant>;

export const ParticipantList = z.object({ items: z.array(Participant) }).meta({ id: 'ParticipantList' });

export const ParticipantParam = z.strictObject({ id: Id, participantId: Id });

