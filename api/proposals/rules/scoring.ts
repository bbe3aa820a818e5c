/**
 * Weighted scoring of candidate projects, as pure functions (hand-checkable).
 *
 * - A criterion has levels worth some points (RegioWIN: 1, 3 or 5) and a
 *   weight, a decimal with at most two decimals ("1", "1.5"). A reviewer's
 *   weighted total is Σ points × weight over the criteria they scored;
 *   their raw total is Σ points.
 * - Arithmetic runs in hundredths of a point (integers), so 3 × 1.5 is 4.5
 *   exactly; means are rounded half up to two decimals.
 * - A reviewer is complete once they scored every criterion of the matrix.
 *   The mean and the spread (max − min of the reviewers' weighted totals)
 *   count complete reviewers only: a half-filled sheet would pull the mean
 *   down. Per criterion, mean, min, max and spread count every reviewer who
 *   scored it.
 * - Ranking: by mean weighted total, highest first; proposals without a
 *   complete reviewer come last; ties share a rank (1, 2, 2, 4) and are
 *   listed with the smaller spread (more agreement) first, then by acronym.
 */

export interface ScoredCriterion {
  id: string;
  /** decimal string with at most two decimals */
  weight: string;
}

export interface ScoreEntry {
  criterionId: string;
  reviewerId: string;
  points: number;
}

export interface ReviewerTotal {
  reviewerId: string;
  weightedTotal: number;
  rawTotal: number;
  scoredCriteria: number;
  complete: boolean;
}

export interface CriterionSpread {
  criterionId: string;
  reviewers: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  spread: number | null;
}

export interface ScoreSummary {
  reviewers: ReviewerTotal[];
  completeReviewers: number;
  meanWeightedTotal: number | null;
  spread: number | null;
  criteria: CriterionSpread[];
  /** the weighted total of the best level of every criterion */
  maxWeightedTotal: number;
}

const WEIGHT = /^(\d{1,6})(?:\.(\d{1,2}))?$/;

/** "1.5" → 150; throws on anything that is not a weight with at most two decimals. */
export function weightHundredths(weight: string): number {
  const match = WEIGHT.exec(weight.trim());
  if (!match) throw new RangeError(`Not a weight: ${weight}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Hundredths → a number with at most two decimals. */
function points(hundredths: number): number {
  return hundredths / 100;
}

/** Integer division rounded half up (both non-negative). */
function divide(total: number, count: number): number {
  return Math.floor((2 * total + count) / (2 * count));
}

export function summarise(criteria: ScoredCriterion[], scores: ScoreEntry[], maxPoints: (criterionId: string) => number): ScoreSummary {
  const weights = new Map(criteria.map((c) => [c.id, weightHundredths(c.weight)]));
  const relevant = scores.filter((s) => weights.has(s.criterionId));
  const byReviewer = new Map<string, ScoreEntry[]>();
  for (const s of relevant) byReviewer.set(s.reviewerId, [...(byReviewer.get(s.reviewerId) ?? []), s]);

  const reviewers: (ReviewerTotal & { hundredths: number })[] = [...byReviewer.entries()].map(([reviewerId, own]) => {
    const hundredths = own.reduce((sum, s) => sum + s.points * weights.get(s.criterionId)!, 0);
    const scored = new Set(own.map((s) => s.criterionId)).size;
    return {
      reviewerId,
      hundredths,
      weightedTotal: points(hundredths),
      rawTotal: own.reduce((sum, s) => sum + s.points, 0),
      scoredCriteria: scored,
      complete: scored === criteria.length && criteria.length > 0
    };
  });
  const complete = reviewers.filter((r) => r.complete).map((r) => r.hundredths);
  const perCriterion: CriterionSpread[] = criteria.map((c) => {
    const given = relevant.filter((s) => s.criterionId === c.id).map((s) => s.points);
    if (!given.length) return { criterionId: c.id, reviewers: 0, mean: null, min: null, max: null, spread: null };
    const min = Math.min(...given);
    const max = Math.max(...given);
    return { criterionId: c.id, reviewers: given.length, mean: points(divide(given.reduce((a, b) => a + b, 0) * 100, given.length)), min, max, spread: max - min };
  });
  return {
    reviewers: reviewers.map(({ hundredths: _h, ...rest }) => rest),
    completeReviewers: complete.length,
    meanWeightedTotal: complete.length ? points(divide(complete.reduce((a, b) => a + b, 0), complete.length)) : null,
    spread: complete.length ? points(Math.max(...complete) - Math.min(...complete)) : null,
    criteria: perCriterion,
    maxWeightedTotal: points(criteria.reduce((sum, c) => sum + maxPoints(c.id) * weights.get(c.id)!, 0))
  };
}

export interface RankInput {
  id: string;
  acronym: string;
  meanWeightedTotal: number | null;
  spread: number | null;
}

/** Ranks candidates by mean weighted total; equal means share a rank; no mean means no rank. */
export function rank<T extends RankInput>(items: T[]): (T & { rank: number | null })[] {
  const sorted = [...items].sort((a, b) => {
    if (a.meanWeightedTotal === null || b.meanWeightedTotal === null) {
      if (a.meanWeightedTotal !== b.meanWeightedTotal) return a.meanWeightedTotal === null ? 1 : -1;
    } else if (a.meanWeightedTotal !== b.meanWeightedTotal) return b.meanWeightedTotal - a.meanWeightedTotal;
    return (a.spread ?? 0) - (b.spread ?? 0) || a.acronym.localeCompare(b.acronym) || a.id.localeCompare(b.id);
  });
  let previous: number | null = null;
  let previousRank = 0;
  return sorted.map((item, i) => {
    if (item.meanWeightedTotal === null) return { ...item, rank: null };
    const r = item.meanWeightedTotal === previous ? previousRank : i + 1;
    previous = item.meanWeightedTotal;
    previousRank = r;
    return { ...item, rank: r };
  });
}
