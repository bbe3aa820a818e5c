import { describe, expect, it } from 'vitest';
import type { Caller, PartnershipRole } from '../../../api/platform/http/caller.js';
import { Forbidden, ValidationFailed } from '../../../api/platform/http/errors.js';
import { domainsAfter, stakeholdershipsAfter } from '../../../api/crm/services/organisations.js';

function caller(roles: Record<string, PartnershipRole>, isAdmin = false): Caller {
  return { userId: 'u', name: 'U', email: 'u@example.org', organisationId: 'org', isAdmin, roles, via: 'token' };
}

const exists = (id: string) => id !== 'gone';

describe('stakeholdershipsAfter', () => {
  it('adds and removes partnerships where the caller writes', () => {
    expect(stakeholdershipsAfter(caller({ p1: 'editor', p2: 'officer' }), ['p1'], ['p2'], exists)).toEqual(['p2']);
  });

  it('keeps partnerships the caller cannot see, even when the request leaves them out', () => {
    expect(stakeholdershipsAfter(caller({ p1: 'editor' }), ['p1', 'hidden'], [], exists)).toEqual(['hidden']);
  });

  it('refuses unknown or invisible partnerships with a 400 naming each position', () => {
    const attempt = () => stakeholdershipsAfter(caller({ p1: 'editor' }), [], ['p1', 'p9', 'gone'], exists);
    expect(attempt).toThrow(ValidationFailed);
    try {
      attempt();
    } catch (error) {
      expect((error as ValidationFailed).toJSON().errors).toEqual([
        { path: 'partnershipIds.1', code: 'problems_notFound_partnership', params: {}, message: 'No partnership with this id.' },
        { path: 'partnershipIds.2', code: 'problems_notFound_partnership', params: {}, message: 'No partnership with this id.' }
      ]);
      expect((error as ValidationFailed).toJSON('de').errors?.[0]?.message).toBe('Keine Partnerschaft mit dieser ID.');
    }
    expect(() => stakeholdershipsAfter(caller({}, true), [], ['gone'], exists)).toThrow(ValidationFailed);
  });

  it('refuses adding or removing where the caller only views (403), but lets such a partnership stay', () => {
    const viewer = caller({ p1: 'viewer', p2: 'editor' });
    expect(() => stakeholdershipsAfter(viewer, [], ['p1'], exists)).toThrow(Forbidden);
    expect(() => stakeholdershipsAfter(viewer, ['p1'], [], exists)).toThrow(Forbidden);
    expect(stakeholdershipsAfter(viewer, ['p1'], ['p1', 'p2'], exists)).toEqual(['p1', 'p2']);
  });
});

describe('domainsAfter', () => {
  const row = (domainId: string, partnershipId: string | null, maturity = 3) => ({
    organisation_id: 'o',
    domain_id: domainId,
    maturity,
    partnership_id: partnershipId,
    label_en: domainId,
    label_de: domainId,
    label_nl: domainId
  });
  const sees = (id: string) => id === 'p1';

  it('replaces what the caller sees and keeps domains of partnerships the caller cannot see', () => {
    const current = [row('domain-health', null), row('p1-own', 'p1'), row('p3-own', 'p3', 4)];
    expect(domainsAfter(current, [{ domainId: 'domain-tourism', maturity: 2 }], sees)).toEqual([
      { domainId: 'domain-tourism', maturity: 2 },
      { domainId: 'p3-own', maturity: 4 }
    ]);
  });
});
