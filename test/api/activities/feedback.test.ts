import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { settingsFrom } from '../../../api/platform/config.js';
import { addParticipant, logActivity, recordPerson } from '../../support/activities.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { auditActions } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { client, expectProblem } from '../../support/http.js';
import { allRows, firstRow } from '../../support/sql.js';

const DAY = 24 * 3600 * 1000;

/** An activity of P1 (ended on 12 March 2026) with three participants: a person, an organisation, someone excused. */
async function activityWithParticipants(h: ApiHarness, fields: { title?: string; startsAt?: string; endsAt?: string; partnershipIds?: string[] } = {}) {
  const as = h.as.sysadmin;
  const id = await logActivity(as, {
    partnershipIds: fields.partnershipIds ?? [h.world.partnerships.p1],
    title: fields.title ?? 'Life sciences delegation to Leuven',
    startsAt: fields.startsAt ?? '2026-03-10T08:00:00.000Z',
    endsAt: fields.endsAt ?? '2026-03-12T16:00:00.000Z'
  });
  const anna = await addParticipant(as, id, { personId: await recordPerson(as, 'Anna Becker', h.world.organisations.vrrn) });
  const pfb = await addParticipant(as, id, { organisationId: h.world.organisations.pfb, role: 'host', attendance: 'confirmed' });
  const excused = await addParticipant(as, id, { personId: await recordPerson(as, 'Jan Peeters', h.world.organisations.pfb), attendance: 'excused' });
  return { id, anna, pfb, excused };
}

const tokenOf = (link: { path: string }) => link.path.split('/').pop()!;

async function sendLinks(h: ApiHarness, activityId: string, body: Record<string, unknown> = {}) {
  const reply = await h.as.officer.post(`/api/activities/${activityId}/feedback/links`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { items: { linkId: string; participantId: string; participantName: string; path: string; url: string; expiresAt: string }[]; skipped: unknown[] };
}

describe('feedback', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    // throttling has its own test below, on its own database
    h = await apiHarness({ REGIODESK_FEEDBACK_MAX_PER_ADDRESS: '100000' });
  });
  afterAll(() => h.close());

  it('creates one personal link per participant who was there, shown once and stored hashed', async () => {
    const a = await activityWithParticipants(h);
    const links = await sendLinks(h, a.id);
    expect(links.items.map((l) => l.participantName)).toEqual(['Anna Becker', 'Provincie Vlaams-Brabant']);
    expect(links.skipped).toEqual([]);
    for (const link of links.items) {
      expect(link.path).toMatch(/^\/feedback\/[A-Za-z0-9_-]{43}$/);
      expect(link.url).toBe(`http://localhost${link.path}`);
      // 30 days after the activity ends, or after now when that is later
      expect(Date.parse(link.expiresAt)).toBeGreaterThanOrEqual(Math.max(Date.parse('2026-03-12T16:00:00.000Z'), Date.now()) + 30 * DAY - 60_000);
    }
    const stored = (await allRows(h, 'SELECT token_hash FROM feedback_links WHERE activity_id = ? ORDER BY id', a.id)) as { token_hash: string }[];
    const tokens = links.items.map(tokenOf);
    expect(stored.map((r) => r.token_hash).sort()).toEqual(tokens.map((t) => createHash('sha256').update(t).digest('hex')).sort());
    expect(JSON.stringify((await allRows(h, 'SELECT * FROM feedback_links')))).not.toContain(tokens[0]);
    expect(JSON.stringify((await allRows(h, 'SELECT * FROM audit_events')))).not.toContain(tokens[0]);

    // asking again creates nothing new: the links cannot be shown twice
    const again = await sendLinks(h, a.id);
    expect(again.items).toEqual([]);
    expect(again.skipped).toEqual([
      { participantId: a.anna, participantName: 'Anna Becker', reason: 'has_link' },
      { participantId: a.pfb, participantName: 'Provincie Vlaams-Brabant', reason: 'has_link' }
    ]);
    const excused = await sendLinks(h, a.id, { participantIds: [a.excused], expiresAt: '2099-01-01T00:00:00+01:00' });
    expect(excused.items).toEqual([expect.objectContaining({ participantId: a.excused, participantName: 'Jan Peeters', expiresAt: '2098-12-31T23:00:00.000Z' })]);
    expect((await firstRow(h, 'SELECT count(*) AS n FROM feedback_links WHERE activity_id = ?', a.id))).toEqual({ n: 3 });
  });

  it('lets a participant answer without an account and change the answer through the same link', async () => {
    const a = await activityWithParticipants(h, { title: 'Cleantech exchange' });
    const [anna, pfb] = (await sendLinks(h, a.id)).items;
    const form = await h.anonymous.get(`/api/feedback/${tokenOf(anna!)}`);
    expect(form.status, JSON.stringify(form.body)).toBe(200);
    expect(form.body).toEqual({
      activity: { title: 'Cleantech exchange', startsAt: '2026-03-10T08:00:00.000Z', endsAt: '2026-03-12T16:00:00.000Z', timeZone: 'Europe/Brussels', city: 'Leuven', country: 'BE' },
      participantName: 'Anna Becker',
      answer: null,
      editable: true,
      closedReason: null,
      expiresAt: anna!.expiresAt,
      closedAt: null
    });

    const answered = await h.anonymous.put(`/api/feedback/${tokenOf(anna!)}`, { rating: 4, comment: '  Useful visits, too little time at imec.  ' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.answer).toMatchObject({ rating: 4, comment: 'Useful visits, too little time at imec.' });
    expect(answered.body.editable).toBe(true);
    const edited = await h.anonymous.put(`/api/feedback/${tokenOf(anna!)}`, { rating: 5 });
    expect(edited.body.answer).toMatchObject({ rating: 5, comment: null });
    expect((await h.anonymous.get(`/api/feedback/${tokenOf(anna!)}`)).body.answer).toMatchObject({ rating: 5, comment: null });
    await h.anonymous.put(`/api/feedback/${tokenOf(pfb!)}`, { rating: 2, comment: 'Too rushed' });

    const results = await h.as.viewer.get(`/api/activities/${a.id}/feedback`);
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({ activityId: a.id, closedAt: null, linkCount: 2, count: 2, average: 3.5 });
    expect(results.body.items).toEqual(
      expect.arrayContaining([
        { participantId: a.anna, participantName: 'Anna Becker', rating: 5, comment: null, answeredAt: expect.any(String) },
        { participantId: a.pfb, participantName: 'Provincie Vlaams-Brabant', rating: 2, comment: 'Too rushed', answeredAt: expect.any(String) }
      ])
    );
    expect(results.body.items).toHaveLength(2);

    // every write is an audit event on the activity's feedback; answers have no actor
    const events = (await allRows(h, "SELECT action, actor_id, after FROM audit_events WHERE entity_type = 'feedback' AND entity_id = ? ORDER BY at, id", a.id)) as { action: string; actor_id: string | null; after: string }[];
    expect(events.map((e) => [e.action, e.actor_id])).toEqual([
      ['create', h.world.users.officer.id],
      ['update', null],
      ['update', null],
      ['update', null]
    ]);
    expect(JSON.parse(events[2]!.after).answer).toMatchObject({ rating: 5 });
    const trail = await h.as.viewer.get(`/api/audit?entityType=feedback&entityId=${a.id}`);
    expect(trail.body.items).toHaveLength(4);
    expectProblem(await h.as.outsider.get(`/api/audit?entityType=feedback&entityId=${a.id}`), 404);
  });

  it('refuses ratings outside 1–5, long comments and unknown fields, and stores nothing', async () => {
    const a = await activityWithParticipants(h);
    const [anna] = (await sendLinks(h, a.id)).items;
    const url = `/api/feedback/${tokenOf(anna!)}`;
    await h.anonymous.put(url, { rating: 3, comment: 'Fine' });
    const before = await tableCounts(h);
    expectProblem(await h.anonymous.put(url, { rating: 0 }), 400, 'rating');
    expectProblem(await h.anonymous.put(url, { rating: 6 }), 400, 'rating');
    expectProblem(await h.anonymous.put(url, { rating: 4.5 }), 400, 'rating');
    expectProblem(await h.anonymous.put(url, { rating: '5' }), 400, 'rating');
    expectProblem(await h.anonymous.put(url, { comment: 'No rating' }), 400, 'rating');
    expectProblem(await h.anonymous.put(url, { rating: 4, comment: 'x'.repeat(2001) }), 400, 'comment');
    expectProblem(await h.anonymous.put(url, { rating: 4, participantName: 'Someone else' }), 400, 'participantName');
    expectProblem(await h.anonymous.put(url, undefined, { raw: '{"rating": 4' }), 400, '');
    expectProblem(await h.as.officer.post(`/api/activities/${a.id}/feedback/links`, { participantIds: 'all' }), 400, 'participantIds');
    expectProblem(await h.as.officer.post(`/api/activities/${a.id}/feedback/links`, { participantIds: [a.anna, a.anna] }), 400, 'participantIds.1');
    expectProblem(await h.as.officer.post(`/api/activities/${a.id}/feedback/links`, { expiresAt: 'next month' }), 400, 'expiresAt');
    expectProblem(await h.as.officer.post(`/api/activities/${a.id}/feedback/links`, { expiresAt: '2020-01-01T00:00:00Z' }), 400, 'expiresAt');
    expectProblem(await h.as.officer.post(`/api/activities/${a.id}/feedback/links`, { everyone: true }), 400, 'everyone');
    expectProblem(await h.as.officer.get('/api/feedback/summary?year=last'), 400, 'query.year');
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.anonymous.get(url)).body.answer).toMatchObject({ rating: 3, comment: 'Fine' });
    expect((await h.anonymous.put(url, { rating: 4, comment: 'x'.repeat(2000) })).status).toBe(200);
  });

  it('answers 404 to unknown tokens and to links of another activity’s participants', async () => {
    const a = await activityWithParticipants(h);
    const b = await activityWithParticipants(h, { title: 'Another trip' });
    const before = await tableCounts(h);
    const unknown = await h.anonymous.get('/api/feedback/this-is-not-a-token');
    expectProblem(unknown, 404);
    expect(unknown.body.detail).toContain('not known');
    expectProblem(await h.anonymous.put('/api/feedback/this-is-not-a-token', { rating: 3 }), 404);
    // a participant of activity B is no participant of activity A
    expectProblem(await h.as.officer.post(`/api/activities/${a.id}/feedback/links`, { participantIds: [a.anna, b.anna] }), 400, 'participantIds.1');
    expect(await tableCounts(h)).toEqual(before);
  });

  it('replaces a lost link on request: the old token stops working, the answer stays', async () => {
    const a = await activityWithParticipants(h);
    const [old] = (await sendLinks(h, a.id, { participantIds: [a.anna] })).items;
    await h.anonymous.put(`/api/feedback/${tokenOf(old!)}`, { rating: 4 });
    const reissued = await sendLinks(h, a.id, { participantIds: [a.anna], reissue: true });
    expect(reissued.items).toHaveLength(1);
    expect(reissued.items[0]!.linkId).toBe(old!.linkId);
    expect(reissued.items[0]!.path).not.toBe(old!.path);
    expectProblem(await h.anonymous.get(`/api/feedback/${tokenOf(old!)}`), 404);
    expect((await h.anonymous.get(`/api/feedback/${tokenOf(reissued.items[0]!)}`)).body.answer).toMatchObject({ rating: 4 });
  });

  it('stops answers once the feedback is closed (409), and refuses new links then', async () => {
    const a = await activityWithParticipants(h);
    const [anna, pfb] = (await sendLinks(h, a.id)).items;
    await h.anonymous.put(`/api/feedback/${tokenOf(anna!)}`, { rating: 3 });
    const closed = await h.as.editor.post(`/api/activities/${a.id}/feedback/close`);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ count: 1, average: 3, closedAt: expect.any(String) });
    expect((await firstRow(h, 'SELECT feedback_closed_at FROM activities WHERE id = ?', a.id))).toEqual({ feedback_closed_at: closed.body.closedAt });

    const form = await h.anonymous.get(`/api/feedback/${tokenOf(anna!)}`);
    expect(form.body).toMatchObject({ editable: false, closedReason: 'closed', closedAt: closed.body.closedAt, answer: { rating: 3 } });
    const before = await tableCounts(h);
    const late = await h.anonymous.put(`/api/feedback/${tokenOf(anna!)}`, { rating: 5 });
    expectProblem(late, 409);
    expect(late.body.detail).toContain('was closed on');
    expectProblem(await h.anonymous.put(`/api/feedback/${tokenOf(pfb!)}`, { rating: 5 }), 409);
    expectProblem(await h.as.officer.post(`/api/activities/${a.id}/feedback/links`, { participantIds: [a.excused] }), 409);
    // closing again changes nothing
    expect((await h.as.officer.post(`/api/activities/${a.id}/feedback/close`)).body.closedAt).toBe(closed.body.closedAt);
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.viewer.get(`/api/activities/${a.id}/feedback`)).body).toMatchObject({ count: 1, average: 3 });
    expect(await auditActions(h, 'feedback', a.id)).toEqual(['create', 'update', 'update']);
  });

  it('stops answers once the link has expired (410)', async () => {
    const a = await activityWithParticipants(h);
    const [anna] = (await sendLinks(h, a.id)).items;
    const expiry = Date.parse(anna!.expiresAt);
    const later = createApp({ db: h.db, settings: settingsFrom({ REGIODESK_FEEDBACK_MAX_PER_ADDRESS: '100000' }), clock: () => new Date(expiry + 1000) });
    const visitor = client(later, null);
    const form = await visitor.get(`/api/feedback/${tokenOf(anna!)}`);
    expect(form.body).toMatchObject({ editable: false, closedReason: 'expired', answer: null });
    const gone = await visitor.put(`/api/feedback/${tokenOf(anna!)}`, { rating: 4 });
    expectProblem(gone, 410);
    expect(gone.body.detail).toContain('expired on');
    const justBefore = client(createApp({ db: h.db, settings: settingsFrom({ REGIODESK_FEEDBACK_MAX_PER_ADDRESS: '100000' }), clock: () => new Date(expiry - 1000) }), null);
    expect((await justBefore.put(`/api/feedback/${tokenOf(anna!)}`, { rating: 4 })).status).toBe(200);
  });

  it('shows feedback to those who see the activity; links and closing are for its writers', async () => {
    const a = await activityWithParticipants(h);
    const before = await tableCounts(h);
    expectProblem(await h.as.outsider.get(`/api/activities/${a.id}/feedback`), 404);
    expectProblem(await h.as.outsider.post(`/api/activities/${a.id}/feedback/links`, {}), 404);
    expectProblem(await h.as.outsider.post(`/api/activities/${a.id}/feedback/close`), 404);
    expect((await h.as.outsider.get(`/api/activities/${a.id}/feedback`)).body).toEqual((await h.as.outsider.get('/api/activities/no-such-activity/feedback')).body);
    expect((await h.as.viewer.get(`/api/activities/${a.id}/feedback`)).body).toMatchObject({ linkCount: 0, count: 0, average: null, items: [] });
    expectProblem(await h.as.viewer.post(`/api/activities/${a.id}/feedback/links`, {}), 403);
    expectProblem(await h.as.viewer.post(`/api/activities/${a.id}/feedback/close`), 403);
    expectProblem(await h.anonymous.get(`/api/activities/${a.id}/feedback`), 401);
    expectProblem(await h.anonymous.get('/api/feedback/summary'), 401);
    expect(await tableCounts(h)).toEqual(before);
    const byEditor = await h.as.editor.post(`/api/activities/${a.id}/feedback/links`, {});
    expect(byEditor.status).toBe(201);
  });

  it('names participants only to callers who may see them', async () => {
    const joint = await logActivity(h.as.sysadmin, { partnershipIds: [h.world.partnerships.p1, h.world.partnerships.p2], title: 'Joint event in Brussels' });
    // recorded by WFBB's officer without an organisation: only WFBB's users see her
    const brandenburg = await addParticipant(h.as.outsider, joint, { personId: await recordPerson(h.as.outsider, 'Berit Brandt') });
    const links = (await h.as.sysadmin.post(`/api/activities/${joint}/feedback/links`, {})).body.items;
    await h.anonymous.put(`/api/feedback/${tokenOf(links[0])}`, { rating: 4 });
    expect((await h.as.outsider.get(`/api/activities/${joint}/feedback`)).body.items).toEqual([expect.objectContaining({ participantId: brandenburg, participantName: 'Berit Brandt' })]);
    expect((await h.as.viewer.get(`/api/activities/${joint}/feedback`)).body.items).toEqual([expect.objectContaining({ participantId: brandenburg, participantName: null, rating: 4 })]);
    expect((await h.as.officer.post(`/api/activities/${joint}/feedback/links`, {})).body.skipped).toEqual([{ participantId: brandenburg, participantName: null, reason: 'has_link' }]);
  });

  it('averages per activity and overall, by partnership and year, over activities the caller may see', async () => {
    const spring = await activityWithParticipants(h, { title: 'Summary spring 2031', startsAt: '2031-04-01T08:00:00.000Z', endsAt: '2031-04-02T16:00:00.000Z' });
    const autumn = await activityWithParticipants(h, { title: 'Summary autumn 2031', startsAt: '2031-10-01T08:00:00.000Z', endsAt: '2031-10-02T16:00:00.000Z' });
    // 00:30 on 1 January 2032 in Brussels: a 2032 activity
    const newYear = await activityWithParticipants(h, { title: 'Summary new year 2032', startsAt: '2031-12-31T23:30:00.000Z', endsAt: '2032-01-01T03:00:00.000Z' });
    const elsewhere = await activityWithParticipants(h, { title: 'Summary P2 2031', startsAt: '2031-05-01T08:00:00.000Z', endsAt: '2031-05-01T16:00:00.000Z', partnershipIds: [h.world.partnerships.p2] });
    const answer = async (activityId: string, ratings: number[]) => {
      const links = (await h.as.sysadmin.post(`/api/activities/${activityId}/feedback/links`, {})).body.items;
      for (const [i, rating] of ratings.entries()) await h.anonymous.put(`/api/feedback/${tokenOf(links[i])}`, { rating });
    };
    await answer(spring.id, [5, 4]);
    await answer(autumn.id, [2]);
    await answer(newYear.id, [1, 1]);
    await answer(elsewhere.id, [5]);

    const summary = await h.as.viewer.get(`/api/feedback/summary?partnershipId=${h.world.partnerships.p1}&year=2031`);
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({
      items: [
        { activityId: autumn.id, title: 'Summary autumn 2031', startsAt: '2031-10-01T08:00:00.000Z', linkCount: 2, count: 1, average: 2 },
        { activityId: spring.id, title: 'Summary spring 2031', startsAt: '2031-04-01T08:00:00.000Z', linkCount: 2, count: 2, average: 4.5 }
      ],
      // (5 + 4 + 2) / 3 over answers; (4.5 + 2) / 2 over activities
      overall: { activityCount: 2, count: 3, average: 3.67, averageOfActivities: 3.25 }
    });
    const nextYear = await h.as.viewer.get('/api/feedback/summary?year=2032');
    expect(nextYear.body.items.map((i: { title: string }) => i.title)).toEqual(['Summary new year 2032']);
    expect(nextYear.body.overall).toMatchObject({ count: 2, average: 1 });
    const outsider = await h.as.outsider.get('/api/feedback/summary?year=2031');
    expect(outsider.body.items.map((i: { title: string }) => i.title)).toEqual(['Summary P2 2031']);
    expect((await h.as.officer.get(`/api/feedback/summary?partnershipId=${h.world.partnerships.p2}`)).body).toEqual({
      items: [],
      overall: { activityCount: 0, count: 0, average: null, averageOfActivities: null }
    });
    expect((await h.as.sysadmin.get('/api/feedback/summary?year=2031')).body.overall).toMatchObject({ activityCount: 3, count: 4 });
  });
});

describe('feedback link throttling', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await apiHarness();
  });
  afterAll(() => h.close());

  it('answers 429 with Retry-After past 30 requests from one address in 10 minutes, unknown tokens included', async () => {
    const a = await activityWithParticipants(h);
    const [anna] = (await sendLinks(h, a.id)).items;
    const start = Date.now();
    let now = start;
    const app = createApp({ db: h.db, settings: settingsFrom({}), clock: () => new Date(now) });
    const visitor = client(app, null);
    for (let i = 0; i < 29; i += 1) expect((await visitor.get(`/api/feedback/guess-${i}`)).status).toBe(404);
    expect((await visitor.put(`/api/feedback/${tokenOf(anna!)}`, { rating: 4 })).status).toBe(200);

    const before = await tableCounts(h);
    now = start + 60_000;
    const refused = await visitor.put(`/api/feedback/${tokenOf(anna!)}`, { rating: 1 });
    expectProblem(refused, 429);
    expect(Number(refused.headers.get('retry-after'))).toBe(540);
    expectProblem(await visitor.get(`/api/feedback/${tokenOf(anna!)}`), 429);
    expectProblem(await visitor.put(`/api/feedback/${tokenOf(anna!)}`, { rating: 9 }), 429);
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.viewer.get(`/api/activities/${a.id}/feedback`)).body.items[0]).toMatchObject({ rating: 4 });

    // once the window has passed, the link works again
    now = start + 10 * 60_000 + 1000;
    const again = await visitor.put(`/api/feedback/${tokenOf(anna!)}`, { rating: 5 });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
  });
});
