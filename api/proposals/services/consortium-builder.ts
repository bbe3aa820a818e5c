/**
 * The consortium builder: which organisations to invite into a proposal's
 * consortium, and why. Participants of the 2017–2020 evaluation asked for
 * help forming international consortia; this is that help, in the spirit of
 * matchmaking.ts (same candidate data, same way of giving reasons).
 *
 * Who is considered (only organisations the caller may see)
 * - organisations in the partner regions (the regions of the partnership's
 *   parties), the partnership's stakeholders, and partners of its other
 *   proposals; those outside the partner regions are third partners;
 * - not the parties themselves (the administrations that run the
 *   cooperation; add them by hand) and not the consortium's members.
 * - A candidate must work on one of the wanted domains (the proposal's and
 *   its call's; domains of partnerships the caller cannot see are ignored)
 *   or carry one of the call's keywords in its name (a word of the name
 *   starting with the keyword, accents and case ignored). Nothing wanted,
 *   nothing suggested (the answer says so).
 *
 * The score (rankSuggestions; hand-checkable)
 * - each matching domain: 10 points, +2 more where its maturity is 4 or 5;
 * - each call keyword in its name: 5;
 * - each other proposal of the partnership it was in: 4, or 6 when that
 *   proposal was approved, running or closed (a record of success);
 * - each activity of the partnership it took part in (ended, not missed):
 *   1, at most 5;
 * - ranked by score, then number of matching domains, then name.
 * Every point comes with a sentence in `reasons`, in the caller's (account's)
 * language (the catalogue's `serverWords`).
 */
import type { DB } from '../../../db/connection.js';
import { findDomains } from '../../../db/crm/domains.js';
import { activityIdsOfPartnership, builderCandidates, membersOf, pastConsortia } from '../../../db/proposals/consortium.js';
import { participations } from '../../../db/activities/matchmaking.js';
import { domainsOfOrganisations } from '../../../db/crm/organisations.js';
import { partiesOf } from '../../../db/crm/partnerships.js';
import { domainsOfProposals } from '../../../db/proposals/proposals.js';
import { canSeePartnership, dayIn, scopeOf, type Caller } from '../../platform/index.js';
import type { ConsortiumSuggestion, ConsortiumSuggestionQuery, ConsortiumSuggestions } from '../schemas/consortium-builder.js';
import type { ProposalStage } from '../schemas/proposals.js';
import { dateInZone, list } from '../../activities/index.js';
import { readableProposal } from './proposal-access.js';
import { BASE_LOCALE, type Locale } from '../../../i18n/locales.js';
import { m } from '../../../i18n/paraglide-server/messages.js';
import { callMatchTerms } from './proposal-calls.js';

export const BUILDER_POINTS = {
  domain: 10,
  leadingMaturity: 2,
  keyword: 5,
  pastProposal: 4,
  successfulProposal: 6,
  activity: 1,
  maxActivities: 5
} as const;

const SUCCESSFUL: ProposalStage[] = ['approved', 'running', 'closed'];

export interface BuilderCandidate {
  id: string;
  name: string;
  kind: string;
  regionId: string | null;
  regionName: string | null;
  country: string;
  thirdPartner: boolean;
  /** domain id → maturity 1–5 */
  maturity: Record<string, number>;
  proposals: { proposalId: string; acronym: string; stage: ProposalStage; role: string }[];
  /** newest first */
  activities: { activityId: string; title: string; on: string }[];
}

export interface BuilderInput {
  candidates: BuilderCandidate[];
  domainIds: string[];
  keywords: string[];
  /** a domain's name in `locale` */
  domainName: (domainId: string) => string;
  /** the language the reasons are written in (the caller's account's); English when not given */
  locale?: Locale;
}

export interface RankedSuggestion {
  candidate: BuilderCandidate;
  matchingDomains: { domainId: string; maturity: number }[];
  matchingKeywords: string[];
  score: number;
  reasons: string[];
}

/** A stage and a consortium role as the reasons name them, in a language. */
const STAGES: Record<ProposalStage, (locale: Locale) => string> = {
  idea: (locale) => m.proposals_stages_idea({}, { locale }),
  exploring: (locale) => m.proposals_stages_exploring({}, { locale }),
  in_preparation: (locale) => m.proposals_stages_in_preparation({}, { locale }),
  submitted: (locale) => m.proposals_stages_submitted({}, { locale }),
  approved: (locale) => m.proposals_stages_approved({}, { locale }),
  rejected: (locale) => m.proposals_stages_rejected({}, { locale }),
  withdrawn: (locale) => m.proposals_stages_withdrawn({}, { locale }),
  running: (locale) => m.proposals_stages_running({}, { locale }),
  closed: (locale) => m.proposals_stages_closed({}, { locale })
};
const ROLES: Record<string, (locale: Locale) => string> = {
  lead: (locale) => m.proposals_consortium_roles_lead({}, { locale }),
  partner: (locale) => m.proposals_consortium_roles_partner({}, { locale }),
  associated: (locale) => m.proposals_consortium_roles_associated({}, { locale })
};

function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The keywords some word of the name starts with (accents and case ignored). */
export function keywordsInName(name: string, keywords: string[]): string[] {
  const words = folded(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const text = words.join(' ');
  return keywords.filter((keyword, i) => {
    const wanted = folded(keyword).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
    if (!wanted || keywords.findIndex((k) => folded(k) === folded(keyword)) !== i) return false;
    return (' ' + text).includes(' ' + wanted);
  });
}

/** Scores one candidate, or null when it matches no wanted domain and no keyword. */
export function scoreCandidate(candidate: BuilderCandidate, input: Omit<BuilderInput, 'candidates'>): RankedSuggestion | null {
  const matchingDomains = [...new Set(input.domainIds)].filter((d) => candidate.maturity[d] !== undefined).map((domainId) => ({ domainId, maturity: candidate.maturity[domainId]! }));
  const matchingKeywords = keywordsInName(candidate.name, input.keywords);
  if (!matchingDomains.length && !matchingKeywords.length) return null;
  const reasons: string[] = [];
  let score = 0;
  const locale = input.locale ?? BASE_LOCALE;
  const at = { locale };

  if (matchingDomains.length) {
    const leading = matchingDomains.filter((d) => d.maturity >= 4);
    score += matchingDomains.length * BUILDER_POINTS.domain + leading.length * BUILDER_POINTS.leadingMaturity;
    const domains = list(matchingDomains.map((d) => m.serverWords_consortiumBuilder_domainLevel({ domain: input.domainName(d.domainId), level: d.maturity }, at)), locale);
    reasons.push(
      leading.length
        ? m.serverWords_consortiumBuilder_worksOnLeading({ domains, leading: list(leading.map((d) => input.domainName(d.domainId)), locale) }, at)
        : m.serverWords_consortiumBuilder_worksOn({ domains }, at)
    );
  }
  if (matchingKeywords.length) {
    score += matchingKeywords.length * BUILDER_POINTS.keyword;
    reasons.push(m.serverWords_consortiumBuilder_keywords({ count: matchingKeywords.length, keywords: list(matchingKeywords.map((k) => `“${k}”`), locale) }, at));
  }
  if (candidate.proposals.length) {
    const successful = candidate.proposals.filter((p) => SUCCESSFUL.includes(p.stage));
    score += successful.length * BUILDER_POINTS.successfulProposal + (candidate.proposals.length - successful.length) * BUILDER_POINTS.pastProposal;
    const proposals = list(candidate.proposals.map((p) => m.serverWords_consortiumBuilder_pastProposal({ acronym: p.acronym, stage: STAGES[p.stage](locale), role: ROLES[p.role]?.(locale) ?? p.role }, at)), locale);
    reasons.push(m.serverWords_consortiumBuilder_partnerIn({ count: candidate.proposals.length, proposals }, at));
  }
  if (candidate.activities.length) {
    score += Math.min(candidate.activities.length, BUILDER_POINTS.maxActivities) * BUILDER_POINTS.activity;
    const last = candidate.activities[0]!;
    reasons.push(m.serverWords_consortiumBuilder_tookPart({ count: candidate.activities.length, title: last.title, date: dayIn(locale, last.on) }, at));
  }
  if (!candidate.proposals.length && !candidate.activities.length) reasons.push(m.serverWords_consortiumBuilder_newPartner({}, at));
  if (candidate.thirdPartner) {
    reasons.push(candidate.regionName ? m.serverWords_consortiumBuilder_thirdPartnerFrom({ region: candidate.regionName }, at) : m.serverWords_consortiumBuilder_thirdPartner({}, at));
  }
  return { candidate, matchingDomains, matchingKeywords, score, reasons };
}

export function rankSuggestions(input: BuilderInput): RankedSuggestion[] {
  return input.candidates
    .map((c) => scoreCandidate(c, input))
    .filter((s): s is RankedSuggestion => s !== null)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.matchingDomains.length - a.matchingDomains.length ||
        a.candidate.name.localeCompare(b.candidate.name) ||
        a.candidate.id.localeCompare(b.candidate.id)
    );
}

export class ConsortiumBuilderService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  async suggest(caller: Caller, proposalId: string, query: ConsortiumSuggestionQuery): Promise<ConsortiumSuggestions> {
    const proposal = await readableProposal(this.db, caller, proposalId);
    const scope = scopeOf(caller);
    const partnershipId = proposal.partnership_id;
    const parties = await partiesOf(this.db, [partnershipId]);
    const regions = [...new Map(parties.map((p) => [p.region_id, { id: p.region_id, name: p.region_name }])).values()];
    const regionIds = new Set(regions.map((r) => r.id));

    const ownDomains = (await domainsOfProposals(this.db, [proposalId])).map((d) => d.domain_id);
    const call = await callMatchTerms(this.db, proposal.call_id);
    const domainIds = [...new Set([...ownDomains, ...call.domainIds])];
    const keywords = call.keywords;
    const base = { proposalId, callId: proposal.call_id, partnershipId, regions, domainIds, keywords };
    if (!domainIds.length && !keywords.length) {
      return { ...base, notice: m.serverWords_consortiumBuilder_nothingToMatch({}, { locale: caller.locale ?? BASE_LOCALE }), items: [] };
    }

    const excluded = new Set([...parties.map((p) => p.organisation_id), ...(await membersOf(this.db, [proposalId])).map((m) => m.organisation_id)]);
    const organisations = (await builderCandidates(this.db, scope, partnershipId, [...regionIds])).filter((o) => !excluded.has(o.id));
    const ids = organisations.map((o) => o.id);
    const domainRows = (await domainsOfOrganisations(this.db, ids)).filter((d) => d.partnership_id === null || canSeePartnership(caller, d.partnership_id));
    const past = await pastConsortia(this.db, partnershipId, ids, proposalId);
    const ours = await activityIdsOfPartnership(this.db, partnershipId);
    const attended = (await participations(this.db, scope, ids, this.clock().toISOString()))
      .filter((p) => ours.has(p.activity_id))
      .map((p) => ({ organisationId: p.organisation_id, activityId: p.activity_id, title: p.title, on: dateInZone(p.ends_at, p.time_zone) }))
      .sort((a, b) => b.on.localeCompare(a.on) || a.activityId.localeCompare(b.activityId));

    const candidates: BuilderCandidate[] = organisations.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      regionId: o.region_id,
      regionName: o.region_name,
      country: o.country,
      thirdPartner: o.region_id === null || !regionIds.has(o.region_id),
      maturity: Object.fromEntries(domainRows.filter((d) => d.organisation_id === o.id).map((d) => [d.domain_id, d.maturity])),
      proposals: past.filter((p) => p.organisation_id === o.id).map((p) => ({ proposalId: p.proposal_id, acronym: p.acronym, stage: p.stage as ProposalStage, role: p.role })),
      activities: [...new Map(attended.filter((a) => a.organisationId === o.id).map((a) => [a.activityId, { activityId: a.activityId, title: a.title, on: a.on }])).values()]
    }));

    const labels = new Map(domainRows.map((d) => [d.domain_id, { en: d.label_en, de: d.label_de, nl: d.label_nl }]));
    for (const d of await findDomains(this.db, domainIds.filter((id) => !labels.has(id)))) labels.set(d.id, { en: d.label_en, de: d.label_de, nl: d.label_nl });
    const locale = caller.locale ?? BASE_LOCALE;
    const ranked = rankSuggestions({ candidates, domainIds, keywords, domainName: (id) => labels.get(id)?.[locale] ?? id, locale });
    const items: ConsortiumSuggestion[] = ranked.slice(0, query.limit).map((s) => ({
      organisation: { id: s.candidate.id, name: s.candidate.name, kind: s.candidate.kind, regionId: s.candidate.regionId, regionName: s.candidate.regionName, country: s.candidate.country },
      thirdPartner: s.candidate.thirdPartner,
      matchingDomains: s.matchingDomains.map((d) => ({ ...d, labels: labels.get(d.domainId) ?? { en: d.domainId, de: d.domainId, nl: d.domainId } })),
      matchingKeywords: s.matchingKeywords,
      record: { proposals: s.candidate.proposals, activities: s.candidate.activities },
      score: s.score,
      reasons: s.reasons
    }));
    return { ...base, notice: items.length ? null : m.serverWords_consortiumBuilder_noMatch({}, { locale: caller.locale ?? BASE_LOCALE }), items };
  }
}
