/** What a visit to the overview is (api/overview/rules/visits.ts): the window of "since your last visit" from the account's marks and the clock. */
import { describe, expect, it } from 'vitest';
import { visitAt } from '../../../api/overview/rules/visits.js';

const at = (iso: string) => new Date(iso);

describe('a visit to the overview', () => {
  it('looks back seven days before the first reading', () => {
    expect(visitAt({ seenAt: null, since: null }, at('2026-12-07T10:00:00Z'))).toEqual({
      since: '2026-11-30T10:00:00.000Z',
      firstVisit: true,
      keep: { seenAt: '2026-12-07T10:00:00.000Z', since: '2026-11-30T10:00:00.000Z' }
    });
  });

  it('keeps the window for a reading within half an hour of the one before (a reload, coming back from a record)', () => {
    const marks = { seenAt: '2026-12-07T10:00:00.000Z', since: '2026-12-06T16:00:00.000Z' };
    expect(visitAt(marks, at('2026-12-07T10:30:00Z'))).toMatchObject({ since: '2026-12-06T16:00:00.000Z', firstVisit: false, keep: { seenAt: '2026-12-07T10:30:00.000Z', since: '2026-12-06T16:00:00.000Z' } });
  });

  it('starts a new visit after more than half an hour away: the window opens at the reading before', () => {
    const marks = { seenAt: '2026-12-07T10:00:00.000Z', since: '2026-12-06T16:00:00.000Z' };
    expect(visitAt(marks, at('2026-12-07T10:30:01Z'))).toMatchObject({ since: '2026-12-07T10:00:00.000Z', keep: { since: '2026-12-07T10:00:00.000Z' } });
  });
});
