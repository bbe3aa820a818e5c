/** Who may write, read from `me` (web/lib/access/writing.ts): what pages offer matches what the API allows. */
import { describe, expect, it } from 'vitest';
import { mayWriteAnywhere, mayWriteIn } from '../../../web/lib/access/writing.js';

const me = (isAdmin: boolean, memberships: [string, 'admin' | 'officer' | 'editor' | 'viewer'][]) => ({
  isAdmin,
  memberships: memberships.map(([partnershipId, role]) => ({ partnershipId, title: partnershipId, role }))
});

describe('writing roles', () => {
  it('writes in a partnership as its admin, officer or editor, or as a system administrator', () => {
    expect(mayWriteIn(me(false, [['p1', 'editor']]), 'p1')).toBe(true);
    expect(mayWriteIn(me(false, [['p1', 'officer'], ['p2', 'viewer']]), 'p2')).toBe(false);
    expect(mayWriteIn(me(false, [['p1', 'viewer']]), 'p1')).toBe(false);
    expect(mayWriteIn(me(true, []), 'p9')).toBe(true);
    expect(mayWriteIn(null, 'p1')).toBe(false);
  });

  it('writes anywhere with a writing role in some partnership; a viewer only never does', () => {
    expect(mayWriteAnywhere(me(false, [['p1', 'viewer'], ['p2', 'admin']]))).toBe(true);
    expect(mayWriteAnywhere(me(false, [['p1', 'viewer']]))).toBe(false);
    expect(mayWriteAnywhere(me(false, []))).toBe(false);
    expect(mayWriteAnywhere(me(true, []))).toBe(true);
  });
});
