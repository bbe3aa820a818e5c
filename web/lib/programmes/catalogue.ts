/** The programme catalogue as pickers and tables show it: families, and parents before their sub-programmes. */
import { PROGRAMME_FAMILIES } from '$api/funding/schemas/programme-families';
import type { Programme, ProgrammeFamily } from '$api/funding/schemas/programmes';
import { type ApiClient, read } from '$lib/api/client.js';
import { decimalComma, type Locale } from '$lib/i18n/index.js';

export { PROGRAMME_FAMILIES };

export function isProgrammeFamily(value: string): value is ProgrammeFamily {
  return (PROGRAMME_FAMILIES as readonly string[]).includes(value);
}

/** Every programme (the catalogue is small: one page of 200, then the rest). */
export async function allProgrammes(api: ApiClient): Promise<Programme[]> {
  const items: Programme[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(await api.programmes.$get({ query: { limit: '200', sort: 'name', ...(cursor ? { cursor } : {}) } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export interface ProgrammeNode {
  programme: Programme;
  /** 0 for a top-level programme, 1 for its sub-programmes, … */
  depth: number;
}

/** Programmes by name, each followed by its sub-programmes (indented by depth). */
export function programmeTree(programmes: Programme[]): ProgrammeNode[] {
  const byParent = new Map<string | null, Programme[]>();
  const ids = new Set(programmes.map((p) => p.id));
  for (const p of programmes) {
    const parent = p.parentId && ids.has(p.parentId) ? p.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), p]);
  }
  const out: ProgrammeNode[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const p of (byParent.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ programme: p, depth });
      if (depth < 6) walk(p.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A programme's name in a <select>, indented under its parent (non-breaking spaces survive in options). */
export function optionLabel(node: ProgrammeNode): string {
  return `${'\u00a0\u00a0\u00a0'.repeat(node.depth)}${node.programme.name}`;
}

/** A rate as the API keeps it ("0.60") → "60 %" in the UI language. */
export function formatRatePercent(tag: string, rate: string | null): string | null {
  if (rate === null) return null;
  return new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 }).format(Number(rate));
}

/**
 * A percentage as typed ("70", "62,5", "70 %") → the fraction the API reads ("0.70", "0.625").
 * Null when the box is empty; `{ error }` when it is no percentage from 1 to 100 with at most two decimals.
 */
export function rateForApi(typed: string): string | null | { error: true } {
  const text = typed.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!text) return null;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return { error: true };
  const [whole = '0', decimals = ''] = text.split('.');
  const hundredths = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (hundredths < 100 || hundredths > 10_000) return { error: true };
  // hundredths of a per cent = ten-thousandths of the whole
  const digits = String(hundredths).padStart(5, '0');
  return `${digits.slice(0, -4)}.${digits.slice(-4)}`.replace(/(\.\d\d\d?)0+$/, '$1').replace(/(\.\d\d)0$/, '$1');
}

/** A rate from the API ("0.625") → the percentage an input shows ("62.5", or "62,5" in German and Dutch). */
export function rateForInput(locale: Locale, rate: string | null): string {
  if (rate === null) return '';
  const [whole = '0', decimals = ''] = rate.split('.');
  const tenThousandths = Number(whole) * 10_000 + Number(decimals.padEnd(4, '0').slice(0, 4));
  const text = String(tenThousandths / 100);
  return decimalComma(locale) ? text.replace('.', ',') : text;
}
