/**
 * Word tables keep their headings' words whole: read from the document's
 * XML, each column is at least as wide as its longest heading word at 0.6 em
 * a letter (a bold sans-serif's average; DejaVu Sans Bold, what LibreOffice
 * draws without Calibri or Carlito, is about that), with the cell's margins,
 * for the German and Dutch headings of the annual cycle's tables; values'
 * words too where the width allows; the columns still fill the text width
 * and share it by the shares given when the words leave room.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reportHeadings } from '../../../api/cycle/schemas/document-words.js';
import { TEXT_WIDTH, pack, table } from '../../../api/platform/index.js';
import { columnWidths } from '../../../api/platform/documents/column-widths.js';

/** 0.6 em of 9 pt, in twentieths of a point */
const PER_LETTER = 0.6 * 9 * 20;
const MARGINS = 160;

interface ReadTable {
  widths: number[];
  /** the text of each cell, row by row */
  rows: string[][];
}

async function tablesOf(bytes: Uint8Array): Promise<ReadTable[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, body]) => ({
    widths: [...body!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map(([, w]) => Number(w)),
    rows: [...body!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]) => [...tc!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => t).join(' '))
    )
  }));
}

const longestWord = (texts: string[]) => Math.max(...texts.flatMap((t) => t.split(/\s+/)).map((w) => w.replace(/[^\p{L}]/gu, '').length));

describe('Word tables', () => {
  it('give every column the width of its longest word: the work plan and the evaluation in German and Dutch', async () => {
    const h = reportHeadings(['de', 'nl']);
    const bytes = await pack('tables', [
      table(
        [h.each('number'), h.each('title'), h.each('domain'), h.each('responsible'), h.each('target'), h.each('status')],
        [['1', 'Gemeinsamer Innovationstag', 'Innovation / Innovatie', 'Verband Region Rhein-Neckar', 'K2 2027', 'gepland']],
        [5, 24, 24, 21, 14, 12]
      ),
      table(
        [h.each('number'), h.each('title'), h.each('domain'), h.each('targetValue'), h.each('rating'), h.each('comment')],
        [['1', 'Matchmaking Smart Region', 'Digitalisierung / Digitalisering', '2 Veranstaltungen', 'gedeeltelijk bereikt', 'Samenwerkingsovereenkomst verlengd']],
        [5, 24, 22, 14, 13, 22]
      )
    ]);
    const tables = await tablesOf(bytes);
    expect(tables).toHaveLength(2);
    expect(tables[1]!.rows[0]!.join(' ')).toContain('Samenwerkingsdomein');
    for (const { widths, rows } of tables) {
      expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH);
      expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(TEXT_WIDTH - widths.length);
      widths.forEach((width, column) => {
        const heading = rows[0]![column]!;
        expect(width, `column ${column}: ${heading}`).toBeGreaterThanOrEqual(longestWord([heading]) * PER_LETTER + MARGINS);
      });
    }
  });

  it('share the width by the shares when every word fits, and widen only the columns that need it', () => {
    const short = (text: string) => [{ text, bold: true }];
    expect(columnWidths([short('a'), short('b')], [1, 3], 4000, { size: 18, margins: 160 })).toEqual([1000, 3000]);
    const widths = columnWidths([short('Samenwerkingsdomein'), short('b'), short('c')], [1, 1, 2], 6000, { size: 18, margins: 160 });
    expect(widths[0]).toBeGreaterThan(1500);
    expect(Math.abs(widths[2]! - 2 * widths[1]!)).toBeLessThanOrEqual(1);
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(5997);
  });

  it('let a web address in a value break rather than squeeze the other columns', () => {
    const widths = columnWidths(
      [[{ text: 'https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/x', bold: false }], [{ text: 'b', bold: true }]],
      [1, 1],
      4000,
      { size: 18, margins: 160 }
    );
    expect(widths).toEqual([2000, 2000]);
  });
});

describe('Word tables whose words do not all fit', () => {
  it('keep the headings whole first', () => {
    const heading = (text: string) => ({ text, bold: true });
    const value = (text: string) => ({ text, bold: false });
    const widths = columnWidths(
      [[heading('Samenwerkingsdomein'), value('Samenwerkingsovereenkomsten')], [heading('Nr.'), value('Samenwerkingsovereenkomsten')]],
      [1, 1],
      4000,
      { size: 18, margins: 160 }
    );
    expect(widths[0]).toBeGreaterThanOrEqual(19 * PER_LETTER + MARGINS);
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(3998);
  });
});
