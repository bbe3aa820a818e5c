import { describe, expect, it } from 'vitest';
import { type BuilderCandidate, type BuilderInput, keywordsInName, rankSuggestions } from '../../../api/proposals/services/consortium-builder.js';

/**
 * A hand-computed case: a proposal on health and energy, its call's
 * keywords "hydrogen" and "Hydrogen" (the same word twice).
 *
 *   BioRN Cluster   health 5 (10 + 2 leading), energy 2 (10),
 *                   partner in CHIPS (approved: 6), 2 activities (2)      = 30
 *   Busy Agency     health 3 (10), 7 activities (capped at 5)             = 15
 *   VIB             health 4 (10 + 2), no record                          = 12
 *   Hydrogen Europe no domain, keyword (5), in RHINO (rejected: 4),
 *                   a third partner from Brussels                         =  9
 *   DSP Valley      digital only, no keyword: not suggested
 */
const candidate = (c: Partial<BuilderCandidate> & Pick<BuilderCandidate, 'id' | 'name'>): BuilderCandidate => ({
  kind: 'company',
  regionId: 'rn',
  regionName: 'Rhein-Neckar',
  country: 'DE',
  thirdPartner: false,
  maturity: {},
  proposals: [],
  activities: [],
  ...c
});

const biorn = candidate({
  id: 'o1',
  name: 'BioRN Cluster',
  maturity: { health: 5, energy: 2 },
  proposals: [{ proposalId: 'p1', acronym: 'CHIPS', stage: 'approved', role: 'partner' }],
  activities: [
    { activityId: 'a2', title: 'Life sciences mission', on: '2024-05-15' },
    { activityId: 'a1', title: 'BioTech days', on: '2023-10-02' }
  ]
});
const busy = candidate({
  id: 'o2',
  name: 'Busy Agency',
  maturity: { health: 3 },
  activities: Array.from({ length: 7 }, (_, i) => ({ activityId: `b${i}`, title: `Visit ${i}`, on: `2025-0${i + 1}-01` }))
});
const vib = candidate({ id: 'o3', name: 'VIB', regionId: 'fb', regionName: 'Vlaams-Brabant', country: 'BE', maturity: { health: 4 } });
const hydrogen = candidate({
  id: 'o4',
  name: 'Hydrogen Europe',
  regionId: 'bxl',
  regionName: 'Brussels',
  country: 'BE',
  thirdPartner: true,
  proposals: [{ proposalId: 'p2', acronym: 'RHINO', stage: 'rejected', role: 'associated' }]
});
const dsp = candidate({ id: 'o5', name: 'DSP Valley', regionId: 'fb', maturity: { digital: 4 } });

const names: Record<string, string> = { health: 'Health', energy: 'Energy', digital: 'Digital' };
const input = (overrides: Partial<BuilderInput> = {}): BuilderInput => ({
  candidates: [dsp, hydrogen, vib, busy, biorn],
  domainIds: ['health', 'energy'],
  keywords: ['hydrogen', 'Hydrogen'],
  domainName: (id) => names[id] ?? id,
  ...overrides
});

describe('consortium builder ranking', () => {
  it('ranks the hand-computed case', () => {
    expect(rankSuggestions(input()).map((s) => [s.candidate.name, s.score])).toEqual([
      ['BioRN Cluster', 30],
      ['Busy Agency', 15],
      ['VIB', 12],
      ['Hydrogen Europe', 9]
    ]);
  });

  it('gives a reason for every point', () => {
    const [first, , third, fourth] = rankSuggestions(input());
    expect(first!.reasons).toEqual([
      'Works on Health (maturity 5) and Energy (maturity 2), leading in Health.',
      'Partner in 1 of our proposals: CHIPS (Approved, Partner).',
      'Took part in 2 of our activities, the last “Life sciences mission” on 15 May 2024.'
    ]);
    expect(first!.matchingDomains).toEqual([
      { domainId: 'health', maturity: 5 },
      { domainId: 'energy', maturity: 2 }
    ]);
    expect(third!.reasons).toEqual(['Works on Health (maturity 4), leading in Health.', 'No record with us yet: a new partner.']);
    // in the caller's language
    const [, , dritter] = rankSuggestions({ ...input(), locale: 'de' });
    expect(dritter!.reasons).toEqual(['Arbeitet an Health (Reifegrad 4), führend in Health.', 'Noch keine gemeinsame Geschichte mit uns: ein neuer Partner.']);
    expect(fourth!.matchingKeywords).toEqual(['hydrogen']);
    expect(fourth!.reasons).toEqual([
      'Its name matches the call’s keyword “hydrogen”.',
      'Partner in 1 of our proposals: RHINO (Rejected, Associated partner).',
      'A third partner from Brussels, outside the partner regions.'
    ]);
  });

  it('suggests only organisations matching a wanted domain or keyword', () => {
    expect(rankSuggestions(input({ domainIds: ['digital'], keywords: [] })).map((s) => s.candidate.name)).toEqual(['DSP Valley']);
    expect(rankSuggestions(input({ domainIds: [], keywords: [] }))).toEqual([]);
  });

  it('matches keywords at the start of words, ignoring case and accents', () => {
    expect(keywordsInName('Hydrogen Europe', ['hydro', 'europe', 'rope'])).toEqual(['hydro', 'europe']);
    expect(keywordsInName('Université de Liège', ['universite', 'liege'])).toEqual(['universite', 'liege']);
    expect(keywordsInName('Smart City Lab Leuven', ['smart city', 'city lab', 'smart lab'])).toEqual(['smart city', 'city lab']);
    expect(keywordsInName('EnergyVille', ['energy', 'ville'])).toEqual(['energy']);
    expect(keywordsInName('Anything', ['', '  '])).toEqual([]);
  });
});
