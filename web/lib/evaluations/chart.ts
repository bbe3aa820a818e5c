/**
 * What the evaluation's charts show and how their numbers read: the series
 * a BarChart draws, the label of a tally in the reader's language (the API's
 * label when there is no message for its key) and shares as percentages.
 */
import type { Tally } from '$api/schemas/evaluations';
import { TAGS, type Translator } from '$lib/i18n/index.js';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/** Which messages translate the keys of a tally group; groups without one keep the API's label (regions, domains, programmes). */
export type TallyKind = 'activityType' | 'organisationKind' | 'participantKind' | 'proposalStage' | 'plain';

const PREFIX: Record<TallyKind, string | null> = {
  activityType: 'activities.types',
  organisationKind: 'organisations.kinds',
  participantKind: 'organisations.kinds',
  proposalStage: 'proposals.stages',
  plain: null
};

export function tallyLabel(i18n: Translator, kind: TallyKind, tally: Tally): string {
  const prefix = PREFIX[kind];
  if (!prefix) return tally.label;
  return i18n.t(`${prefix}.${tally.key}`, { defaultValue: tally.label });
}

/** 0.4166 → "42 %" (de) / "42%" (en) */
export function percent(i18n: Translator, share: number | null): string {
  if (share === null) return i18n.t('evaluations.chart.none');
  return new Intl.NumberFormat(TAGS[i18n.locale], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** 4.25 → "4.3" / "4,3" */
export function oneDecimal(i18n: Translator, value: number | null): string {
  if (value === null) return i18n.t('evaluations.chart.none');
  return new Intl.NumberFormat(TAGS[i18n.locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
