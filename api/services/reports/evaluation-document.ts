/**
 * The evaluation as a Word document, headings in the partnership's
 * languages side by side (see api/schemas/reports.ts):
 *
 * 1. title ("Evaluierung 2026 | Evaluatie 2026"), partnership, partners,
 *    status, and whether the figures are frozen (adopted) or live;
 * 2. the key figures as a table;
 * 3. one bar chart per tally (activities by type, domain and host region,
 *    participants and organisations by region and kind, candidate projects
 *    by stage and programme), each followed by the same numbers as a table;
 * 4. the assessment of each work-plan action;
 * 5. the written sections (results, challenges, recommendations, next steps);
 * 6. the approvals by partner.
 *
 * Built from an EvaluationDetail alone, so it can be tested without a database.
 */
import { HeadingLevel } from 'docx';
import type { EvaluationDetail, SectionKind, Tally } from '../../schemas/evaluations.js';
import { reportHeadings, type ReportHeadings, type ReportLabelKey } from '../../schemas/reports.js';
import { barChartPng } from './charts.js';
import {
  approvalBlocks,
  type Block,
  chartImage,
  frontMatter,
  heading,
  inLanguages,
  note,
  numbers,
  pack,
  paragraphs,
  slug,
  table,
  title,
  type WordFile
} from './document-parts.js';

const SECTION_ORDER: SectionKind[] = ['results', 'challenges', 'recommendations', 'next_steps'];

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

async function chartBlocks(chart: EvaluationChart, h: ReportHeadings): Promise<Block[]> {
  const caption = h.both(chart.key);
  const blocks: Block[] = [heading(caption, HeadingLevel.HEADING_2)];
  if (!chart.tallies.length) return [...blocks, note(h.each('none').join(' / '))];
  const total = chart.tallies.reduce((sum, t) => sum + t.count, 0);
  blocks.push(
    chartImage(await barChartPng({ title: caption, tallies: chart.tallies }), caption),
    table(
      [h.each(chart.key), h.each('count')],
      [...chart.tallies.map((t) => [t.label, String(t.count)]), [h.each('total').join(' / '), String(total)]],
      [75, 25]
    )
  );
  return blocks;
}

export function evaluationFilename(evaluation: Pick<EvaluationDetail, 'languages' | 'year' | 'partnershipTitle'>): string {
  const h = reportHeadings(evaluation.languages);
  return `${h.each('evaluationFile').join('-')}-${evaluation.year}-${slug(evaluation.partnershipTitle)}.docx`;
}

export async function evaluationDocument(evaluation: EvaluationDetail): Promise<WordFile> {
  const h = reportHeadings(evaluation.languages);
  const documentTitle = h.both('evaluation', { year: evaluation.year });
  const children: Block[] = [
    title(documentTitle),
    ...frontMatter(evaluation, h),
    note(evaluation.figuresFrozenAt ? `${h.both('figuresFrozen')}: ${evaluation.figuresFrozenAt.slice(0, 10)}` : h.both('figuresLive'))
  ];

  children.push(heading(h.both('figures')));
  children.push(table([h.each('figure'), h.each('value')], keyFigures(evaluation).map(([key, value]) => [h.each(key).join('\n'), value]), [60, 40]));
  for (const chart of evaluationCharts(evaluation)) children.push(...(await chartBlocks(chart, h)));

  children.push(heading(h.both('assessments')));
  if (!evaluation.assessments.length) children.push(note(h.each('noAssessments').join(' / ')));
  else
    children.push(
      table(
        [h.each('number'), h.each('title'), h.each('domain'), h.each('targetValue'), h.each('rating'), h.each('comment')],
        evaluation.assessments.map((a, i) => [
          String(i + 1),
          a.itemTitle,
          inLanguages(a.itemDomainLabel, h),
          a.itemTargetValue ?? '—',
          a.rating ? h.value('ratingValue', a.rating) : '—',
          a.comment ?? ''
        ]),
        [6, 26, 18, 14, 14, 22]
      )
    );

  for (const kind of SECTION_ORDER) {
    const section = evaluation.sections.find((s) => s.kind === kind);
    children.push(heading(h.both(`section.${kind}`)));
    children.push(...(section?.body.trim() ? paragraphs(section.body) : [note('—')]));
  }
  children.push(...approvalBlocks(evaluation.approvals, h));

  return { filename: evaluationFilename(evaluation), body: await pack(documentTitle, children) };
}
