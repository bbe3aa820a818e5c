/**
 * The annual cycle's and the candidate projects' problems in the reader's
 * language (issue 13): work plans, their items, the cycle settings, scoring
 * matrices, the consortium and the milestones answer with a stable `code`
 * and `params` and say it in English by default, in German and in Dutch.
 * A signed-in caller is written to in the account's language; the requests
 * also carry the Accept-Language the web sends for that page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { expectProblem, type Client } from '../../support/http.js';
import { createProposal } from '../../support/proposals.js';
import { newPlan, pfbOfficer } from '../../support/work-plans.js';

let h: ApiHarness;
/** the Flemish party's officer, who reads Dutch */
let flemish: Client;
const de = { headers: { 'Accept-Language': 'de-DE,de;q=0.9' } };
const nl = { headers: { 'Accept-Language': 'nl-BE,nl;q=0.9' } };

type FieldErrors = { errors: { path: string; code: string; params: Record<string, unknown>; message: string }[] };
const field = (body: FieldErrors, path: string) => body.errors.find((e) => e.path === path);

beforeAll(async () => {
  h = await apiHarness();
  const pfb = await pfbOfficer(h);
  flemish = pfb.client;
  await h.db.updateTable('users').set({ locale: 'nl' }).where('id', 'in', [pfb.id, h.world.users.viewer.id]).execute();
  await h.db.updateTable('users').set({ locale: 'de' }).where('id', '=', h.world.users.editor.id).execute();
});
afterAll(() => h.close());

describe('the work plan’s problems', () => {
  it('refuses a second plan for a year in each writer’s language, with the year as its value', async () => {
    const plan = await newPlan(h, 2031);
    const body = { partnershipId: h.world.partnerships.p1, year: 2031 };

    const english = await h.as.officer.post('/api/workplans', body);
    expectProblem(english, 409);
    expect(english.body).toMatchObject({ code: 'problems_cycle_workPlanExists', params: { year: 2031 }, detail: 'This partnership has a work plan for 2031 already.', workPlanId: plan.id });
    expect(english.headers.get('content-language')).toBe('en');

    const german = await h.as.editor.post('/api/workplans', body, de);
    expect(german.body).toMatchObject({ status: 409, code: 'problems_cycle_workPlanExists', detail: 'Diese Partnerschaft hat bereits einen Arbeitsplan für 2031.' });
    expect(german.headers.get('content-language')).toBe('de');

    const dutch = await flemish.post('/api/workplans', body, nl);
    expect(dutch.body).toMatchObject({ status: 409, code: 'problems_cycle_workPlanExists', detail: 'Dit partnerschap heeft al een jaarplan voor 2031.' });

    const viewer = await h.as.viewer.post('/api/workplans', { ...body, year: 2032 }, nl);
    expectProblem(viewer, 403);
    expect(viewer.body).toMatchObject({ code: 'problems_cycle_viewersCannotStartWorkPlan', detail: 'Lezers kunnen geen jaarplan starten.' });
  });

  it('says beside an item’s fields what is wrong: a title too long (the limit as a number), a date outside the plan’s year', async () => {
    const plan = await newPlan(h, 2033);
    const items = `/api/workplans/${plan.id}/items`;
    const long = { title: 'x'.repeat(301) };

    const english = await h.as.officer.post(items, long);
    expectProblem(english, 400, 'title');
    expect(field(english.body, 'title')).toEqual({ path: 'title', code: 'problems_cycle_field_atMostCharacters', params: { maximum: 300 }, message: 'At most 300 characters.' });
    expect(field((await h.as.editor.post(items, long, de)).body, 'title')!.message).toBe('Höchstens 300 Zeichen.');
    expect(field((await flemish.post(items, long, nl)).body, 'title')!.message).toBe('Hoogstens 300 tekens.');

    const outside = { title: 'Study trip', targetDate: '2034-03-01' };
    const englishDate = await h.as.officer.post(items, outside);
    expectProblem(englishDate, 400, 'targetDate');
    expect(field(englishDate.body, 'targetDate')).toMatchObject({ code: 'problems_cycle_field_dateInPlanYear', params: { year: 2033 }, message: 'Choose a date in 2033, the plan’s year.' });
    const germanDate = await h.as.editor.post(items, outside, de);
    expect(field(germanDate.body, 'targetDate')!.message).toBe('Wählen Sie ein Datum im Jahr 2033, dem Jahr des Plans.');
    expect(germanDate.body.detail).toBe('Einige Felder müssen geprüft werden: targetDate: Wählen Sie ein Datum im Jahr 2033, dem Jahr des Plans.');
    const dutchDate = await flemish.post(items, outside, nl);
    expect(field(dutchDate.body, 'targetDate')!.message).toBe('Kies een datum in 2033, het jaar van het plan.');
  });

  it('words the annual cycle’s settings in Dutch, the bound taken from the schema', async () => {
    const cycle = `/api/partnerships/${h.world.partnerships.p1}/cycle`;
    const reply = await flemish.patch(cycle, { evaluationMonth: 13, leadWeeks: 27 }, { headers: { ...nl.headers, 'If-Match': '"1"' } });
    expectProblem(reply, 400, 'evaluationMonth');
    expect(field(reply.body, 'evaluationMonth')).toMatchObject({ code: 'problems_cycle_field_month', message: 'Een maand is een getal van 1 tot 12.' });
    expect(field(reply.body, 'leadWeeks')).toMatchObject({ code: 'problems_cycle_field_leadWeeks', params: { maximum: 26 }, message: 'Hoogstens 26 weken vooraf.' });
    const english = await h.as.officer.patch(cycle, {}, { headers: { 'If-Match': '"1"' } });
    expectProblem(english, 400, '');
    expect(field(english.body, '')!.message).toBe('Send at least one setting to change.');
  });
});

describe('the candidate projects’ problems', () => {
  it('words a scoring matrix’s weights and levels in German, in English by default', async () => {
    const levels = [
      { points: 1, description: 'weak' },
      { points: 1, description: 'also weak' }
    ];
    const matrix = { name: 'Own matrix', partnershipId: h.world.partnerships.p1, groups: [{ code: 'a', title: 'Impact', criteria: [{ title: 'Reach', weight: '-1', levels }] }] };
    const german = await h.as.editor.post('/api/scoring-matrices', matrix, de);
    // the editor may not write matrices, but the body is checked first
    expectProblem(german, 400, 'groups.0.criteria.0.weight');
    expect(field(german.body, 'groups.0.criteria.0.weight')).toMatchObject({ code: 'problems_proposals_field_weightAboveZero', message: 'Eine Gewichtung ist größer als null.' });
    expect(field(german.body, 'groups.0.criteria.0.levels.1.points')).toMatchObject({ code: 'problems_proposals_field_levelPointsTwice', message: 'Zwei Stufen sind gleich viele Punkte wert.' });

    const english = await h.as.officer.post('/api/scoring-matrices', { ...matrix, groups: [{ code: 'a', title: 'Impact', criteria: [{ title: 'Reach', weight: '1.555', levels }] }] });
    expect(field(english.body, 'groups.0.criteria.0.weight')!.message).toBe('At most two decimals, e.g. 1.25.');
    expect(field(english.body, 'groups.0.criteria.0.levels.1.points')!.message).toBe('Two levels are worth the same points.');

    const refused = await h.as.editor.post('/api/scoring-matrices', { ...matrix, groups: [{ code: 'a', title: 'Impact', criteria: [{ title: 'Reach', levels: [levels[0], { points: 5, description: 'strong' }] }] }] }, de);
    expectProblem(refused, 403);
    expect(refused.body.detail).toBe('Nur die Administratorinnen, Administratoren, Referentinnen und Referenten der Partnerschaft dürfen ihre Bewertungsmatrizen anlegen oder ändern.');
  });

  it('words a co-financing rate given as a percentage in Dutch, and a milestone plan without a call in German', async () => {
    const proposal = await createProposal(h.as.editor, { acronym: 'WORDS', partnershipId: h.world.partnerships.p1 });
    const consortium = `/api/proposals/${proposal.id}/consortium`;
    const dutch = await flemish.post(consortium, { organisationId: h.world.organisations.pfb, cofinancingRate: '60' }, nl);
    expectProblem(dutch, 400, 'cofinancingRate');
    expect(field(dutch.body, 'cofinancingRate')).toMatchObject({ code: 'problems_proposals_field_rateFraction', message: 'Een medefinancieringspercentage is een fractie van 1, bv. 0.6 voor 60 %.' });
    const english = await h.as.officer.post(consortium, { organisationId: h.world.organisations.pfb, cofinancingRate: '0.12345' });
    expect(field(english.body, 'cofinancingRate')!.message).toBe('At most four decimals, e.g. 0.825.');

    const german = await h.as.editor.get(`/api/proposals/${proposal.id}/milestones/plan`, de);
    expectProblem(german, 409);
    expect(german.body).toMatchObject({
      code: 'problems_proposals_chooseCallFirst',
      detail: 'Wählen Sie zuerst den Aufruf oder geben Sie die Frist als deadlineOn an, um die Meilensteine von ihr aus rückwärts zu planen.'
    });
    const englishPlan = await h.as.officer.get(`/api/proposals/${proposal.id}/milestones/plan`);
    expect(englishPlan.body.detail).toBe('Choose the call first, or give the deadline as deadlineOn, to plan the milestones back from it.');
  });

  it('names the stages of a refused move as the reader’s interface does', async () => {
    const proposal = await createProposal(h.as.officer, { acronym: 'STAGES', partnershipId: h.world.partnerships.p1 });
    const german = await h.as.editor.patch(`/api/proposals/${proposal.id}`, { stage: 'submitted' }, de);
    expectProblem(german, 409, 'stage');
    expect(german.body).toMatchObject({ code: 'problems_proposals_stageMove_idea', params: { to: 'submitted' }, allowedStages: ['exploring', 'withdrawn'] });
    expect(german.body.detail).toBe('Eine Projektidee kann nicht von „Idee“ zu „Eingereicht“ wechseln: Von „Idee“ aus kann sie nur zu „Sondierung“ oder „Zurückgezogen“ wechseln.');
    const dutch = await flemish.patch(`/api/proposals/${proposal.id}`, { stage: 'running' }, nl);
    expect(dutch.body.errors[0]).toMatchObject({ path: 'stage', message: 'Een projectidee kan niet van “Idee” naar “Lopend” gaan: vanuit “Idee” kan het enkel naar “Verkenning” of “Ingetrokken” gaan.' });
  });
});
