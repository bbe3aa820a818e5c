import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCall, replaceDeadlines } from '../../../db/funding/calls.js';
import { newId } from '../../../db/ids.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { allPages, auditActions } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { allRows, runSql } from '../../support/sql.js';

/** Sunday 1 March 2026, noon UTC: before the DST change of 29 March. */
const NOW = '2026-03-01T12:00:00Z';

let h: ClockedHarness;
beforeAll(async () => {
  h = await clockedHarness(NOW);
});
afterAll(() => h.close());

async function createCall(fields: Record<string, unknown>) {
  const reply = await h.as.officer.post('/api/calls', { title: 'A call', ...fields });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

const identifiers = (items: { identifier: string }[]) => items.map((c) => c.identifier);

describe('recording a call', () => {
  it('stores a 17:00 Brussels deadline on the DST Sunday as the exact instant, with money in cents and derived facts', async () => {
    const created = await h.as.editor.post('/api/calls', {
      identifier: 'HORIZON-CL5-2026-D3-01',
      title: 'Hydrogen valleys for regions',
      programmeId: 'programme-horizon-europe',
      actionType: 'IA',
      openingAt: '2026-01-15',
      deadlines: [{ at: '2026-03-29T17:00' }],
      budget: '25000000',
      expectedGrants: 3,
      minContribution: 6000000,
      maxContribution: '8000000.50',
      cofinancingRate: '0.7',
      domainIds: ['domain-energy', 'domain-innovation'],
      keywords: ['hydrogen', 'Regions'],
      link: 'https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/horizon-cl5-2026-d3-01'
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const call = created.body;
    expect(call).toMatchObject({
      identifier: 'HORIZON-CL5-2026-D3-01',
      programme: { id: 'programme-horizon-europe', code: 'HORIZON', name: 'Horizon Europe' },
      actionType: 'IA',
      // the opening date is read in the deadline's zone: midnight in Brussels
      openingAt: '2026-01-14T23:00:00.000Z',
      deadlineModel: 'single_stage',
      status: 'open',
      budget: '25000000.00',
      budgetCents: 2_500_000_000,
      minContribution: '6000000.00',
      minContributionCents: 600_000_000,
      maxContribution: '8000000.50',
      maxContributionCents: 800_000_050,
      cofinancingRate: '0.70',
      keywords: ['hydrogen', 'Regions'],
      source: 'manual',
      portalStatus: null,
      watched: false,
      createdBy: h.world.users.editor.id,
      nextExpectedRound: null,
      version: 1
    });
    expect(call.deadlines).toEqual([
      {
        id: expect.any(String),
        position: 0,
        label: null,
        at: '2026-03-29T15:00:00.000Z',
        timeZone: 'Europe/Brussels',
        local: '2026-03-29T17:00',
        offset: '+02:00',
        wallTime: '17:00 Europe/Brussels',
        assumed: false,
        passed: false
      }
    ]);
    expect(call.nextDeadline).toEqual(call.deadlines[0]);
    expect(call.domains.map((d: { domainId: string }) => d.domainId)).toEqual(['domain-innovation', 'domain-energy']);
    expect((await h.as.outsider.get(`/api/calls/${call.id}`)).body).toEqual(call);
    expect(await auditActions(h, 'call', call.id)).toEqual(['create']);
    const trail = await h.as.viewer.get(`/api/audit?entityType=call&entityId=${call.id}`);
    expect(trail.status).toBe(200);
    expect(trail.body.items[0].after).not.toHaveProperty('status');
    expect(trail.body.items[0].after.deadlines[0].at).toBe('2026-03-29T15:00:00.000Z');
  });

  it('takes a date alone at the programme’s usual cut-off (Interreg: 12:00 Brussels) and marks it assumed; the zone may be given', async () => {
    const call = await createCall({
      identifier: 'NWE-2026-CALL-3',
      programmeId: 'programme-interreg-nwe',
      deadlineModel: 'two_stage',
      deadlines: [
        { label: 'Step 1', at: '2026-04-16' },
        { label: 'Step 2', at: '2026-10-29T12:00', timeZone: 'Europe/Paris' }
      ]
    });
    expect(call.deadlines.map((d: Record<string, unknown>) => [d.label, d.at, d.timeZone, d.wallTime, d.assumed])).toEqual([
      ['Step 1', '2026-04-16T10:00:00.000Z', 'Europe/Brussels', '12:00 Europe/Brussels', true],
      ['Step 2', '2026-10-29T11:00:00.000Z', 'Europe/Paris', '12:00 Europe/Paris', false]
    ]);
    expect(call.nextDeadline.label).toBe('Step 1');
  });

  it('refuses what cannot be a call, each problem at its field, and stores nothing', async () => {
    const before = await tableCounts(h);
    const many = await h.as.officer.post('/api/calls', {
      identifier: 'BROKEN-1',
      title: 'Broken',
      deadlineModel: 'two_stage',
      deadlines: [{ at: '2026-06-01T17:00' }],
      budget: '1000',
      minContribution: '600',
      maxContribution: '500',
      rrule: 'FREQ=BANANA',
      programmeId: 'programme-nothing',
      domainIds: ['domain-nothing']
    });
    expectProblem(many, 400);
    expect(many.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['programmeId', 'domainIds.0', 'deadlines', 'minContribution', 'rrule']));

    const shapes = await h.as.officer.post('/api/calls', {
      identifier: '',
      title: 'Shapes',
      deadlineModel: 'three_stage',
      deadlines: [{ at: 'next Friday', timeZone: 'Europe/Atlantis' }],
      budget: '-5',
      cofinancingRate: '60',
      link: 'not a link',
      keywords: ['a', 'A'],
      expectedGrants: 1.5,
      colour: 'red'
    });
    expectProblem(shapes, 400);
    expect(shapes.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['identifier', 'deadlineModel', 'deadlines.0.at', 'deadlines.0.timeZone', 'budget', 'cofinancingRate', 'link', 'keywords.1', 'expectedGrants', 'colour'])
    );

    expectProblem(await h.as.officer.post('/api/calls', { identifier: 'B-2', title: 'x', deadlineModel: 'multiple_cut_off', deadlines: [{ at: '2026-06-01' }] }), 400, 'deadlines');
    expectProblem(await h.as.officer.post('/api/calls', { identifier: 'B-3', title: 'x', deadlineModel: 'single_stage', deadlines: [{ at: '2026-06-01' }, { at: '2026-07-01' }] }), 400, 'deadlines');
    expectProblem(
      await h.as.officer.post('/api/calls', { identifier: 'B-4', title: 'x', deadlineModel: 'two_stage', deadlines: [{ at: '2026-09-01T17:00' }, { at: '2026-06-01T17:00' }] }),
      400,
      'deadlines.1.at'
    );
    const skipped = await h.as.officer.post('/api/calls', { identifier: 'B-5', title: 'x', deadlines: [{ at: '2026-03-29T02:30' }] });
    expectProblem(skipped, 400, 'deadlines.0.at');
    expect(skipped.body.errors[0].message).toMatch(/does not exist in Europe\/Brussels/);
    expectProblem(await h.as.officer.post('/api/calls', { identifier: 'B-6', title: 'x', openingAt: '2026-07-01', deadlines: [{ at: '2026-06-01' }] }), 400, 'openingAt');
    expectProblem(await h.as.officer.post('/api/calls', { identifier: 'B-7', title: 'x', budget: 100, maxContribution: 200 }), 400, 'maxContribution');
    expectProblem(await h.as.officer.post('/api/calls', { identifier: 'B-8', title: 'x', deadlines: [{ at: '2026-06-01' }], rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' }), 400, 'rrule');

    // a partnership's own domain would leak to every reader of a shared call
    const own = await h.as.admin.post(`/api/partnerships/${h.world.partnerships.p1}/domains`, { code: 'call-test-domain', labels: { en: 'Own', de: 'Eigen', nl: 'Eigen' } });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const counts = await tableCounts(h);
    expectProblem(await h.as.officer.post('/api/calls', { identifier: 'B-9', title: 'x', domainIds: [own.body.id] }), 400, 'domainIds.0');
    expect(await tableCounts(h)).toEqual(counts);
    delete before.domains;
    delete before.partnership_domains;
    delete before.audit_events;
    const after = await tableCounts(h);
    delete after.domains;
    delete after.partnership_domains;
    delete after.audit_events;
    expect(after).toEqual(before);
  });

  it('keeps identifiers unique (409 naming the field) and viewers to reading (403)', async () => {
    await createCall({ identifier: 'LIFE-2026-SAP-NAT' });
    const before = await tableCounts(h);
    const again = await h.as.editor.post('/api/calls', { identifier: 'LIFE-2026-SAP-NAT', title: 'Twice' });
    expectProblem(again, 409, 'identifier');
    expect(again.body.existingId).toEqual(expect.any(String));
    expectProblem(await h.as.viewer.post('/api/calls', { identifier: 'VIEWER-1', title: 'Viewer' }), 403);
    expect(await tableCounts(h)).toEqual(before);
  });
});

describe('status and deadlines on the service clock', () => {
  it('moves a call from forthcoming to open to closed as time passes, the next cut-off with it', async () => {
    const call = await createCall({
      identifier: 'DIGITAL-2026-CUTOFFS',
      programmeId: 'programme-digital-europe',
      deadlineModel: 'multiple_cut_off',
      openingAt: '2026-03-10T09:00',
      deadlines: [
        { label: 'Cut-off 1', at: '2026-03-20T17:00' },
        { label: 'Cut-off 2', at: '2026-05-20T17:00' },
        { label: 'Cut-off 3', at: '2026-09-17T17:00' }
      ]
    });
    expect(call).toMatchObject({ status: 'forthcoming', openingAt: '2026-03-10T08:00:00.000Z', nextDeadline: { label: 'Cut-off 1', at: '2026-03-20T16:00:00.000Z' } });
    try {
      h.setNow('2026-03-21T00:00:00Z');
      const second = (await h.as.viewer.get(`/api/calls/${call.id}`)).body;
      expect(second).toMatchObject({ status: 'open', nextDeadline: { label: 'Cut-off 2', at: '2026-05-20T15:00:00.000Z', wallTime: '17:00 Europe/Brussels' } });
      expect(second.deadlines.map((d: { passed: boolean }) => d.passed)).toEqual([true, false, false]);
      h.setNow('2026-09-17T15:00:00Z');
      expect((await h.as.viewer.get(`/api/calls/${call.id}`)).body).toMatchObject({ status: 'closed', nextDeadline: null });
    } finally {
      h.setNow(NOW);
    }
  });

  it('calls an imported record closed once its deadline passed, whatever the portal said', async () => {
    const id = newId();
    await insertCall(h.db, { id, identifier: 'ERASMUS-2025-OLD', title: 'Old but "Open"', keywords: [], source: 'portal', portal_status: 'Open', imported_at: '2025-12-01T00:00:00.000Z' });
    await replaceDeadlines(h.db, id, [{ label: null, deadline_at: '2026-02-12T16:00:00.000Z', time_zone: 'Europe/Brussels' }]);
    expect((await h.as.viewer.get(`/api/calls/${id}`)).body).toMatchObject({ status: 'closed', portalStatus: 'Open', source: 'portal', nextDeadline: null });
  });

  it('says forthcoming for an announced call without dates, open once opened without a deadline', async () => {
    expect(await createCall({ identifier: 'CERV-2026-ANNOUNCED' })).toMatchObject({ status: 'forthcoming', deadlines: [], nextDeadline: null });
    expect(await createCall({ identifier: 'CERV-2026-ROLLING', openingAt: '2026-02-01' })).toMatchObject({ status: 'open', nextDeadline: null });
  });

  it('shows the next expected round of a yearly call', async () => {
    const call = await createCall({ identifier: 'WHP-2026', programmeId: 'programme-walter-hallstein', deadlines: [{ at: '2026-02-18T16:00' }], rrule: 'rrule:freq=yearly' });
    expect(call).toMatchObject({
      status: 'closed',
      rrule: 'FREQ=YEARLY',
      deadlines: [{ timeZone: 'Europe/Berlin', local: '2026-02-18T16:00' }],
      nextExpectedRound: { date: '2027-02-18', at: '2027-02-18T15:00:00.000Z', timeZone: 'Europe/Berlin', local: '2027-02-18T16:00' }
    });
  });
});

describe('changing and deleting a call', () => {
  it('changes with If-Match, records a deadline change for its watchers and keeps deadline ids by position', async () => {
    const call = await createCall({ identifier: 'LIFE-2026-CET', programmeId: 'programme-life', deadlines: [{ at: '2026-09-23T17:00' }] });
    expect((await h.as.editor.put(`/api/calls/${call.id}/watch`)).status).toBeLessThan(300);

    const stale = await h.as.officer.patch(`/api/calls/${call.id}`, { title: 'Lost' }, { ifMatch: '"9"' });
    expectProblem(stale, 412);
    expect(stale.body.current.title).toBe('A call');

    const renamed = await h.as.officer.patch(`/api/calls/${call.id}`, { title: 'LIFE Clean Energy Transition', keywords: ['energy'] }, { ifMatch: '"1"' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ title: 'LIFE Clean Energy Transition', keywords: ['energy'], version: 2 });
    expect(renamed.headers.get('etag')).toBe('"2"');
    expect((await h.as.officer.get(`/api/calls/${call.id}/deadline-changes`)).body.items).toEqual([]);

    const moved = await h.as.officer.patch(`/api/calls/${call.id}`, { deadlines: [{ at: '2026-10-01T17:00' }] }, { ifMatch: '"2"' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.deadlines[0]).toMatchObject({ id: call.deadlines[0].id, at: '2026-10-01T15:00:00.000Z' });
    const changes = (await h.as.outsider.get(`/api/calls/${call.id}/deadline-changes`)).body.items;
    expect(changes).toEqual([
      {
        id: expect.any(String),
        at: new Date(NOW).toISOString(),
        importId: null,
        before: [{ position: 0, label: null, at: '2026-09-23T15:00:00.000Z', timeZone: 'Europe/Brussels', local: '2026-09-23T17:00' }],
        after: [{ position: 0, label: null, at: '2026-10-01T15:00:00.000Z', timeZone: 'Europe/Brussels', local: '2026-10-01T17:00' }]
      }
    ]);
    const notices = (await allRows(h, "SELECT user_id, text FROM notifications WHERE kind = 'deadline_changed'")) as { user_id: string; text: string }[];
    expect(notices).toHaveLength(1);
    expect(notices[0]!.user_id).toBe(h.world.users.editor.id);
    expect(notices[0]!.text).toContain('LIFE-2026-CET');

    // the same deadline written as an instant changes nothing
    await h.as.officer.patch(`/api/calls/${call.id}`, { deadlines: [{ at: '2026-10-01T15:00:00Z' }] });
    expect((await h.as.officer.get(`/api/calls/${call.id}/deadline-changes`)).body.items).toHaveLength(1);
    expect(await auditActions(h, 'call', call.id)).toEqual(['create', 'update', 'update']);

    // a model that no longer fits the stored deadlines is named
    expectProblem(await h.as.officer.patch(`/api/calls/${call.id}`, { deadlineModel: 'two_stage' }), 400, 'deadlineModel');
    expectProblem(await h.as.officer.patch(`/api/calls/${call.id}`, { openingAt: '2026-12-01' }), 400, 'openingAt');
    expectProblem(await h.as.viewer.patch(`/api/calls/${call.id}`, { title: 'Viewer' }), 403);
    expectProblem(await h.as.viewer.patch('/api/calls/no-such-call', { title: 'Viewer' }), 404);
  });

  it('refuses an identifier that another call has', async () => {
    const a = await createCall({ identifier: 'CREA-2026-A' });
    await createCall({ identifier: 'CREA-2026-B' });
    expectProblem(await h.as.officer.patch(`/api/calls/${a.id}`, { identifier: 'CREA-2026-B' }), 409, 'identifier');
    expect((await h.as.officer.patch(`/api/calls/${a.id}`, { identifier: 'CREA-2026-A' })).status).toBe(200);
  });

  it('deletes for system administrators only, never a call proposals are prepared for', async () => {
    const used = await createCall({ identifier: 'SMP-2026-USED' });
    const free = await createCall({ identifier: 'SMP-2026-FREE' });
    await runSql(h, 'INSERT INTO proposals (id, acronym, title, call_id, partnership_id) VALUES (?, ?, ?, ?, ?)', newId(), 'CELIS2', 'Cluster cooperation', used.id, h.world.partnerships.p1);
    expectProblem(await h.as.officer.delete(`/api/calls/${free.id}`), 403);
    const refused = await h.as.sysadmin.delete(`/api/calls/${used.id}`);
    expectProblem(refused, 409);
    expect(refused.body.usage).toEqual({ proposals: 1 });
    expectProblem(await h.as.sysadmin.delete(`/api/calls/${free.id}`, { ifMatch: '"2"' }), 412);
    expect((await h.as.sysadmin.delete(`/api/calls/${free.id}`, { ifMatch: '"1"' })).status).toBe(204);
    expectProblem(await h.as.viewer.get(`/api/calls/${free.id}`), 404);
    expect(await auditActions(h, 'call', free.id)).toEqual(['create', 'delete']);
  });
});

describe('listing calls', () => {
  beforeAll(async () => {
    // created in this order (ids are time-ordered: ties on the sort value follow it)
    for (const [identifier, fields] of [
      ['LIST-NWE-SOON', { title: 'Circular regions', programmeId: 'programme-interreg-nwe', deadlines: [{ at: '2026-03-12T12:00' }], keywords: ['Circular'], domainIds: ['domain-energy'] }],
      ['LIST-IE-LATER', { title: 'Smart villages', programmeId: 'programme-interreg-europe', deadlines: [{ at: '2026-06-04T12:00' }], domainIds: ['domain-agriculture'] }],
      ['LIST-LIFE-CLOSED', { title: 'Closed nature call', programmeId: 'programme-life', deadlines: [{ at: '2026-02-10T17:00' }], keywords: ['nature'] }],
      ['LIST-HE-FORTHCOMING', { title: 'Forthcoming hydrogen', programmeId: 'programme-horizon-europe', openingAt: '2026-04-01', deadlines: [{ at: '2026-09-01T17:00' }], keywords: ['circular'] }],
      ['LIST-NO-DEADLINE', { title: 'Rolling support', programmeId: 'programme-interreg-de-nl', openingAt: '2026-01-01' }]
    ] as [string, Record<string, unknown>][]) {
      await createCall({ identifier, ...fields });
    }
  });

  const listed = async (query: string) => identifiers((await allPages(h.as.viewer, `/api/calls?${query}`)).items).filter((i) => i.startsWith('LIST-'));

  it('sorts by the next deadline with calls without a deadline ahead last (in both directions), or by title', async () => {
    expect(await listed('q=list&limit=2')).toEqual(['LIST-NWE-SOON', 'LIST-IE-LATER', 'LIST-HE-FORTHCOMING', 'LIST-LIFE-CLOSED', 'LIST-NO-DEADLINE']);
    expect(await listed('q=list&limit=2&sort=-nextDeadline')).toEqual(['LIST-HE-FORTHCOMING', 'LIST-IE-LATER', 'LIST-NWE-SOON', 'LIST-NO-DEADLINE', 'LIST-LIFE-CLOSED']);
    expect(await listed('q=list&sort=title')).toEqual(['LIST-NWE-SOON', 'LIST-LIFE-CLOSED', 'LIST-HE-FORTHCOMING', 'LIST-NO-DEADLINE', 'LIST-IE-LATER']);
    expect(await listed('q=list&sort=-title&limit=3')).toEqual(['LIST-IE-LATER', 'LIST-NO-DEADLINE', 'LIST-HE-FORTHCOMING', 'LIST-LIFE-CLOSED', 'LIST-NWE-SOON']);
  });

  it('filters by derived status while paging, one call a page', async () => {
    const open = await allPages(h.as.viewer, '/api/calls?q=list&status=open&limit=1');
    expect(identifiers(open.items)).toEqual(['LIST-NWE-SOON', 'LIST-IE-LATER', 'LIST-NO-DEADLINE']);
    expect(open.pages).toBe(3);
    expect(await listed('q=list&status=closed&limit=1')).toEqual(['LIST-LIFE-CLOSED']);
    expect(await listed('q=list&status=forthcoming&limit=1')).toEqual(['LIST-HE-FORTHCOMING']);
    // after the first deadline passes, that call is closed
    try {
      h.setNow('2026-03-12T11:00:00Z');
      expect(await listed('q=list&status=open&limit=1')).toEqual(['LIST-IE-LATER', 'LIST-NO-DEADLINE']);
    } finally {
      h.setNow(NOW);
    }
  });

  it('filters by programme (with its sub-programmes), domain, keyword, words and deadline range', async () => {
    expect(await listed('programmeId=programme-interreg')).toEqual(['LIST-NWE-SOON', 'LIST-IE-LATER', 'LIST-NO-DEADLINE']);
    expect(await listed('programmeId=programme-interreg-c')).toEqual(['LIST-IE-LATER']);
    expect(await listed('domainId=domain-energy')).toEqual(['LIST-NWE-SOON']);
    expect(await listed('keyword=CIRCULAR')).toEqual(['LIST-NWE-SOON', 'LIST-HE-FORTHCOMING']);
    expect(await listed('q=hydrogen forthcoming')).toEqual(['LIST-HE-FORTHCOMING']);
    expect(await listed('q=smart vill')).toEqual(['LIST-IE-LATER']);
    expect(await listed('deadlineFrom=2026-03-01&deadlineTo=2026-06-04')).toEqual(['LIST-NWE-SOON', 'LIST-IE-LATER']);
    expect(await listed('deadlineFrom=2026-06-04T10:00:01Z')).toEqual(['LIST-HE-FORTHCOMING']);
    expect(await listed('deadlineTo=2026-02-10')).toEqual(['LIST-LIFE-CLOSED']);
  });

  it('refuses bad query fields at their paths', async () => {
    expectProblem(await h.as.viewer.get('/api/calls?status=pending'), 400, 'query.status');
    expectProblem(await h.as.viewer.get('/api/calls?deadlineFrom=soon'), 400, 'query.deadlineFrom');
    expectProblem(await h.as.viewer.get('/api/calls?sort=budget'), 400, 'query.sort');
    expectProblem(await h.as.viewer.get('/api/calls?cursor=nonsense'), 400, 'query.cursor');
  });
});
