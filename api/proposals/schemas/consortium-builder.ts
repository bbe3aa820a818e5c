/**
 * The consortium builder: organisations from the partner regions and third
 * partners whose domains match the proposal's (and its call's) domains, or
 * whose names match the call's keywords, with their record with us and
 * the reasons for each suggestion.
 */
import { z } from 'zod';
import { Id } from '../../platform/schemas/common.js';
import { DomainLabels } from '../../crm/schemas/organisations.js';
import { ProposalStage } from './proposals.js';

export const ConsortiumSuggestionQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20)
});
export type ConsortiumSuggestionQuery = z.infer<typeof ConsortiumSuggestionQuery>;

export const ConsortiumSuggestion = z
  .object({
    organisation: z.object({ id: Id, name: z.string(), kind: z.string(), regionId: Id.nullable(), regionName: z.string().nullable(), country: z.string() }),
    /** outside the partner regions: a stakeholder of the partnership or a partner in one of its proposals */
    thirdPartner: z.boolean(),
    matchingDomains: z.array(z.object({ domainId: Id, labels: DomainLabels, maturity: z.number().int() })),
    matchingKeywords: z.array(z.string()),
    record: z.object({
      proposals: z.array(z.object({ proposalId: Id, acronym: z.string(), stage: ProposalStage, role: z.string() })),
      activities: z.array(z.object({ activityId: Id, title: z.string(), on: z.string() }))
    }),
    score: z.number().int(),
    reasons: z.array(z.string())
  })
  .meta({ id: 'ConsortiumSuggestion' });
export type ConsortiumSuggestion = z.infer<typeof ConsortiumSuggestion>;

export const ConsortiumSuggestions = z
  .object({
    proposalId: Id,
    callId: Id.nullable(),
    partnershipId: Id,
    regions: z.array(z.object({ id: Id, name: z.string() })),
    /** the proposal's and the call's domains */
    domainIds: z.array(Id),
    /** the call's keywords */
    keywords: z.array(z.string()),
    /** why the list is empty, in the caller's (account's) language */
    notice: z.string().nullable(),
    items: z.array(ConsortiumSuggestion)
  })
  .meta({ id: 'ConsortiumSuggestions' });
export type ConsortiumSuggestions = z.infer<typeof ConsortiumSuggestions>;
