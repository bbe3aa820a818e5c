import { describe, expect, it } from 'vitest';
import { Weight } from '../../../api/proposals/schemas/scoring.js';
import { rank, summarise, weightHundredths } from '../../../api/proposals/rules/scoring.js';

/**
 * A hand-computed case: three criteria worth 1, 3 or 5 points, weighing
 * 1, 1.5 and 2 (best possible: 5 + 7.5 + 10 = 22.5).
 *
 *              c1 (×1)   c2 (×1.5)   c3 (×2)   weighted                 raw
 *   Anna         5          3           1      5 + 4.5 + 2  = 11.5        9
 *   Bert         3          5           3      3 + 7.5 + 6  = 16.5       11
 *   Cleo         1          1           –      1 + 1.5      =  2.5  (incomplete)
 *
 *   mean of the complete reviewers (Anna, Bert): (11.5 + 16.5) / 2 = 14
 *   spread: 16.5 − 11.5 = 5
 *   per criterion: c1 5/3/1 → mean 3, spread 4; c2 3/5/1 → mean 3, spread 4;
 *                  c3 1/3 → mean 2, spread 2
 */
const criteria = [
  { id: 'c1', weight: '1' },
  { id: 'c2', weight: '1.5' },
  { id: 'c3', weight: '2' }
];
const best = () => 5;
const score = (reviewerId: string, criterionId: string, points: number) => ({ reviewerId, criterionId, points });
const scores = [
  score('anna', 'c1', 5),
  score('anna', 'c2', 3),
  score('anna', 'c3', 1),
  score('bert', 'c1', 3),
  score('bert', 'c2', 5),
  score('bert', 'c3', 3),
  score('cleo', 'c1', 1),
  score('cleo', 'c2', 1)
];

describe('weighted scoring', () => {
  it('computes the hand-computed case', () => {
    const summary = summarise(criteria, scores, best);
    expect(summary.reviewers).toEqual([
      { reviewerId: 'anna', weightedTotal: 11.5, rawTotal: 9, scoredCriteria: 3, complete: true },
      { reviewerId: 'bert', weightedTotal: 16.5, rawTotal: 11, scoredCriteria: 3, complete: true },
      { reviewerId: 'cleo', weightedTotal: 2.5, rawTotal: 2, scoredCriteria: 2, complete: false }
    ]);
    expect(summary.completeReviewers).toBe(2);
    expect(summary.meanWeightedTotal).toBe(14);
    expect(summary.spread).toBe(5);
    expect(summary.maxWeightedTotal).toBe(22.5);
    expect(summary.criteria).toEqual([
      { criterionId: 'c1', reviewers: 3, mean: 3, min: 1, max: 5, spread: 4 },
      { criterionId: 'c2', reviewers: 3, mean: 3, min: 1, max: 5, spread: 4 },
      { criterionId: 'c3', reviewers: 2, mean: 2, min: 1, max: 3, spread: 2 }
    ]);
  });

  it('rounds means half up to two decimals and keeps weights exact', () => {
    const one = [{ id: 'c', weight: '0.5' }];
    // 1 × 0.5, 1 × 0.5, 3 × 0.5 → 0.5, 0.5, 1.5: mean 2.5 / 3 = 0.8333… → 0.83
    expect(summarise(one, [score('a', 'c', 1), score('b', 'c', 1), score('d', 'c', 3)], best).meanWeightedTotal).toBe(0.83);
    // 1, 1, 2 points at weight 1: mean 1.3333… → 1.33; per criterion mean likewise
    const plain = summarise([{ id: 'c', weight: '1' }], [score('a', 'c', 1), score('b', 'c', 1), score('d', 'c', 2)], best);
    expect(plain.meanWeightedTotal).toBe(1.33);
    expect(plain.criteria[0]!.mean).toBe(1.33);
    // 1 and 2 at weight 1.25: 1.25 and 2.5 → 1.875 → 1.88 (half up)
    expect(summarise([{ id: 'c', weight: '1.25' }], [score('a', 'c', 1), score('b', 'c', 2)], best).meanWeightedTotal).toBe(1.88);
    // 0.1 + 0.2 never happens: 3 × 1.1 + 3 × 1.2 = 6.9 exactly
    expect(summarise([{ id: 'x', weight: '1.1' }, { id: 'y', weight: '1.2' }], [score('a', 'x', 3), score('a', 'y', 3)], best).reviewers[0]!.weightedTotal).toBe(6.9);
  });

  it('has no mean or spread without a complete reviewer, and ignores scores on other criteria', () => {
    const summary = summarise(criteria, [score('cleo', 'c1', 1), score('cleo', 'elsewhere', 5)], best);
    expect(summary.meanWeightedTotal).toBeNull();
    expect(summary.spread).toBeNull();
    expect(summary.reviewers).toEqual([{ reviewerId: 'cleo', weightedTotal: 1, rawTotal: 1, scoredCriteria: 1, complete: false }]);
    expect(summary.criteria[2]).toEqual({ criterionId: 'c3', reviewers: 0, mean: null, min: null, max: null, spread: null });
  });

  it('reads weights with at most two decimals', () => {
    expect(weightHundredths('1')).toBe(100);
    expect(weightHundredths('1.5')).toBe(150);
    expect(weightHundredths('0.05')).toBe(5);
    expect(() => weightHundredths('1.505')).toThrow(RangeError);
    expect(Weight.parse('1.50')).toBe('1.5');
    expect(Weight.parse(2)).toBe('2');
    for (const bad of ['0', '-1', '1.555', '101', 'x', '1,5']) expect(Weight.safeParse(bad).success, bad).toBe(false);
  });
});

describe('ranking candidates', () => {
  it('ranks by mean, shares ranks on ties (agreement first), puts unscored last', () => {
    const ranked = rank([
      { id: 'p1', acronym: 'GREEN', meanWeightedTotal: 14, spread: 5 },
      { id: 'p2', acronym: 'BIO', meanWeightedTotal: 14, spread: 2 },
      { id: 'p3', acronym: 'HAI', meanWeightedTotal: 16, spread: 0 },
      { id: 'p4', acronym: 'AAA', meanWeightedTotal: null, spread: null },
      { id: 'p5', acronym: 'RAUM', meanWeightedTotal: 9.5, spread: 1 }
    ]);
    expect(ranked.map((r) => [r.acronym, r.rank])).toEqual([
      ['HAI', 1],
      ['BIO', 2],
      ['GREEN', 2],
      ['RAUM', 4],
      ['AAA', null]
    ]);
  });
});
