/**
 * CSV cells: what a spreadsheet would evaluate is kept as text with an
 * apostrophe; plain numbers and phone numbers are written as they are.
 */
import { describe, expect, it } from 'vitest';
import { spreadsheetCell } from '../../../api/activities/rules/spreadsheet-cell.js';

describe('a CSV cell for spreadsheet programs', () => {
  it('writes phone numbers and numbers as they are', () => {
    for (const plain of ['+49 621 10708-0', '+32 (0)16 26 70 00', '+32 16/26.70.00', '-12,5', '-1.240,50', '+3', '-', '+']) {
      expect(spreadsheetCell(plain)).toBe(plain);
    }
  });

  it('keeps formulas, functions and commands as text', () => {
    for (const formula of ['=HYPERLINK("http://evil")', '=1+1', '@SUM(A1:A2)', '+cmd|\' /C calc\'!A0', '-2+3+cmd|x', '+49 621 A1', '- Workshop', '\t=1', '\r=1', '-A1']) {
      expect(spreadsheetCell(formula)).toBe(`'${formula}`);
    }
  });

  it('leaves every other text alone and writes none as empty', () => {
    expect(spreadsheetCell('Neujahrsempfang Brüssel')).toBe('Neujahrsempfang Brüssel');
    expect(spreadsheetCell('Workshop =1+1')).toBe('Workshop =1+1');
    expect(spreadsheetCell(null)).toBe('');
  });
});
