/**
 * The work plan as a Word document, headings in the partnership's languages
 * side by side (see api/cycle/schemas/reports.ts):
 *
 * 1. title ("Arbeitsplan 2027 | Werkplan 2027"), the partnership, its
 *    partners, status, revision and adoption date;
 * 2. the introduction;
 * 3. an overview table of the actions (number, title, domain, responsible,
 *    target date or quarter, status);
 * 4. each action in full: its fields as a two-column table and its
 *    description, with the activities and candidate projects linked to it;
 * 5. the approvals by partner.
 *
 * Built from a WorkPlanDetail alone, so it can be tested without a database.
 */
import { HeadingLevel, Paragraph } from 'docx';
import type { WorkPlanDetail, WorkPlanItem } from '../schemas/work-plans.js';
import { reportHeadings } from '../schemas/document-words.js';
import type { ReportHeadings } from '../schemas/reports.js';
import { day, inLanguages, responsible, target } from '../schemas/report-contents.js';
import { approvalBlocks, documentFilename, frontMatter } from './document-parts.js';
import { heading, labelled, pack, paragraphs, table, title, type Block, type WordFile } from '../../platform/index.js';

function itemDetails(item: WorkPlanItem, index: number, plan: WorkPlanDetail, headings: ReportHeadings): Block[] {
  const h = headings;
  const rows: string[][] = [
    [h.each('domain').join('\n'), inLanguages(item.domainLabel, h)],
    [h.each('form').join('\n'), item.form ? h.value('formValue', item.form) : '—'],
    [h.each('responsible').join('\n'), responsible(item)],
    [h.each('target').join('\n'), target(item, plan.year, h)],
    [h.each('indicator').join('\n'), item.indicator ?? '—'],
    [h.each('targetValue').join('\n'), item.targetValue ?? '—'],
    [h.each('status').join('\n'), h.value('itemStatus', item.status)]
  ];
  if (item.activities.length) rows.push([h.each('activities').join('\n'), item.activities.map((a) => `${day(a.startsAt)} ${a.title}`).join('\n')]);
  if (item.proposals.length) rows.push([h.each('proposals').join('\n'), item.proposals.map((p) => `${p.acronym} (${h.value('stage', p.stage)})`).join('\n')]);
  const blocks: Block[] = [heading(`${index + 1}. ${item.title}`, HeadingLevel.HEADING_2), table(null, rows, [30, 70])];
  if (item.description?.trim()) blocks.push(heading(h.both('description'), HeadingLevel.HEADING_3), ...paragraphs(item.description));
  return blocks;
}

export async function workPlanDocument(plan: WorkPlanDetail): Promise<WordFile> {
  const h = reportHeadings(plan.languages);
  const documentTitle = h.both('workPlan', { year: plan.year });
  const children: Block[] = [title(documentTitle), ...frontMatter(plan, h), labelled(h.both('revision'), String(plan.revision))];

  if (plan.introduction?.trim()) children.push(heading(h.both('introduction')), ...paragraphs(plan.introduction));

  children.push(heading(h.both('overview')));
  if (!plan.items.length) children.push(new Paragraph(h.each('noItems').join(' / ')));
  else
    children.push(
      table(
        [h.each('number'), h.each('title'), h.each('domain'), h.each('responsible'), h.each('target'), h.each('status')],
        plan.items.map((item, i) => [
          String(i + 1),
          item.title,
          inLanguages(item.domainLabel, h),
          responsible(item),
          target(item, plan.year, h),
          h.value('itemStatus', item.status)
        ]),
        [5, 24, 24, 21, 14, 12]
      )
    );

  if (plan.items.length) {
    children.push(heading(h.both('items')));
    plan.items.forEach((item, i) => children.push(...itemDetails(item, i, plan, h)));
  }
  children.push(...approvalBlocks(plan.approvals, h));

  return { filename: documentFilename('workPlanFile', plan), body: await pack(documentTitle, children) };
}
