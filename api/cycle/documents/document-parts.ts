/**
 * The pieces the annual-cycle Word documents add to the common ones
 * (word.ts): the approvals by partner, the front matter, a chart image
 * and the bilingual file name.
 */
import { ImageRun, Paragraph } from 'docx';
import type { Approval, DocumentStatus } from '../schemas/coediting.js';
import { day } from '../schemas/report-contents.js';
import { reportHeadings } from '../schemas/document-words.js';
import type { ReportHeadings } from '../schemas/reports.js';
import type { WorkPlan } from '../schemas/work-plans.js';
import type { ChartImage } from './charts.js';
import { TEXT_WIDTH, heading, labelled, table, type Block } from '../../platform/index.js';

/** the text width in px at 96 dpi, for images */
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);

/** The approvals by partner that close both documents. */
export function approvalBlocks(approvals: Approval[], headings: ReportHeadings): Block[] {
  const h = headings;
  if (!approvals.length) return [];
  return [
    heading(h.both('approvals')),
    table(
      [h.each('party'), h.each('approvedBy'), h.each('approvedAt')],
      approvals.map((a) => [`${a.organisationName} (${a.regionName})`, a.approved ? (a.approvedBy?.name ?? '—') : h.each('notApproved').join(' / '), a.approved ? day(a.approvedAt) : '—']),
      [40, 35, 25]
    )
  ];
}

/** The partners line, status, and dates that open both documents. */
export function frontMatter(
  doc: { partnershipTitle: string; parties: WorkPlan['parties']; status: DocumentStatus; proposedAt: string | null; adoptedAt: string | null },
  headings: ReportHeadings
): Paragraph[] {
  const h = headings;
  const out = [
    labelled(h.both('partnership'), doc.partnershipTitle),
    labelled(h.both('parties'), doc.parties.map((p) => `${p.organisationName} (${p.regionName})`).join('; ') || '—'),
    labelled(h.both('status'), h.value('documentStatus', doc.status))
  ];
  if (doc.adoptedAt) out.push(labelled(h.both('adoptedAt'), day(doc.adoptedAt)));
  else if (doc.proposedAt) out.push(labelled(h.both('proposedAt'), day(doc.proposedAt)));
  return out;
}

/** A chart scaled to the text width, with its title as alternative text. */
export function chartImage(image: ChartImage, description: string): Paragraph {
  const scale = Math.min(1, TEXT_WIDTH_PX / image.width);
  return new Paragraph({
    keepNext: true,
    spacing: { after: 120 },
    children: [
      new ImageRun({
        type: 'png',
        data: image.png,
        transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
        altText: { name: description, title: description, description }
      })
    ]
  });
}

/** The Word file's name: the kind of document in each language, the year and the partnership ("Arbeitsplan-Werkplan-2027-….docx"). */
export function documentFilename(kind: 'workPlanFile' | 'evaluationFile', doc: { languages: readonly string[]; year: number; partnershipTitle: string }): string {
  return `${reportHeadings(doc.languages).each(kind).join('-')}-${doc.year}-${slug(doc.partnershipTitle)}.docx`;
}

/** An ASCII piece of a file name. */
function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'partnership'
  );
}
