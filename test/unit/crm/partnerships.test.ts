import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCursor, decodeCursor, type Page } from '../../../db/platform/pagination.js';
import { ftsMatchExpression } from '../../../db/crm/search.js';
import { PartnershipCreate, PartnershipPatch } from '../../../api/crm/schemas/partnerships.js';
import { collectPage } from '../../../api/crm/services/partnerships.js';
import { fieldErrors } from '../../../api/platform/http/validation.js';

/** A keyset source over a sorted list of numbers, like the repository over rows. */
function source(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b).map((v, i) => ({ v, id: String(i).padStart(6, '0') }));
  let calls = 0;
  const fetch = async (cursor: string | null, batch: number): Promise<Page<{ v: number; id: string }>> => {
    calls++;
    let start = 0;
    if (cursor) {
      const [, id] = decodeCursor(cursor);
      start = sorted.findIndex((r) => r.id === id) + 1;
    }
    const rows = sorted.slice(start, start + batch + 1);
    const items = rows.slice(0, batch);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > batch && last ? encodeCursor(last.v, last.id) : null };
  };
  return { sorted, fetch, calls: () => calls };
}

const cursorOf = (r: { v: number; id: string }) => encodeCursor(r.v, r.id);

describe('collectPage: filtering while walking keyset pages', () => {
  it('property: the pages together are exactly the filtered list, in order, none empty but the last', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        async (values, limit, batch, modulus) => {
          const { sorted, fetch } = source(values);
          const keep = (r: { v: number }) => r.v % modulus === 0;
          const seen: number[] = [];
          let cursor: string | null = null;
          for (let pages = 0; pages <= sorted.length + 1; pages++) {
            const page: Page<{ v: number; id: string }> = await collectPage(fetch, keep, limit, cursorOf, cursor, batch);
            expect(page.items.length).toBeLessThanOrEqual(limit);
            if (page.nextCursor) expect(page.items.length).toBe(limit);
            seen.push(...page.items.map((r) => r.v));
            cursor = page.nextCursor;
            if (!cursor) break;
          }
          expect(cursor).toBeNull();
          expect(seen).toEqual(sorted.filter(keep).map((r) => r.v));
        }
      )
    );
  });

  it('says there is no next page when the last kept item ends the list', async () => {
    const { fetch } = source([1, 2, 3, 4, 5, 6]);
    const page = await collectPage(fetch, (r) => r.v % 2 === 0, 3, cursorOf, null, 2);
    expect(page.items.map((r) => r.v)).toEqual([2, 4, 6]);
    expect(page.nextCursor).toBeNull();
  });

  it('stops fetching once one item more than the limit is found', async () => {
    const s = source(Array.from({ length: 100 }, (_, i) => i));
    const page = await collectPage(s.fetch, () => true, 5, cursorOf, null, 3);
    expect(page.items.map((r) => r.v)).toEqual([0, 1, 2, 3, 4]);
    expect(s.calls()).toBe(2);
  });
});

describe('title search', () => {
  it('turns each word into a quoted prefix term, as every other search does, and lets no character become FTS syntax', () => {
    expect(ftsMatchExpression('flem brab')).toBe('"flem"* "brab"*');
    expect(ftsMatchExpression('  say "hi"  ')).toBe('"say"* "hi"*');
    expect(ftsMatchExpression('Rhein – Neckar')).toBe('"Rhein"* "Neckar"*');
    expect(ftsMatchExpression(' - * ')).toBeNull();
    // a NUL ended the quoted term early and made the MATCH a syntax error (a 500)
    expect(ftsMatchExpression('a\u0000b')).toBe('"a"* "b"*');
  });
});

describe('partnership schemas', () => {
  const parties = [
    { regionId: 'r1', organisationId: 'o1' },
    { regionId: 'r2', organisationId: 'o2' }
  ];

  it('fills the defaults of a new partnership, obligations included', () => {
    const parsed = PartnershipCreate.parse({ title: ' Agreement ', parties });
    expect(parsed).toMatchObject({
      title: 'Agreement',
      signedOn: null,
      noticeMonths: null,
      renewalLeadMonths: 3,
      predecessorId: null,
      domainIds: [],
      forms: [],
      obligations: { visitsPerYear: 1, evaluationMonth: 11, workPlanMonth: 12, firstToInform: true }
    });
    expect(parsed.parties[0]).toEqual({ regionId: 'r1', organisationId: 'o1', contactPersonId: null, networks: [] });
    expect(PartnershipCreate.parse({ title: 'A', parties, obligations: { firstToInform: false } }).obligations).toEqual({ visitsPerYear: 1, evaluationMonth: 11, workPlanMonth: 12, firstToInform: false });
  });

  it('leaves out of a patch whatever was not sent (no defaults that would overwrite stored values)', () => {
    expect(PartnershipPatch.parse({ title: 'New' })).toEqual({ title: 'New' });
    expect(PartnershipPatch.parse({ obligations: { visitsPerYear: 2 } })).toEqual({ obligations: { visitsPerYear: 2 } });
  });

  it('names each problem by its path', () => {
    const paths = (input: unknown) => {
      const result = PartnershipCreate.safeParse(input);
      return result.success ? [] : fieldErrors(result.error.issues).map((e) => e.path);
    };
    expect(paths({ title: 'A', parties: [parties[0]] })).toEqual(['parties']);
    expect(paths({ title: 'A', parties: [parties[0], { ...parties[1], organisationId: 'o1' }] })).toEqual(['parties.1.organisationId']);
    expect(paths({ title: 'A', parties, obligations: { evaluationMonth: 0 } })).toEqual(['obligations.evaluationMonth']);
    expect(paths({ title: 'A', parties, noticeMonths: 2.5 })).toEqual(['noticeMonths']);
    expect(paths({ title: 'A', parties, domainIds: ['d1', 'd2', 'd1'] })).toEqual(['domainIds.2']);
    expect(paths({ title: 'A', parties: [{ ...parties[0], networks: [{ name: 'ERRIN' }, { name: 'errin' }] }, parties[1]] })).toEqual(['parties.0.networks.1']);
    expect(paths({ title: 'A', parties, signedOn: '2024-02-30' })).toEqual(['signedOn']);
  });
});
