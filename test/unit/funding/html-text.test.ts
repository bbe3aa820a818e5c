/**
 * Titles the portal writes HTML-escaped are read as plain text: in both file
 * forms, at the one place a cell becomes text; words that only look like a
 * reference stay as they are.
 */
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../../api/funding/rules/html-text.js';
import { type PortalOutcome, readGrantsTendersRecord, readSearchApiRecord } from '../../../api/funding/rules/portal-formats.js';

function titleOf(outcome: PortalOutcome): { title: string; callTitle: string | null; keywords: string[] } {
  if (outcome.kind !== 'topic') throw new Error(`expected a topic, got ${outcome.kind}`);
  return { title: outcome.topic.title, callTitle: outcome.topic.callTitle, keywords: outcome.topic.keywords };
}

describe('plain text of a portal cell', () => {
  it('decodes named and numeric references', () => {
    expect(plainTextOf('Research &amp; Innovation')).toBe('Research & Innovation');
    expect(plainTextOf('Twin&#8211;Green &#x201C;transition&#x201D; &lt;2030&gt; l&#39;Europe &quot;x&quot;')).toBe('Twin–Green “transition” <2030> l\'Europe "x"');
  });

  it('leaves words that are not complete references, and decodes once', () => {
    expect(plainTextOf('R&D for SMEs & clusters')).toBe('R&D for SMEs & clusters');
    expect(plainTextOf('a &paradigm shift')).toBe('a &paradigm shift');
    expect(plainTextOf('written &amp;amp; escaped twice')).toBe('written &amp; escaped twice');
    expect(plainTextOf('no reference')).toBe('no reference');
  });
});

describe('titles read from the portal files', () => {
  it('the bulk file: title, call title and keywords as plain text, a no-break space folded', () => {
    const outcome = readGrantsTendersRecord(
      {
        type: 1,
        identifier: 'HORIZON-CL6-2027-01-03',
        title: 'Soil health &amp; food&nbsp;systems',
        callTitle: 'Food, Bioeconomy &amp; Environment',
        keywords: ['R&amp;I'],
        deadlineDatesLong: [Date.parse('2027-04-15T15:00:00Z')]
      },
      0
    );
    expect(titleOf(outcome)).toEqual({ title: 'Soil health & food systems', callTitle: 'Food, Bioeconomy & Environment', keywords: ['R&I'] });
  });

  it('the search API: the same', () => {
    const outcome = readSearchApiRecord(
      { metadata: { type: ['1'], identifier: ['LIFE-2027-SAP-NAT'], title: ['Nature &amp; Biodiversity &#8211; standard action projects'], deadlineDate: ['2027-09-17T00:00:00.000+0000'] } },
      0
    );
    expect(titleOf(outcome).title).toBe('Nature & Biodiversity – standard action projects');
  });
});
