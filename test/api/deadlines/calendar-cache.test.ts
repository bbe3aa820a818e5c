/**
 * The calendar feed's ETag and cache: the ETag changes exactly when what
 * the feed shows changes, If-None-Match answers 304 without a body, an
 * unchanged feed is written once, one user's text never reaches another,
 * and a feed of 10,000 deadlines is written without holding the event loop.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Insertable } from 'kysely';
import { newId } from '../../../db/ids.js';
import { jsonText } from '../../../db/json-columns.js';
import type { Database } from '../../../db/schema.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { insertCallDirect, moveDeadlineDirect } from '../../support/calls-direct.js';
import { turnsDuring } from '../../support/event-loop.js';

const NOW = '2027-02-01T09:00:00Z';

let h: ClockedHarness;
let officerFeed: string;
let editorFeed: string;
let firstCall: { id: string; deadlineIds: string[] };

async function fetchFeed(token: string, ifNoneMatch?: string) {
  const response = await h.app.request(`/api/calendar.ics?token=${encodeURIComponent(token)}`, { headers: ifNoneMatch ? { 'If-None-Match': ifNoneMatch } : {} });
  return { status: response.status, etag: response.headers.get('etag'), text: await response.text() };
}

const uids = (text: string) => [...text.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim());

beforeAll(async () => {
  h = await clockedHarness(NOW, { REGIODESK_PUBLIC_ORIGIN: 'https://regiodesk.example.org' });
  firstCall = await insertCallDirect(h.db, { identifier: 'HORIZON-CL5-2027-D3-01', title: 'Hydrogen valleys', deadlines: [{ at: '2027-03-25T16:00:00Z' }] });
  expect((await h.as.officer.put(`/api/calls/${firstCall.id}/watch`)).status).toBe(200);
  officerFeed = (await h.as.officer.post('/api/calendar/feeds')).body.token;
  editorFeed = (await h.as.editor.post('/api/calendar/feeds')).body.token;
});
afterAll(() => h.close());

describe('the calendar feed’s ETag', () => {
  it('is sent with the feed, and If-None-Match with it answers 304 without a body', async () => {
    const first = await fetchFeed(officerFeed);
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^W\/"[\w-]{20,}"$/);
    const again = await fetchFeed(officerFeed, first.etag!);
    expect(again).toEqual({ status: 304, etag: first.etag, text: '' });
    // a list of tags, the strong form of the same tag, and `*` match too; another tag does not
    expect((await fetchFeed(officerFeed, `"other", ${first.etag!.slice(2)}`)).status).toBe(304);
    expect((await fetchFeed(officerFeed, '*')).status).toBe(304);
    const other = await fetchFeed(officerFeed, 'W/"something-else"');
    expect(other.status).toBe(200);
    expect(other.text).toBe(first.text);
  });

  it('comes gzip-compressed to a calendar that accepts it: the same text, the same ETag, compressed once', async () => {
    const plain = await fetchFeed(officerFeed);
    const url = `/api/calendar.ics?token=${encodeURIComponent(officerFeed)}`;
    const asked = () => h.app.request(url, { headers: { 'Accept-Encoding': 'br;q=1.0, gzip;q=0.8, *;q=0.1' } });
    const compressed = await asked();
    expect(compressed.status).toBe(200);
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    expect(compressed.headers.get('vary')).toBe('Accept-Encoding');
    expect(compressed.headers.get('etag')).toBe(plain.etag);
    const bytes = new Uint8Array(await compressed.arrayBuffer());
    expect(gunzipSync(bytes).toString('utf8')).toBe(plain.text);
    expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(plain.text));
    // the compressed bytes are kept: the same object's bytes again, not a new compression
    expect(new Uint8Array(await (await asked()).arrayBuffer())).toEqual(bytes);
    // gzip refused (q=0) or not offered: the text as it is
    for (const header of ['gzip;q=0, identity', 'identity']) {
      const answer = await h.app.request(url, { headers: { 'Accept-Encoding': header } });
      expect(answer.headers.get('content-encoding')).toBeNull();
      expect(await answer.text()).toBe(plain.text);
    }
    // a 304 is a 304 whatever the encoding
    expect((await h.app.request(url, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': plain.etag! } })).status).toBe(304);
  });

  it('serves an unchanged feed from the cache: the same text, written at the first request', async () => {
    const first = await fetchFeed(officerFeed);
    h.setNow('2027-02-01T12:00:00Z');
    const later = await fetchFeed(officerFeed);
    expect(later.etag).toBe(first.etag);
    // DTSTAMP is when the text was written: a text written again would carry 12:00
    expect(later.text).toBe(first.text);
    expect(later.text).toContain('DTSTAMP:20270201T090000Z');
  });

  it('changes when a watched call’s deadline moves, and the text then shows it', async () => {
    const before = await fetchFeed(officerFeed);
    await moveDeadlineDirect(h.db, firstCall.deadlineIds[0]!, '2027-04-08T15:00:00Z');
    const after = await fetchFeed(officerFeed, before.etag!);
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    expect(after.text).toContain('DTEND;TZID=Europe/Brussels:20270408T170000');
    expect(after.text).not.toContain('DTEND;TZID=Europe/Brussels:20270325T170000');
  });

  it('changes when the user watches another call, and when a task of theirs is added', async () => {
    const before = await fetchFeed(officerFeed);
    const call = await insertCallDirect(h.db, { identifier: 'NWE-2027-1', title: 'Circular regions', deadlines: [{ at: '2027-03-04T11:00:00Z', label: 'Step 1' }] });
    // a call nobody watches changes nothing
    expect((await fetchFeed(officerFeed, before.etag!)).status).toBe(304);
    expect((await h.as.officer.put(`/api/calls/${call.id}/watch`)).status).toBe(200);
    const watched = await fetchFeed(officerFeed, before.etag!);
    expect(watched.status).toBe(200);
    expect(uids(watched.text)).toContain(`deadline-${call.deadlineIds[0]}@regiodesk`);

    const task = await h.as.officer.post('/api/tasks', { kind: 'follow_up', title: 'Call KU Leuven about the consortium', dueOn: '2027-02-10', partnershipId: h.world.partnerships.p1 });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    const tasked = await fetchFeed(officerFeed, watched.etag!);
    expect(tasked.status).toBe(200);
    expect(tasked.etag).not.toBe(watched.etag);
    expect(uids(tasked.text)).toContain(`task-${task.body.id}@regiodesk`);

    // completing it takes it out again
    expect((await h.as.officer.post(`/api/tasks/${task.body.id}/complete`, { result: 'Sent' })).status).toBe(200);
    const completed = await fetchFeed(officerFeed, tasked.etag!);
    expect(completed.status).toBe(200);
    expect(uids(completed.text)).not.toContain(`task-${task.body.id}@regiodesk`);
  });

  it('never serves one user’s text to another, not even for their ETag', async () => {
    const officers = await fetchFeed(officerFeed);
    const editors = await fetchFeed(editorFeed, officers.etag!);
    expect(editors.status).toBe(200);
    expect(editors.etag).not.toBe(officers.etag);
    expect(uids(editors.text).filter((uid) => uid.startsWith('deadline-'))).toEqual([]);
    expect(editors.text).not.toContain('HORIZON-CL5-2027-D3-01');
    // the editor watching the same call has a feed of their own, with its own name
    expect((await h.as.editor.put(`/api/calls/${firstCall.id}/watch`)).status).toBe(200);
    const watching = await fetchFeed(editorFeed);
    expect(watching.etag).not.toBe(officers.etag);
    expect(uids(watching.text)).toContain(`deadline-${firstCall.deadlineIds[0]}@regiodesk`);
    expect(watching.text).toContain('NAME:RegioDesk — Editor');
    expect(watching.text).not.toContain('Officer');
    expect((await fetchFeed(officerFeed)).text).toBe((await fetchFeed(officerFeed)).text);
  });
});

describe('a feed of 10,000 deadlines', () => {
  it('holds every deadline once, and lets the event loop run while it is written', async () => {
    // 9,000 calls with one deadline and 500 with two, so pages of deadlines split calls
    const calls: string[] = [];
    let deadlines = 0;
    const rows = { calls: [] as Insertable<Database['calls']>[], deadlines: [] as Insertable<Database['call_deadlines']>[], watches: [] as Insertable<Database['call_watches']>[] };
    for (let i = 0; i < 9_500; i++) {
      const id = newId();
      rows.calls.push({ id, identifier: `SCALE-${i}`, title: `Scale call ${i}`, keywords: jsonText([]) });
      const stages = i % 19 === 0 ? 2 : 1;
      for (let position = 0; position < stages; position++) {
        const at = new Date(Date.parse('2027-03-01T16:00:00Z') + (i % 400) * 86_400_000 + position * 7 * 86_400_000).toISOString();
        rows.deadlines.push({ id: newId(), call_id: id, position, label: stages > 1 ? `Step ${position + 1}` : null, deadline_at: at, time_zone: 'Europe/Brussels' });
        deadlines += 1;
      }
      rows.watches.push({ user_id: h.world.users.viewer.id, call_id: id });
      calls.push(id);
    }
    // in one transaction, 500 rows a statement (within either engine's limit of bound values)
    await h.db.transaction().execute(async (trx) => {
      for (let at = 0; at < rows.calls.length; at += 500) await trx.insertInto('calls').values(rows.calls.slice(at, at + 500)).execute();
      for (let at = 0; at < rows.deadlines.length; at += 500) await trx.insertInto('call_deadlines').values(rows.deadlines.slice(at, at + 500)).execute();
      for (let at = 0; at < rows.watches.length; at += 500) await trx.insertInto('call_watches').values(rows.watches.slice(at, at + 500)).execute();
    });
    expect(deadlines).toBe(10_000);
    const token = (await h.as.viewer.post('/api/calendar/feeds')).body.token;

    const { result: reply, turns: ticks } = await turnsDuring(() => fetchFeed(token));

    expect(reply.status).toBe(200);
    const deadlineUids = uids(reply.text).filter((uid) => uid.startsWith('deadline-'));
    expect(deadlineUids).toHaveLength(10_000);
    expect(new Set(deadlineUids).size).toBe(10_000);
    expect(reply.text.match(/^BEGIN:VTIMEZONE\r$/gm)).toHaveLength(1);
    // writing yields to the event loop again and again (a request that held it would let no tick in)
    expect(ticks).toBeGreaterThanOrEqual(10);
    // and the next request is answered from the cache: 304 or the same text
    expect((await fetchFeed(token, reply.etag!)).status).toBe(304);
  });
});
