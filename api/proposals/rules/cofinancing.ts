/**
 * Budget and co-financing of a consortium, as pure arithmetic on integer
 * cents and decimal-string rates (nothing here touches a binary float).
 *
 * - A partner's rate is its own (`cofinancing_rate`), else the call's, else
 *   the programme's; the response says which (`rateSource`).
 * - EU contribution = budget × rate, rounded half a cent up (costs.ts
 *   `toEurCents`, the same exact multiplication money gets everywhere);
 *   own contribution to raise ("Kofinanzierungsbedarf") = budget − EU
 *   contribution, so the two always add up to the budget to the cent.
 * - Totals are the sums of the partners' figures (never a rounding of the
 *   total budget × an average rate), so the table adds up as printed.
 * - A partner without any rate gets no EU contribution (0) and a warning.
 * - Checks, as warnings and never as refusals (a consortium is built in
 *   steps): the EU contribution asked for against the call's minimum and
 *   maximum; no lead partner; a partner without a rate.
 */
import { parseDecimal } from '../../platform/schemas/money.js';
import { euros, type InEachLanguage, type Words, words } from '../../platform/index.js';
import { toEurCents } from '../../activities/index.js';

export type RateSource = 'partner' | 'call' | 'programme' | 'none';

export interface FundingTerms {
  /** decimal strings, e.g. "0.6"; null when not known */
  callRate: string | null;
  programmeRate: string | null;
  minContributionCents: number | null;
  maxContributionCents: number | null;
}

export const NO_TERMS: FundingTerms = { callRate: null, programmeRate: null, minContributionCents: null, maxContributionCents: null };

export interface PartnerBudget {
  id: string;
  /** the organisation's name, or words for one the reader may not see */
  name: string | InEachLanguage;
  role: string;
  budgetCents: number;
  /** the partner's own rate, or null for the call's (or programme's) */
  rate: string | null;
}

export interface PartnerFigures {
  effectiveRate: string | null;
  rateSource: RateSource;
  euContributionCents: number;
  ownContributionCents: number;
}

export interface ConsortiumTotals {
  budgetCents: number;
  euContributionCents: number;
  ownContributionCents: number;
}

export type WarningCode = 'below_minimum' | 'above_maximum' | 'no_lead' | 'no_rate';

export interface ConsortiumWarning {
  code: WarningCode;
  /** the warning as catalogue words, worded in the reader's language when the answer is written */
  said: Words;
  /** the partner it is about, for `no_rate` */
  memberId: string | null;
}

/** A stored rate as a usable decimal string between 0 and 1, or null. */
export function usableRate(rate: string | null | undefined): string | null {
  if (rate === null || rate === undefined) return null;
  const parsed = parseDecimal(rate);
  if ('error' in parsed) return null;
  const unit = 10n ** BigInt(parsed.scale);
  return parsed.value > unit ? null : rate;
}

export function effectiveRate(partnerRate: string | null, terms: FundingTerms): { rate: string | null; source: RateSource } {
  const own = usableRate(partnerRate);
  if (own !== null) return { rate: own, source: 'partner' };
  const call = usableRate(terms.callRate);
  if (call !== null) return { rate: call, source: 'call' };
  const programme = usableRate(terms.programmeRate);
  if (programme !== null) return { rate: programme, source: 'programme' };
  return { rate: null, source: 'none' };
}

/** Splits a budget at a rate: the EU contribution (rounded half a cent up) and the rest to raise. */
export function splitBudget(budgetCents: number, rate: string | null): { euContributionCents: number; ownContributionCents: number } {
  const eu = rate === null ? 0 : toEurCents(budgetCents, rate);
  return { euContributionCents: eu, ownContributionCents: budgetCents - eu };
}

export function partnerFigures(partner: Pick<PartnerBudget, 'budgetCents' | 'rate'>, terms: FundingTerms): PartnerFigures {
  const { rate, source } = effectiveRate(partner.rate, terms);
  return { effectiveRate: rate, rateSource: source, ...splitBudget(partner.budgetCents, rate) };
}

export function consortiumFigures(partners: PartnerBudget[], terms: FundingTerms) {
  const figures = new Map(partners.map((p) => [p.id, partnerFigures(p, terms)]));
  const totals: ConsortiumTotals = { budgetCents: 0, euContributionCents: 0, ownContributionCents: 0 };
  for (const p of partners) {
    const f = figures.get(p.id)!;
    totals.budgetCents += p.budgetCents;
    totals.euContributionCents += f.euContributionCents;
    totals.ownContributionCents += f.ownContributionCents;
  }
  const warnings: ConsortiumWarning[] = [];
  if (partners.length && !partners.some((p) => p.role === 'lead')) {
    warnings.push({ code: 'no_lead', said: words('problems_proposals_cofinancing_no_lead'), memberId: null });
  }
  for (const p of partners) {
    if (figures.get(p.id)!.rateSource === 'none') {
      warnings.push({ code: 'no_rate', said: words('problems_proposals_cofinancing_no_rate', { name: p.name }), memberId: p.id });
    }
  }
  if (partners.length && terms.minContributionCents !== null && totals.euContributionCents < terms.minContributionCents) {
    warnings.push({
      code: 'below_minimum',
      said: words('problems_proposals_cofinancing_below_minimum', { total: euros(totals.euContributionCents), limit: euros(terms.minContributionCents) }),
      memberId: null
    });
  }
  if (terms.maxContributionCents !== null && totals.euContributionCents > terms.maxContributionCents) {
    warnings.push({
      code: 'above_maximum',
      said: words('problems_proposals_cofinancing_above_maximum', { total: euros(totals.euContributionCents), limit: euros(terms.maxContributionCents) }),
      memberId: null
    });
  }
  return { figures, totals, warnings };
}
