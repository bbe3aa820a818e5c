import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FieldSpec, mergeParagraphs, mergeSet, paragraphTokens, threeWayMerge } from '../../../api/cycle/coediting/merge.js';

const spec: FieldSpec = { fields: ['title', 'status', 'description', 'activityIds'], text: ['description'], sets: ['activityIds'] };
const base = { title: 'Study visit', status: 'planned', description: 'One.\n\nTwo.\n\nThree.', activityIds: ['a1', 'a2'] };

describe('three-way merge of a record, field by field', () => {
  it('writes nothing when yours equals theirs (both made the same change, or nobody changed)', () => {
    expect(threeWayMerge(spec, base, base, { title: 'Study visit' })).toEqual({ values: {}, conflicts: [], mergedFields: [] });
    const theirs = { ...base, title: 'Visit to Leuven' };
    expect(threeWayMerge(spec, base, theirs, { title: 'Visit to Leuven' })).toEqual({ values: {}, conflicts: [], mergedFields: ['title'] });
  });

  it('takes yours when only you changed the field (up to date, or others changed other fields)', () => {
    expect(threeWayMerge(spec, base, base, { title: 'New' })).toEqual({ values: { title: 'New' }, conflicts: [], mergedFields: [] });
    const theirs = { ...base, status: 'in_progress' };
    expect(threeWayMerge(spec, base, theirs, { title: 'New' })).toEqual({ values: { title: 'New' }, conflicts: [], mergedFields: ['status'] });
  });

  it('keeps theirs when you sent the base value of a field they changed', () => {
    const theirs = { ...base, status: 'done' };
    expect(threeWayMerge(spec, base, theirs, { status: 'planned', title: 'New' })).toEqual({ values: { title: 'New' }, conflicts: [], mergedFields: ['status'] });
  });

  it('reports a conflict with base, theirs and yours when both changed the same plain field differently', () => {
    const theirs = { ...base, title: 'Theirs', status: 'done' };
    const outcome = threeWayMerge(spec, base, theirs, { title: 'Yours', status: 'done' });
    expect(outcome.conflicts).toEqual([{ field: 'title', base: 'Study visit', theirs: 'Theirs', yours: 'Yours' }]);
    expect(outcome.values).toEqual({});
    expect(outcome.mergedFields).toEqual([]);
  });

  it('treats null and an absent base value alike', () => {
    const withNull = { ...base, targetDate: null };
    const s: FieldSpec = { fields: [...spec.fields, 'targetDate'] };
    expect(threeWayMerge(s, withNull, { ...withNull, targetDate: '2027-03-01' }, { targetDate: null }).values).toEqual({});
    expect(threeWayMerge(s, { ...base }, { ...withNull, targetDate: '2027-03-01' }, { targetDate: '2027-04-01' }).conflicts).toHaveLength(1);
  });
});

describe('text fields merge paragraph by paragraph', () => {
  it('merges changes to different paragraphs, including neighbouring ones', () => {
    const theirs = { ...base, description: 'One, theirs.\n\nTwo.\n\nThree.' };
    expect(threeWayMerge(spec, base, theirs, { description: 'One.\n\nTwo.\n\nThree, yours.' }).values).toEqual({ description: 'One, theirs.\n\nTwo.\n\nThree, yours.' });
    expect(threeWayMerge(spec, base, theirs, { description: 'One.\n\nTwo, yours.\n\nThree.' })).toEqual({
      values: { description: 'One, theirs.\n\nTwo, yours.\n\nThree.' },
      conflicts: [],
      mergedFields: ['description']
    });
  });

  it('merges a paragraph added by one side with a change elsewhere by the other', () => {
    const theirs = { ...base, description: 'One.\n\nTwo.\n\nThree.\n\nFour, theirs.' };
    expect(threeWayMerge(spec, base, theirs, { description: 'One, yours.\n\nTwo.\n\nThree.' }).values.description).toBe('One, yours.\n\nTwo.\n\nThree.\n\nFour, theirs.');
  });

  it('conflicts when both changed the same paragraph differently', () => {
    const theirs = { ...base, description: 'One.\n\nTwo, theirs.\n\nThree.' };
    const outcome = threeWayMerge(spec, base, theirs, { description: 'One.\n\nTwo, yours.\n\nThree.' });
    expect(outcome.conflicts).toEqual([{ field: 'description', base: base.description, theirs: theirs.description, yours: 'One.\n\nTwo, yours.\n\nThree.' }]);
  });

  it('accepts the same change made on both sides of one paragraph', () => {
    const theirs = { ...base, description: 'One.\n\nTwo!\n\nThree.\n\nFour.' };
    expect(threeWayMerge(spec, base, theirs, { description: 'One.\n\nTwo!\n\nThree.' }).conflicts).toEqual([]);
  });

  it('keeps the blank-line runs as written and treats null as empty', () => {
    expect(paragraphTokens('A\n\n\nB\n \nC')).toEqual(['A', '\n\n\n', 'B', '\n \n', 'C']);
    expect(mergeParagraphs(null, 'Theirs.', null)).toBe('Theirs.');
    expect(mergeParagraphs('A', null, 'A')).toBeNull();
    expect(mergeParagraphs(null, 'Theirs.', 'Yours.')).toBeUndefined();
  });

  it('conflicts when both start an empty text differently', () => {
    const empty = { ...base, description: null };
    expect(threeWayMerge(spec, empty, { ...empty, description: 'Theirs.' }, { description: 'Yours.' }).conflicts).toHaveLength(1);
  });
});

describe('id sets merge by adding and removing', () => {
  it('gives theirs plus what you added minus what you removed', () => {
    const theirs = { ...base, activityIds: ['a1', 'a2', 't3'] };
    expect(threeWayMerge(spec, base, theirs, { activityIds: ['a2', 'y4'] }).values).toEqual({ activityIds: ['a2', 't3', 'y4'] });
    expect(mergeSet(['a'], ['b'], ['a', 'c'])).toEqual(['b', 'c']);
  });

  it('needs no write when the result is what is stored, and ignores order', () => {
    const theirs = { ...base, activityIds: ['a2'] };
    expect(threeWayMerge(spec, base, theirs, { activityIds: ['a2'] }).values).toEqual({});
    expect(threeWayMerge(spec, base, base, { activityIds: ['a2', 'a1'] }).values).toEqual({});
  });

  it('never conflicts', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e')), fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e')), fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e')), (o, t, y) => {
        const outcome = threeWayMerge(spec, { ...base, activityIds: o }, { ...base, activityIds: t }, { activityIds: y });
        expect(outcome.conflicts).toEqual([]);
        const result = new Set((outcome.values.activityIds as string[] | undefined) ?? t);
        for (const id of y.filter((x) => !o.includes(x))) expect(result.has(id)).toBe(true);
        for (const id of o.filter((x) => !y.includes(x))) expect(result.has(id)).toBe(false);
        for (const id of t) if (!(o.includes(id) && !y.includes(id))) expect(result.has(id)).toBe(true);
      })
    );
  });
});

describe('properties of the merge', () => {
  const value = fc.constantFrom('x', 'y', 'z');
  const record = fc.record({ title: value, status: value });

  it('never loses a change: each field ends as yours, theirs, or a conflict, and only changes by others are kept', () => {
    fc.assert(
      fc.property(record, record, fc.record({ title: value, status: value }, { requiredKeys: [] }), (o, t, y) => {
        const s: FieldSpec = { fields: ['title', 'status'] };
        const outcome = threeWayMerge(s, o, t, y);
        const result = { ...t, ...outcome.values };
        for (const field of ['title', 'status'] as const) {
          const conflict = outcome.conflicts.some((c) => c.field === field);
          if (conflict) {
            expect(o[field] !== t[field] && y[field] !== undefined && y[field] !== o[field] && y[field] !== t[field]).toBe(true);
            continue;
          }
          if (outcome.conflicts.length) continue;
          if (y[field] !== undefined && y[field] !== o[field]) expect(result[field]).toBe(y[field]);
          else expect(result[field]).toBe(t[field]);
        }
      })
    );
  });

  it('is the plain patch when the writer is up to date', () => {
    fc.assert(
      fc.property(record, fc.record({ title: value, status: value }, { requiredKeys: [] }), (t, y) => {
        const outcome = threeWayMerge({ fields: ['title', 'status'] }, t, t, y);
        expect(outcome.conflicts).toEqual([]);
        expect({ ...t, ...outcome.values }).toEqual({ ...t, ...y });
      })
    );
  });

  it('merges paragraph edits to disjoint paragraphs cleanly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 8 }), fc.nat(), fc.nat(), (n, i, j) => {
        const paragraphs = Array.from({ length: n }, (_, k) => `P${k}.`);
        const a = i % n;
        const b = (a + 1 + (j % (n - 1))) % n;
        const theirs = paragraphs.map((p, k) => (k === a ? `${p} theirs` : p));
        const yours = paragraphs.map((p, k) => (k === b ? `${p} yours` : p));
        const expected = paragraphs.map((p, k) => (k === a ? `${p} theirs` : k === b ? `${p} yours` : p)).join('\n\n');
        expect(mergeParagraphs(paragraphs.join('\n\n'), theirs.join('\n\n'), yours.join('\n\n'))).toBe(expected);
      })
    );
  });
});
