/**
 * A person's rights: the access log, what the caller may do, and the export
 * (everything held about one person, GDPR Art. 15 and 20).
 */
import { z } from 'zod';
import { AuditEventSchema, Id } from '../../platform/schemas/common.js';
import { LawfulBasis, Person } from '../../crm/schemas/people.js';

const UserRef = z.object({ id: z.string(), name: z.string() });

export const PersonRead = z.object({ at: z.string(), user: UserRef.extend({ email: z.string() }) }).meta({ id: 'PersonRead' });

export const PersonReads = z
  .object({ items: z.array(PersonRead), windowMinutes: z.number().int().meta({ description: 'A user’s reads of the person within this many minutes are logged once' }) })
  .meta({ id: 'PersonReads' });
export type PersonReads = z.infer<typeof PersonReads>;

export const PersonRights = z
  .object({
    export: z.boolean().meta({ description: 'May export the person’s data (writers of their partnerships)' }),
    erase: z.boolean().meta({ description: 'May erase the person (the same writers)' }),
    accessLog: z.boolean().meta({ description: 'May read who viewed the record (system administrators)' })
  })
  .meta({ id: 'PersonRights' });
export type PersonRights = z.infer<typeof PersonRights>;

/** `lang`: the Word document's language; without it, the reader's account language */
export const PersonExportQuery = z.strictObject({ lang: z.enum(['en', 'de', 'nl']).optional() });

const ConsentState = z.object({ lawfulBasis: LawfulBasis, consentDate: z.string().nullable(), consentSource: z.string().nullable() });

export const PersonExport = z
  .object({
    format: z.literal('regiodesk-person-export/1'),
    exportedAt: z.string(),
    exportedBy: UserRef,
    person: Person,
    consent: z.object({
      current: ConsentState,
      history: z.array(ConsentState.extend({ at: z.string(), by: z.string().nullable() })).meta({ description: 'Each recorded state of the lawful basis and consent, oldest first' }),
      events: z
        .array(z.object({ event: z.enum(['given', 'withdrawn']), onDate: z.string(), how: z.string(), at: z.string(), by: z.string().nullable() }))
        .meta({ description: 'Consent given and withdrawn, as recorded (when, how, by whom), oldest first' })
    }),
    keptAfterReview: z
      .array(z.object({ decidedAt: z.string(), reason: z.string(), by: z.string().nullable() }))
      .meta({ description: 'Decisions of the retention review to keep the person, with their reasons' }),
    interactions: z.array(
      z.object({
        id: Id,
        kind: z.string(),
        occurredAt: z.string(),
        summary: z.string(),
        organisationName: z.string().nullable(),
        partnershipTitle: z.string().nullable(),
        authorName: z.string().nullable()
      })
    ),
    participations: z.array(
      z.object({
        id: Id,
        activityId: Id,
        activityTitle: z.string(),
        activityType: z.string(),
        startsAt: z.string(),
        endsAt: z.string(),
        city: z.string().nullable(),
        role: z.string(),
        attendance: z.string(),
        organisationName: z.string().nullable()
      })
    ),
    feedback: z.array(
      z.object({ activityId: Id, activityTitle: z.string(), rating: z.number().nullable(), comment: z.string().nullable(), answeredAt: z.string().nullable(), linkCreatedAt: z.string() })
    ),
    tasks: z.array(
      z.object({ id: Id, kind: z.string(), title: z.string(), description: z.string().nullable(), dueOn: z.string(), status: z.string(), result: z.string().nullable(), ownerName: z.string().nullable() })
    ),
    workPlanItems: z.array(z.object({ id: Id, title: z.string(), status: z.string(), year: z.number().int(), partnershipTitle: z.string() })),
    contactPersonOf: z.array(z.object({ partnershipId: Id, partnershipTitle: z.string(), organisationName: z.string() })),
    auditEvents: z.array(AuditEventSchema).meta({ description: 'Events of the person record and of every record whose snapshots name the person, oldest first' }),
    accessLog: z.array(PersonRead),
    changedBy: z.array(UserRef.extend({ changes: z.number().int(), lastAt: z.string() })).meta({ description: 'Users who created or changed the person record' })
  })
  .meta({ id: 'PersonExport' });
export type PersonExport = z.infer<typeof PersonExport>;
