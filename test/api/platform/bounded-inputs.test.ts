/**
 * No request can stall the server or make it fail: recurrence rules, control
 * characters in any text, list limits, cursors, ranges and search text are
 * bounded, and a client going past a bound gets a worded 400 at the field.
 * Through the real app on a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logTrip } from '../../support/activity-rows.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem, type Reply } from '../../support/http.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

const p1 = () => h.world.partnerships.p1;
const messageAt = (reply: Reply, path: string): string => reply.body.errors.find((e: { path: string }) => e.path === path)?.message ?? '';
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('recurrence rules a client sends', () => {
  it('refuses the daily rule to the year 9999 as a partnership’s follow-up rule with a worded 400 (it used to take 24–31 s)', async () => {
    const url = `/api/partnerships/${p1()}/follow-up-rule`;
    const before = await tableCounts(h);
    const reply = await h.as.officer.put(url, { rule: 'RRULE:FREQ=DAILY;UNTIL=99991231T000000Z' });
    expectProblem(reply, 400, 'rule');
    expect(messageAt(reply, 'rule')).toMatch(/more than 12 follow-ups; give a COUNT or an earlier UNTIL/);
    const secondly = await h.as.officer.put(url, { rule: 'FREQ=SECONDLY;UNTIL=99991231T000000Z' });
    expectProblem(secondly, 400, 'rule');
    expect(messageAt(secondly, 'rule')).toMatch(/FREQ is one of DAILY, WEEKLY, MONTHLY, YEARLY/);
    const seconds = await h.as.officer.put(url, { rule: 'FREQ=DAILY;BYSECOND=0,1,2,3,4,5;BYMINUTE=0,30;COUNT=3' });
    expectProblem(seconds, 400, 'rule');
    expect(messageAt(seconds, 'rule')).toMatch(/leave out BYHOUR, BYMINUTE and BYSECOND/);
    const weekly = await h.as.officer.put(url, { rule: 'FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2;UNTIL=99991231' });
    expectProblem(weekly, 400, 'rule');
    expect(messageAt(weekly, 'rule')).toMatch(/leave it out of daily and weekly rules/);
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.officer.get(url)).body.rule).toBe('FREQ=MONTHLY;INTERVAL=3;COUNT=2');
  });

  it('refuses the same rule as an activity’s own followUpRule, and still takes a far UNTIL that proposes few dates', async () => {
    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Rule target' });
    const reply = await h.as.officer.patch(`/api/activities/${trip.id}`, { followUpRule: 'RRULE:FREQ=DAILY;UNTIL=99991231T000000Z' });
    expectProblem(reply, 400, 'followUpRule');
    expect(messageAt(reply, 'followUpRule')).toMatch(/more than 12 follow-ups/);
    const posted = await h.as.officer.post('/api/activities', { type: 'meeting', title: 'x', startsAt: '2026-08-31T08:00', endsAt: '2026-08-31T17:00', timeZone: 'Europe/Brussels', partnershipIds: [p1()], followUpRule: 'FREQ=DAILY;UNTIL=99991231T000000Z' });
    expectProblem(posted, 400, 'followUpRule');
    // every ten years until 9999: read 50 years ahead, a rule that ends far away but proposes few dates is fine
    const decades = await h.as.officer.patch(`/api/activities/${trip.id}`, { followUpRule: 'FREQ=YEARLY;INTERVAL=10;UNTIL=99991231T000000Z' });
    expect(decades.status, JSON.stringify(decades.body)).toBe(200);
    const proposal = await h.as.officer.get(`/api/activities/${trip.id}/follow-ups/proposal`);
    expect(proposal.body.dueDates).toEqual(['2036-08-31', '2046-08-31', '2056-08-31', '2066-08-31', '2076-08-31']);
  });
});

describe('control characters in what a client sends', () => {
  it('answers the partnership search for a%00b with a worded 400 at query.q, not a 500 from full-text search', async () => {
    const reply = await h.as.officer.get('/api/partnerships?q=a%00b');
    expectProblem(reply, 400, 'query.q');
    expect(messageAt(reply, 'query.q')).toBe('Holds the control character U+0000, which is not text; remove it.');
  });

  it('refuses them in every list’s search, the global search and other query fields', async () => {
    for (const url of [
      '/api/organisations?q=tech%00',
      '/api/people?q=%01anna',
      '/api/activities?q=trip%7F',
      '/api/proposals?q=a%00b',
      '/api/calls?q=a%00b',
      '/api/interactions?q=a%1Fb',
      '/api/search?q=a%00b'
    ]) {
      expectProblem(await h.as.officer.get(url), 400, 'query.q');
    }
    // a line break or tab is no part of a query either
    expectProblem(await h.as.officer.get('/api/organisations?q=a%0Ab'), 400, 'query.q');
    expectProblem(await h.as.officer.get('/api/calls?keyword=a%09b'), 400, 'query.keyword');
    // the same words without them are searched as usual
    expect((await h.as.officer.get('/api/partnerships?q=Rhein%20Neckar')).body.items.map((p: { id: string }) => p.id)).toEqual([p1()]);
  });

  it('refuses them in path parameters', async () => {
    const reply = await h.as.officer.get('/api/organisations/abc%00def');
    expectProblem(reply, 400, 'param.id');
    expectProblem(await h.as.officer.get(`/api/partnerships/${p1()}%00/follow-up-rule`), 400, 'param.id');
  });

  it('refuses them in JSON bodies at the field, nested too, and stores nothing; tabs and line breaks stay text', async () => {
    const before = await tableCounts(h);
    const organisation = await h.as.officer.post('/api/organisations', { name: 'Nul\u0000GmbH', kind: 'company', country: 'DE' });
    expectProblem(organisation, 400, 'name');
    expect(messageAt(organisation, 'name')).toMatch(/control character U\+0000/);
    const person = await h.as.officer.post('/api/people', { firstName: 'Anna', lastName: 'Bell\u0007', emails: ['anna\u001b@example.org'] });
    expectProblem(person, 400, 'lastName');
    expectProblem(person, 400, 'emails.0');
    expect(messageAt(person, 'lastName')).toMatch(/U\+0007/);
    const keyed = await h.as.officer.post('/api/organisations', { 'na\u0000me': 'x' });
    expectProblem(keyed, 400, 'na\u0000me');
    expect(await tableCounts(h)).toEqual(before);

    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Multi-line' });
    const written = await h.as.officer.patch(`/api/activities/${trip.id}`, { description: 'Agenda:\r\n\t1. Welcome\n\t2. Visits' });
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    expect(written.body.description).toBe('Agenda:\r\n\t1. Welcome\n\t2. Visits');
  });
});

describe('limits, cursors, ranges and search text', () => {
  it('caps a list’s limit', async () => {
    expectProblem(await h.as.officer.get('/api/organisations?limit=201'), 400, 'query.limit');
    expectProblem(await h.as.officer.get('/api/organisations?limit=100000000000'), 400, 'query.limit');
    expectProblem(await h.as.officer.get('/api/partnerships?limit=0'), 400, 'query.limit');
    expectProblem(await h.as.officer.get('/api/search?q=rhein&limit=51'), 400, 'query.limit');
    expectProblem(await h.as.officer.get('/api/deadlines?limit=1001'), 400, 'query.limit');
    expect((await h.as.officer.get('/api/organisations?limit=200')).status).toBe(200);
  });

  it('answers a huge, garbled or wrongly typed cursor with a worded 400 at cursor', async () => {
    const page = await h.as.officer.get('/api/organisations?limit=1');
    expect(page.body.nextCursor).toEqual(expect.any(String));
    expect((await h.as.officer.get(`/api/organisations?limit=1&cursor=${page.body.nextCursor}`)).status).toBe(200);
    expectProblem(await h.as.officer.get(`/api/organisations?cursor=${'A'.repeat(100_000)}`), 400, 'query.cursor');
    for (const cursor of [
      'not%20base64!!',
      '%2B%2F%3D%3D',
      base64url('just a string'),
      base64url([{ a: 1 }, 'id']),
      base64url([['nested'], 'id']),
      base64url([true, 'id']),
      base64url(['name', 42]),
      base64url(['name', 'x'.repeat(400)]),
      base64url(['name', 'id', 'extra'])
    ]) {
      const reply = await h.as.officer.get(`/api/organisations?cursor=${cursor}`);
      expectProblem(reply, 400, 'query.cursor');
      const partnerships = await h.as.officer.get(`/api/partnerships?cursor=${cursor}`);
      expectProblem(partnerships, 400, 'query.cursor');
    }
  });

  it('refuses date and year ranges beyond what the views show', async () => {
    expectProblem(await h.as.officer.get(`/api/evaluations?partnershipId=${p1()}&from=1&to=9999`), 400, 'query.from');
    expectProblem(await h.as.officer.get(`/api/evaluations?partnershipId=${p1()}&from=2000&to=2100`), 400, 'query.to');
    expect((await h.as.officer.get(`/api/evaluations?partnershipId=${p1()}&from=2021&to=2026`)).status).toBe(200);
    expectProblem(await h.as.officer.get('/api/deadlines?days=3650000'), 400, 'query.days');
    expectProblem(await h.as.officer.get('/api/activities?year=9999'), 400, 'query.year');
    expectProblem(await h.as.officer.get('/api/matchmaking?partnershipId=x&months=100000'), 400, 'query.months');
    // a month view over all of time is a filter on a page of at most `limit` rows, not a computation per day
    const wide = await h.as.officer.get('/api/activities?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z&limit=5');
    expect(wide.status, JSON.stringify(wide.body)).toBe(200);
  });

  it('caps search text: 200 characters, and past that a worded 400', async () => {
    expectProblem(await h.as.officer.get(`/api/partnerships?q=${'a'.repeat(201)}`), 400, 'query.q');
    expectProblem(await h.as.officer.get(`/api/search?q=${'a'.repeat(201)}`), 400, 'query.q');
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join('%20');
    expect((await h.as.officer.get(`/api/organisations?q=${words}`)).status).toBe(200);
    expect((await h.as.officer.get(`/api/search?q=${'%22*%20NEAR('.repeat(20)}`)).status).toBe(200);
  });
});
