/**
 * The record of processing activities (GDPR Art. 30), generated from the
 * data model, the data and the settings. Keys name each entry; the web and
 * the Word file word them in the reader's language.
 */
import { z } from 'zod';
import { Id } from '../../platform/schemas/common.js';
import { LawfulBasis } from '../../crm/schemas/people.js';

export const PersonCategory = z.enum(['stakeholders', 'participants', 'users']);
export const DataCategory = z.enum(['identity', 'contact', 'interests', 'interactions', 'participations', 'feedback', 'consent', 'accounts', 'audit']);
export const Purpose = z.enum(['cooperation', 'activities', 'funding', 'annualCycle', 'accountability']);
export const Measure = z.enum(['access', 'passwords', 'sessions', 'signInThrottle', 'cookies', 'audit', 'mailTransport', 'singleSignOn', 'retentionReview', 'consentWithdrawal']);

/** `lang`: the Word file's language; without it, the reader's account language */
export const ProcessingRecordQuery = z.strictObject({ lang: z.enum(['en', 'de', 'nl']).optional() });

export const ProcessingRecord = z
  .object({
    generatedAt: z.string(),
    /** people of each kind: stakeholders (people records), participants (distinct people who took part in activities), users (active accounts) */
    categoriesOfPeople: z.array(z.object({ key: PersonCategory, count: z.number().int() })),
    /** each category of personal data with the data model's fields and how many records hold it */
    categoriesOfData: z.array(z.object({ key: DataCategory, fields: z.array(z.string()), count: z.number().int() })),
    /** each purpose with how many records serve it */
    purposes: z.array(z.object({ key: Purpose, count: z.number().int() })),
    /** people per lawful basis (every basis, also those with none), and the state of consent */
    lawfulBases: z.array(z.object({ basis: LawfulBasis, count: z.number().int() })),
    consent: z.object({ given: z.number().int(), withdrawn: z.number().int() }),
    /** the partner regions the data is shared with: each partnership's parties (those the reader may see) */
    recipients: z.array(z.object({ partnershipId: Id, title: z.string(), parties: z.array(z.object({ region: z.string(), country: z.string(), organisation: z.string() })) })),
    retention: z.object({ months: z.number().int(), dueForReview: z.number().int() }),
    /** technical and organisational measures, each with the value the settings give it (null where none applies) */
    measures: z.array(z.object({ key: Measure, value: z.string().nullable() }))
  })
  .meta({ id: 'ProcessingRecord' });
export type ProcessingRecord = z.infer<typeof ProcessingRecord>;
