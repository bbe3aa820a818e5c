/**
 * The obligation rules (api/cycle/services/obligations.ts) on plain values, at the
 * year's boundaries (31 December / 1 January) and around the evaluation's and
 * the work plan's months.
 */
import { describe, expect, it } from 'vitest';
import * as rules from '../../../api/cycle/services/obligations.js';
import { type ObligationInputs, inForceIn, obligationsOf, termOf } from '../../../api/cycle/services/obligations.js';
import { type ObligationFacts, obligationReason } from '../../../api/cycle/rules/obligation-words.js';

/** an obligation with its reason in English, as the API words it (rules/obligation-words.ts) */
const worded = (o: ObligationFacts, i: ObligationInputs) => ({ ...o, reason: obligationReason(o, i.year, 'en') });
const visitsObligation = (i: ObligationInputs, today: string) => worded(rules.visitsObligation(i, today), i);
const evaluationObligation = (i: ObligationInputs, today: string) => worded(rules.evaluationObligation(i, today), i);
const workPlanObligation = (i: ObligationInputs, today: string) => worded(rules.workPlanObligation(i, today), i);
const contactPersonsObligation = (i: ObligationInputs) => worded(rules.contactPersonsObligation(i), i);
const firstToInformObligation = (i: ObligationInputs) => worded(rules.firstToInformObligation(i), i);
const agreementObligations = (i: ObligationInputs, today: string) => rules.agreementObligations(i, today).map((o) => worded(o, i));

const P = 'p1';

function inputs(over: Partial<ObligationInputs> = {}): ObligationInputs {
  return {
    partnershipId: P,
    year: 2026,
    visitsPerYear: 1,
    evaluationMonth: 11,
    workPlanMonth: 12,
    firstToInformRule: true,
    parties: [
      { organisationName: 'VRRN', contactPersonId: 'k', contactPersonName: 'Katrin Wellmann' },
      { organisationName: 'PFB', contactPersonId: 'g', contactPersonName: 'Pieter Goossens' }
    ],
    visits: [],
    evaluation: null,
    workPlan: null,
    proposalsChecked: 0,
    flaggedProposals: [],
    unloggedProposals: [],
    agreement: { signedOn: '2024-11-28', startsOn: '2025-01-01', endsOn: '2028-12-31', noticeMonths: 6, noticeSentOn: null, renewalLeadMonths: 3 },
    successorId: null,
    ...over
  };
}

describe('visits at administrative level (Art. 2.2 §3)', () => {
  const held = { id: 'a1', title: 'Visit to Leuven', startsOn: '2026-03-10', status: 'done' as const };
  const planned = { id: 'a2', title: 'Visit to Mannheim', startsOn: '2026-12-15', status: 'planned' as const };

  it('is green once N are held, whatever the day', () => {
    expect(visitsObligation(inputs({ visits: [held] }), '2026-03-11')).toMatchObject({ state: 'green', link: '/activities/a1', facts: { required: 1, held: 1 } });
    expect(visitsObligation(inputs({ visits: [held] }), '2027-01-01').state).toBe('green');
  });

  it('is amber until 31 December and red from 1 January when fewer were held', () => {
    const i = inputs({ visitsPerYear: 2, visits: [held, planned] });
    expect(visitsObligation(i, '2026-12-01')).toMatchObject({ state: 'amber', link: '/activities/a2', reason: '1 of 2 administrative visits held in 2026; 1 more planned before the year ends.' });
    expect(visitsObligation(i, '2026-12-31').state).toBe('amber');
    const over = visitsObligation(i, '2027-01-01');
    expect(over.state).toBe('red');
    // the planned visit's day has passed: to be marked done if it took place (the link opens it)
    expect(over.reason).toBe('Only 1 of 2 administrative visits were held in 2026; the year is over. One visit whose day has passed is still marked planned: mark it done if it took place.');
    expect(over.link).toBe('/activities/a2');
  });

  it('asks to plan the missing visits, and does not count cancelled ones', () => {
    const i = inputs({ visits: [{ ...planned, status: 'cancelled' }] });
    expect(visitsObligation(i, '2026-06-01')).toMatchObject({ state: 'amber', reason: '0 of 1 administrative visits held and 0 planned in 2026: plan 1 more by 31 December 2026.', link: `/activities/new?type=administrative_visit&partnershipId=${P}` });
    expect(visitsObligation(inputs({ year: 2027 }), '2026-06-01').state).toBe('amber');
    expect(visitsObligation(inputs({ visitsPerYear: 0 }), '2027-06-01').state).toBe('green');
  });
});

describe('the evaluation in its month (Art. 2.5)', () => {
  it('is green before its month, amber inside it, red from the day after', () => {
    expect(evaluationObligation(inputs(), '2026-10-31')).toMatchObject({ state: 'green', reason: 'The evaluation of 2026 is due in November 2026: adopt it by 30 Nov 2026.', link: `/partnerships/${P}/evaluations/2026` });
    expect(evaluationObligation(inputs(), '2026-11-01').state).toBe('amber');
    expect(evaluationObligation(inputs({ evaluation: { status: 'proposed', adoptedOn: null } }), '2026-11-30')).toMatchObject({
      state: 'amber',
      reason: 'November is the evaluation month: adopt the evaluation of 2026 by 30 Nov 2026; it is proposed and waits for the parties’ approvals.'
    });
    expect(evaluationObligation(inputs({ evaluation: { status: 'draft', adoptedOn: null } }), '2026-12-01')).toMatchObject({ state: 'red', reason: 'The evaluation of 2026 was due by 30 Nov 2026 and is not adopted: it is still a draft.' });
  });

  it('is green when adopted by the last day of the month, amber when adopted later', () => {
    expect(evaluationObligation(inputs({ evaluation: { status: 'adopted', adoptedOn: '2026-11-30' } }), '2027-01-01').state).toBe('green');
    expect(evaluationObligation(inputs({ evaluation: { status: 'adopted', adoptedOn: '2026-12-01' } }), '2027-01-01')).toMatchObject({
      state: 'amber',
      reason: 'The evaluation of 2026 was adopted on 1 Dec 2026, after its month (November 2026).'
    });
  });

  it('follows a configured month: a December evaluation is amber on 31 December and red on 1 January', () => {
    const i = inputs({ evaluationMonth: 12 });
    expect(evaluationObligation(i, '2026-11-30').state).toBe('green');
    expect(evaluationObligation(i, '2026-12-31').state).toBe('amber');
    expect(evaluationObligation(i, '2027-01-01')).toMatchObject({ state: 'red', facts: { dueOn: '2026-12-31' } });
  });
});

describe('next year’s work plan in its month', () => {
  it('is about the year after, due by the end of December: amber on 31 December, red on 1 January', () => {
    expect(workPlanObligation(inputs(), '2026-11-30')).toMatchObject({ state: 'green', link: `/partnerships/${P}/workplans/2027`, facts: { planYear: 2027, dueOn: '2026-12-31' } });
    expect(workPlanObligation(inputs(), '2026-12-31')).toMatchObject({ state: 'amber', reason: 'December is the work-plan month: start the work plan for 2027 by 31 Dec 2026.' });
    expect(workPlanObligation(inputs({ workPlan: { status: 'draft', proposedOn: null, adoptedOn: null } }), '2027-01-01')).toMatchObject({
      state: 'red',
      reason: 'The work plan for 2027 was due by 31 Dec 2026 and has not been proposed: it is still a draft.'
    });
  });

  it('counts the first day it was proposed (or adopted)', () => {
    expect(workPlanObligation(inputs({ workPlan: { status: 'adopted', proposedOn: '2026-12-14', adoptedOn: '2027-01-12' } }), '2027-02-01')).toMatchObject({
      state: 'green',
      reason: 'The work plan for 2027 was proposed to the parties on 14 Dec 2026.'
    });
    expect(workPlanObligation(inputs({ workPlan: { status: 'proposed', proposedOn: '2027-01-05', adoptedOn: null } }), '2027-02-01').state).toBe('amber');
  });
});

describe('contact persons and first to inform', () => {
  it('is red naming the parties without a contact person', () => {
    const i = inputs({ parties: [{ organisationName: 'VRRN', contactPersonId: 'k', contactPersonName: 'Katrin Wellmann' }, { organisationName: 'PFB', contactPersonId: null, contactPersonName: null }] });
    expect(contactPersonsObligation(i)).toMatchObject({ state: 'red', reason: 'No contact person named for PFB: name one in the agreement.', link: `/partnerships/${P}/edit` });
    expect(contactPersonsObligation(inputs()).state).toBe('green');
  });

  it('is red with the flagged projects of the year, green when the rule is off', () => {
    const flagged = inputs({ proposalsChecked: 3, flaggedProposals: [{ id: 'x', acronym: 'HYDRO' }, { id: 'y', acronym: 'SMART' }] });
    expect(firstToInformObligation(flagged)).toMatchObject({
      state: 'red',
      link: '/proposals/x',
      reason: '2 candidate projects of 2026 (HYDRO, SMART) were discussed with other potential partners before the partner region was informed.'
    });
    expect(firstToInformObligation({ ...flagged, firstToInformRule: false }).state).toBe('green');
    expect(firstToInformObligation(inputs({ proposalsChecked: 2 })).reason).toBe('The partner region was informed first for every candidate project of 2026 (2 checked).');
  });

  it('is amber for a project submitted with an empty log: no breach shown, but nothing shows the partner region was told; a breach outweighs it', () => {
    const unlogged = inputs({ proposalsChecked: 1, unloggedProposals: [{ id: 'z', acronym: 'CIRCREG' }] });
    expect(firstToInformObligation(unlogged)).toMatchObject({
      state: 'amber',
      link: '/proposals/z',
      reason: 'One candidate project of 2026 (CIRCREG) was submitted with nothing in the first-to-inform log: record when the partner region was told.',
      facts: { unlogged: 1, unloggedAcronyms: 'CIRCREG', flagged: 0 }
    });
    expect(firstToInformObligation({ ...unlogged, flaggedProposals: [{ id: 'x', acronym: 'HYDRO' }] })).toMatchObject({ state: 'red', link: '/proposals/x', facts: { flagged: 1, unlogged: 1 } });
    expect(firstToInformObligation({ ...unlogged, firstToInformRule: false }).state).toBe('green');
  });
});

describe('the agreement’s end, notice and renewal', () => {
  const codes = (i: ObligationInputs, today: string) => Object.fromEntries(agreementObligations(i, today).map((o) => [o.code, o.state]));

  it('is green far from the dates, amber as they come near, red once passed without a successor', () => {
    expect(codes(inputs(), '2026-11-23')).toEqual({ agreement_end: 'green', notice: 'green', renewal: 'green' });
    // renewal decision 2028-03-31, last notice day 2028-06-30, end 2028-12-31
    expect(codes(inputs(), '2028-01-15')).toEqual({ agreement_end: 'green', notice: 'green', renewal: 'amber' });
    expect(codes(inputs(), '2028-04-15')).toEqual({ agreement_end: 'green', notice: 'amber', renewal: 'red' });
    expect(codes(inputs(), '2028-12-31')).toEqual({ agreement_end: 'amber', notice: 'green', renewal: 'red' });
    expect(codes(inputs(), '2029-01-01')).toEqual({ agreement_end: 'red', notice: 'green', renewal: 'red' });
    expect(codes(inputs({ successorId: 'next' }), '2029-01-01')).toEqual({ agreement_end: 'green', notice: 'green', renewal: 'green' });
  });

  it('says when notice was given and when an agreement is open-ended or not yet in force', () => {
    const notice = agreementObligations(inputs({ agreement: { ...inputs().agreement, noticeSentOn: '2027-03-01' } }), '2027-03-02');
    expect(notice.map((o) => o.state)).toEqual(['amber', 'green', 'green']);
    expect(notice[0]!.reason).toBe('Notice was given on 1 Mar 2027: the agreement ends on 1 Sept 2027.');
    expect(codes(inputs({ agreement: { ...inputs().agreement, endsOn: null } }), '2026-01-01')).toEqual({ agreement_end: 'green', notice: 'green', renewal: 'green' });
    expect(codes(inputs({ agreement: { ...inputs().agreement, signedOn: null } }), '2026-01-01').agreement_end).toBe('amber');
  });
});

it('lists every obligation in the agreement’s order', () => {
  expect(obligationsOf(inputs(), '2026-06-01').map((o) => o.code)).toEqual(['visits', 'evaluation', 'work_plan', 'contact_persons', 'first_to_inform', 'agreement_end', 'notice', 'renewal']);
});

describe('years outside the agreement’s term (1 Jan 2025 – 31 Dec 2028)', () => {
  const codes = (over: Partial<ObligationInputs>, today = '2026-11-23') => obligationsOf(inputs(over), today).map((o) => o.code);
  const agreementOnly = ['contact_persons', 'agreement_end', 'notice', 'renewal'];

  it('counts a year in force when one of its days lies in the term, notice shortening it', () => {
    const a = inputs().agreement;
    expect([2024, 2025, 2028, 2029].map((y) => inForceIn(a, y))).toEqual([false, true, true, false]);
    expect(inForceIn({ ...a, startsOn: '2025-07-01' }, 2025)).toBe(true);
    expect(inForceIn({ ...a, noticeSentOn: '2026-03-15' }, 2027)).toBe(false);
    expect(termOf({ ...a, noticeSentOn: '2026-03-15' })).toEqual({ startsOn: '2025-01-01', endsOn: '2026-09-15' });
    expect(inForceIn({ ...a, startsOn: null }, 2026)).toBe(false);
    expect(inForceIn({ ...a, endsOn: null }, 2040)).toBe(true);
  });

  it('watches no visits, evaluation, work plan or first-to-inform before the start or after the end: nothing red or amber about that year', () => {
    expect(codes({ year: 2024 })).toEqual(agreementOnly);
    expect(codes({ year: 2023 })).toEqual(agreementOnly);
    expect(codes({ year: 2029 })).toEqual(agreementOnly);
    expect(obligationsOf(inputs({ year: 2024 }), '2026-11-23').every((o) => o.state === 'green')).toBe(true);
  });

  it('in the last year, watches next year’s work plan only when a successor agreement continues it', () => {
    expect(codes({ year: 2028 }, '2028-12-15')).toEqual(['visits', 'evaluation', 'contact_persons', 'first_to_inform', 'agreement_end', 'notice', 'renewal']);
    expect(codes({ year: 2028, successorId: 'p2' }, '2028-12-15')).toContain('work_plan');
  });
});
