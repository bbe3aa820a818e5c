/**
 * A CSV cell a spreadsheet program reads as text, not as a formula (CSV
 * injection: `=HYPERLINK(…)`, `@SUM(…)`, `+cmd|…`). Pure.
 *
 * - A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
 *   what Excel, LibreOffice and Google Sheets evaluate; it gets a leading
 *   apostrophe, which they take as "text" and do not show.
 * - Except a plain number or phone number (`+49 621 10708-0`, `-12,5`,
 *   `+32 (0)16 26 70 00`): digits, spaces and `( ) . , / -` after one sign
 *   cannot call a function or reach another cell, and an apostrophe there
 *   stays visible in the programs that read the file as plain text (and in
 *   every program once the cell is edited). A lone sign (`-` for "none") is
 *   text to every program and stays as it is too.
 */

const EVALUATED = /^[=+\-@\t\r]/;
/** one leading sign, then digits with the separators numbers and phone numbers use; at least one digit, nothing else */
const PLAIN_NUMBER = /^[+-]?[\d ().,/-]*\d[\d ().,/-]*$/;
const LONE_SIGN = /^[+-]$/;

/** `text` as a CSV cell: empty for none, an apostrophe before anything a spreadsheet would evaluate. */
export function spreadsheetCell(text: string | null): string {
  if (text === null) return '';
  if (!EVALUATED.test(text) || PLAIN_NUMBER.test(text) || LONE_SIGN.test(text)) return text;
  return `'${text}`;
}
