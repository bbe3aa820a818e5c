import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentProblems, latestToday } from '../../../api/crm/services/people.js';

const today = '2026-11-23';
const paths = (problems: { path: string }[]) => problems.map((p) => p.path);

describe('consentProblems (GDPR)', () => {
  it('accepts consent with a date up to today and a source', () => {
    expect(consentProblems({ lawfulBasis: 'consent', consentDate: today, consentSource: 'Web form' }, today)).toEqual([]);
    expect(consentProblems({ lawfulBasis: 'consent', consentDate: '2016-12-01', consentSource: 'Signed list' }, today)).toEqual([]);
  });

  it('asks for the date and the source of consent', () => {
    expect(paths(consentProblems({ lawfulBasis: 'consent', consentDate: null, consentSource: null }, today))).toEqual(['consentDate', 'consentSource']);
    expect(paths(consentProblems({ lawfulBasis: 'consent', consentDate: today, consentSource: null }, today))).toEqual(['consentSource']);
  });

  it('refuses a consent date after today, whatever the basis', () => {
    expect(paths(consentProblems({ lawfulBasis: 'consent', consentDate: '2026-11-24', consentSource: 'Web form' }, today))).toEqual(['consentDate']);
    expect(paths(consentProblems({ lawfulBasis: 'contract', consentDate: '2027-01-01', consentSource: null }, today))).toEqual(['consentDate']);
  });

  it('asks nothing for the other lawful bases', () => {
    for (const lawfulBasis of ['legitimate_interest', 'public_task', 'contract'] as const) {
      expect(consentProblems({ lawfulBasis, consentDate: null, consentSource: null }, today)).toEqual([]);
    }
  });

  it('accepts exactly the dates not after today (property)', () => {
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (given, now) => {
        const problems = consentProblems({ lawfulBasis: 'consent', consentDate: given, consentSource: 'Web form' }, now);
        expect(problems.length === 0).toBe(given <= now);
      })
    );
  });
});

describe('latestToday', () => {
  it('is the date in the earliest time zone (UTC+14), so no one’s today is refused', () => {
    expect(latestToday(new Date('2026-11-23T09:59:59Z'))).toBe('2026-11-23');
    expect(latestToday(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-24');
  });
});
