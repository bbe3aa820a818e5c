/**
 * Why an approval was withdrawn, kept as a kind and its values
 * (cycle_approvals.withdrawn_reason_kind / _params) and worded when read,
 * in the reader's language: "Item “Joint stand” changed by Anna Berger",
 * „Punkt „Joint stand“ geändert von Anna Berger“, "Actie ‘Joint stand’
 * gewijzigd door Anna Berger". The values are what the reason names as it
 * was then (the item's title, the editor's name), not looked up again.
 * A row written before reasons had kinds keeps its free text, shown as it
 * is (`reasonText`).
 */
import type { Locale } from '../../../i18n/locales.js';
import { m } from '../../../i18n/paraglide-server/messages.js';
import type { SectionKind } from '../schemas/evaluations.js';

export type WithdrawalReason =
  /** the party took its approval back */
  | { kind: 'by_party'; params: { name: string } }
  | { kind: 'introduction_changed'; params: { name: string } }
  | { kind: 'item_added' | 'item_changed' | 'item_moved' | 'item_removed'; params: { title: string; name: string } }
  | { kind: 'item_restored'; params: { title: string; version: number; name: string } }
  | { kind: 'section_changed'; params: { section: SectionKind; name: string } }
  | { kind: 'assessment_changed'; params: { item: string; name: string } };

export type WithdrawalKind = WithdrawalReason['kind'];

const SECTIONS: Record<SectionKind, (locale: Locale) => string> = {
  results: (locale) => m.evaluations_sections_kinds_results({}, { locale }),
  challenges: (locale) => m.evaluations_sections_kinds_challenges({}, { locale }),
  recommendations: (locale) => m.evaluations_sections_kinds_recommendations({}, { locale }),
  next_steps: (locale) => m.evaluations_sections_kinds_next_steps({}, { locale })
};

const text = (value: unknown) => (typeof value === 'string' ? value : String(value ?? ''));

/** A stored kind and values in words, in `locale`; null for a kind this version does not know. */
export function withdrawalWords(kind: string, params: Record<string, unknown>, locale: Locale): string | null {
  const name = text(params.name);
  const title = text(params.title);
  switch (kind as WithdrawalKind) {
    case 'by_party':
      return m.cycle_withdrawal_byParty({ name }, { locale });
    case 'introduction_changed':
      return m.cycle_withdrawal_introductionChanged({ name }, { locale });
    case 'item_added':
      return m.cycle_withdrawal_itemAdded({ title, name }, { locale });
    case 'item_changed':
      return m.cycle_withdrawal_itemChanged({ title, name }, { locale });
    case 'item_moved':
      return m.cycle_withdrawal_itemMoved({ title, name }, { locale });
    case 'item_removed':
      return m.cycle_withdrawal_itemRemoved({ title, name }, { locale });
    case 'item_restored':
      return m.cycle_withdrawal_itemRestored({ title, version: text(params.version), name }, { locale });
    case 'section_changed': {
      const section = SECTIONS[params.section as SectionKind];
      return m.cycle_withdrawal_sectionChanged({ section: section ? section(locale) : text(params.section), name }, { locale });
    }
    case 'assessment_changed':
      return m.cycle_withdrawal_assessmentChanged({ item: text(params.item), name }, { locale });
    default:
      return null;
  }
}

/** What a withdrawal says to a reader in `locale`: its kind worded, else the free text an older version stored. */
export function reasonText(stored: { kind: string | null; params: Record<string, unknown> | null; text: string | null }, locale: Locale): string {
  return (stored.kind && withdrawalWords(stored.kind, stored.params ?? {}, locale)) || stored.text || '';
}
