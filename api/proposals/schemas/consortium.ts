/**
 * The consortium of a proposal: organisations from any region (third
 * partners too) with their role (exactly one lead, partners, associated
 * partners), budget and co-financing rate, and what each must raise itself
 * (the seed's "Kofinanzierungsbedarf"). Money travels as decimal strings
 * and integer cents (schemas/costs.ts `Money`); rates as decimal fractions
 * ("0.6" is 60 %).
 */
import { z } from 'zod';
import { Id, type ProblemKey } from '../../platform/schemas/common.js';
import { Money, normaliseRate, parseDecimal } from '../../platform/schemas/money.js';

const FRACTION: ProblemKey = 'problems_proposals_field_rateFraction';

/** Whether a rate reads as a number above 1 (a percentage or an exchange rate typed where a fraction belongs). */
function aboveOne(value: string | number): boolean {
  const parsed = parseDecimal(value);
  return !('error' in parsed) && parsed.value > 10n ** BigInt(parsed.scale);
}

export const ConsortiumRole = z.enum(['lead', 'partner', 'associated']);
export type ConsortiumRole = z.infer<typeof ConsortiumRole>;

/** A co-financing rate as a fraction, 0 < rate ≤ 1, at most four decimals ("0.6", "0.85", "0.4") */
export const CofinancingRate = z
  .union([z.string().max(20), z.number()])
  .transform((value, ctx) => {
    const rate = normaliseRate(value);
    if (typeof rate !== 'string') {
      ctx.addIssue({ code: 'custom', message: aboveOne(value) ? FRACTION : rate.error, input: value });
      return z.NEVER;
    }
    const [whole, decimals = ''] = rate.split('.');
    if (Number(whole) > 1 || (whole === '1' && decimals !== '')) {
      ctx.addIssue({ code: 'custom', message: FRACTION, input: value });
      return z.NEVER;
    }
    if (decimals.length > 4) {
      ctx.addIssue({ code: 'custom', message: 'problems_proposals_field_rateDecimals' satisfies ProblemKey, input: value });
      return z.NEVER;
    }
    return rate;
  })
  .meta({ description: 'A fraction of the eligible costs, 0 < rate ≤ 1, e.g. "0.6" for 60 %', examples: ['0.6'] });

const fields = {
  /** an organisation the caller may see, from any region */
  organisationId: Id,
  role: ConsortiumRole,
  budget: Money,
  /** the partner's own rate; null for the call's (else the programme's) */
  cofinancingRate: CofinancingRate.nullable()
};

export const ConsortiumMemberCreate = z.strictObject({
  ...fields,
  role: fields.role.default('partner'),
  budget: fields.budget.default(0),
  cofinancingRate: fields.cofinancingRate.default(null)
});
export type ConsortiumMemberCreate = z.infer<typeof ConsortiumMemberCreate>;

/** Only the fields sent change; to swap the organisation, remove the member and add another. */
const { organisationId: _organisationId, ...changeable } = fields;
export const ConsortiumMemberPatch = z.strictObject(changeable).partial();
export type ConsortiumMemberPatch = z.infer<typeof ConsortiumMemberPatch>;

export const ConsortiumMemberParams = z.strictObject({ id: Id, memberId: Id });

export const RateSource = z.enum(['partner', 'call', 'programme', 'none']);

export const ConsortiumMember = z
  .object({
    id: Id,
    proposalId: Id,
    organisationId: Id,
    /** name, region and country only when the caller may see the organisation */
    organisationName: z.string().nullable(),
    regionName: z.string().nullable(),
    country: z.string().nullable(),
    role: ConsortiumRole,
    budget: z.string(),
    budgetCents: z.number().int(),
    /** the partner's own rate, or null */
    cofinancingRate: z.string().nullable(),
    /** the rate that counts, and where it comes from */
    effectiveRate: z.string().nullable(),
    rateSource: RateSource,
    euContributionCents: z.number().int(),
    /** what the partner must raise itself (Kofinanzierungsbedarf) */
    ownContributionCents: z.number().int(),
    version: z.number().int()
  })
  .meta({ id: 'ConsortiumMember' });
export type ConsortiumMember = z.infer<typeof ConsortiumMember>;

export const ConsortiumWarning = z.object({
  code: z.enum(['below_minimum', 'above_maximum', 'no_lead', 'no_rate']),
  /** the values the message is made with (amounts and names as the reader's language writes them) */
  params: z.record(z.string(), z.unknown()),
  /** the warning in the reader's language */
  message: z.string(),
  memberId: Id.nullable()
});

export const Consortium = z
  .object({
    proposalId: Id,
    callId: Id.nullable(),
    /** what the call (and its programme) say */
    terms: z.object({
      callRate: z.string().nullable(),
      programmeRate: z.string().nullable(),
      minContributionCents: z.number().int().nullable(),
      maxContributionCents: z.number().int().nullable()
    }),
    /** lead first, then partners and associated partners by name */
    members: z.array(ConsortiumMember),
    totals: z.object({ budgetCents: z.number().int(), euContributionCents: z.number().int(), ownContributionCents: z.number().int() }),
    /** checks that do not refuse anything: limits of the call, a missing lead or rate */
    warnings: z.array(ConsortiumWarning)
  })
  .meta({ id: 'Consortium' });
export type Consortium = z.infer<typeof Consortium>;

export const ConsortiumChange = z
  .object({ member: ConsortiumMember, consortium: Consortium })
  .meta({ id: 'ConsortiumChange' });
export type ConsortiumChange = z.infer<typeof ConsortiumChange>;
