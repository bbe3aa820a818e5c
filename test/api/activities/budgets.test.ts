import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logActivity } from '../../support/activities.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { auditActions } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { firstRow } from '../../support/sql.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

async function createBudget(fields: Record<string, unknown>) {
  const reply = await h.as.officer.post('/api/budgets', { partnershipId: h.world.partnerships.p1, organisationId: h.world.organisations.vrrn, ...fields });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

async function addCost(activityId: string, fields: Record<string, unknown>) {
  const reply = await h.as.sysadmin.post(`/api/activities/${activityId}/costs`, { category: 'travel', paidByOrganisationId: h.world.organisations.vrrn, ...fields });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

describe('/api/budgets', () => {
  it('sets a budget line and reads it back with an ETag, figures and the default warning at 90 %', async () => {
    const created = await h.as.admin.post('/api/budgets', { partnershipId: h.world.partnerships.p1, organisationId: h.world.organisations.pfb, year: 2025, amount: '15000.50' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      partnershipId: h.world.partnerships.p1,
      partnershipTitle: 'Rhein-Neckar – Flemish Brabant',
      organisationId: h.world.organisations.pfb,
      organisationName: 'Provincie Vlaams-Brabant',
      year: 2025,
      label: 'PFB 2025',
      amount: '15000.50',
      amountCents: 1500050,
      warnAtPercent: 90,
      plannedCents: 0,
      committedCents: 0,
      spentCents: 0,
      usedCents: 0,
      remainingCents: 1500050,
      percentUsed: 0,
      state: 'ok',
      message: 'The PFB 2025 budget is at 0 % (€0.00 of €15,000.50).',
      version: 1
    });
    const read = await h.as.viewer.get(`/api/budgets/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(created.body);
  });

  it("counts the costs its organisation pays for the partnership's activities of that year, where they happen", async () => {
    const budget = await createBudget({ year: 2026, amount: '10000', warnAtPercent: 80 });
    // 00:30 on 1 January 2026 in Brussels: a 2026 activity although it starts on 31 December in UTC
    const newYear = await logActivity(h.as.sysadmin, { partnershipIds: [h.world.partnerships.p1], title: 'New year reception', startsAt: '2025-12-31T23:30:00.000Z', timeZone: 'Europe/Brussels' });
    const spring = await logActivity(h.as.sysadmin, { partnershipIds: [h.world.partnerships.p1, h.world.partnerships.p2], title: 'Spring mission', startsAt: '2026-04-14T06:00:00.000Z' });
    // 20:00 on 31 December 2026 in Brussels: still 2026 (and 2027 would be wrong)
    const lateNight = await logActivity(h.as.sysadmin, { partnershipIds: [h.world.partnerships.p1], title: 'New year’s eve', startsAt: '2026-12-31T19:00:00.000Z' });
    const nextYear = await logActivity(h.as.sysadmin, { partnershipIds: [h.world.partnerships.p1], title: 'Next year', startsAt: '2026-12-31T23:30:00.000Z' });
    const otherPartnership = await logActivity(h.as.sysadmin, { partnershipIds: [h.world.partnerships.p2], title: 'Regio.hub visit', startsAt: '2026-05-05T08:00:00.000Z' });

    await addCost(newYear, { amount: '1000', state: 'spent' });
    await addCost(spring, { amount: '2000', state: 'committed' });
    await addCost(spring, { amount: '500', state: 'planned' });
    await addCost(spring, { amount: '400', paidByOrganisationId: h.world.organisations.pfb }); // another payer
    await addCost(spring, { amount: '300', paidByOrganisationId: null }); // nobody yet
    await addCost(lateNight, { amount: '100.10', currency: 'GBP', rateToEur: '1.2', state: 'planned' }); // EUR 120.12
    await addCost(nextYear, { amount: '9999' });
    await addCost(otherPartnership, { amount: '9999' });

    const read = await h.as.officer.get(`/api/budgets/${budget.id}`);
    expect(read.body).toMatchObject({
      plannedCents: 50000 + 12012,
      committedCents: 200000,
      spentCents: 100000,
      usedCents: 362012,
      remainingCents: 637988,
      percentUsed: 36.2,
      state: 'ok'
    });

    await addCost(spring, { amount: '4438', state: 'committed' });
    const warned = await h.as.officer.get(`/api/budgets/${budget.id}`);
    expect(warned.body).toMatchObject({ usedCents: 805812, percentUsed: 80.5, state: 'warning', message: 'The VRRN 2026 budget is at 80 % (€8,058.12 of €10,000.00); the warning starts at 80 %.' });
    await addCost(spring, { amount: '2000', state: 'planned' });
    const exceeded = await h.as.officer.get(`/api/budgets/${budget.id}`);
    expect(exceeded.body).toMatchObject({ usedCents: 1005812, remainingCents: -5812, state: 'exceeded', message: 'The VRRN 2026 budget is exceeded by €58.12 (€10,058.12 of €10,000.00).' });
  });

  it('lists the budget lines the caller may see, filtered and page by page', async () => {
    for (const year of [2030, 2031, 2032]) await createBudget({ year, amount: '1000' });
    await createBudget({ year: 2031, amount: '500', organisationId: h.world.organisations.pfb });
    const p2 = await h.as.outsider.post('/api/budgets', { partnershipId: h.world.partnerships.p2, organisationId: h.world.organisations.wfbb, year: 2031, amount: '800' });
    expect(p2.status, JSON.stringify(p2.body)).toBe(201);

    const vrrn = await h.as.viewer.get(`/api/budgets?organisationId=${h.world.organisations.vrrn}&limit=2`);
    expect(vrrn.status).toBe(200);
    expect(vrrn.body.items.map((b: { year: number }) => b.year)).toEqual([2032, 2031]);
    const next = await h.as.viewer.get(`/api/budgets?organisationId=${h.world.organisations.vrrn}&limit=2&cursor=${vrrn.body.nextCursor}`);
    expect(next.body.items.map((b: { year: number }) => b.year)).toEqual([2030, 2026]);
    const inYear = await h.as.officer.get('/api/budgets?year=2031');
    expect(inYear.body.items.map((b: { label: string }) => b.label).sort()).toEqual(['PFB 2031', 'VRRN 2031']);
    expect((await h.as.officer.get('/api/budgets?sort=year&year=2031')).body.items).toHaveLength(2);
    expect((await h.as.officer.get(`/api/budgets?partnershipId=${h.world.partnerships.p2}`)).body.items).toEqual([]);
    const outsider = await h.as.outsider.get('/api/budgets');
    expect(outsider.body.items.map((b: { id: string }) => b.id)).toEqual([p2.body.id]);
    expect((await h.as.sysadmin.get('/api/budgets?year=2031')).body.items).toHaveLength(3);
  });

  it('changes amount and threshold with If-Match, and deletes, each write leaving an audit event', async () => {
    const budget = await createBudget({ year: 2040, amount: '5000' });
    const changed = await h.as.officer.patch(`/api/budgets/${budget.id}`, { amount: 6000.5, warnAtPercent: 75 }, { ifMatch: '"1"' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(changed.body).toMatchObject({ amount: '6000.50', amountCents: 600050, warnAtPercent: 75, version: 2 });
    const stale = await h.as.admin.patch(`/api/budgets/${budget.id}`, { amount: '1' }, { ifMatch: '"1"' });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ amountCents: 600050, version: 2 });
    expectProblem(await h.as.officer.delete(`/api/budgets/${budget.id}`, { ifMatch: '"1"' }), 412);
    expect((await h.as.officer.delete(`/api/budgets/${budget.id}`, { ifMatch: '"2"' })).status).toBe(204);
    expectProblem(await h.as.officer.get(`/api/budgets/${budget.id}`), 404);
    expect(await auditActions(h, 'budget', budget.id)).toEqual(['create', 'update', 'delete']);
    const update = (await firstRow(h, "SELECT actor_id, before, after FROM audit_events WHERE entity_type = 'budget' AND entity_id = ? AND action = 'update'", budget.id)) as {
      actor_id: string;
      before: string;
      after: string;
    };
    expect(update.actor_id).toBe(h.world.users.officer.id);
    expect(JSON.parse(update.before)).toMatchObject({ amountCents: 500000, warnAtPercent: 90 });
    expect(JSON.parse(update.after)).toMatchObject({ amountCents: 600050, warnAtPercent: 75 });

    const live = await createBudget({ year: 2041, amount: '1' });
    expect((await h.as.viewer.get(`/api/audit?entityType=budget&entityId=${live.id}`)).body.items).toHaveLength(1);
    expectProblem(await h.as.outsider.get(`/api/audit?entityType=budget&entityId=${live.id}`), 404);
  });

  it('keeps one line per partnership, organisation and year', async () => {
    const budget = await createBudget({ year: 2050, amount: '100' });
    const before = await tableCounts(h);
    const duplicate = await h.as.admin.post('/api/budgets', { partnershipId: h.world.partnerships.p1, organisationId: h.world.organisations.vrrn, year: 2050, amount: '200' });
    expectProblem(duplicate, 409);
    expect(duplicate.body.existingId).toBe(budget.id);
    expect(await tableCounts(h)).toEqual(before);
  });

  it('lets admins and officers of the partnership set budgets; editors and viewers 403, outsiders 404 or 400', async () => {
    const budget = await createBudget({ year: 2060, amount: '100' });
    const before = await tableCounts(h);
    const body = { partnershipId: h.world.partnerships.p1, organisationId: h.world.organisations.vrrn, year: 2061, amount: '100' };
    expectProblem(await h.as.editor.post('/api/budgets', body), 403);
    expectProblem(await h.as.viewer.post('/api/budgets', body), 403);
    expectProblem(await h.as.outsider.post('/api/budgets', body), 400, 'partnershipId');
    expectProblem(await h.as.editor.patch(`/api/budgets/${budget.id}`, { amount: '1' }), 403);
    expectProblem(await h.as.viewer.delete(`/api/budgets/${budget.id}`), 403);
    expectProblem(await h.as.outsider.get(`/api/budgets/${budget.id}`), 404);
    expectProblem(await h.as.outsider.patch(`/api/budgets/${budget.id}`, { amount: '1' }), 404);
    expectProblem(await h.as.outsider.delete(`/api/budgets/${budget.id}`), 404);
    expect((await h.as.outsider.get(`/api/budgets/${budget.id}`)).body).toEqual((await h.as.outsider.get('/api/budgets/no-such-budget')).body);
    expectProblem(await h.anonymous.get('/api/budgets'), 401);
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.editor.get(`/api/budgets/${budget.id}`)).status).toBe(200);
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const budget = await createBudget({ year: 2070, amount: '100' });
    const before = await tableCounts(h);
    const post = (fields: Record<string, unknown>) =>
      h.as.officer.post('/api/budgets', { partnershipId: h.world.partnerships.p1, organisationId: h.world.organisations.vrrn, year: 2071, amount: '100', ...fields });
    expectProblem(await post({ amount: '-100' }), 400, 'amount');
    expectProblem(await post({ amount: '100.001' }), 400, 'amount');
    expectProblem(await post({ amount: undefined }), 400, 'amount');
    expectProblem(await post({ year: 1999 }), 400, 'year');
    expectProblem(await post({ year: 2071.5 }), 400, 'year');
    expectProblem(await post({ year: '2071' }), 400, 'year');
    expectProblem(await post({ warnAtPercent: 0 }), 400, 'warnAtPercent');
    expectProblem(await post({ warnAtPercent: 101 }), 400, 'warnAtPercent');
    expectProblem(await post({ currency: 'GBP' }), 400, 'currency');
    expectProblem(await post({ partnershipId: 'no-such-partnership' }), 400, 'partnershipId');
    expectProblem(await post({ organisationId: h.world.organisations.wfbb }), 400, 'organisationId');
    expectProblem(await post({ organisationId: 'no-such-organisation' }), 400, 'organisationId');
    expectProblem(await h.as.officer.patch(`/api/budgets/${budget.id}`, { year: 2072 }), 400, 'year');
    expectProblem(await h.as.officer.patch(`/api/budgets/${budget.id}`, { amount: -1 }), 400, 'amount');
    expectProblem(await h.as.officer.get('/api/budgets?year=soon'), 400, 'query.year');
    expectProblem(await h.as.officer.get('/api/budgets?sort=amount'), 400, 'query.sort');
    expectProblem(await h.as.officer.get('/api/budgets?colour=red'), 400, 'query.colour');
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.officer.get(`/api/budgets/${budget.id}`)).body).toMatchObject({ amountCents: 10000, version: 1 });
  });
});
