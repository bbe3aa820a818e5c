/**
 * Partnerships: a cooperation between regions under an agreement — parties,
 * dates and notice, domains (Art. 2.1), forms (Art. 2.2), obligations
 * (Art. 2.2, 2.3, 2.5), network memberships (Art. 2.4), contact persons
 * (Art. 2.6) and the renewal chain. Status and deadlines are derived (see
 * api/crm/rules/agreement-dates.ts), never sent by the client.
 */
import { z } from 'zod';
import { Role } from '../../platform/schemas/auth.js';
import { CalendarDate, Id, ListQueryBase, NonEmptyText, pageOf, type ProblemKey, says } from '../../platform/schemas/common.js';
import { Domain } from './domains.js';

/** Forms of cooperation, Art. 2.2. */
export const CooperationForm = z.enum([
  'delegation_trips',
  'conferences',
  'matchmaking',
  'business_settlement',
  'knowhow_exchange',
  'joint_eu_positions',
  'actor_support',
  'third_partner_support'
]);
export type CooperationForm = z.infer<typeof CooperationForm>;

export const AgreementStatus = z.enum(['draft', 'active', 'in_notice', 'ended']);

const Month = z.int(says('problems_crm_field_month')).min(1, says('problems_crm_field_month')).max(12, says('problems_crm_field_month'));
const Months = (max: number) => z.int(says('problems_crm_field_wholeMonths')).min(0, says('problems_crm_field_notNegative')).max(max);

/** A list in which each entry may appear once; a repeat is reported at its own index. */
function distinct<T extends z.ZodType>(item: T, max: number, keyOf: (value: z.output<T>) => unknown = (v) => v, message: ProblemKey = 'problems_crm_field_listedTwice') {
  return z
    .array(item)
    .max(max)
    .superRefine((list, ctx) => {
      const seen = new Set<unknown>();
      list.forEach((value, i) => {
        const key = keyOf(value);
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message });
        seen.add(key);
      });
    });
}

/** A party's membership in a European network (Art. 2.4); `since` is a year. */
export const NetworkMembership = z.strictObject({
  name: NonEmptyText(200),
  since: z.int().min(1900).max(2100).nullable().default(null)
});

export const PartyInput = z.strictObject({
  regionId: Id,
  organisationId: Id,
  contactPersonId: Id.nullable().default(null),
  networks: distinct(NetworkMembership, 50, (n) => n.name.toLowerCase())
    .default([])
});
export type PartyInput = z.infer<typeof PartyInput>;

const Parties = z
  .array(PartyInput)
  .min(2, says('problems_crm_field_twoParties'))
  .max(20)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((party, i) => {
      if (seen.has(party.organisationId)) ctx.addIssue({ code: 'custom', path: [i, 'organisationId'], message: 'problems_crm_field_partyAlready' });
      seen.add(party.organisationId);
    });
  });

const ObligationFields = {
  visitsPerYear: z.int().min(0).max(365),
  evaluationMonth: Month,
  workPlanMonth: Month,
  firstToInform: z.boolean()
};

export const Obligations = z.strictObject({
  visitsPerYear: ObligationFields.visitsPerYear.default(1),
  evaluationMonth: ObligationFields.evaluationMonth.default(11),
  workPlanMonth: ObligationFields.workPlanMonth.default(12),
  firstToInform: ObligationFields.firstToInform.default(true)
});

const Fields = {
  title: NonEmptyText(300),
  parties: Parties,
  signedOn: CalendarDate.nullable(),
  startsOn: CalendarDate.nullable(),
  endsOn: CalendarDate.nullable(),
  noticeMonths: Months(120).nullable(),
  noticeSentOn: CalendarDate.nullable(),
  renewalLeadMonths: Months(60),
  predecessorId: Id.nullable(),
  domainIds: distinct(Id, 100),
  forms: distinct(CooperationForm, 8),
  stakeholderIds: distinct(Id, 500)
};

export const PartnershipCreate = z.strictObject({
  title: Fields.title,
  parties: Fields.parties,
  signedOn: Fields.signedOn.default(null),
  startsOn: Fields.startsOn.default(null),
  endsOn: Fields.endsOn.default(null),
  noticeMonths: Fields.noticeMonths.default(null),
  noticeSentOn: Fields.noticeSentOn.default(null),
  renewalLeadMonths: Fields.renewalLeadMonths.default(3),
  predecessorId: Fields.predecessorId.default(null),
  domainIds: Fields.domainIds.default([]),
  forms: Fields.forms.default([]),
  stakeholderIds: Fields.stakeholderIds.default([]),
  obligations: Obligations.prefault({})
});
export type PartnershipCreate = z.infer<typeof PartnershipCreate>;

/** Every field optional; lists (parties, domainIds, forms, stakeholderIds) replace the stored ones, obligations merge field by field. */
export const PartnershipPatch = z.strictObject({
  title: Fields.title.optional(),
  parties: Fields.parties.optional(),
  signedOn: Fields.signedOn.optional(),
  startsOn: Fields.startsOn.optional(),
  endsOn: Fields.endsOn.optional(),
  noticeMonths: Fields.noticeMonths.optional(),
  noticeSentOn: Fields.noticeSentOn.optional(),
  renewalLeadMonths: Fields.renewalLeadMonths.optional(),
  predecessorId: Fields.predecessorId.optional(),
  domainIds: Fields.domainIds.optional(),
  forms: Fields.forms.optional(),
  stakeholderIds: Fields.stakeholderIds.optional(),
  obligations: z
    .strictObject({
      visitsPerYear: ObligationFields.visitsPerYear.optional(),
      evaluationMonth: ObligationFields.evaluationMonth.optional(),
      workPlanMonth: ObligationFields.workPlanMonth.optional(),
      firstToInform: ObligationFields.firstToInform.optional()
    })
    .optional()
});
export type PartnershipPatch = z.infer<typeof PartnershipPatch>;

export const Party = z.object({
  id: Id,
  regionId: Id,
  regionName: z.string(),
  organisationId: Id,
  organisationName: z.string(),
  contactPersonId: Id.nullable(),
  contactPersonName: z.string().nullable(),
  networks: z.array(z.object({ name: z.string(), since: z.number().int().nullable() }))
});
export type Party = z.infer<typeof Party>;

export const Partnership = z
  .object({
    id: Id,
    title: z.string(),
    status: AgreementStatus,
    parties: z.array(Party),
    signedOn: z.string().nullable(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    noticeMonths: z.number().int().nullable(),
    noticeSentOn: z.string().nullable(),
    renewalLeadMonths: z.number().int(),
    predecessorId: Id.nullable(),
    /** the partnership that renewed this one, when the caller can see it */
    successorId: Id.nullable(),
    domains: z.array(Domain),
    forms: z.array(CooperationForm),
    obligations: z.object({ visitsPerYear: z.number().int(), evaluationMonth: z.number().int(), workPlanMonth: z.number().int(), firstToInform: z.boolean() }),
    stakeholders: z.array(z.object({ id: Id, name: z.string() })),
    effectiveEndOn: z.string().nullable(),
    daysUntilEnd: z.number().int().nullable(),
    lastNoticeDay: z.string().nullable(),
    /** days from the server's today (negative once passed) */
    daysUntilLastNoticeDay: z.number().int().nullable(),
    renewalDecisionDay: z.string().nullable(),
    daysUntilRenewalDecision: z.number().int().nullable(),
    terminationEffectiveOn: z.string().nullable(),
    /** the caller's role in this partnership; null for a system administrator who is not a member */
    memberRole: Role.nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .meta({ id: 'Partnership' });
export type Partnership = z.infer<typeof Partnership>;

export const PartnershipListQuery = z.strictObject({
  ...ListQueryBase,
  status: AgreementStatus.optional(),
  regionId: Id.optional(),
  organisationId: Id.optional(),
  domainId: Id.optional(),
  sort: z.enum(['title', '-title', 'endsOn', '-endsOn', 'updatedAt', '-updatedAt']).default('title')
});
export type PartnershipListQuery = z.infer<typeof PartnershipListQuery>;

/** What a list shows of a partnership: everything but its stakeholders (read one partnership for them). */
export const PartnershipListItem = Partnership.omit({ stakeholders: true }).meta({ id: 'PartnershipListItem' });
export type PartnershipListItem = z.infer<typeof PartnershipListItem>;

export const PartnershipPage = pageOf(PartnershipListItem);

/** A cooperation domain of this partnership only, beside the twelve standard ones. */
export const PartnershipDomainCreate = z.strictObject({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, says('problems_crm_field_domainCode'))
    .max(60),
  labels: z.strictObject({ en: NonEmptyText(200), de: NonEmptyText(200), nl: NonEmptyText(200) })
});
export type PartnershipDomainCreate = z.infer<typeof PartnershipDomainCreate>;
