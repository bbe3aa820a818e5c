/** What erasure does to free text and to snapshots (api/privacy/rules/erasure-text.ts), with plain values. */
import { describe, expect, it } from 'vitest';
import { ERASED, identityPattern, needlesOf, patternsOf, scrubSnapshot, scrubText } from '../../../api/privacy/rules/erasure-text.js';

const anna = { id: 'p-1', name: 'Anna-Lena Müller', emails: ['anna.mueller@example.de'], phones: ['+49 621 123 45 67'] };
const pattern = identityPattern(anna);

describe('scrubbing free text', () => {
  it('replaces the full name, each longer word of it in any case, emails and phones typed differently', () => {
    expect(scrubText('Met Anna-Lena Müller in Mannheim.', pattern)).toBe(`Met ${ERASED} in Mannheim.`);
    expect(scrubText('Frau MÜLLER called; write to anna.mueller@example.de', pattern)).toBe(`Frau ${ERASED} called; write to ${ERASED}`);
    expect(scrubText('Her mobile: +49-621-1234567, office 0621 99', pattern)).toBe(`Her mobile: ${ERASED}, office 0621 99`);
  });

  it('leaves words that merely contain the name alone', () => {
    expect(scrubText('Müllerstraße 4, Müllers Café', pattern)).toBe('Müllerstraße 4, Müllers Café');
  });

  it('leaves a namesake alone in records that merely quote the person', () => {
    const quoted = patternsOf(anna, false).text;
    expect(scrubText('Thomas Müller met Anna-Lena Müller (anna.mueller@example.de).', quoted)).toBe(`Thomas Müller met ${ERASED} (${ERASED}).`);
  });

  it('looks for the id, the name, emails and phones in stored text, not for short fragments', () => {
    expect(needlesOf({ id: 'p-1', name: 'Al', emails: [], phones: [] })).toEqual(['p-1']);
    expect(needlesOf(anna)).toEqual(['p-1', 'Anna-Lena Müller', 'anna.mueller@example.de', '+49 621 123 45 67']);
  });
});

describe('scrubbing snapshots', () => {
  it('removes the person’s fields from the object that is them, keeping ids, the lawful basis and the domains', () => {
    const snapshot = { id: 'p-1', name: anna.name, function: 'Head of unit', emails: anna.emails, phones: [], languages: ['de'], lawfulBasis: 'consent', consentDate: '2025-01-02', consentSource: 'Form', domains: [{ domainId: 'd-1' }], organisationId: 'o-1', organisationName: 'VRRN' };
    expect(scrubSnapshot(snapshot, anna)).toEqual({ ...snapshot, name: ERASED, function: ERASED, emails: [ERASED], phones: [], languages: [ERASED], consentDate: ERASED, consentSource: ERASED });
  });

  it('removes the person from an object that points at them, and quotes of them everywhere else', () => {
    const activity = {
      participant: { personId: 'p-1', personName: anna.name, personFunction: 'Head of unit', organisationName: 'VRRN', role: 'delegate' },
      other: { personId: 'p-2', personName: 'Joris Claes', personFunction: 'Head of unit' },
      notes: ['Müller presented', 42, null]
    };
    const namesake = { id: 'p-2', name: 'Thomas Müller', organisationName: 'Müller GmbH', summary: 'Müller visited' };
    expect(scrubSnapshot(namesake, anna)).toEqual({ ...namesake, summary: `${ERASED} visited` });
    expect(scrubSnapshot(activity, anna)).toEqual({
      participant: { personId: 'p-1', personName: ERASED, personFunction: ERASED, organisationName: 'VRRN', role: 'delegate' },
      other: { personId: 'p-2', personName: 'Joris Claes', personFunction: 'Head of unit' },
      notes: [`${ERASED} presented`, 42, null]
    });
  });
});
