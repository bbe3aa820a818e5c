/** Scores in the UI language: weighted totals with up to two decimals, weights as factors ("×1.5"). */
import { type Locale, TAGS } from '$lib/i18n/index.js';

export function formatScore(locale: Locale, value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 2 }).format(value);
}

export function formatWeight(locale: Locale, weight: string): string {
  return `×${new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 2 }).format(Number(weight))}`;
}
