/** REGIODESK_DEMO_DATE: the day a new demo workspace is dated for (fixtures/demo-calendar.ts), read by the one settings schema. */
import { describe, expect, it } from 'vitest';
import { settingsFrom } from '../../../api/platform/config.js';

describe('REGIODESK_DEMO_DATE', () => {
  it('is unset by default: the demo is dated for the day it is seeded', () => {
    expect(settingsFrom({}).demoDate).toBeNull();
    expect(settingsFrom({ REGIODESK_DEMO_DATE: '  ' }).demoDate).toBeNull();
  });

  it('takes a calendar date, a leap day included', () => {
    expect(settingsFrom({ REGIODESK_DEMO_DATE: '2027-06-15' }).demoDate).toBe('2027-06-15');
    expect(settingsFrom({ REGIODESK_DEMO_DATE: ' 2028-02-29 ' }).demoDate).toBe('2028-02-29');
  });

  it.each(['2027-02-29', '2027-13-01', '15.06.2027', '2027-6-15', 'tomorrow'])('refuses "%s", naming the variable', (value) => {
    expect(() => settingsFrom({ REGIODESK_DEMO_DATE: value })).toThrow(`REGIODESK_DEMO_DATE must be a calendar date written YYYY-MM-DD, such as 2027-06-15, not "${value}".`);
  });
});
