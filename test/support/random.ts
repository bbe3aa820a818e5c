/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same
 * numbers on every machine, so the scale benchmark builds the same workspace
 * every time and a randomised test's failure can be replayed.
 */
export interface Random {
  /** a float in [0, 1) */
  next(): number;
  /** an integer in [0, n) */
  below(n: number): number;
  /** true with probability p */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** one of `items`, each as likely as its weight */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  const totals = new WeakMap<object, number>();
  return {
    next,
    below: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(items) {
      let total = totals.get(items);
      if (total === undefined) {
        total = items.reduce((sum, [, w]) => sum + w, 0);
        totals.set(items, total);
      }
      let x = next() * total;
      for (const [item, weight] of items) {
        x -= weight;
        if (x < 0) return item;
      }
      return items[items.length - 1]![0];
    }
  };
}
