/** The calls list's filters as a saved search keeps them (web/lib/calls/filters.ts): the words searched for among them. */
import { describe, expect, it } from 'vitest';
import { type CallFilters, criteriaOf, hasCriteria, hrefOf } from '../../../web/lib/calls/filters.js';

const none: CallFilters = { q: '', programme: '', status: '', domain: '', keyword: '', from: '', to: '', sort: '' };

describe('a saved search of calls', () => {
  it('keeps the words searched for, and counts them as a criterion', () => {
    const filters = { ...none, q: 'edge municipalities', status: 'open' };
    expect(hasCriteria(filters)).toBe(true);
    expect(hasCriteria({ ...none, q: 'hydrogen' })).toBe(true);
    expect(hasCriteria({ ...none, sort: 'title' })).toBe(false);
    expect(criteriaOf(filters)).toEqual({ q: 'edge municipalities', status: 'open' });
    expect(criteriaOf({ ...none, q: '   ' })).toEqual({});
  });

  it('opens the list with its words and other criteria', () => {
    expect(hrefOf({ q: 'edge municipalities', status: 'open' })).toBe('/calls?q=edge+municipalities&status=open');
    expect(hrefOf({})).toBe('/calls');
  });
});
