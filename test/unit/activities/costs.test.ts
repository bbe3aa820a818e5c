import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../../api/platform/http/errors.js';
import { CostCreate } from '../../../api/activities/schemas/costs.js';
import { centsToDecimal, decimalToCents, normaliseRate, parseDecimal } from '../../../api/platform/schemas/money.js';
import { rateFor, toEurCents } from '../../../api/activities/services/costs.js';

describe('decimalToCents', () => {
  it('reads decimal strings and numbers exactly, without binary float errors', () => {
    expect(decimalToCents('1234.50')).toBe(123450);
    expect(decimalToCents('1234.5')).toBe(123450);
    expect(decimalToCents('0.1')).toBe(10);
    expect(decimalToCents(0.29)).toBe(29); // 0.29 * 100 is 28.999999999999996 in binary floating point
    expect(decimalToCents(1.15)).toBe(115); // 1.15 * 100 is 114.99999999999999
    expect(decimalToCents(19.99)).toBe(1999);
    expect(decimalToCents('  42 ')).toBe(4200);
    expect(decimalToCents('0')).toBe(0);
    expect(decimalToCents('7.500')).toBe(750); // trailing zeros are not finer than cents
    expect(decimalToCents('1000000000')).toBe(100_000_000_000);
  });

  it('refuses negatives, fractions of a cent, other notations and absurd amounts with a message', () => {
    expect(decimalToCents('-5')).toMatchObject({ error: 'Amounts cannot be negative.' });
    expect(decimalToCents(-0.01)).toMatchObject({ error: 'Amounts cannot be negative.' });
    expect(decimalToCents('12.345')).toMatchObject({ error: 'At most two decimals (whole cents).' });
    expect(decimalToCents(0.1 + 0.2)).toMatchObject({ error: 'At most two decimals (whole cents).' });
    for (const bad of ['12,50', '1.234,50', '1e3', '', '.5', '5.', 'EUR 5', 'abc']) expect(decimalToCents(bad), bad).toHaveProperty('error');
    expect(decimalToCents(Number.NaN)).toHaveProperty('error');
    expect(decimalToCents(Number.POSITIVE_INFINITY)).toHaveProperty('error');
    expect(decimalToCents(1e21)).toHaveProperty('error');
    expect(decimalToCents('1000000000.01')).toHaveProperty('error');
  });

  it('round-trips with centsToDecimal for every whole-cent amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), (cents) => {
        expect(decimalToCents(centsToDecimal(cents))).toBe(cents);
      })
    );
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(-12345)).toBe('-123.45');
  });
});

describe('normaliseRate', () => {
  it('keeps the rate as an exact canonical decimal', () => {
    expect(normaliseRate('1.16880')).toBe('1.1688');
    expect(normaliseRate(0.0425)).toBe('0.0425');
    expect(normaliseRate('1.0')).toBe('1');
    expect(normaliseRate('007.5')).toBe('7.5');
    expect(normaliseRate('0.0000000001')).toBe('0.0000000001');
  });

  it('refuses zero, negatives, more than ten decimals and implausible rates', () => {
    expect(normaliseRate('0')).toMatchObject({ error: 'A rate is greater than zero.' });
    expect(normaliseRate('0.000')).toMatchObject({ error: 'A rate is greater than zero.' });
    expect(normaliseRate('-1.2')).toMatchObject({ error: 'A rate is greater than zero.' });
    expect(normaliseRate('0.00000000001')).toHaveProperty('error');
    expect(normaliseRate('1000.01')).toHaveProperty('error');
    expect(normaliseRate('1000')).toBe('1000');
  });

  it('parses into an integer and a scale', () => {
    expect(parseDecimal('12.3400')).toEqual({ value: 1234n, scale: 2 });
    expect(parseDecimal(3)).toEqual({ value: 3n, scale: 0 });
  });
});

describe('toEurCents', () => {
  it('converts at the rate entered, rounding half a cent up', () => {
    expect(toEurCents(10000, '1')).toBe(10000);
    // GBP 100.00 at 1.1688 = EUR 116.88
    expect(toEurCents(10000, '1.1688')).toBe(11688);
    // CHF 33.33 at 1.0625 = 35.413125 → 35.41
    expect(toEurCents(3333, '1.0625')).toBe(3541);
    // 0.05 at 0.5 = 0.025 → 0.03 (half up)
    expect(toEurCents(5, '0.5')).toBe(3);
    // 0.05 at 0.49 = 0.0245 → 0.02
    expect(toEurCents(5, '0.49')).toBe(2);
    // DKK 1,000.00 at 0.134085 = 134.085 → 134.09
    expect(toEurCents(100000, '0.134085')).toBe(13409);
    // exact where floating point is not: 1.005 * 100 cents is 100.49999999999999 as a float
    expect(toEurCents(100, '1.005')).toBe(101);
    expect(toEurCents(0, '7.4')).toBe(0);
  });

  it('equals exact rational rounding (half up) for any amount and rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 1, max: 999_999_999 }), fc.integer({ min: 0, max: 8 }), (cents, digits, scale) => {
        const unit = 10n ** BigInt(scale);
        const value = BigInt(digits);
        const rate = normaliseRate(`${value / unit}.${(value % unit).toString().padStart(scale, '0')}`.replace(/\.$/, ''));
        if (typeof rate !== 'string') return; // above the plausible maximum
        // floor(x + 1/2) with x = cents × value / unit
        const reference = (2n * BigInt(cents) * value + unit) / (2n * unit);
        expect(BigInt(toEurCents(cents, rate))).toBe(reference);
      })
    );
  });
});

describe('rateFor', () => {
  it('is 1 for EUR and refuses another rate there', () => {
    expect(rateFor('EUR', undefined, null)).toBe('1');
    expect(rateFor('EUR', '1', null)).toBe('1');
    expect(() => rateFor('EUR', '1.1', null)).toThrow(ValidationFailed);
  });

  it('needs a rate for other currencies, keeping the stored one while the currency stays', () => {
    expect(rateFor('GBP', '1.1688', null)).toBe('1.1688');
    expect(() => rateFor('GBP', undefined, null)).toThrow(ValidationFailed);
    expect(rateFor('GBP', undefined, { currency: 'GBP', rate: '1.17' })).toBe('1.17');
    expect(() => rateFor('CHF', undefined, { currency: 'GBP', rate: '1.17' })).toThrow(ValidationFailed);
    expect(rateFor('EUR', undefined, { currency: 'GBP', rate: '1.17' })).toBe('1');
  });
});

describe('CostCreate', () => {
  it('takes ISO 4217 codes in any case and defaults to a planned cost in EUR', () => {
    expect(CostCreate.parse({ category: 'travel', amount: '12.5' })).toEqual({
      category: 'travel',
      amount: 1250,
      currency: 'EUR',
      description: null,
      state: 'planned',
      paidByOrganisationId: null
    });
    expect(CostCreate.parse({ category: 'venue', amount: 10, currency: 'gbp', rateToEur: '1.16880' })).toMatchObject({ currency: 'GBP', rateToEur: '1.1688' });
    for (const currency of ['EURO', 'XYZ', 'E', '€', 'DEM']) expect(CostCreate.safeParse({ category: 'travel', amount: 1, currency }).success, currency).toBe(false);
  });
});
