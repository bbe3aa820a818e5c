import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CofinancingRate } from '../../../api/proposals/schemas/consortium.js';
import { render } from '../../../api/platform/http/problem-words.js';
import { type FundingTerms, NO_TERMS, consortiumFigures, effectiveRate, partnerFigures, splitBudget, usableRate } from '../../../api/proposals/rules/cofinancing.js';

const terms = (t: Partial<FundingTerms> = {}): FundingTerms => ({ ...NO_TERMS, ...t });

describe('splitBudget', () => {
  it('splits a budget into the EU contribution (rounded half a cent up) and the own contribution', () => {
    // 123,456.78 EUR at 60 %: 74,074.068 → 74,074.07; own 49,382.71
    expect(splitBudget(12_345_678, '0.6')).toEqual({ euContributionCents: 7_407_407, ownContributionCents: 4_938_271 });
    expect(splitBudget(3, '0.85')).toEqual({ euContributionCents: 3, ownContributionCents: 0 }); // 2.55 → 3
    expect(splitBudget(1, '0.5')).toEqual({ euContributionCents: 1, ownContributionCents: 0 }); // exactly half a cent rounds up
    expect(splitBudget(1, '0.4')).toEqual({ euContributionCents: 0, ownContributionCents: 1 });
    expect(splitBudget(10_000_000, '0.4')).toEqual({ euContributionCents: 4_000_000, ownContributionCents: 6_000_000 }); // RegioWIN: 40 % ERDF
    expect(splitBudget(99_999, '1')).toEqual({ euContributionCents: 99_999, ownContributionCents: 0 });
    expect(splitBudget(99_999, null)).toEqual({ euContributionCents: 0, ownContributionCents: 99_999 });
    // 0.1 + 0.2 style traps do not exist here: 3 × 0.7 = 2.1 cents → 2
    expect(splitBudget(3, '0.7')).toEqual({ euContributionCents: 2, ownContributionCents: 1 });
  });

  it('always adds up to the budget, with the EU part between 0 and the budget', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), fc.integer({ min: 1, max: 10_000 }), (cents, basisPoints) => {
        const rate = basisPoints === 10_000 ? '1' : `0.${String(basisPoints).padStart(4, '0')}`;
        const { euContributionCents, ownContributionCents } = splitBudget(cents, rate);
        expect(euContributionCents + ownContributionCents).toBe(cents);
        expect(euContributionCents).toBeGreaterThanOrEqual(0);
        expect(euContributionCents).toBeLessThanOrEqual(cents);
        expect(Math.abs(euContributionCents * 10_000 - cents * basisPoints)).toBeLessThanOrEqual(5_000);
      })
    );
  });
});

describe('the rate that counts', () => {
  it('is the partner’s own, else the call’s, else the programme’s', () => {
    expect(effectiveRate('0.5', terms({ callRate: '0.6', programmeRate: '0.8' }))).toEqual({ rate: '0.5', source: 'partner' });
    expect(effectiveRate(null, terms({ callRate: '0.6', programmeRate: '0.8' }))).toEqual({ rate: '0.6', source: 'call' });
    expect(effectiveRate(null, terms({ programmeRate: '0.8' }))).toEqual({ rate: '0.8', source: 'programme' });
    expect(effectiveRate(null, NO_TERMS)).toEqual({ rate: null, source: 'none' });
  });

  it('ignores stored rates that are not fractions of 1', () => {
    expect(usableRate('0.60')).toBe('0.60');
    expect(usableRate('1')).toBe('1');
    expect(usableRate('60')).toBeNull();
    expect(usableRate('sixty')).toBeNull();
    expect(effectiveRate(null, terms({ callRate: '60 %', programmeRate: '0.7' }))).toEqual({ rate: '0.7', source: 'programme' });
    expect(partnerFigures({ budgetCents: 1000, rate: null }, terms({ callRate: '0.6' }))).toEqual({ effectiveRate: '0.6', rateSource: 'call', euContributionCents: 600, ownContributionCents: 400 });
  });
});

describe('consortiumFigures', () => {
  const partners = [
    { id: 'm1', name: 'Stadt Mannheim', role: 'lead', budgetCents: 100_000_01, rate: null },
    { id: 'm2', name: 'KU Leuven', role: 'partner', budgetCents: 333_33, rate: '0.85' },
    { id: 'm3', name: 'Voka', role: 'associated', budgetCents: 0, rate: null }
  ];

  it('totals the partners’ own figures, so the table adds up as printed', () => {
    const { figures, totals, warnings } = consortiumFigures(partners, terms({ callRate: '0.6' }));
    // 10,000,001 × 0.6 = 6,000,000.6 → 6,000,001; 33,333 × 0.85 = 28,333.05 → 28,333
    expect(figures.get('m1')).toEqual({ effectiveRate: '0.6', rateSource: 'call', euContributionCents: 6_000_001, ownContributionCents: 4_000_000 });
    expect(figures.get('m2')).toEqual({ effectiveRate: '0.85', rateSource: 'partner', euContributionCents: 28_333, ownContributionCents: 5_000 });
    expect(figures.get('m3')).toEqual({ effectiveRate: '0.6', rateSource: 'call', euContributionCents: 0, ownContributionCents: 0 });
    expect(totals).toEqual({ budgetCents: 10_033_334, euContributionCents: 6_028_334, ownContributionCents: 4_005_000 });
    expect(warnings).toEqual([]);
  });

  it('warns below the call’s minimum and above its maximum, never refusing', () => {
    const low = consortiumFigures(partners, terms({ callRate: '0.6', minContributionCents: 10_000_000_00 }));
    expect(low.warnings.map((w) => w.code)).toEqual(['below_minimum']);
    expect(render(low.warnings[0]!.said)).toBe('The EU contribution asked for (€60,283.34) is below the call\'s minimum of €10,000,000.00.');
    expect(render(low.warnings[0]!.said, 'nl')).toBe('De gevraagde EU-bijdrage (60.283,34\u00a0€) ligt onder het minimum van de oproep van 10.000.000,00\u00a0€.');
    expect(render(low.warnings[0]!.said, 'de')).toBe('Die beantragte EU-Förderung (60.283,34\u00a0€) liegt unter dem Mindestbetrag des Aufrufs von 10.000.000,00\u00a0€.');
    const high = consortiumFigures(partners, terms({ callRate: '0.6', maxContributionCents: 50_000_00 }));
    expect(high.warnings.map((w) => w.code)).toEqual(['above_maximum']);
    expect(render(high.warnings[0]!.said)).toContain('above the call\'s maximum of €50,000.00');
    const exact = consortiumFigures(partners, terms({ callRate: '0.6', minContributionCents: 6_028_334, maxContributionCents: 6_028_334 }));
    expect(exact.warnings).toEqual([]);
  });

  it('warns about a missing lead and a partner without any rate', () => {
    const { warnings, totals } = consortiumFigures([{ id: 'x', name: 'VIB', role: 'partner', budgetCents: 500_00, rate: null }], NO_TERMS);
    expect(warnings).toEqual([
      { code: 'no_lead', said: { key: 'problems_proposals_cofinancing_no_lead', params: {} }, memberId: null },
      { code: 'no_rate', said: { key: 'problems_proposals_cofinancing_no_rate', params: { name: 'VIB' } }, memberId: 'x' }
    ]);
    expect(render(warnings[1]!.said, 'nl')).toBe('Geen medefinancieringspercentage voor VIB: noch de partner, noch de oproep, noch het programma vermeldt er een; de EU-bijdrage telt als 0.');
    expect(totals).toEqual({ budgetCents: 500_00, euContributionCents: 0, ownContributionCents: 500_00 });
    expect(consortiumFigures([], terms({ minContributionCents: 100 })).warnings).toEqual([]);
  });
});

describe('CofinancingRate', () => {
  it('takes fractions of 1 with up to four decimals, as canonical strings', () => {
    expect(CofinancingRate.parse('0.60')).toBe('0.6');
    expect(CofinancingRate.parse(0.85)).toBe('0.85');
    expect(CofinancingRate.parse('1')).toBe('1');
    expect(CofinancingRate.parse('0.8250')).toBe('0.825');
    for (const bad of ['0', '1.01', '60', '-0.5', '0.12345', '60%', 'abc']) expect(CofinancingRate.safeParse(bad).success, bad).toBe(false);
  });
});
