import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../api/platform/http/caller.js';
import { recordCostsLeaving } from '../../../api/activities/services/costs.js';
import { logActivity } from '../../support/activities.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { auditActions } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { allRows, firstRow } from '../../support/sql.js';

let h: ApiHarness;
let trip: string;
const costsOf = (activityId: string) => `/api/activities/${activityId}/costs`;

beforeAll(async () => {
  h = await apiHarness();
  trip = await logActivity(h.as.officer, { partnershipIds: [h.world.partnerships.p1], title: 'Delegation trip to Leuven', startsAt: '2026-03-10T08:00:00.000Z' });
});
afterAll(() => h.close());

describe('/api/activities/:id/costs', () => {
  it('logs a cost in EUR with who pays, and lists it with the totals', async () => {
    const activity = await logActivity(h.as.officer, { partnershipIds: [h.world.partnerships.p1], startsAt: '2024-05-02T07:00:00.000Z' });
    const created = await h.as.officer.post(costsOf(activity), {
      category: 'travel',
      description: 'Train Mannheim – Leuven, 4 people',
      amount: '612.40',
      state: 'committed',
      paidByOrganisationId: h.world.organisations.vrrn
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      activityId: activity,
      category: 'travel',
      description: 'Train Mannheim – Leuven, 4 people',
      amount: '612.40',
      amountCents: 61240,
      currency: 'EUR',
      rateToEur: '1',
      amountEurCents: 61240,
      state: 'committed',
      paidByOrganisationId: h.world.organisations.vrrn,
      paidByOrganisationName: 'Verband Region Rhein-Neckar',
      budgets: [],
      version: 1
    });
    await h.as.editor.post(costsOf(activity), { category: 'catering', amount: 80.5 });
    await h.as.editor.post(costsOf(activity), { category: 'venue', amount: '1000', state: 'spent' });

    const list = await h.as.viewer.get(costsOf(activity));
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { category: string }) => c.category)).toEqual(['travel', 'catering', 'venue']);
    expect(list.body.items[1]).toMatchObject({ amount: '80.50', amountCents: 8050, state: 'planned', paidByOrganisationId: null, paidByOrganisationName: null });
    expect(list.body.summary).toEqual({ count: 3, totalEurCents: 169290, plannedCents: 8050, committedCents: 61240, spentCents: 100000, budgets: [] });
  });

  it('stores the EUR value at the rate entered for other currencies, exactly', async () => {
    const gbp = await h.as.officer.post(costsOf(trip), { category: 'accommodation', amount: '100.00', currency: 'gbp', rateToEur: '1.16880' });
    expect(gbp.status, JSON.stringify(gbp.body)).toBe(201);
    expect(gbp.body).toMatchObject({ amount: '100.00', currency: 'GBP', rateToEur: '1.1688', amountEurCents: 11688 });
    // CHF 33.33 at 1.0625 = EUR 35.413125 → 35.41
    const chf = await h.as.officer.post(costsOf(trip), { category: 'fees', amount: 33.33, currency: 'CHF', rateToEur: 1.0625 });
    expect(chf.body).toMatchObject({ amountCents: 3333, amountEurCents: 3541 });
    const row = (await firstRow(h, 'SELECT amount_cents, currency, rate_to_eur, amount_eur_cents FROM cost_items WHERE id = ?', gbp.body.id));
    expect(row).toEqual({ amount_cents: 10000, currency: 'GBP', rate_to_eur: '1.1688', amount_eur_cents: 11688 });
  });

  it('says what a cost does to the budget of its payer for the activity year', async () => {
    const activity = await logActivity(h.as.officer, { partnershipIds: [h.world.partnerships.p1], title: 'Smart region conference', startsAt: '2027-09-20T07:00:00.000Z' });
    const budget = await h.as.officer.post('/api/budgets', { partnershipId: h.world.partnerships.p1, organisationId: h.world.organisations.vrrn, year: 2027, amount: '10000' });
    expect(budget.status, JSON.stringify(budget.body)).toBe(201);

    const first = await h.as.officer.post(costsOf(activity), { category: 'venue', amount: '6000', paidByOrganisationId: h.world.organisations.vrrn });
    expect(first.body.budgets).toEqual([
      expect.objectContaining({ budgetId: budget.body.id, label: 'VRRN 2027', year: 2027, percentBefore: 0, percentAfter: 60, state: 'ok', message: 'This cost takes the VRRN 2027 budget to 60 %.' })
    ]);
    const second = await h.as.officer.post(costsOf(activity), { category: 'catering', amount: '3400', state: 'committed', paidByOrganisationId: h.world.organisations.vrrn });
    expect(second.body.budgets).toEqual([
      expect.objectContaining({
        usedBeforeCents: 600000,
        usedAfterCents: 940000,
        percentAfter: 94,
        state: 'warning',
        message: 'Warning: this cost takes the VRRN 2027 budget to 94 %.'
      })
    ]);
    // PFB pays its own share: not booked against the VRRN budget
    const pfb = await h.as.officer.post(costsOf(activity), { category: 'travel', amount: '5000', paidByOrganisationId: h.world.organisations.pfb });
    expect(pfb.body.budgets).toEqual([]);

    const list = await h.as.officer.get(costsOf(activity));
    expect(list.body.summary.budgets).toEqual([
      expect.objectContaining({ budgetId: budget.body.id, usedBeforeCents: 0, usedAfterCents: 940000, state: 'warning', message: "Warning: this activity's costs take the VRRN 2027 budget to 94 %." })
    ]);
    const over = await h.as.officer.patch(`${costsOf(activity)}/${second.body.id}`, { amount: '4500' });
    expect(over.body.budgets[0]).toMatchObject({ state: 'exceeded', percentAfter: 105, message: 'This cost takes the VRRN 2027 budget over its amount by €500.00.' });
    expect((await h.as.officer.get(`/api/budgets/${budget.body.id}`)).body).toMatchObject({ usedCents: 1050000, state: 'exceeded' });
  });

  it('changes only the fields sent, recomputes the EUR value and honours If-Match', async () => {
    const cost = (await h.as.officer.post(costsOf(trip), { category: 'travel', amount: '200' })).body;
    const changed = await h.as.editor.patch(`${costsOf(trip)}/${cost.id}`, { state: 'spent', description: 'Flights' }, { ifMatch: '"1"' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(changed.body).toMatchObject({ category: 'travel', amount: '200.00', state: 'spent', description: 'Flights', version: 2 });

    const stale = await h.as.officer.patch(`${costsOf(trip)}/${cost.id}`, { amount: '1' }, { ifMatch: '"1"' });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ amount: '200.00', version: 2 });

    expectProblem(await h.as.officer.patch(`${costsOf(trip)}/${cost.id}`, { currency: 'CHF' }), 400, 'rateToEur');
    const chf = await h.as.officer.patch(`${costsOf(trip)}/${cost.id}`, { currency: 'CHF', rateToEur: '1.05' });
    expect(chf.body).toMatchObject({ currency: 'CHF', rateToEur: '1.05', amountEurCents: 21000 });
    // the stored rate stays while the currency does
    const more = await h.as.officer.patch(`${costsOf(trip)}/${cost.id}`, { amount: '300' });
    expect(more.body).toMatchObject({ rateToEur: '1.05', amountEurCents: 31500 });
    const euro = await h.as.officer.patch(`${costsOf(trip)}/${cost.id}`, { currency: 'EUR' });
    expect(euro.body).toMatchObject({ rateToEur: '1', amountEurCents: 30000 });
    const cleared = await h.as.officer.patch(`${costsOf(trip)}/${cost.id}`, { description: '', paidByOrganisationId: h.world.organisations.pfb });
    expect(cleared.body).toMatchObject({ description: null, paidByOrganisationName: 'Provincie Vlaams-Brabant' });
  });

  it('deletes a cost item, each write leaving an audit event readable by those who see the activity', async () => {
    const cost = (await h.as.officer.post(costsOf(trip), { category: 'other', amount: '15' })).body;
    await h.as.officer.patch(`${costsOf(trip)}/${cost.id}`, { amount: '17.50' });
    expectProblem(await h.as.officer.delete(`${costsOf(trip)}/${cost.id}`, { ifMatch: '"1"' }), 412);
    expect((await h.as.editor.delete(`${costsOf(trip)}/${cost.id}`, { ifMatch: '"2"' })).status).toBe(204);
    expectProblem(await h.as.editor.delete(`${costsOf(trip)}/${cost.id}`), 404);
    expectProblem(await h.as.editor.patch(`${costsOf(trip)}/${cost.id}`, { amount: '1' }), 404);
    expect(await auditActions(h, 'cost', cost.id)).toEqual(['create', 'update', 'delete']);
    const rows = (await allRows(h, "SELECT actor_id, before, after FROM audit_events WHERE entity_type = 'cost' AND entity_id = ? ORDER BY at, id", cost.id)) as { actor_id: string; before: string | null; after: string | null }[];
    expect(rows.map((r) => r.actor_id)).toEqual([h.world.users.officer.id, h.world.users.officer.id, h.world.users.editor.id]);
    expect(JSON.parse(rows[1]!.before!).amountCents).toBe(1500);
    expect(JSON.parse(rows[1]!.after!).amountCents).toBe(1750);

    const live = (await h.as.officer.post(costsOf(trip), { category: 'other', amount: '1' })).body;
    const trail = await h.as.viewer.get(`/api/audit?entityType=cost&entityId=${live.id}`);
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    expectProblem(await h.as.outsider.get(`/api/audit?entityType=cost&entityId=${live.id}`), 404);
  });

  it('names the payer only to those who may see it', async () => {
    const joint = await logActivity(h.as.sysadmin, { partnershipIds: [h.world.partnerships.p1, h.world.partnerships.p2], title: 'Joint event in Brussels' });
    const cost = await h.as.sysadmin.post(costsOf(joint), { category: 'venue', amount: '900', paidByOrganisationId: h.world.organisations.wfbb });
    expect(cost.body.paidByOrganisationName).toBe('Wirtschaftsförderung Land Brandenburg');
    expect((await h.as.outsider.get(costsOf(joint))).body.items[0]).toMatchObject({ paidByOrganisationId: h.world.organisations.wfbb, paidByOrganisationName: 'Wirtschaftsförderung Land Brandenburg' });
    expect((await h.as.viewer.get(costsOf(joint))).body.items[0]).toMatchObject({ paidByOrganisationId: h.world.organisations.wfbb, paidByOrganisationName: null });
    const stale = await h.as.officer.patch(`${costsOf(joint)}/${cost.body.id}`, { amount: '1' }, { ifMatch: '"9"' });
    expectProblem(stale, 412);
    expect(stale.body.current.paidByOrganisationName).toBeNull();
  });

  it('can record a delete event for each cost item an activity takes along when it is deleted', async () => {
    const activity = await logActivity(h.as.officer, { partnershipIds: [h.world.partnerships.p1], title: 'Cancelled for good' });
    const hotel = (await h.as.officer.post(costsOf(activity), { category: 'accommodation', amount: '300' })).body;
    const train = (await h.as.officer.post(costsOf(activity), { category: 'travel', amount: '120' })).body;
    const officer: Caller = { userId: h.world.users.officer.id, name: 'Officer', email: h.world.users.officer.email, organisationId: h.world.organisations.vrrn, isAdmin: false, roles: { [h.world.partnerships.p1]: 'officer' }, via: 'token' };
    await h.db.transaction().execute((trx) => recordCostsLeaving(trx, officer, activity));
    expect(await auditActions(h, 'cost', hotel.id)).toEqual(['create', 'delete']);
    expect(await auditActions(h, 'cost', train.id)).toEqual(['create', 'delete']);
    const last = (await firstRow(h, "SELECT actor_id, before, after FROM audit_events WHERE entity_type = 'cost' AND entity_id = ? AND action = 'delete'", hotel.id)) as { actor_id: string; before: string; after: string | null };
    expect(last).toMatchObject({ actor_id: h.world.users.officer.id, after: null });
    expect(JSON.parse(last.before)).toMatchObject({ category: 'accommodation', amountCents: 30000 });
  });

  it('answers 404 to outsiders and for a cost of another activity, and 403 to viewers who write', async () => {
    const cost = (await h.as.officer.post(costsOf(trip), { category: 'travel', amount: '10' })).body;
    const elsewhere = await logActivity(h.as.officer, { partnershipIds: [h.world.partnerships.p1] });
    const theirs = await logActivity(h.as.outsider, { partnershipIds: [h.world.partnerships.p2], title: 'Regio.hub workshop' });
    const before = await tableCounts(h);
    expectProblem(await h.as.outsider.get(costsOf(trip)), 404);
    expectProblem(await h.as.outsider.post(costsOf(trip), { category: 'travel', amount: '1' }), 404);
    expectProblem(await h.as.outsider.patch(`${costsOf(trip)}/${cost.id}`, { amount: '1' }), 404);
    expectProblem(await h.as.outsider.delete(`${costsOf(trip)}/${cost.id}`), 404);
    expectProblem(await h.as.officer.get(costsOf(theirs)), 404);
    expectProblem(await h.as.officer.get(costsOf('no-such-activity')), 404);
    expect((await h.as.officer.get(costsOf(theirs))).body).toEqual((await h.as.officer.get(costsOf('no-such-activity'))).body);
    expectProblem(await h.as.officer.patch(`${costsOf(elsewhere)}/${cost.id}`, { amount: '1' }), 404);
    expectProblem(await h.as.officer.delete(`${costsOf(elsewhere)}/${cost.id}`), 404);
    expect((await h.as.viewer.get(costsOf(trip))).status).toBe(200);
    expectProblem(await h.as.viewer.post(costsOf(trip), { category: 'travel', amount: '1' }), 403);
    expectProblem(await h.as.viewer.patch(`${costsOf(trip)}/${cost.id}`, { amount: '1' }), 403);
    expectProblem(await h.as.viewer.delete(`${costsOf(trip)}/${cost.id}`), 403);
    expectProblem(await h.anonymous.get(costsOf(trip)), 401);
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.sysadmin.get(costsOf(theirs))).status).toBe(200);
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const cost = (await h.as.officer.post(costsOf(trip), { category: 'travel', amount: '10' })).body;
    const before = await tableCounts(h);
    const post = (body: unknown) => h.as.officer.post(costsOf(trip), body);
    const negative = await post({ category: 'travel', amount: '-5' });
    expectProblem(negative, 400, 'amount');
    expect(negative.body.errors).toMatchObject([{ path: 'amount', message: 'Amounts cannot be negative.' }]);
    expectProblem(await post({ category: 'travel', amount: -0.01 }), 400, 'amount');
    expectProblem(await post({ category: 'travel', amount: '12.345' }), 400, 'amount');
    expectProblem(await post({ category: 'travel', amount: 0.1 + 0.2 }), 400, 'amount');
    expectProblem(await post({ category: 'travel', amount: '12,50' }), 400, 'amount');
    expectProblem(await post({ category: 'travel', amount: '1e3' }), 400, 'amount');
    expectProblem(await post({ category: 'travel' }), 400, 'amount');
    expectProblem(await post({ category: 'travel', amount: true }), 400, 'amount');
    expectProblem(await post({ category: 'travel', amount: '10', currency: 'EURO' }), 400, 'currency');
    expectProblem(await post({ category: 'travel', amount: '10', currency: 'XYZ' }), 400, 'currency');
    expectProblem(await post({ category: 'travel', amount: '10', currency: 'USD' }), 400, 'rateToEur');
    expectProblem(await post({ category: 'travel', amount: '10', currency: 'USD', rateToEur: '0' }), 400, 'rateToEur');
    expectProblem(await post({ category: 'travel', amount: '10', currency: 'USD', rateToEur: '-0.9' }), 400, 'rateToEur');
    expectProblem(await post({ category: 'travel', amount: '10', currency: 'EUR', rateToEur: '1.1' }), 400, 'rateToEur');
    expectProblem(await post({ category: 'bribes', amount: '10' }), 400, 'category');
    expectProblem(await post({ category: 'travel', amount: '10', state: 'paid' }), 400, 'state');
    expectProblem(await post({ category: 'travel', amount: '10', vat: '19' }), 400, 'vat');
    expectProblem(await post({ category: 'travel', amount: '10', paidByOrganisationId: 'no-such-organisation' }), 400, 'paidByOrganisationId');
    // WFBB takes part only in P2: P1's officer cannot see it
    expectProblem(await post({ category: 'travel', amount: '10', paidByOrganisationId: h.world.organisations.wfbb }), 400, 'paidByOrganisationId');
    expectProblem(await h.as.officer.post(costsOf(trip), undefined, { raw: '{"category": ' }), 400, '');
    expectProblem(await h.as.officer.patch(`${costsOf(trip)}/${cost.id}`, { amount: '-1' }), 400, 'amount');
    expectProblem(await h.as.officer.patch(`${costsOf(trip)}/${cost.id}`, { category: null }), 400, 'category');
    expectProblem(await h.as.officer.patch(`${costsOf(trip)}/${cost.id}`, { version: 3 }), 400, 'version');
    expectProblem(await h.as.officer.patch(`${costsOf(trip)}/${cost.id}`, { amount: '1' }, { ifMatch: 'soon' }), 400, 'If-Match');
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.officer.get(costsOf(trip))).body.items.find((c: { id: string }) => c.id === cost.id)).toMatchObject({ amount: '10.00', version: 1 });
  });
});
