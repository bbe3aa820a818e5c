import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n/index.js';
import { partsOf, ruleOf } from '$lib/recurrence/rule-parts.js';
import { ruleInWords } from '$lib/recurrence/rule-words.js';

const en = translator('en');
const de = translator('de');
const nl = translator('nl');

describe('a recurrence rule as the editor’s choices', () => {
  it('reads a rule into choices and writes the same rule back', () => {
    for (const rule of [
      'FREQ=MONTHLY;INTERVAL=3;COUNT=2',
      'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1',
      'FREQ=WEEKLY;BYDAY=MO,TH',
      'FREQ=MONTHLY;BYDAY=-1FR',
      'FREQ=MONTHLY;BYDAY=1MO;UNTIL=20271231',
      'FREQ=DAILY;INTERVAL=14',
      'FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=17'
    ]) {
      const parts = partsOf(rule);
      expect(parts, rule).not.toBeNull();
      expect(ruleOf(parts!), rule).toBe(rule);
    }
  });

  it('accepts what the API accepts in another spelling: a prefix, lower case, weekdays in any order', () => {
    expect(ruleOf(partsOf('RRULE:freq=weekly;byday=th,mo')!)).toBe('FREQ=WEEKLY;BYDAY=MO,TH');
    expect(ruleOf(partsOf('FREQ=MONTHLY;INTERVAL=1')!)).toBe('FREQ=MONTHLY');
  });

  it('leaves a rule richer than the lists as text (null), never guessing', () => {
    for (const rule of ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 'FREQ=YEARLY;BYWEEKNO=20', 'FREQ=MONTHLY;BYMONTHDAY=1,15', 'FREQ=HOURLY', 'FREQ=MONTHLY;COUNT=2;UNTIL=20270101', 'FREQ=MONTHLY;BYDAY=5MO', 'FREQ=DAILY;BYDAY=MO', 'nonsense', '']) {
      expect(partsOf(rule), rule).toBeNull();
    }
  });
});

describe('a recurrence rule in the reader’s words', () => {
  it('says the partnership’s yearly evaluation rule in English, German and Dutch', () => {
    const rule = 'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1';
    expect(ruleInWords(en, rule)).toBe('every year, in November, on the last day of the month');
    expect(ruleInWords(de, rule)).toBe('jährlich, im November, am letzten Tag des Monats');
    expect(ruleInWords(nl, rule)).toBe('elk jaar, in november, op de laatste dag van de maand');
  });

  it('says follow-ups, weekdays, numbered weekdays and ends', () => {
    expect(ruleInWords(en, 'FREQ=MONTHLY;INTERVAL=3;COUNT=2')).toBe('every 3 months, 2 times');
    expect(ruleInWords(de, 'FREQ=WEEKLY;BYDAY=MO,TH')).toBe('wöchentlich, am Montag und Donnerstag');
    expect(ruleInWords(nl, 'FREQ=MONTHLY;BYDAY=-1FR')).toBe('elke maand, op de laatste vrijdag');
    expect(ruleInWords(en, 'FREQ=MONTHLY;BYDAY=1MO;UNTIL=20271231')).toBe('every month, on the first Monday, until 31 Dec 2027');
    expect(ruleInWords(de, 'FREQ=MONTHLY;BYMONTHDAY=15')).toBe('monatlich, am 15. des Monats');
  });

  it('answers null for a rule it cannot say, so the page shows it as written', () => {
    expect(ruleInWords(en, 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1')).toBeNull();
  });
});
