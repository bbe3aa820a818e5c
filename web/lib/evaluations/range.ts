/**
 * The years of the multi-year overview from `?from=&to=`: by default the
 * last four years up to this one; a range the API would refuse (reversed,
 * longer than 30 years, outside 2000–2100) is put right, not refused.
 */
const YEAR = /^\d{4}$/;

export function overviewRange(search: URLSearchParams, thisYear: number): { from: number; to: number } {
  const asked = (name: string) => {
    const value = search.get(name) ?? '';
    return YEAR.test(value) ? Math.min(2100, Math.max(2000, Number(value))) : null;
  };
  let to = asked('to') ?? Math.min(2100, thisYear);
  let from = asked('from') ?? Math.max(2000, to - 3);
  if (from > to) [from, to] = [to, from];
  if (to - from >= 30) from = to - 29;
  return { from, to };
}
