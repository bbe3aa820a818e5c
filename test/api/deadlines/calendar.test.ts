/**
 * The personal calendar feed, read back with ical.js (the parser
 * Thunderbird uses): every deadline a timed event of 30 minutes ending at
 * its instant, with the TZID it was published in and the VTIMEZONE to
 * resolve it; milestones and tasks as the service says; alarms by the
 * owner's reminder days; stable UIDs; 404 for a revoked or unknown token.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { insertCallDirect, moveDeadlineDirect } from '../../support/calls-direct.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { allRows } from '../../support/sql.js';

const NOW = '2027-02-01T09:00:00Z';

let h: ClockedHarness;
let feed: { id: string; token: string; url: string; webcalUrl: string };
const ids: Record<string, string> = {};

interface ParsedEvent {
  uid: string;
  summary: string;
  /** the instant a timed event ends: a deadline's (or timed milestone's) own */
  instant: string | null;
  /** how long a timed event lasts */
  minutes: number | null;
  /** each VALARM's trigger, with what it relates to: `END -P30D` */
  alarms: string[];
  /** the date, for all-day events */
  date: string | null;
  isDate: boolean;
  tzid: string | null;
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone').map((vtz) => String(vtz.getFirstPropertyValue('tzid')));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const events: ParsedEvent[] = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = event.startDate;
    const end = event.endDate;
    const tzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
    expect(vevent.getFirstProperty('dtend')?.getParameter('tzid')).toEqual(tzid);
    return {
      uid: event.uid,
      summary: event.summary,
      instant: start.isDate ? null : end.toJSDate().toISOString(),
      minutes: start.isDate ? null : (end.toJSDate().getTime() - start.toJSDate().getTime()) / 60_000,
      alarms: vevent.getAllSubcomponents('valarm').map((alarm) => {
        expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
        expect(alarm.getFirstPropertyValue('description')).toBe(event.summary);
        const trigger = alarm.getFirstProperty('trigger')!;
        return `${trigger.getParameter('related') ?? 'START'} ${String(trigger.getFirstValue())}`;
      }),
      date: start.isDate ? start.toString() : null,
      isDate: start.isDate,
      tzid: typeof tzid === 'string' ? tzid : null
    };
  });
  for (const zone of zones) ICAL.TimezoneService.remove(zone);
  return { calendar, zones, events };
}

async function fetchFeed(token: string) {
  const response = await h.app.request(`/api/calendar.ics?token=${encodeURIComponent(token)}`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

beforeAll(async () => {
  h = await clockedHarness(NOW, { REGIODESK_PUBLIC_ORIGIN: 'https://regiodesk.example.org' });
  // 25 March 2027, 17:00 Brussels (CET) = 16:00Z
  const horizon = await insertCallDirect(h.db, { identifier: 'HORIZON-CL5-2027-D3-01', title: 'Hydrogen valleys', deadlines: [{ at: '2027-03-25T16:00:00Z', zone: 'Europe/Brussels' }] });
  // a two-stage Interreg call at 12:00 Brussels, the second stage in summer time (CEST): 10:00Z
  const interreg = await insertCallDirect(h.db, {
    identifier: 'NWE-2027-1',
    title: 'Circular regions',
    deadlines: [
      { at: '2027-03-04T11:00:00Z', zone: 'Europe/Brussels', label: 'Step 1' },
      { at: '2027-09-30T10:00:00Z', zone: 'Europe/Brussels', label: 'Step 2' }
    ]
  });
  // a regional programme published in Lisbon time: 17:00 WEST = 16:00Z
  const lisbon = await insertCallDirect(h.db, { identifier: 'PT-REG-2027', title: 'Atlantic ports', deadlines: [{ at: '2027-06-15T16:00:00Z', zone: 'Europe/Lisbon' }] });
  const unwatched = await insertCallDirect(h.db, { identifier: 'NOT-WATCHED-2027', deadlines: [{ at: '2027-05-01T15:00:00Z' }] });
  for (const call of [horizon, interreg, lisbon]) expect((await h.as.officer.put(`/api/calls/${call.id}/watch`)).status).toBe(200);
  Object.assign(ids, { interreg: interreg.id, horizon: horizon.id, horizonDeadline: horizon.deadlineIds[0]!, interregStep1: interreg.deadlineIds[0]!, interregStep2: interreg.deadlineIds[1]!, lisbonDeadline: lisbon.deadlineIds[0]!, unwatched: unwatched.id });

  // milestones: of a P1 proposal on the Horizon call (one with a time, one without, one done), and of a P2 proposal
  const p1Proposal = newId();
  const p2Proposal = newId();
  ids.p1Proposal = p1Proposal;
  const proposal = (id: string, acronym: string, partnershipId: string, callId: string | null) => ({ id, acronym, title: `${acronym} project`, description: null, call_id: callId, partnership_id: partnershipId, lead_organisation_id: null, scoring_matrix_id: null, scoring_locked_at: null, created_by: null });
  await h.db.insertInto('proposals').values([proposal(p1Proposal, 'H2VALLEY', h.world.partnerships.p1, horizon.id), proposal(p2Proposal, 'BERLINX', h.world.partnerships.p2, null)]).execute();
  const milestone = (id: string, proposalId: string, title: string, dueOn: string, dueTime: string | null, doneAt: string | null = null) => ({ id, proposal_id: proposalId, kind: 'other', title, due_on: dueOn, due_time: dueTime, owner_id: null, done_at: doneAt });
  Object.assign(ids, { timedMilestone: newId(), dateMilestone: newId(), doneMilestone: newId(), p2Milestone: newId() });
  await h.db
    .insertInto('milestones')
    .values([
      milestone(ids.timedMilestone!, p1Proposal, 'Committee decision', '2027-03-11', '14:00'),
      milestone(ids.dateMilestone!, p1Proposal, 'Descriptions due', '2027-02-26', null),
      milestone(ids.doneMilestone!, p1Proposal, 'Idea note', '2027-01-20', null, '2027-01-19T10:00:00.000Z'),
      milestone(ids.p2Milestone!, p2Proposal, 'Berlin kick-off', '2027-03-01', null)
    ])
    .execute();

  // tasks: the officer's open follow-up, the officer's completed one, the editor's
  const open = await h.as.officer.post('/api/tasks', { kind: 'follow_up', title: 'Call KU Leuven about the consortium', dueOn: '2027-02-10', partnershipId: h.world.partnerships.p1 });
  const done = await h.as.officer.post('/api/tasks', { title: 'Already done', dueOn: '2027-02-05', partnershipId: h.world.partnerships.p1 });
  const editors = await h.as.editor.post('/api/tasks', { title: 'The editor’s task', dueOn: '2027-02-12', partnershipId: h.world.partnerships.p1 });
  for (const r of [open, done, editors]) expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect((await h.as.officer.post(`/api/tasks/${done.body.id}/complete`, { result: 'Sent' })).status).toBe(200);
  Object.assign(ids, { openTask: open.body.id, doneTask: done.body.id, editorsTask: editors.body.id });
});
afterAll(() => h.close());

describe('calendar feeds', () => {
  it('creates a feed whose secret address is shown once, and lists it with its last use', async () => {
    const created = await h.as.officer.post('/api/calendar/feeds');
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      createdAt: '2027-02-01T09:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
      token: expect.stringMatching(/^rdcal_[\w-]{40,}$/),
      url: expect.stringMatching(/^https:\/\/regiodesk\.example\.org\/api\/calendar\.ics\?token=rdcal_/),
      webcalUrl: expect.stringMatching(/^webcal:\/\/regiodesk\.example\.org\/api\/calendar\.ics\?token=rdcal_/)
    });
    expect(created.body.url).toContain(created.body.token);
    feed = created.body;
    const list = await h.as.officer.get('/api/calendar/feeds');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [{ id: feed.id, createdAt: '2027-02-01T09:00:00.000Z', lastUsedAt: null, revokedAt: null }], nextCursor: null });
    expect(JSON.stringify(list.body)).not.toContain(feed.token);
    // only the digest is stored
    expect(JSON.stringify((await allRows(h, 'SELECT * FROM calendar_feeds')))).not.toContain(feed.token);
    expect((await h.as.editor.get('/api/calendar/feeds')).body.items).toEqual([]);
  });

  it('serves a VCALENDAR without sign-in, and records the use', async () => {
    h.setNow('2027-02-01T10:00:00Z');
    const reply = await fetchFeed(feed.token);
    expect(reply.status).toBe(200);
    expect(reply.type).toBe('text/calendar; charset=utf-8');
    expect(reply.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect((await h.as.officer.get('/api/calendar/feeds')).body.items[0].lastUsedAt).toBe('2027-02-01T10:00:00.000Z');
  });

  it('has every deadline of the watched calls as a timed event of 30 minutes ending at its instant, in the zone it was published in, with its VTIMEZONE', async () => {
    const { text } = await fetchFeed(feed.token);
    const { zones, events } = parse(text);
    expect(zones.sort()).toEqual(['Europe/Brussels', 'Europe/Lisbon']);
    const deadline = (id: string) => events.find((e) => e.uid === `deadline-${id}@regiodesk`);
    expect(deadline(ids.horizonDeadline!)).toMatchObject({ summary: 'Deadline: HORIZON-CL5-2027-D3-01 — Hydrogen valleys', isDate: false, tzid: 'Europe/Brussels', instant: '2027-03-25T16:00:00.000Z' });
    expect(deadline(ids.interregStep1!)).toMatchObject({ summary: 'Deadline: NWE-2027-1 (Step 1) — Circular regions', isDate: false, tzid: 'Europe/Brussels', instant: '2027-03-04T11:00:00.000Z' });
    expect(deadline(ids.interregStep2!)).toMatchObject({ isDate: false, tzid: 'Europe/Brussels', instant: '2027-09-30T10:00:00.000Z' });
    expect(deadline(ids.lisbonDeadline!)).toMatchObject({ isDate: false, tzid: 'Europe/Lisbon', instant: '2027-06-15T16:00:00.000Z' });
    // the wall times as written: ending at 17:00 and 12:00 in Brussels whatever the season, 17:00 in Lisbon
    expect(text).toContain('DTSTART;TZID=Europe/Brussels:20270325T163000\r\nDTEND;TZID=Europe/Brussels:20270325T170000');
    expect(text).toContain('DTSTART;TZID=Europe/Brussels:20270304T113000\r\nDTEND;TZID=Europe/Brussels:20270304T120000');
    expect(text).toContain('DTEND;TZID=Europe/Brussels:20270930T120000');
    expect(text).toContain('DTEND;TZID=Europe/Lisbon:20270615T170000');
    // never zero minutes long (drawn as a hairline or hidden), and reminding as the e-mails do: the default 30, 14 and 3 days before the instant
    const deadlines = events.filter((e) => e.uid.startsWith('deadline-'));
    expect(deadlines.map((e) => e.minutes)).toEqual([30, 30, 30, 30]);
    for (const event of deadlines) expect(event.alarms).toEqual(['END -P30D', 'END -P14D', 'END -P3D']);
    // no deadline is ever an all-day event, and unwatched calls stay out
    expect(events.filter((e) => e.uid.startsWith('deadline-') && e.isDate)).toEqual([]);
    expect(events.filter((e) => e.uid.startsWith('deadline-'))).toHaveLength(4);
    expect(text).not.toContain('NOT-WATCHED-2027');
  });

  it('has the open milestones of the user’s partnerships’ proposals and the user’s open tasks', async () => {
    const { events } = parse((await fetchFeed(feed.token)).text);
    const byUid = (uid: string) => events.find((e) => e.uid === uid);
    // with a time: 14:00 in the zone of the proposal's call (Brussels, CET) = 13:00Z
    expect(byUid(`milestone-${ids.timedMilestone}@regiodesk`)).toMatchObject({ summary: 'H2VALLEY: Committee decision', isDate: false, tzid: 'Europe/Brussels', instant: '2027-03-11T13:00:00.000Z', minutes: 30, alarms: ['END -P30D', 'END -P14D', 'END -P3D'] });
    expect(byUid(`milestone-${ids.dateMilestone}@regiodesk`)).toMatchObject({ summary: 'H2VALLEY: Descriptions due', isDate: true, date: '2027-02-26', alarms: ['START -P30D', 'START -P14D', 'START -P3D'] });
    expect(byUid(`milestone-${ids.doneMilestone}@regiodesk`)).toBeUndefined();
    expect(byUid(`milestone-${ids.p2Milestone}@regiodesk`)).toBeUndefined();
    expect(byUid(`task-${ids.openTask}@regiodesk`)).toMatchObject({ summary: 'Follow-up: Call KU Leuven about the consortium', isDate: true, date: '2027-02-10', alarms: [] });
    expect(byUid(`task-${ids.doneTask}@regiodesk`)).toBeUndefined();
    expect(byUid(`task-${ids.editorsTask}@regiodesk`)).toBeUndefined();
  });

  it('reminds by the owner’s own reminder days, none when they turned reminders off; a change is a new ETag', async () => {
    const etagOf = async () => (await h.app.request(`/api/calendar.ics?token=${encodeURIComponent(feed.token)}`)).headers.get('etag');
    const alarmsOf = async () => parse((await fetchFeed(feed.token)).text).events.find((e) => e.uid === `deadline-${ids.horizonDeadline}@regiodesk`)!.alarms;
    const before = await etagOf();
    expect((await h.as.officer.put('/api/reminders/settings', { offsets: [7, 1], email: true, timeZone: 'Europe/Brussels' })).status).toBe(200);
    expect(await etagOf()).not.toBe(before);
    expect(await alarmsOf()).toEqual(['END -P7D', 'END -P1D']);
    expect((await h.as.officer.put('/api/reminders/settings', { offsets: [], email: true, timeZone: 'Europe/Brussels' })).status).toBe(200);
    expect(await alarmsOf()).toEqual([]);
    expect((await fetchFeed(feed.token)).text).not.toContain('BEGIN:VALARM');
    expect((await h.as.officer.put('/api/reminders/settings', { offsets: [30, 14, 3], email: true, timeZone: 'Europe/Brussels' })).status).toBe(200);
    expect(await etagOf()).toBe(before);
  });

  it('keeps the UIDs from one request to the next, also when a deadline moves', async () => {
    const first = parse((await fetchFeed(feed.token)).text).events;
    await moveDeadlineDirect(h.db, ids.horizonDeadline!, '2027-04-08T15:00:00Z');
    await h.db.updateTable('calls').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', ids.horizon!).execute();
    const second = parse((await fetchFeed(feed.token)).text).events;
    expect(second.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort());
    expect(new Set(second.map((e) => e.uid)).size).toBe(second.length);
    // the event moved (17:00 Brussels, summer time now) instead of a second one appearing
    expect(second.find((e) => e.uid === `deadline-${ids.horizonDeadline}@regiodesk`)).toMatchObject({ tzid: 'Europe/Brussels', instant: '2027-04-08T15:00:00.000Z' });
  });

  it('shows another user’s feed only their own things', async () => {
    const editors = await h.as.editor.post('/api/calendar/feeds');
    const { events } = parse((await fetchFeed(editors.body.token)).text);
    expect(events.some((e) => e.uid.startsWith('deadline-'))).toBe(false);
    expect(events.map((e) => e.uid)).toContain(`task-${ids.editorsTask}@regiodesk`);
    expect(events.map((e) => e.uid)).toContain(`milestone-${ids.timedMilestone}@regiodesk`);
    const outsiders = await h.as.outsider.post('/api/calendar/feeds');
    const outsiderEvents = parse((await fetchFeed(outsiders.body.token)).text).events;
    expect(outsiderEvents.map((e) => e.uid)).toEqual([`milestone-${ids.p2Milestone}@regiodesk`]);
  });

  it('answers 404 for a missing, unknown or revoked token, and for someone else’s feed', async () => {
    for (const path of ['/api/calendar.ics', '/api/calendar.ics?token=', '/api/calendar.ics?token=rdcal_not-a-real-token']) {
      const response = await h.app.request(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    const before = await tableCounts(h);
    expectProblem(await h.as.editor.delete(`/api/calendar/feeds/${feed.id}`), 404);
    expectProblem(await h.as.officer.delete('/api/calendar/feeds/00000000-0000-7000-8000-000000000000'), 404);
    expect(await tableCounts(h)).toEqual(before);
    expect((await fetchFeed(feed.token)).status).toBe(200);

    h.setNow('2027-02-02T08:00:00Z');
    expect((await h.as.officer.delete(`/api/calendar/feeds/${feed.id}`)).status).toBe(204);
    expect((await fetchFeed(feed.token)).status).toBe(404);
    // a signed-in caller gets no more than anyone else
    expectProblem(await h.as.officer.get(`/api/calendar.ics?token=${feed.token}`), 404);
    expect((await h.as.officer.delete(`/api/calendar/feeds/${feed.id}`)).status).toBe(204);
    expect((await h.as.officer.get('/api/calendar/feeds')).body.items[0]).toMatchObject({ id: feed.id, revokedAt: '2027-02-02T08:00:00.000Z' });
    const audit = (await allRows(h, "SELECT after FROM audit_events WHERE entity_type = 'user' AND entity_id = ? ORDER BY at", h.world.users.officer.id)) as { after: string }[];
    expect(audit.map((a) => Object.keys(JSON.parse(a.after))[0])).toEqual(expect.arrayContaining(['calendarFeedCreated', 'calendarFeedRevoked']));
  });

  it('speaks the owner’s account language, Dutch and German: the calendar’s name and description, summaries, descriptions and wall times; a language change is a new ETag and a new text', async () => {
    h.setNow('2027-02-03T08:00:00Z');
    const created = await h.as.officer.post('/api/calendar/feeds');
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    const read = async () => {
      const response = await h.app.request(`/api/calendar.ics?token=${encodeURIComponent(token)}`);
      expect(response.status).toBe(200);
      const text = await response.text();
      const { calendar } = parse(text);
      const events = new Map(calendar.getAllSubcomponents('vevent').map((vevent) => [String(vevent.getFirstPropertyValue('uid')), { summary: String(vevent.getFirstPropertyValue('summary')), description: String(vevent.getFirstPropertyValue('description')) }]));
      return { etag: response.headers.get('etag')!, calendar, events, text };
    };
    const english = await read();
    expect(english.calendar.getFirstPropertyValue('x-wr-calname')).toBe('RegioDesk — Officer');
    expect(english.calendar.getFirstPropertyValue('prodid')).toBe('-//RegioDesk//Calendar feed//EN');
    expect(english.events.get(`deadline-${ids.interregStep1}@regiodesk`)?.description).toBe(`NWE-2027-1 “Circular regions”.\nSubmission closes at 12:00 Brussels time.\nIn RegioDesk: https://regiodesk.example.org/calls/${ids.interreg}`);

    expect((await h.as.officer.put('/api/auth/me/locale', { locale: 'nl' })).status).toBe(204);
    const dutch = await read();
    expect(dutch.etag).not.toBe(english.etag);
    expect(dutch.calendar.getFirstPropertyValue('x-wr-calname')).toBe('RegioDesk — Officer');
    expect(dutch.calendar.getFirstPropertyValue('x-wr-caldesc')).toBe('De deadlines van de oproepen die u volgt, de mijlpalen van de projectideeën van uw partnerschappen en uw openstaande taken, uit RegioDesk.');
    expect(dutch.calendar.getFirstPropertyValue('prodid')).toBe('-//RegioDesk//Agenda-abonnement//NL');
    expect(dutch.events.get(`deadline-${ids.interregStep1}@regiodesk`)).toEqual({
      summary: 'Deadline: NWE-2027-1 (Step 1) — Circular regions',
      description: `NWE-2027-1 “Circular regions”.\nIndienen kan tot 12:00 uur (Brussel).\nIn RegioDesk: https://regiodesk.example.org/calls/${ids.interreg}`
    });
    // the moved Horizon deadline: 17:00 in Brussels (summer time), Lisbon's in its own city
    expect(dutch.events.get(`deadline-${ids.horizonDeadline}@regiodesk`)?.description).toContain('Indienen kan tot 17:00 uur (Brussel).');
    expect(dutch.events.get(`deadline-${ids.lisbonDeadline}@regiodesk`)?.description).toContain('Indienen kan tot 17:00 uur (Lissabon).');
    expect(dutch.events.get(`milestone-${ids.timedMilestone}@regiodesk`)).toEqual({ summary: 'H2VALLEY: Committee decision', description: `Interne mijlpaal van H2VALLEY “H2VALLEY project”.\nIn RegioDesk: https://regiodesk.example.org/proposals/${ids.p1Proposal}` });
    expect(dutch.events.get(`task-${ids.openTask}@regiodesk`)?.summary).toBe('Opvolging: Call KU Leuven about the consortium');

    expect((await h.as.officer.put('/api/auth/me/locale', { locale: 'de' })).status).toBe(204);
    const german = await read();
    expect(new Set([english.etag, dutch.etag, german.etag]).size).toBe(3);
    expect(german.calendar.getFirstPropertyValue('x-wr-caldesc')).toBe('Die Fristen der Förderaufrufe, die Sie beobachten, die Meilensteine der Projektideen Ihrer Partnerschaften und Ihre offenen Aufgaben, aus RegioDesk.');
    expect(german.calendar.getFirstPropertyValue('prodid')).toBe('-//RegioDesk//Kalender-Abo//DE');
    expect(german.events.get(`deadline-${ids.interregStep1}@regiodesk`)).toEqual({
      summary: 'Frist: NWE-2027-1 (Step 1) — Circular regions',
      description: `NWE-2027-1 „Circular regions“.\nDie Einreichung endet um 12:00 Uhr (Brüssel).\nIn RegioDesk: https://regiodesk.example.org/calls/${ids.interreg}`
    });
    expect(german.events.get(`deadline-${ids.lisbonDeadline}@regiodesk`)?.description).toContain('Die Einreichung endet um 17:00 Uhr (Lissabon).');
    expect(german.events.get(`milestone-${ids.timedMilestone}@regiodesk`)?.description).toContain('Interner Meilenstein von H2VALLEY „H2VALLEY project“.');
    expect(german.events.get(`task-${ids.openTask}@regiodesk`)?.summary).toBe('Nachbereitung: Call KU Leuven about the consortium');
    // the same uids and instants in every language
    expect([...german.events.keys()].sort()).toEqual([...english.events.keys()].sort());
    expect(parse(german.text).events.map((e) => [e.uid, e.instant, e.date])).toEqual(parse(english.text).events.map((e) => [e.uid, e.instant, e.date]));
    // the English ETag no longer matches; back to English, the English text again
    expect((await h.app.request(`/api/calendar.ics?token=${encodeURIComponent(token)}`, { headers: { 'If-None-Match': english.etag } })).status).toBe(200);
    expect((await h.as.officer.put('/api/auth/me/locale', { locale: 'en' })).status).toBe(204);
    const back = await read();
    expect(back.etag).toBe(english.etag);
    expect(back.text).toBe(english.text);
  });

  it('refuses an eleventh feed while ten are active', async () => {
    for (let i = 0; i < 10; i++) expect((await h.as.admin.post('/api/calendar/feeds')).status).toBe(201);
    expectProblem(await h.as.admin.post('/api/calendar/feeds'), 409);
    const one = (await h.as.admin.get('/api/calendar/feeds')).body.items[0];
    await h.as.admin.delete(`/api/calendar/feeds/${one.id}`);
    expect((await h.as.admin.post('/api/calendar/feeds')).status).toBe(201);
  });
});
