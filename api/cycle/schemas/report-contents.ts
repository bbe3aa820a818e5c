/**
 * What the work plan and evaluation documents say, shared by the Word files
 * (api/cycle/documents/) and the web's print pages so both read the same:
 * labels in the document's languages, dates, numbers, the target of an
 * action, the key figures and the charts of an evaluation.
 */
import { DateTime } from 'luxon';
import type { EvaluationDetail, Tally, TallyLabels } from './evaluations.js';
import { labelsIn, type DocumentWords, type ReportHeadings, type ReportLabelKey, type ReportLanguage } from './reports.js';
import type { WorkPlanItem } from './work-plans.js';

/** A label in each of the plan's languages, e.g. the domain's. */
export function inLanguages(labels: { en: string; de: string; nl: string } | null, headings: ReportHeadings): string {
  if (!labels) return '—';
  const out: string[] = [];
  for (const language of headings.languages) if (!out.includes(labels[language])) out.push(labels[language]);
  return out.join(' / ');
}

/** A calendar day as `2027-03-31` in Brussels (the same in every language). */
export function day(instant: string | null): string {
  if (!instant) return '—';
  const parsed = instant.length === 10 ? DateTime.fromISO(instant) : DateTime.fromISO(instant, { zone: 'UTC' }).setZone('Europe/Brussels');
  return parsed.isValid ? parsed.toISODate()! : instant;
}

const TAGS: Record<ReportLanguage, string> = { en: 'en-GB', de: 'de-DE', nl: 'nl-BE' };

/** Numbers in the first language's manner. */
export function numbers(headings: ReportHeadings) {
  const tag = TAGS[headings.languages[0] ?? 'en'];
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const euro = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return {
    percent: (share: number | null) => (share === null ? '—' : percent.format(share)),
    euro: (cents: number | null) => (cents === null ? '—' : euro.format(cents / 100)),
    decimal: (value: number | null) => (value === null ? '—' : decimal.format(value)),
    integer: (value: number) => new Intl.NumberFormat(tag).format(value)
  };
}

/** The action's target date, or its quarter in each language ("2. Quartal 2027 / K2 2027"). */
export function target(item: WorkPlanItem, year: number, headings: ReportHeadings): string {
  if (item.targetDate) return day(item.targetDate);
  if (item.targetQuarter) return headings.each('quarter', { quarter: item.targetQuarter, year }).join(' / ');
  return '—';
}

/** The responsible partner and person, one per line. */
export function responsible(item: WorkPlanItem): string {
  return [item.responsiblePartyName, item.responsiblePersonName].filter((v) => v).join('\n') || '—';
}

/** A label's lines: broken between words (a word longer than a line is split), so nothing is cut. */
export function labelLines(label: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of label.split(/\s+/).filter(Boolean)) {
    while (word.length > max) {
      if (line) lines.push(line);
      lines.push(word.slice(0, max));
      word = word.slice(max);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/** What a tally counts by, which decides how its keys are labelled. */
export type TallyGroup = 'activityType' | 'domain' | 'hostRegion' | 'region' | 'organisationKind' | 'stage' | 'programme';

/** The missing value a group's "none" key stands for. */
const NONE_OF: Partial<Record<TallyGroup, 'hostRegion' | 'region' | 'organisation' | 'programme'>> = {
  hostRegion: 'hostRegion',
  region: 'region',
  organisationKind: 'organisation',
  programme: 'programme'
};

/**
 * A tally's label in every language: the API's `labels`, else (figures
 * frozen before it had them) the label tables by key; null for names
 * (regions, programmes), which stay as they are.
 */
export function tallyLabels(tally: Tally, group: TallyGroup, words: DocumentWords): TallyLabels | null {
  if (tally.labels) return tally.labels;
  const none = NONE_OF[group];
  if (tally.key === 'none' && none) return labelsIn(words, 'noValue', none) ?? null;
  if (group === 'activityType' || group === 'organisationKind' || group === 'stage') return labelsIn(words, group, tally.key) ?? null;
  return null;
}

/** A tally's label in one language (the web's), its name when it has no translations. */
export function tallyLabel(tally: Tally, group: TallyGroup, language: ReportLanguage, words: DocumentWords): string {
  return tallyLabels(tally, group, words)?.[language] ?? tally.label;
}

export interface EvaluationChart {
  key: ReportLabelKey;
  tallies: Tally[];
}

/** The tallies drawn as charts, in reading order, each label in the document's languages where known ("Regionale Gebietskörperschaft / Regionale overheid"). */
export function evaluationCharts(evaluation: Pick<EvaluationDetail, 'figures'>, h: ReportHeadings): EvaluationChart[] {
  const f = evaluation.figures;
  const named = (tallies: Tally[], group: TallyGroup) =>
    tallies.map((t) => {
      const labels = tallyLabels(t, group, h.words);
      return { ...t, label: labels ? inLanguages(labels, h) : t.label };
    });
  return [
    { key: 'activitiesByType', tallies: named(f.activities.byType, 'activityType') },
    { key: 'activitiesByDomain', tallies: named(f.activities.byDomain, 'domain') },
    { key: 'activitiesByHostRegion', tallies: named(f.activities.byHostRegion, 'hostRegion') },
    { key: 'participantsByRegion', tallies: named(f.participants.byRegion, 'region') },
    { key: 'participantsByKind', tallies: named(f.participants.byKind, 'organisationKind') },
    { key: 'organisationsByRegion', tallies: named(f.participants.organisations.byRegion, 'region') },
    { key: 'organisationsByKind', tallies: named(f.participants.organisations.byKind, 'organisationKind') },
    { key: 'proposalsByStage', tallies: named(f.proposals.byStage, 'stage') },
    { key: 'proposalsByProgramme', tallies: named(f.proposals.byProgramme, 'programme') }
  ];
}

/** The key figures as label–value rows. */
export function keyFigures(evaluation: Pick<EvaluationDetail, 'figures'>, h: ReportHeadings): [ReportLabelKey, string][] {
  const n = numbers(h);
  const f = evaluation.figures;
  const withShare = (count: number, share: number | null) => (share === null ? n.integer(count) : `${n.integer(count)} (${n.percent(share)})`);
  return [
    ['activitiesHeld', n.integer(f.activities.total)],
    ['political', withShare(f.activities.political.count, f.activities.political.share)],
    ['participants', n.integer(f.participants.total)],
    ['organisations', n.integer(f.participants.organisations.total)],
    ['feedback', f.feedback.average === null ? '—' : `${n.decimal(f.feedback.average)} (${n.integer(f.feedback.responses)})`],
    ['followUps', `${n.integer(f.followUps.done)} / ${n.integer(f.followUps.total)}${f.followUps.rate === null ? '' : ` (${n.percent(f.followUps.rate)})`}`],
    ['costs', n.euro(f.costs.spentCents)],
    ['budget', n.euro(f.costs.budgetCents)],
    ['costShare', n.percent(f.costs.share)],
    ['proposalsTotal', n.integer(f.proposals.total)],
    ['approvalRate', `${n.integer(f.proposals.approved)} / ${n.integer(f.proposals.decided)}${f.proposals.approvalRate === null ? '' : ` (${n.percent(f.proposals.approvalRate)})`}`]
  ];
}

