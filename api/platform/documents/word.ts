/**
 * The pieces every Word document of RegioDesk is built from (docx): a
 * heading, a label–value line, text split into paragraphs, tables with fixed
 * column widths (so Word and LibreOffice lay them out alike and repeat the
 * header row on a new page; wide enough for their longest words), and the
 * packing into bytes.
 */
import { Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { columnWidths } from './column-widths.js';

export type Block = Paragraph | Table;

/** A4 with 2 cm margins: the width text and tables may take, in twentieths of a point */
export const MARGIN = 1134;
export const TEXT_WIDTH = 11906 - 2 * MARGIN;

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

/** a table cell's text: 9 pt, 4 pt of margin left and right */
const CELL = { size: 18, margin: 80 };

/** One cell's lines: the header's languages stacked, or a value with line breaks. */
function cell(lines: string[], width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, fill: 'E7EDF3', color: 'auto' } : undefined,
    margins: { top: 40, bottom: 40, left: CELL.margin, right: CELL.margin },
    children: (lines.length ? lines : ['']).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: CELL.size })] }))
  });
}

/**
 * A table over the text width. `header` holds each column's label in every
 * language (stacked in the cell), `shares` each column's part of the width;
 * a column is never narrower than its longest word (column-widths.ts), so
 * no heading or value breaks inside a word.
 */
export function table(header: string[][] | null, rows: string[][], shares: number[]): Table {
  const columns = shares.map((_, i) => [
    ...(header?.[i] ?? []).map((text) => ({ text, bold: true })),
    ...rows.map((row) => ({ text: row[i] ?? '', bold: false }))
  ]);
  const widths = columnWidths(columns, shares, TEXT_WIDTH, { size: CELL.size, margins: 2 * CELL.margin });
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
