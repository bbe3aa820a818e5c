/**
 * What the work plan and evaluation documents say, shared by the Word files
 * (api/services/reports/) and the web's print pages so both read the same:
 * labels in the document's languages, dates, numbers, the target of an
 * action, the key figures and the charts of an evaluation.
 */
import { DateTime } from 'luxon';
import type { EvaluationDetail, Tally } from './evaluations.js';
import { reportHeadings, type ReportHeadings, type ReportLabelKey, type ReportLanguage } from './reports.js';
import type { WorkPlanItem } from './workplans.js';

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

export interface EvaluationChart {
  key: ReportLabelKey;
  tallies: Tally[];
}

/** The tallies drawn as charts, in reading order, with value labels in the document's languages where known. */
export function evaluationCharts(evaluation: Pick<EvaluationDetail, 'figures' | 'languages'>): EvaluationChart[] {
  const h = reportHeadings(evaluation.languages);
  const f = evaluation.figures;
  const named = (tallies: Tally[], group?: 'activityType' | 'stage') =>
    group ? tallies.map((t) => ({ ...t, label: h.value(group, t.key, t.label) })) : tallies;
  return [
    { key: 'activitiesByType', tallies: named(f.activities.byType, 'activityType') },
    { key: 'activitiesByDomain', tallies: f.activities.byDomain },
    { key: 'activitiesByHostRegion', tallies: f.activities.byHostRegion },
    { key: 'participantsByRegion', tallies: f.participants.byRegion },
    { key: 'participantsByKind', tallies: f.participants.byKind },
    { key: 'organisationsByRegion', tallies: f.participants.organisations.byRegion },
    { key: 'organisationsByKind', tallies: f.participants.organisations.byKind },
    { key: 'proposalsByStage', tallies: named(f.proposals.byStage, 'stage') },
    { key: 'proposalsByProgramme', tallies: f.proposals.byProgramme }
  ];
}

/** The key figures as label–value rows. */
export function keyFigures(evaluation: Pick<EvaluationDetail, 'figures' | 'languages'>): [ReportLabelKey, string][] {
  const h = reportHeadings(evaluation.languages);
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

