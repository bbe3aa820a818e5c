import { describe, expect, it } from 'vitest';
import { activityYear, budgetFigures, budgetMessage, budgetState, impactOn, percentOf, totalsByState } from '../../../api/activities/services/budgets.js';

const vrrn2026 = { id: 'b1', partnershipId: 'p1', organisationId: 'vrrn', year: 2026, label: 'VRRN 2026', amountCents: 1_000_000, warnAtPercent: 90 };

describe('budget arithmetic on a small hand-computed case', () => {
  // budget EUR 10,000.00; planned 3,000.00 + 1,500.00, committed 2,500.00, spent 1,400.00 → used 8,400.00 (84 %)
  const costs = [
    { state: 'planned', amountEurCents: 300_000 },
    { state: 'committed', amountEurCents: 250_000 },
    { state: 'spent', amountEurCents: 140_000 },
    { state: 'planned', amountEurCents: 150_000 }
  ];

  it('sums the costs by state', () => {
    expect(totalsByState(costs)).toEqual({ plannedCents: 450_000, committedCents: 250_000, spentCents: 140_000 });
  });

  it('computes used, remaining, the percentage and the state', () => {
    expect(budgetFigures(1_000_000, 90, totalsByState(costs))).toEqual({
      plannedCents: 450_000,
      committedCents: 250_000,
      spentCents: 140_000,
      usedCents: 840_000,
      remainingCents: 160_000,
      percentUsed: 84,
      state: 'ok'
    });
  });

  it('turns to warning when a cost of EUR 1,000.00 takes it to 94 %, and to exceeded past the amount', () => {
    const impact = impactOn(vrrn2026, 840_000, 940_000, 'cost');
    expect(impact).toMatchObject({ percentBefore: 84, percentAfter: 94, state: 'warning', usedBeforeCents: 840_000, usedAfterCents: 940_000 });
    expect(impact.message).toBe('Warning: this cost takes the VRRN 2026 budget to 94 %.');
    expect(impactOn(vrrn2026, 840_000, 940_000, 'cost', 'nl').message).toBe('Waarschuwing: met deze kosten staat het budget VRRN 2026 op 94 %.');
    const over = impactOn(vrrn2026, 940_000, 1_040_000, 'cost');
    expect(over).toMatchObject({ percentAfter: 104, state: 'exceeded' });
    expect(over.message).toBe('This cost takes the VRRN 2026 budget over its amount by €400.00.');
    expect(impactOn(vrrn2026, 940_000, 1_040_000, 'cost', 'de').message).toBe('Diese Kosten überschreiten das Budget VRRN 2026 um 400,00\u00a0€.');
    expect(impactOn(vrrn2026, 0, 840_000, 'activity').message).toBe("This activity's costs take the VRRN 2026 budget to 84 %.");
  });

  it('describes the budget itself', () => {
    const figures = budgetFigures(1_000_000, 90, { plannedCents: 940_000, committedCents: 0, spentCents: 0 });
    expect(budgetMessage('VRRN 2026', 1_000_000, 90, figures)).toBe('The VRRN 2026 budget is at 94 % (€9,400.00 of €10,000.00); the warning starts at 90 %.');
    expect(budgetMessage('VRRN 2026', 1_000_000, 90, figures, 'nl')).toBe('Het budget VRRN 2026 staat op 94 % (9.400,00\u00a0€ van 10.000,00\u00a0€); de waarschuwing begint bij 90 %.');
    const exceeded = budgetFigures(1_000_000, 90, { plannedCents: 0, committedCents: 600_000, spentCents: 500_001 });
    expect(exceeded).toMatchObject({ usedCents: 1_100_001, remainingCents: -100_001, state: 'exceeded' });
    expect(budgetMessage('VRRN 2026', 1_000_000, 90, exceeded)).toBe('The VRRN 2026 budget is exceeded by €1,000.01 (€11,000.01 of €10,000.00).');
    expect(budgetMessage('VRRN 2026', 1_000_000, 90, exceeded, 'de')).toBe('Das Budget VRRN 2026 ist um 1.000,01\u00a0€ überschritten (11.000,01\u00a0€ von 10.000,00\u00a0€).');
  });
});

describe('budgetState', () => {
  it('warns at exactly the threshold, not a cent before', () => {
    expect(budgetState(1_000_000, 90, 899_999)).toBe('ok');
    expect(budgetState(1_000_000, 90, 900_000)).toBe('warning');
    expect(budgetState(1_000_000, 100, 999_999)).toBe('ok');
  });

  it('is exceeded only above the amount: using all of it is a warning', () => {
    expect(budgetState(1_000_000, 90, 1_000_000)).toBe('warning');
    expect(budgetState(1_000_000, 90, 1_000_001)).toBe('exceeded');
  });

  it('compares in whole cents where a percentage would round: 1/3 of the threshold case', () => {
    // 90 % of EUR 333.33 is 299.997: 299.99 is below, 300.00 at or above
    expect(budgetState(33_333, 90, 29_999)).toBe('ok');
    expect(budgetState(33_333, 90, 30_000)).toBe('warning');
  });

  it('treats a zero budget as ok while nothing is spent, and exceeded by the first cent', () => {
    expect(budgetState(0, 90, 0)).toBe('ok');
    expect(budgetState(0, 90, 1)).toBe('exceeded');
    expect(percentOf(5, 0)).toBeNull();
  });
});

describe('percentOf', () => {
  it('has one decimal, rounded down, so 89.99 % never shows as 90 %', () => {
    expect(percentOf(899_999, 1_000_000)).toBe(89.9);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.6);
    expect(percentOf(1_040_000, 1_000_000)).toBe(104);
  });
});

describe('activityYear', () => {
  it('is the year at the place the activity happens', () => {
    // 00:30 on 1 January in Brussels is still 31 December in UTC
    expect(activityYear('2025-12-31T23:30:00.000Z', 'Europe/Brussels')).toBe(2026);
    expect(activityYear('2025-12-31T23:30:00.000Z', 'UTC')).toBe(2025);
    // 20:00 on 31 December in New York is already 1 January in UTC
    expect(activityYear('2027-01-01T01:00:00.000Z', 'America/New_York')).toBe(2026);
    expect(activityYear('2026-06-15T10:00:00.000Z', 'Not/AZone')).toBe(2026);
  });
});
