/**
 * The widths of a Word table's columns, so that no word is broken inside
 * ("Samenwerkingsdom|ein"): Word and LibreOffice break a word that does not
 * fit its cell at whatever letter the cell ends, and a fixed-layout table
 * never widens a column for it. Pure.
 *
 * - Each column is at least as wide as its longest word (headers in every
 *   language, and values). Words are measured with a generous guess of the
 *   glyphs' widths, no font file being read: the documents ask for Calibri,
 *   but LibreOffice without Calibri or Carlito draws them in DejaVu Sans,
 *   whose letters are a third wider — the break in the Dutch heading came
 *   from there. So: 0.62 em for most characters, 0.35 for i, j, l and
 *   punctuation, 0.5 for f, r and t, 0.72 for capitals, 0.95 for m, w, M,
 *   W, @ and %; 10 % more in bold.
 * - Words of values longer than 30 characters (web addresses, e-mail
 *   addresses) may break: one of them must not squeeze every other column.
 * - The width left over goes to the columns by their shares; a column whose
 *   share is less than its longest word gets that word's width, and the
 *   others share what remains, by their shares.
 * - When the longest words together are wider than the table, the headings
 *   come first (values may then break); when even the headings' words are
 *   wider, every column gets its heading word's part of the width.
 */
/** twentieths of a point per em at a font size in half-points */
const TWIPS_PER_EM_PER_HALF_POINT = 10;
const BOLD = 1.1;
const LONGEST_VALUE_WORD = 30;

export interface ColumnText {
  /** the cell's text, words separated by white space */
  text: string;
  bold: boolean;
}

export interface CellMetrics {
  /** the font size in half-points (docx `size`) */
  size: number;
  /** left plus right cell margin, in twentieths of a point */
  margins: number;
}

function emsOf(character: string): number {
  if (/[mwMW@%]/.test(character)) return 0.95;
  if (/[ijl.,;:!'|()[\]/-]/.test(character)) return 0.35;
  if (/[frt]/.test(character)) return 0.5;
  if (character !== character.toLowerCase()) return 0.72;
  return 0.62;
}

/** The width a word takes, in twentieths of a point (a generous guess, see above). */
export function wordWidth(word: string, bold: boolean, size: number): number {
  let ems = 0;
  for (const character of word) ems += emsOf(character);
  return Math.ceil(ems * size * TWIPS_PER_EM_PER_HALF_POINT * (bold ? BOLD : 1));
}

/** The narrowest a column may be: its longest word (of the headings only, or of values too) and the cell's margins. */
function narrowest(texts: ColumnText[], metrics: CellMetrics, values: boolean): number {
  let widest = 0;
  for (const { text, bold } of texts) {
    if (!bold && !values) continue;
    for (const word of text.split(/\s+/)) {
      if (word === '' || (!bold && [...word].length > LONGEST_VALUE_WORD)) continue;
      widest = Math.max(widest, wordWidth(word, bold, metrics.size));
    }
  }
  return widest + metrics.margins;
}

const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);

/** Each column's width, in twentieths of a point, adding up to `total` (give or take rounding down). */
export function columnWidths(columns: ColumnText[][], shares: number[], total: number, metrics: CellMetrics): number[] {
  let least = columns.map((texts) => narrowest(texts, metrics, true));
  if (sum(least) > total) least = columns.map((texts) => narrowest(texts, metrics, false));
  const needed = sum(least);
  if (needed > total) return least.map((width) => Math.floor((width / needed) * total));

  const atLeast = new Set<number>();
  for (;;) {
    const left = total - sum([...atLeast].map((i) => least[i]!));
    const shared = sum(shares.filter((_, i) => !atLeast.has(i)));
    const widths = shares.map((share, i) => (atLeast.has(i) ? least[i]! : Math.floor((share / shared) * left)));
    const short = widths.findIndex((width, i) => !atLeast.has(i) && width < least[i]!);
    if (short < 0) return widths;
    atLeast.add(short);
  }
}
