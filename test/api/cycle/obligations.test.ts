/**
 * GET /api/partnerships/:id/obligations through the app, on a real SQLite
 * file with a clock the test moves: each obligation's state, reason and link
 * from what was recorded, the default year, and the year turning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { logActivity } from '../../support/activities.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { createOrganisation } from '../../support/crm.js';
import { expectProblem } from '../../support/http.js';
import { createProposal } from '../../support/proposals.js';

let h: ClockedHarness;
let p1: string;
const url = (year?: number) => `/api/partnerships/${p1}/obligations${year ? `?year=${year}` : ''}`;
const byCode = (body: { items: { code: string }[] }) => Object.fromEntries(body.items.map((o) => [o.code, o])) as Record<string, any>;

beforeAll(async () => {
  h = await clockedHarness('2026-11-23T10:00:00Z');
  p1 = h.world.partnerships.p1;
  // a renewed agreement in force until 2028 that asks for two visits a year
  await h.db.updateTable('partnerships').set({ ends_on: '2028-12-31', visits_per_year: 2 }).where('id', '=', p1).execute();
});
afterAll(() => h.close());

describe('GET /api/partnerships/:id/obligations', () => {
  it('watches each obligation of the current year, with a reason and the page that fixes it', async () => {
    const visit = await logActivity(h.as.officer, { partnershipIds: [p1], type: 'administrative_visit', title: 'Working visit to Leuven', startsAt: '2026-03-10T09:00', endsAt: '2026-03-10T17:00' });
    await h.db.updateTable('activities').set({ status: 'done' }).where('id', '=', visit).execute();
    const reply = await h.as.viewer.get(url());
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ partnershipId: p1, year: 2026, checkedOn: '2026-11-23' });
    const o = byCode(reply.body);
    expect(Object.keys(o)).toEqual(['visits', 'evaluation', 'work_plan', 'contact_persons', 'first_to_inform', 'agreement_end', 'notice', 'renewal']);
    expect(o.visits).toMatchObject({ state: 'amber', facts: { required: 2, held: 1, planned: 0 }, link: `/activities/new?type=administrative_visit&partnershipId=${p1}` });
    expect(o.visits.reason).toBe('1 of 2 administrative visits held and 0 planned in 2026: plan 1 more by 31 December 2026.');
    expect(o.evaluation).toMatchObject({ state: 'amber', link: `/partnerships/${p1}/evaluations/2026`, facts: { dueOn: '2026-11-30', status: null } });
    expect(o.evaluation.reason).toBe('November is the evaluation month: adopt the evaluation of 2026 by 30 Nov 2026; it has not been started.');
    expect(o.work_plan).toMatchObject({ state: 'green', link: `/partnerships/${p1}/workplans/2027`, facts: { planYear: 2027, dueOn: '2026-12-31' } });
    expect(o.contact_persons).toMatchObject({ state: 'red', link: `/partnerships/${p1}/edit` });
    expect(o.contact_persons.reason).toBe('No contact person named for Verband Region Rhein-Neckar, Provincie Vlaams-Brabant: name one in the agreement.');
    expect(o.first_to_inform).toMatchObject({ state: 'green', facts: { applies: true, checked: 0 } });
    expect(o.agreement_end).toMatchObject({ state: 'green', reason: 'The agreement is in force until 31 Dec 2028.' });
    expect(o.notice).toMatchObject({ state: 'green', reason: 'Notice can be given until 30 Jun 2028.' });
    expect(o.renewal).toMatchObject({ state: 'green', reason: 'The decision on renewal is due on 31 Mar 2028.' });
  });

  it('turns green when the evaluation is adopted in its month, and red for what the year left undone once it is over', async () => {
    await h.db
      .insertInto('evaluations')
      .values({ id: newId(), partnership_id: p1, year: 2026, status: 'adopted', proposed_at: '2026-11-18T09:00:00.000Z', adopted_at: '2026-11-20T15:00:00.000Z', figures: null, created_by: null, created_at: '2026-11-01T09:00:00.000Z', updated_at: '2026-11-20T15:00:00.000Z' })
      .execute();
    expect(byCode((await h.as.viewer.get(url(2026))).body).evaluation).toMatchObject({ state: 'green', reason: 'The evaluation of 2026 was adopted on 20 Nov 2026.' });

    // a draft work plan for 2027 in December is amber; on 1 January it is red for 2026
    await h.db
      .insertInto('work_plans')
      .values({ id: newId(), partnership_id: p1, year: 2027, status: 'draft', introduction: null, proposed_at: null, adopted_at: null, created_by: null, created_at: '2026-12-02T09:00:00.000Z', updated_at: '2026-12-02T09:00:00.000Z' })
      .execute();
    h.setNow('2026-12-31T20:00:00Z');
    const lastDay = byCode((await h.as.viewer.get(url())).body);
    expect(lastDay.work_plan).toMatchObject({ state: 'amber', reason: 'December is the work-plan month: the work plan for 2027 is a draft; propose it to the parties by 31 Dec 2026.' });
    expect(lastDay.visits.state).toBe('amber');

    h.setNow('2027-01-01T08:00:00Z');
    const turned = await h.as.viewer.get(url(2026));
    const o = byCode(turned.body);
    expect(o.work_plan).toMatchObject({ state: 'red', reason: 'The work plan for 2027 was due by 31 Dec 2026 and has not been proposed: it is still a draft.' });
    expect(o.visits).toMatchObject({ state: 'red', reason: 'Only 1 of 2 administrative visits were held in 2026; the year is over.' });
    expect(o.evaluation.state).toBe('green');
    // the default year is now 2027: its evaluation is due in November
    const current = await h.as.viewer.get(url());
    expect(current.body.year).toBe(2027);
    expect(byCode(current.body).evaluation).toMatchObject({ state: 'green', reason: 'The evaluation of 2027 is due in November 2027: adopt it by 30 Nov 2027.' });
    h.setNow('2026-11-23T10:00:00Z');
  });

  it('flags a candidate project discussed with someone else before the partner region, in the year of that contact', async () => {
    const kul = (await createOrganisation(h.as.officer, { name: 'KU Leuven', kind: 'university_research', country: 'BE', partnershipIds: [p1] })).id;
    const proposal = await createProposal(h.as.officer, { acronym: 'EARLY', partnershipId: p1 });
    expect((await h.as.officer.post(`/api/proposals/${proposal.id}/inform-log`, { organisationId: kul, informedOn: '2026-05-04' })).status).toBe(201);
    const o = byCode((await h.as.viewer.get(url(2026))).body);
    expect(o.first_to_inform).toMatchObject({ state: 'red', link: `/proposals/${proposal.id}`, facts: { checked: 1, flagged: 1, flaggedAcronyms: 'EARLY' } });
    expect(o.first_to_inform.reason).toBe('One candidate project of 2026 (EARLY) was discussed with another potential partner before the partner region was informed.');
    expect(byCode((await h.as.viewer.get(url(2025))).body).first_to_inform.state).toBe('green');
  });

  it('names the contact persons once every party has one', async () => {
    const parties = await h.db.selectFrom('partnership_parties').select('id').where('partnership_id', '=', p1).execute();
    for (const [n, party] of parties.entries()) {
      const person = await h.as.officer.post('/api/people', { name: n === 0 ? 'Katrin Wellmann' : 'Pieter Goossens', lawfulBasis: 'public_task' });
      await h.db.updateTable('partnership_parties').set({ contact_person_id: person.body.id }).where('id', '=', party.id).execute();
    }
    expect(byCode((await h.as.viewer.get(url())).body).contact_persons).toMatchObject({
      state: 'green',
      reason: 'Every party names a contact person (2 of 2).'
    });
  });

  it('says a year outside the agreement’s term was not in force, and watches only what applies whatever the year', async () => {
    await h.db.updateTable('partnerships').set({ starts_on: '2025-01-01' }).where('id', '=', p1).execute();
    for (const year of [2024, 2029]) {
      const reply = await h.as.viewer.get(url(year));
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(reply.body).toMatchObject({ year, inForce: false, term: { startsOn: '2025-01-01', endsOn: '2028-12-31' } });
      expect(reply.body.items.map((o: { code: string }) => o.code)).toEqual(['contact_persons', 'agreement_end', 'notice', 'renewal']);
    }
    expect((await h.as.viewer.get(url(2026))).body).toMatchObject({ inForce: true, term: { startsOn: '2025-01-01', endsOn: '2028-12-31' } });
  });

  it('hides another partnership’s obligations and refuses a year that is not one', async () => {
    expectProblem(await h.as.outsider.get(url()), 404);
    expectProblem(await h.as.viewer.get(`/api/partnerships/${p1}/obligations?year=soon`), 400, 'query.year');
    expectProblem(await h.anonymous.get(url()), 401);
  });
});
