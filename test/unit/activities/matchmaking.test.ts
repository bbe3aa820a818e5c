import { describe, expect, it } from 'vitest';
import { type Candidate, type JointContact, type PairInput, rankPairs, scorePair } from '../../../api/activities/services/matchmaking.js';

/**
 * A hand-computed case: Rhein-Neckar (A) and Flemish Brabant (B), today
 * 23 November 2026, "no contact in the last 12 months" (since 23 Nov 2025).
 *
 *   BioRN–VIB:          health 4/5 and energy 2/1 both close (10 + 10),
 *                       last met May 2024: worth renewing (+8),
 *                       BioRN contacted Sept 2026 (+2), VIB never (0)      = 30
 *   Fraunhofer–VIB:     health 4/5 close (10), never met (+5), no contact
 *                       with either in the last 12 months (0 + 0)           = 15
 *   BioRN–EnergyVille:  energy 2/4 too far apart (2), never met (+5),
 *                       both contacted in 2026 (+2 +2)                      = 11
 *   MVV–VIB:            energy 5/1 too far apart (2), never met (+5),
 *                       MVV contacted (+2), VIB not (0)                      =  9
 *   MVV–EnergyVille:    energy 5/4 close (10), met June 2026: recent (−10),
 *                       both contacted (+2 +2)                               =  4
 *   DSP Valley shares nothing with anyone; Fraunhofer (also Rhein-Neckar)
 *   is never paired with BioRN (same region).
 */
const rn = 'region-rn';
const fb = 'region-fb';
const org = (id: string, name: string, regionId: string, maturity: Record<string, number>, lastContactOn: string | null): Candidate => ({
  id,
  name,
  kind: 'company',
  regionId,
  regionName: regionId === rn ? 'Rhein-Neckar' : 'Vlaams-Brabant',
  maturity,
  lastContactOn
});

const biorn = org('a1', 'BioRN Cluster', rn, { health: 4, energy: 2 }, '2026-09-01');
const mvv = org('a2', 'MVV Energie', rn, { energy: 5 }, '2026-06-10');
const fraunhofer = org('a3', 'Fraunhofer IESE', rn, { health: 4 }, null);
const vib = org('b1', 'VIB', fb, { health: 5, energy: 1 }, null);
const dsp = org('b2', 'DSP Valley', fb, { digital: 4 }, '2020-01-01');
const energyville = org('b3', 'EnergyVille', fb, { energy: 4 }, '2026-06-10');

const met: Record<string, JointContact> = {
  'a1|b1': { on: '2024-05-15', activityId: 'act-1', activityTitle: 'Life sciences mission' },
  'a2|b3': { on: '2026-06-10', activityId: 'act-2', activityTitle: 'Energy days' }
};

const names: Record<string, string> = { health: 'Health', energy: 'Energy', digital: 'Digital' };

function input(overrides: Partial<PairInput> = {}): PairInput {
  return {
    candidates: [biorn, mvv, fraunhofer, vib, dsp, energyville],
    regionOrder: [rn, fb],
    domainIds: [],
    jointContact: (a, b) => met[`${a}|${b}`] ?? met[`${b}|${a}`] ?? null,
    today: '2026-11-23',
    months: 12,
    domainName: (id) => names[id] ?? id,
    ...overrides
  };
}

const summary = (pairs: ReturnType<typeof rankPairs>) => pairs.map((p) => [p.a.name, p.b.name, p.score]);

describe('matchmaking ranking', () => {
  it('ranks the hand-computed case', () => {
    expect(summary(rankPairs(input()))).toEqual([
      ['BioRN Cluster', 'VIB', 30],
      ['Fraunhofer IESE', 'VIB', 15],
      ['BioRN Cluster', 'EnergyVille', 11],
      ['MVV Energie', 'VIB', 9],
      ['MVV Energie', 'EnergyVille', 4]
    ]);
  });

  it('says why, flags maturity gaps of more than one level, and names the contact state', () => {
    const [best, , renewable, distant, recent] = rankPairs(input());
    expect(best!.contact).toBe('worth_renewing');
    expect(best!.maturityWarning).toBe(false);
    expect(best!.sharedDomains).toEqual([
      { domainId: 'health', maturityA: 4, maturityB: 5, gap: 1, gapTooLarge: false },
      { domainId: 'energy', maturityA: 2, maturityB: 1, gap: 1, gapTooLarge: false }
    ]);
    expect(best!.reasons).toEqual([
      'Share Health (maturity 4 and 5) and Energy (maturity 2 and 1): maturity close enough for an exchange.',
      'Contact worth renewing: they last met at “Life sciences mission” on 15 May 2024, no contact between them in the last 12 months.',
      'We were in touch with BioRN Cluster on 1 Sept 2026.',
      'No contact with VIB in the last 12 months.'
    ]);
    expect(renewable!.maturityWarning).toBe(true);
    expect(renewable!.maturityGap).toBe(2);
    expect(renewable!.reasons[0]).toContain('exchanges fail when maturity differs too much');
    expect(renewable!.contact).toBe('never_met');
    expect(distant!.maturityGap).toBe(4);
    expect(recent!.contact).toBe('recent');
    expect(recent!.reasons).toContain('They met recently, at “Energy days” on 10 Jun 2026.');
    // in the caller's language: a Dutch account reads them in Dutch, with dates as the web writes them
    const [dutch] = rankPairs({ ...input(), locale: 'nl' });
    expect(dutch!.reasons.slice(2)).toEqual(['We hadden contact met BioRN Cluster op 1 sep. 2026.', 'Geen contact met VIB in de laatste 12 maanden.']);
  });

  it('keeps to the wanted domains', () => {
    const energy = rankPairs(input({ domainIds: ['energy'] }));
    expect(summary(energy)).toEqual([
      ['BioRN Cluster', 'VIB', 20],
      ['BioRN Cluster', 'EnergyVille', 11],
      ['MVV Energie', 'VIB', 9],
      ['MVV Energie', 'EnergyVille', 4]
    ]);
    expect(energy[0]!.sharedDomains.map((d) => d.domainId)).toEqual(['energy']);
    expect(rankPairs(input({ domainIds: ['digital'] }))).toEqual([]);
  });

  it('pairs only across regions, the earlier region first, and uses N months for "recent"', () => {
    const pairs = rankPairs(input({ regionOrder: [fb, rn] }));
    expect(pairs.every((p) => p.a.regionId === fb && p.b.regionId === rn)).toBe(true);
    expect(pairs).toHaveLength(5);
    // with N = 36 months the May 2024 meeting is recent: 20 − 10 + 2 = 12
    expect(scorePair(biorn, vib, input({ months: 36 }))).toMatchObject({ contact: 'recent', score: 12 });
    // with N = 1 month nobody was in touch lately: 20 + 8 = 28
    expect(scorePair(biorn, vib, input({ months: 1 }))).toMatchObject({ contact: 'worth_renewing', score: 28 });
  });

  it('breaks ties by the number of shared domains, then by name', () => {
    const x = org('x', 'Alpha', rn, { energy: 3, health: 3 }, null);
    const y = org('y', 'Beta', rn, { energy: 3 }, null);
    const z = org('z', 'Zeta', fb, { energy: 3, health: 1 }, null);
    const ranked = rankPairs(input({ candidates: [y, x, z], jointContact: () => null }));
    // Alpha–Zeta: energy close (10) + health 3/1 far (2) + never met (5) = 17; Beta–Zeta: 10 + 5 = 15
    expect(summary(ranked)).toEqual([
      ['Alpha', 'Zeta', 17],
      ['Beta', 'Zeta', 15]
    ]);
    const tie = rankPairs(input({ candidates: [y, org('w', 'Aachen', rn, { energy: 3 }, null), z], jointContact: () => null }));
    expect(summary(tie)).toEqual([
      ['Aachen', 'Zeta', 15],
      ['Beta', 'Zeta', 15]
    ]);
  });
});
