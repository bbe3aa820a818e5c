/**
 * The agreement's obligations watched per partnership and year: mutual
 * visits at administrative level (Art. 2.2 §3), the evaluation in its month,
 * next year's work plan in its month, contact persons named, first-to-inform
 * honoured (Art. 2.3), and the agreement's end, notice and renewal dates.
 */
import { z } from 'zod';
import { Id } from '../../platform/schemas/common.js';
import { Year } from './work-plans.js';

export const ObligationCode = z.enum(['visits', 'evaluation', 'work_plan', 'contact_persons', 'first_to_inform', 'agreement_end', 'notice', 'renewal']);
export type ObligationCode = z.infer<typeof ObligationCode>;

export const ObligationState = z.enum(['green', 'amber', 'red']);
export type ObligationState = z.infer<typeof ObligationState>;

export const Obligation = z.object({
  code: ObligationCode,
  state: ObligationState,
  /** a sentence a person can act on, in the reader's language, worded from `code`, `state` and `facts` (the web shows it) */
  reason: z.string(),
  /** the web page that fixes it, e.g. /partnerships/…/workplans/2027 */
  link: z.string(),
  /** the numbers and dates behind the state, e.g. { required: 2, held: 1, planned: 1 } or { dueOn: '2026-11-30' } */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
});
export type Obligation = z.infer<typeof Obligation>;

/** The agreement's term: its start day and the last day in force (the end date, or earlier after notice); null when not recorded. */
export const AgreementTerm = z.object({ startsOn: z.string().nullable(), endsOn: z.string().nullable() });
export type AgreementTerm = z.infer<typeof AgreementTerm>;

export const Obligations = z
  .object({
    partnershipId: Id,
    year: z.number().int(),
    checkedOn: z.string(),
    /** false when no day of `year` lies in the agreement's term: then only what applies whatever the year (contact persons, the agreement's dates) is listed */
    inForce: z.boolean(),
    term: AgreementTerm,
    items: z.array(Obligation)
  })
  .meta({ id: 'Obligations' });
export type Obligations = z.infer<typeof Obligations>;

export const ObligationsQuery = z.strictObject({ year: Year.optional() });
export type ObligationsQuery = z.infer<typeof ObligationsQuery>;
