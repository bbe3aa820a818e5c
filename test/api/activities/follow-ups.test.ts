import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logTrip } from '../../support/activity-rows.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { auditActions } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';

/** "Today" is 23 November 2026. */
const NOW = '2026-11-23T10:00:00Z';

let h: ClockedHarness;
beforeAll(async () => {
  h = await clockedHarness(NOW);
});
afterAll(() => h.close());

const p1 = () => h.world.partnerships.p1;
const proposalOf = (id: string) => h.as.officer.get(`/api/activities/${id}/follow-ups/proposal`);

describe('follow-ups of an activity', () => {
  it('proposes reconvening 3 and 6 months after the end, on month ends where the day does not exist', async () => {
    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Delegationsreise nach Löwen', endsAt: '2026-08-31T17:00' });
    const reply = await h.as.viewer.get(`/api/activities/${trip.id}/follow-ups/proposal`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toEqual({
      activityId: trip.id,
      activityTitle: 'Delegationsreise nach Löwen',
      activityStatus: 'done',
      endsOn: '2026-08-31',
      timeZone: 'Europe/Brussels',
      rule: 'FREQ=MONTHLY;INTERVAL=3;COUNT=2',
      ruleSource: 'partnership',
      partnershipId: p1(),
      dueDates: ['2026-11-30', '2027-02-28'],
      defaultOwner: { id: h.world.users.officer.id, name: 'Officer' },
      canCreate: false,
      existing: []
    });
    expect((await proposalOf(trip.id)).body.canCreate).toBe(true);
    expectProblem(await h.as.outsider.get(`/api/activities/${trip.id}/follow-ups/proposal`), 404);
  });

  it('reads the end in the activity’s own zone: a trip ending at 00:30 on 1 September in Brussels ends on 1 September', async () => {
    const late = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Night train back', startsAt: '2026-08-31T20:00', endsAt: '2026-09-01T00:30' });
    expect(late.endsAt).toBe('2026-08-31T22:30:00.000Z');
    expect((await proposalOf(late.id)).body).toMatchObject({ endsOn: '2026-09-01', dueDates: ['2026-12-01', '2027-03-01'] });
    // across the autumn DST change: 00:30 on 26 October (CET) is 23:30 UTC on the 25th
    const autumn = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Autumn exchange', startsAt: '2026-10-25T18:00', endsAt: '2026-10-26T00:30', followUpRule: 'FREQ=WEEKLY;COUNT=2' });
    expect((await proposalOf(autumn.id)).body).toMatchObject({ endsOn: '2026-10-26', rule: 'FREQ=WEEKLY;COUNT=2', ruleSource: 'activity', dueDates: ['2026-11-02', '2026-11-09'] });
    // a leap year: 31 August 2027 + 6 months is 29 February 2028
    const leap = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Leap trip', startsAt: '2027-08-30T09:00', endsAt: '2027-08-31T17:00' });
    expect((await proposalOf(leap.id)).body.dueDates).toEqual(['2027-11-30', '2028-02-29']);
  });

  it('creates follow-up tasks once the activity is done, and not twice for the same dates', async () => {
    const planned = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Smart region exchange', status: 'planned', endsAt: '2026-09-15T17:00' });
    const before = await tableCounts(h);
    const refused = await h.as.officer.post(`/api/activities/${planned.id}/follow-ups`, {});
    expectProblem(refused, 409);
    expect(refused.body.detail).toContain('planned');
    expect(await tableCounts(h)).toEqual(before);

    expect((await h.as.officer.patch(`/api/activities/${planned.id}`, { status: 'done' })).status).toBe(200);
    const created = await h.as.editor.post(`/api/activities/${planned.id}/follow-ups`, {});
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.items).toHaveLength(2);
    expect(created.body.items.map((t: { dueOn: string }) => t.dueOn)).toEqual(['2026-12-15', '2027-03-15']);
    expect(created.body.items[0]).toMatchObject({
      kind: 'follow_up',
      title: 'Follow-up: Smart region exchange',
      description: 'Bring the participants of “Smart region exchange” together again (follow-up 1 of 2).',
      ownerId: h.world.users.officer.id,
      partnershipId: p1(),
      subjectType: 'activity',
      subjectId: planned.id,
      subjectLabel: 'Smart region exchange',
      status: 'open',
      state: 'open',
      createdBy: h.world.users.editor.id
    });
    for (const task of created.body.items) expect(await auditActions(h, 'task', task.id)).toEqual(['create']);
    expect((await proposalOf(planned.id)).body.existing.map((t: { id: string }) => t.id)).toEqual(created.body.items.map((t: { id: string }) => t.id));
    const listed = await h.as.viewer.get(`/api/tasks?subjectType=activity&subjectId=${planned.id}&kind=follow_up`);
    expect(listed.body.items).toHaveLength(2);

    const again = await tableCounts(h);
    const twice = await h.as.officer.post(`/api/activities/${planned.id}/follow-ups`, { dueDates: ['2027-01-10', '2027-03-15'] });
    expectProblem(twice, 409, 'dueDates.1');
    expect(await tableCounts(h)).toEqual(again);
    const more = await h.as.officer.post(`/api/activities/${planned.id}/follow-ups`, { dueDates: ['2027-01-10'], ownerId: h.world.users.editor.id, title: 'Call the Leuven stakeholders' });
    expect(more.status, JSON.stringify(more.body)).toBe(201);
    expect(more.body.items).toEqual([expect.objectContaining({ dueOn: '2027-01-10', ownerId: h.world.users.editor.id, title: 'Call the Leuven stakeholders', description: expect.stringContaining('follow-up 1 of 1') })]);
  });

  it('uses a rule given for these follow-ups only', async () => {
    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Hydrogen mission', endsAt: '2026-10-31T17:00' });
    const created = await h.as.officer.post(`/api/activities/${trip.id}/follow-ups`, { rule: 'FREQ=MONTHLY;INTERVAL=1;COUNT=3' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.items.map((t: { dueOn: string }) => t.dueOn)).toEqual(['2026-11-30', '2026-12-31', '2027-01-31']);
    // the first one is due within 7 days of today
    expect(created.body.items[0].state).toBe('due');
    expect((await proposalOf(trip.id)).body.rule).toBe('FREQ=MONTHLY;INTERVAL=3;COUNT=2');
  });

  it('refuses bad input with field errors, invisible activities with 404 and viewers with 403, storing nothing', async () => {
    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Validation trip', endsAt: '2026-06-30T17:00' });
    const before = await tableCounts(h);
    const post = (body: unknown) => h.as.officer.post(`/api/activities/${trip.id}/follow-ups`, body);
    expectProblem(await post({ dueDates: ['2026-06-30'] }), 400, 'dueDates.0');
    expectProblem(await post({ dueDates: ['2026-07-01', '2026-05-01'] }), 400, 'dueDates.1');
    expectProblem(await post({ dueDates: ['2026-07-01', '2026-07-01'] }), 400, 'dueDates.1');
    expectProblem(await post({ dueDates: ['July'] }), 400, 'dueDates.0');
    expectProblem(await post({ dueDates: [] }), 400, 'dueDates');
    expectProblem(await post({ rule: 'FREQ=SOMETIMES' }), 400, 'rule');
    expectProblem(await post({ rule: 'FREQ=MONTHLY' }), 400, 'rule');
    expectProblem(await post({ rule: 'FREQ=MONTHLY;COUNT=1', dueDates: ['2026-08-01'] }), 400, 'rule');
    expectProblem(await post({ ownerId: h.world.users.viewer.id }), 400, 'ownerId');
    expectProblem(await post({ ownerId: h.world.users.outsider.id }), 400, 'ownerId');
    expectProblem(await post({ when: 'soon' }), 400, 'when');
    expectProblem(await h.as.outsider.post(`/api/activities/${trip.id}/follow-ups`, {}), 404);
    expectProblem(await h.as.viewer.post(`/api/activities/${trip.id}/follow-ups`, {}), 403);
    expectProblem(await h.as.officer.post('/api/activities/no-such-activity/follow-ups', {}), 404);
    expectProblem(await h.as.officer.get('/api/activities/no-such-activity/follow-ups/proposal'), 404);
    expect(await tableCounts(h)).toEqual(before);
  });
});

describe('the partnership’s default follow-up rule', () => {
  it('is read by members and set by admins and officers, with If-Match and an audit event', async () => {
    const url = `/api/partnerships/${p1()}/follow-up-rule`;
    const read = await h.as.viewer.get(url);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ partnershipId: p1(), rule: 'FREQ=MONTHLY;INTERVAL=3;COUNT=2', example: { endsOn: '2026-11-23', dueDates: ['2027-02-23', '2027-05-23'] } });
    const version = read.body.version;
    expect(read.headers.get('etag')).toBe(`"${version}"`);

    const before = await tableCounts(h);
    expectProblem(await h.as.editor.put(url, { rule: 'FREQ=MONTHLY;COUNT=1' }), 403);
    expectProblem(await h.as.viewer.put(url, { rule: 'FREQ=MONTHLY;COUNT=1' }), 403);
    expectProblem(await h.as.outsider.put(url, { rule: 'FREQ=MONTHLY;COUNT=1' }), 404);
    expectProblem(await h.as.outsider.get(url), 404);
    expectProblem(await h.as.officer.put(url, { rule: 'twice a year' }), 400, 'rule');
    expectProblem(await h.as.officer.put(url, { rule: 'FREQ=WEEKLY' }), 400, 'rule');
    expectProblem(await h.as.officer.put(url, { rule: '' }), 400, 'rule');
    expectProblem(await h.as.officer.put(url, {}), 400, 'rule');
    expectProblem(await h.as.officer.put(url, { rule: 'FREQ=MONTHLY;COUNT=1' }, { ifMatch: `"${version + 5}"` }), 412);
    expect(await tableCounts(h)).toEqual(before);

    const set = await h.as.officer.put(url, { rule: 'freq=monthly;interval=2;count=3' }, { ifMatch: `"${version}"` });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ rule: 'FREQ=MONTHLY;INTERVAL=2;COUNT=3', version: version + 1, example: { dueDates: ['2027-01-23', '2027-03-23', '2027-05-23'] } });
    expect(set.headers.get('etag')).toBe(`"${version + 1}"`);
    expect((await h.as.viewer.get(`/api/partnerships/${p1()}`)).body.version).toBe(version + 1);
    const trail = await h.as.viewer.get(`/api/audit?entityType=partnership&entityId=${p1()}`);
    expect(trail.body.items[0]).toMatchObject({ action: 'update', before: { followUpRule: 'FREQ=MONTHLY;INTERVAL=3;COUNT=2' }, after: { followUpRule: 'FREQ=MONTHLY;INTERVAL=2;COUNT=3' } });

    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'After the new default', endsAt: '2026-08-31T17:00' });
    expect((await proposalOf(trip.id)).body).toMatchObject({ rule: 'FREQ=MONTHLY;INTERVAL=2;COUNT=3', ruleSource: 'partnership', dueDates: ['2026-10-31', '2026-12-31', '2027-02-28'] });
    expect((await h.as.admin.put(url, { rule: 'FREQ=MONTHLY;INTERVAL=3;COUNT=2' })).status).toBe(200);
  });
});

describe('/api/tasks/follow-up-rate', () => {
  it('counts the follow-ups due in a year: done, open, overdue today, cancelled left out', async () => {
    const p2Trip = await logTrip(h.as.outsider, { partnershipIds: [h.world.partnerships.p2], title: 'Berlin exchange', endsAt: '2027-01-10T17:00' });
    expect((await h.as.outsider.post(`/api/activities/${p2Trip.id}/follow-ups`, {})).status).toBe(201);
    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Rate trip', endsAt: '2027-01-10T17:00' });
    const created = await h.as.officer.post(`/api/activities/${trip.id}/follow-ups`, { dueDates: ['2028-02-01', '2028-03-01', '2028-04-01', '2028-05-01'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [first, second, third] = created.body.items;
    await h.as.officer.post(`/api/tasks/${first.id}/complete`, { result: 'Met again in Mannheim; two project ideas.' });
    await h.as.officer.patch(`/api/tasks/${second.id}`, { status: 'cancelled' });
    h.setNow('2028-04-15T09:00:00Z');
    const rate = await h.as.viewer.get(`/api/tasks/follow-up-rate?partnershipId=${p1()}&year=2028`);
    expect(rate.status, JSON.stringify(rate.body)).toBe(200);
    expect(rate.body).toEqual({ partnershipId: p1(), year: 2028, total: 3, done: 1, open: 2, overdue: 1, cancelled: 1, rate: 1 / 3 });
    expect((await h.as.viewer.get(`/api/tasks/${third.id}`)).body.state).toBe('overdue');
    h.setNow(NOW);
    expect((await h.as.viewer.get(`/api/tasks/follow-up-rate?partnershipId=${p1()}&year=2031`)).body).toMatchObject({ total: 0, rate: null });
    expectProblem(await h.as.outsider.get(`/api/tasks/follow-up-rate?partnershipId=${p1()}&year=2028`), 404);
    expectProblem(await h.as.viewer.get(`/api/tasks/follow-up-rate?partnershipId=${p1()}&year=twenty`), 400, 'query.year');
    expectProblem(await h.as.viewer.get(`/api/tasks/follow-up-rate?year=2028`), 400, 'query.partnershipId');
  });
});

describe('follow-ups in their owner’s language', () => {
  it('words the tasks in Dutch for a Dutch owner and in German for a German one, whoever creates them', async () => {
    expect((await h.as.editor.put('/api/auth/me/locale', { locale: 'nl' })).status).toBe(204);
    expect((await h.as.admin.put('/api/auth/me/locale', { locale: 'de' })).status).toBe(204);
    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Waterstofmissie Leuven', status: 'done', endsAt: '2026-09-30T17:00' });
    const dutch = await h.as.officer.post(`/api/activities/${trip.id}/follow-ups`, { dueDates: ['2026-12-01', '2027-02-01'], ownerId: h.world.users.editor.id });
    expect(dutch.status, JSON.stringify(dutch.body)).toBe(201);
    expect(dutch.body.items.map((t: { title: string; description: string }) => [t.title, t.description])).toEqual([
      ['Opvolging: Waterstofmissie Leuven', 'De deelnemers van “Waterstofmissie Leuven” opnieuw samenbrengen (opvolging 1 van 2).'],
      ['Opvolging: Waterstofmissie Leuven', 'De deelnemers van “Waterstofmissie Leuven” opnieuw samenbrengen (opvolging 2 van 2).']
    ]);
    const german = await h.as.officer.post(`/api/activities/${trip.id}/follow-ups`, { dueDates: ['2027-03-01'], ownerId: h.world.users.admin.id });
    expect(german.status, JSON.stringify(german.body)).toBe(201);
    expect(german.body.items).toEqual([
      expect.objectContaining({ title: 'Nachbereitung: Waterstofmissie Leuven', description: 'Die Teilnehmenden von „Waterstofmissie Leuven“ wieder zusammenbringen (Nachbereitung 1 von 1).' })
    ]);
  });
});
