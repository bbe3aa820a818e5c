/**
 * The pieces both annual-cycle Word documents are built from (docx): a
 * bilingual heading, a label–value line, text split into paragraphs, tables
 * with fixed column widths (so Word and LibreOffice lay them out alike and
 * repeat the header row on a new page), a chart image, dates and numbers,
 * and the file name.
 */
import {
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType
} from 'docx';
import type { Approval, DocumentStatus } from '../../schemas/coediting.js';
import { day } from '../../schemas/report-contents.js';
import { type ReportHeadings, reportHeadings } from '../../schemas/reports.js';
import type { WorkPlan } from '../../schemas/workplans.js';
import type { ChartImage } from './charts.js';

export type Block = Paragraph | Table;

/** A4 with 2 cm margins: the width text and tables may take, in twentieths of a point */
const MARGIN = 1134;
export const TEXT_WIDTH = 11906 - 2 * MARGIN;
/** the same width in px at 96 dpi, for images */
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);

export interface WordFile {
  filename: string;
  body: Uint8Array;
}

export function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1): Paragraph {
  return new Paragraph({ text, heading: level, keepNext: true, spacing: { before: 240, after: 120 } });
}

export function title(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.TITLE });
}

export function labelled(label: string, text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)] });
}

/** Text as paragraphs, one per line; blank lines are dropped (spacing does their work). */
export function paragraphs(text: string | null | undefined): Paragraph[] {
  return (text ?? '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => new Paragraph({ text: line, spacing: { after: 120 } }));
}

export function note(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, italics: true })] });
}

/** One cell's lines: the header's languages stacked, or a value with line breaks. */
function cell(lines: string[], width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, fill: 'E7EDF3', color: 'auto' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: (lines.length ? lines : ['']).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 18 })] }))
  });
}

/**
 * A table over the text width. `header` holds each column's label in every
 * language (stacked in the cell), `shares` each column's part of the width.
 */
export function table(header: string[][] | null, rows: string[][], shares: number[]): Table {
  const sum = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((share) => Math.floor((share / sum) * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      ...(header ? [new TableRow({ tableHeader: true, cantSplit: true, children: header.map((lines, i) => cell(lines, widths[i]!, true)) })] : []),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text.split('\n'), widths[i]!, false)) }))
    ]
  });
}

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

/** The document as bytes: A4, 2 cm margins, Calibri 10.5 pt (LibreOffice substitutes Carlito). */
export async function pack(documentTitle: string, children: Block[]): Promise<Uint8Array> {
  const document = new Document({
    creator: 'RegioDesk',
    title: documentTitle,
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } }, children }]
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
