/**
 * The evaluation as a Word document, headings in the partnership's
 * languages side by side (see api/cycle/schemas/reports.ts):
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
import type { EvaluationDetail, SectionKind } from '../schemas/evaluations.js';
import { type EvaluationChart, evaluationCharts, inLanguages, keyFigures } from '../schemas/report-contents.js';
import { reportHeadings } from '../schemas/document-words.js';
import type { ReportHeadings } from '../schemas/reports.js';
import { barChartPng } from './charts.js';
import { approvalBlocks, chartImage, documentFilename, frontMatter } from './document-parts.js';
import { heading, note, pack, paragraphs, table, title, type Block, type WordFile } from '../../platform/index.js';

const SECTION_ORDER: SectionKind[] = ['results', 'challenges', 'recommendations', 'next_steps'];

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

export async function evaluationDocument(evaluation: EvaluationDetail): Promise<WordFile> {
  const h = reportHeadings(evaluation.languages);
  const documentTitle = h.both('evaluation', { year: evaluation.year });
  const children: Block[] = [
    title(documentTitle),
    ...frontMatter(evaluation, h),
    note(evaluation.figuresFrozenAt ? `${h.both('figuresFrozen')}: ${evaluation.figuresFrozenAt.slice(0, 10)}` : h.both('figuresLive'))
  ];

  children.push(heading(h.both('figures')));
  children.push(table([h.each('figure'), h.each('value')], keyFigures(evaluation, h).map(([key, value]) => [h.each(key).join('\n'), value]), [60, 40]));
  for (const chart of evaluationCharts(evaluation, h)) children.push(...(await chartBlocks(chart, h)));

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
        [5, 24, 22, 14, 13, 22]
      )
    );

  for (const kind of SECTION_ORDER) {
    const section = evaluation.sections.find((s) => s.kind === kind);
    children.push(heading(h.both(`section.${kind}`)));
    children.push(...(section?.body.trim() ? paragraphs(section.body) : [note('—')]));
  }
  children.push(...approvalBlocks(evaluation.approvals, h));

  return { filename: documentFilename('evaluationFile', evaluation), body: await pack(documentTitle, children) };
}
