import { describe, expect, it } from 'vitest';
import { firstToInform } from '../../../api/proposals/services/first-to-inform.js';

const partner = (informedOn: string) => ({ informedOn, partnerRegion: true, organisationName: 'Provincie Vlaams-Brabant' });
const other = (informedOn: string, organisationName: string | null = 'KU Leuven') => ({ informedOn, partnerRegion: false, organisationName });

describe('first to inform (Art. 2.3)', () => {
  it('is fine when the partner region learned first, or on the same day', () => {
    expect(firstToInform([partner('2026-03-02'), other('2026-03-05')], true)).toEqual({
      applies: true,
      ok: true,
      unlogged: false,
      reason: 'The partner region was informed on 2 March 2026, before the first other potential partner (5 March 2026).',
      partnerInformedOn: '2026-03-02',
      firstOtherContactOn: '2026-03-05'
    });
    expect(firstToInform([other('2026-03-02'), partner('2026-03-02')], true)).toMatchObject({ ok: true, reason: expect.stringContaining('on the same day as') });
  });

  it('flags an idea the partner region learned of later than another potential partner', () => {
    expect(firstToInform([other('2026-03-01', 'BioRN Cluster'), partner('2026-03-09'), other('2026-02-20', 'SAP SE')], true)).toEqual({
      applies: true,
      ok: false,
      unlogged: false,
      reason: 'The partner region learned of it on 9 March 2026, after SAP SE was contacted on 20 February 2026. Art. 2.3: partners inform each other first.',
      partnerInformedOn: '2026-03-09',
      firstOtherContactOn: '2026-02-20'
    });
  });

  it('flags an idea others know of while the partner region does not', () => {
    const state = firstToInform([other('2026-04-01', null)], true);
    expect(state).toMatchObject({ ok: false, partnerInformedOn: null, firstOtherContactOn: '2026-04-01' });
    expect(state.reason).toBe('Another potential partner was contacted on 1 April 2026, but the partner region has not been informed yet. Art. 2.3: partners inform each other first.');
  });

  it('is fine before anyone knows, or when only the partner region knows', () => {
    expect(firstToInform([], true)).toMatchObject({ ok: true, reason: 'No one has been told about this idea yet.', partnerInformedOn: null, firstOtherContactOn: null });
    expect(firstToInform([partner('2026-01-10'), partner('2026-01-05')], true)).toMatchObject({ ok: true, partnerInformedOn: '2026-01-05', firstOtherContactOn: null });
  });

  it('says so in German and Dutch, the days as each language writes them', () => {
    expect(firstToInform([other('2026-03-01'), partner('2026-03-09')], true, 'de').reason).toBe('Die Partnerregion hat am 9. März 2026 davon erfahren, nachdem KU Leuven am 1. März 2026 kontaktiert worden war. Art. 2.3: Die Partner informieren einander zuerst.');
    expect(firstToInform([other('2026-03-01', null)], true, 'nl').reason).toBe('Een andere mogelijke partner werd op 1 maart 2026 gecontacteerd, maar de partnerregio werd nog niet geïnformeerd. Art. 2.3: de partners informeren elkaar eerst.');
    expect(firstToInform([partner('2026-03-02'), other('2026-03-02')], true, 'nl').reason).toBe('De partnerregio werd op 2 maart 2026 geïnformeerd, op dezelfde dag als de eerste andere mogelijke partner (2 maart 2026).');
    expect(firstToInform([], false, 'de').reason).toBe('Die Vereinbarung der Partnerschaft sieht keine gegenseitige Erstinformation vor. Über diese Idee wurde noch niemand informiert.');
  });

  it('warns of a project submitted with nothing logged, without calling it a breach; a logged entry or no rule ends it', () => {
    expect(firstToInform([], true, 'en', true)).toMatchObject({ applies: true, ok: true, unlogged: true, reason: 'Submitted with nothing in the first-to-inform log: record when the partner region was told about this idea. Art. 2.3: partners inform each other first.' });
    expect(firstToInform([], true, 'nl', true).reason).toBe('Ingediend zonder registratie van informatie bij voorrang: noteer wanneer de partnerregio over dit projectidee geïnformeerd werd. Art. 2.3: de partners informeren elkaar eerst.');
    expect(firstToInform([], true, 'en', false)).toMatchObject({ ok: true, unlogged: false });
    expect(firstToInform([partner('2026-01-05')], true, 'en', true)).toMatchObject({ ok: true, unlogged: false });
    expect(firstToInform([other('2026-01-05')], true, 'en', true)).toMatchObject({ ok: false, unlogged: false });
    expect(firstToInform([], false, 'en', true)).toMatchObject({ applies: false, ok: true, unlogged: false });
  });

  it('flags nothing when the partnership has no first-to-inform rule, but still gives the dates', () => {
    const state = firstToInform([other('2026-03-01'), partner('2026-03-09')], false);
    expect(state).toMatchObject({ applies: false, ok: true, partnerInformedOn: '2026-03-09', firstOtherContactOn: '2026-03-01' });
    expect(state.reason).toMatch(/^The partnership has no first-to-inform rule\./);
  });
});
