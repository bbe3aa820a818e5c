/**
 * What the evaluation's charts show and how their numbers read: the series
 * a BarChart draws, the label of a tally in the reader's language (the
 * labels the API sent, else the documents' label tables by key — the same
 * as the Word file and print page — else the API's label, as for region and
 * programme names) and shares as percentages.
 */
import type { Tally } from '$api/cycle/schemas/evaluations';
import { type TallyGroup, tallyLabel as labelIn } from '$api/cycle/schemas/report-contents';
import { TAGS, type Translator } from '$lib/i18n/index.js';
import { m } from '$i18n/paraglide/messages.js';
import { documentWords } from '$lib/reports/document-words.js';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/** What a tally counts by (activity type, domain, host region, region, organisation kind, stage, programme). */
export type TallyKind = TallyGroup;

export function tallyLabel(i18n: Translator, kind: TallyKind, tally: Tally): string {
  return labelIn(tally, kind, i18n.locale, documentWords);
}

/** 0.4166 → "42 %" (de) / "42%" (en) */
export function percent(i18n: Translator, share: number | null): string {
  if (share === null) return m.evaluations_chart_none();
  return new Intl.NumberFormat(TAGS[i18n.locale], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** 4.25 → "4.3" / "4,3" */
export function oneDecimal(i18n: Translator, value: number | null): string {
  if (value === null) return m.evaluations_chart_none();
  return new Intl.NumberFormat(TAGS[i18n.locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
