import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { allPages, auditActions, createInteraction, createOrganisation, createPerson } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { type Client, expectProblem } from '../../support/http.js';
import { allRows, firstRow, runSql } from '../../support/sql.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

const trip = (fields: Record<string, unknown> = {}) => ({
  type: 'delegation_trip',
  partnershipIds: [h.world.partnerships.p1],
  title: 'Delegationsreise nach Löwen',
  startsAt: '2026-03-29T09:00',
  endsAt: '2026-03-30T17:00',
  timeZone: 'Europe/Brussels',
  ...fields
});

async function createActivity(as: Client, fields: Record<string, unknown> = {}) {
  const reply = await as.post('/api/activities', trip(fields));
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

/** The raw answer (for files), as a caller with a token. */
async function download(token: string, path: string) {
  return h.app.request(path, { headers: { Authorization: `Bearer ${token}` } });
}

async function documentText(response: Response): Promise<string> {
  const zip = await JSZip.loadAsync(await response.arrayBuffer());
  const xml = await zip.file('word/document.xml')!.async('string');
  // the text of each paragraph on a line of its own, runs joined
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .map((line) => line.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'"))
    .filter((line) => line !== '')
    .join('\n');
}

describe('/api/activities', () => {
  it('logs a trip in local time with its zone, stores UTC, and answers both', async () => {
    const created = await h.as.officer.post(
      '/api/activities',
      trip({
        description: 'Life sciences mission with BioRN',
        venue: 'Provinciehuis',
        city: 'Leuven',
        country: 'be',
        hostRegionId: h.world.regions.flemishBrabant,
        direction: 'outgoing',
        domainIds: ['domain-health', 'domain-innovation'],
        politicalLevel: true
      })
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      type: 'delegation_trip',
      title: 'Delegationsreise nach Löwen',
      startsAt: '2026-03-29T07:00:00.000Z',
      endsAt: '2026-03-30T15:00:00.000Z',
      timeZone: 'Europe/Brussels',
      local: { startsAt: '2026-03-29T09:00', endsAt: '2026-03-30T17:00', startOffset: '+02:00', endOffset: '+02:00', nextMeetingAt: null },
      durationMinutes: 32 * 60,
      venue: 'Provinciehuis',
      city: 'Leuven',
      country: 'BE',
      hostRegionId: h.world.regions.flemishBrabant,
      hostRegionName: 'Vlaams-Brabant',
      direction: 'outgoing',
      partnershipIds: [h.world.partnerships.p1],
      domainIds: ['domain-innovation', 'domain-health'],
      politicalLevel: true,
      status: 'planned',
      followUpRule: null,
      effectiveFollowUpRule: 'FREQ=MONTHLY;INTERVAL=3;COUNT=2',
      nextMeetingAt: null,
      participantCounts: { total: 0, byRegion: [], byKind: [] },
      recordedByOrganisationId: h.world.organisations.vrrn,
      createdBy: h.world.users.officer.id,
      version: 1
    });
    const stored = (await firstRow(h, 'SELECT starts_at, ends_at, time_zone, starts_local FROM activities WHERE id = ?', created.body.id));
    expect(stored).toEqual({ starts_at: '2026-03-29T07:00:00.000Z', ends_at: '2026-03-30T15:00:00.000Z', time_zone: 'Europe/Brussels', starts_local: '2026-03-29T09:00' });

    const read = await h.as.viewer.get(`/api/activities/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(created.body);
    const invisible = await h.as.outsider.get(`/api/activities/${created.body.id}`);
    expectProblem(invisible, 404);
    expect(invisible.body).toEqual((await h.as.outsider.get(`/api/activities/${newId()}`)).body);
    expect(await auditActions(h, 'activity', created.body.id)).toEqual(['create']);
  });

  it('measures durations across a DST change in elapsed time (28 → 29 March in Brussels is 23 hours)', async () => {
    const spring = await createActivity(h.as.officer, { title: 'Night train', startsAt: '2026-03-28T18:00', endsAt: '2026-03-29T18:00' });
    expect(spring).toMatchObject({ startsAt: '2026-03-28T17:00:00.000Z', endsAt: '2026-03-29T16:00:00.000Z', durationMinutes: 23 * 60 });
    expect(spring.local).toMatchObject({ startOffset: '+01:00', endOffset: '+02:00' });
    const autumn = await createActivity(h.as.officer, { title: 'Long night', startsAt: '2026-10-24T18:00', endsAt: '2026-10-25T18:00' });
    expect(autumn.durationMinutes).toBe(25 * 60);
    // an instant with an offset is kept as that instant and shown in the zone
    const instant = await createActivity(h.as.officer, { title: 'Call', startsAt: '2026-06-01T08:00:00Z', endsAt: '2026-06-01T09:30:00+01:00', timeZone: 'Europe/Berlin' });
    expect(instant).toMatchObject({ startsAt: '2026-06-01T08:00:00.000Z', endsAt: '2026-06-01T08:30:00.000Z', local: { startsAt: '2026-06-01T10:00', endsAt: '2026-06-01T10:30' } });
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const activity = await createActivity(h.as.officer, { title: 'Validation target' });
    const before = await tableCounts(h);
    const post = (fields: Record<string, unknown>) => h.as.officer.post('/api/activities', trip(fields));
    expectProblem(await post({ endsAt: '2026-03-29T08:59' }), 400, 'endsAt');
    expectProblem(await post({ timeZone: 'Europe/Atlantis' }), 400, 'timeZone');
    expectProblem(await post({ timeZone: 'CEST' }), 400, 'timeZone');
    const skipped = await post({ startsAt: '2026-03-29T02:30' });
    expectProblem(skipped, 400, 'startsAt');
    expect(skipped.body.errors[0].message).toContain('does not exist in Europe/Brussels');
    expectProblem(await post({ startsAt: '29.03.2026 09:00' }), 400, 'startsAt');
    expectProblem(await post({ startsAt: '2026-02-30T09:00' }), 400, 'startsAt');
    expectProblem(await post({ startsAt: '2026-03-29t09:00' }), 400, 'startsAt');
    expectProblem(await post({ startsAt: '0000-01-01T09:00' }), 400, 'startsAt');
    expectProblem(await post({ startsAt: undefined }), 400, 'startsAt');
    expectProblem(await post({ partnershipIds: [] }), 400, 'partnershipIds');
    expectProblem(await post({ partnershipIds: [h.world.partnerships.p2] }), 400, 'partnershipIds.0');
    expectProblem(await post({ partnershipIds: [h.world.partnerships.p1, 'no-such-partnership'] }), 400, 'partnershipIds.1');
    expectProblem(await post({ partnershipIds: [h.world.partnerships.p1, h.world.partnerships.p1] }), 400, 'partnershipIds.1');
    expectProblem(await post({ type: 'holiday' }), 400, 'type');
    expectProblem(await post({ title: '  ' }), 400, 'title');
    expectProblem(await post({ hostRegionId: 'no-such-region' }), 400, 'hostRegionId');
    expectProblem(await post({ domainIds: ['domain-health', 'domain-nonsense'] }), 400, 'domainIds.1');
    expectProblem(await post({ followUpRule: 'FREQ=BANANA' }), 400, 'followUpRule');
    expectProblem(await post({ followUpRule: 'every three months' }), 400, 'followUpRule');
    expectProblem(await post({ followUpRule: 'FREQ=MONTHLY' }), 400, 'followUpRule'); // never ends: no follow-ups could be proposed
    expectProblem(await post({ country: 'XX' }), 400, 'country');
    expectProblem(await post({ status: 'postponed' }), 400, 'status');
    expectProblem(await post({ direction: 'sideways' }), 400, 'direction');
    expectProblem(await post({ politicalLevel: 'yes' }), 400, 'politicalLevel');
    expectProblem(await post({ nextMeetingAt: 'soon' }), 400, 'nextMeetingAt');
    expectProblem(await post({ colour: 'blue' }), 400, 'colour');
    const patch = (body: Record<string, unknown>) => h.as.officer.patch(`/api/activities/${activity.id}`, body);
    expectProblem(await patch({ endsAt: '2026-03-28T17:00' }), 400, 'endsAt');
    expectProblem(await patch({ startsAt: '2026-04-01T09:00' }), 400, 'endsAt');
    expectProblem(await patch({ partnershipIds: [] }), 400, 'partnershipIds');
    expectProblem(await patch({ followUpRule: 'FREQ=MONTHLY;COUNT=0' }), 400, 'followUpRule');
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.officer.get(`/api/activities/${activity.id}`)).body.version).toBe(1);
  });

  it('answers 404 to outsiders, 403 to viewers who write, and changes nothing', async () => {
    const activity = await createActivity(h.as.officer, { title: 'Guarded trip' });
    const before = await tableCounts(h);
    expectProblem(await h.as.outsider.patch(`/api/activities/${activity.id}`, { title: 'Taken over' }), 404);
    expectProblem(await h.as.outsider.delete(`/api/activities/${activity.id}`), 404);
    expectProblem(await h.as.outsider.get(`/api/activities/${activity.id}/participants`), 404);
    expectProblem(await h.as.outsider.get(`/api/activities/${activity.id}/minutes.docx`), 404);
    expectProblem(await h.as.viewer.post('/api/activities', trip()), 403);
    expectProblem(await h.as.viewer.patch(`/api/activities/${activity.id}`, { title: 'Renamed by a viewer' }), 403);
    expectProblem(await h.as.viewer.delete(`/api/activities/${activity.id}`), 403);
    expectProblem(await h.as.viewer.post(`/api/activities/${activity.id}/participants`, { organisationId: h.world.organisations.pfb, role: 'host' }), 403);
    expectProblem(await h.as.viewer.post(`/api/activities/${activity.id}/agenda`, { topic: 'Viewer topic' }), 403);
    expectProblem(await h.as.viewer.post(`/api/activities/${activity.id}/outcomes`, { kind: 'note', text: 'Viewer note' }), 403);
    expect(await tableCounts(h)).toEqual(before);
    // an editor of P1 may log and change activities (canWriteIn)
    expect((await h.as.editor.patch(`/api/activities/${activity.id}`, { status: 'done' })).status).toBe(200);
  });

  it('honours If-Match: a stale version gets 412 with the current record', async () => {
    const activity = await createActivity(h.as.officer, { title: 'Versioned trip' });
    const ok = await h.as.officer.patch(`/api/activities/${activity.id}`, { title: 'Versioned trip (updated)' }, { ifMatch: '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    const stale = await h.as.editor.patch(`/api/activities/${activity.id}`, { title: 'Lost update' }, { ifMatch: '"1"' });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ title: 'Versioned trip (updated)', version: 2 });
    expectProblem(await h.as.officer.delete(`/api/activities/${activity.id}`, { ifMatch: '"1"' }), 412);
    expectProblem(await h.as.officer.patch(`/api/activities/${activity.id}`, { title: 'x' }, { ifMatch: 'banana' }), 400, 'If-Match');
    expect((await h.as.officer.delete(`/api/activities/${activity.id}`, { ifMatch: '"2"' })).status).toBe(204);
    expectProblem(await h.as.officer.get(`/api/activities/${activity.id}`), 404);
    expect(await auditActions(h, 'activity', activity.id)).toEqual(['create', 'update', 'delete']);
  });

  it('changes only the fields sent; a new zone alone keeps the wall times', async () => {
    const activity = await createActivity(h.as.officer, { title: 'Moving meeting', type: 'meeting', nextMeetingAt: '2026-06-10T14:00', followUpRule: 'rrule:freq=monthly;interval=6;count=1' });
    expect(activity).toMatchObject({ followUpRule: 'FREQ=MONTHLY;INTERVAL=6;COUNT=1', effectiveFollowUpRule: 'FREQ=MONTHLY;INTERVAL=6;COUNT=1', nextMeetingAt: '2026-06-10T12:00:00.000Z' });
    const moved = await h.as.officer.patch(`/api/activities/${activity.id}`, { timeZone: 'Europe/London' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({
      title: 'Moving meeting',
      timeZone: 'Europe/London',
      local: { startsAt: '2026-03-29T09:00', endsAt: '2026-03-30T17:00', nextMeetingAt: '2026-06-10T14:00' },
      startsAt: '2026-03-29T08:00:00.000Z',
      nextMeetingAt: '2026-06-10T13:00:00.000Z'
    });
    // a local time sent alone is read in the stored zone
    const later = await h.as.officer.patch(`/api/activities/${activity.id}`, { endsAt: '2026-03-31T12:00', followUpRule: null, description: 'Moved to London' });
    expect(later.body).toMatchObject({ endsAt: '2026-03-31T11:00:00.000Z', startsAt: '2026-03-29T08:00:00.000Z', followUpRule: null, effectiveFollowUpRule: 'FREQ=MONTHLY;INTERVAL=3;COUNT=2', description: 'Moved to London' });
  });

  it('keeps partnerships the caller cannot see, and shows only those it can', async () => {
    const shared = await createActivity(h.as.sysadmin, { title: 'Joint Brussels event', type: 'joint_eu_event', partnershipIds: [h.world.partnerships.p1, h.world.partnerships.p2] });
    expect(shared.partnershipIds).toEqual(expect.arrayContaining([h.world.partnerships.p1, h.world.partnerships.p2]));
    expect((await h.as.officer.get(`/api/activities/${shared.id}`)).body.partnershipIds).toEqual([h.world.partnerships.p1]);
    expect((await h.as.outsider.get(`/api/activities/${shared.id}`)).body.partnershipIds).toEqual([h.world.partnerships.p2]);
    const edited = await h.as.officer.patch(`/api/activities/${shared.id}`, { partnershipIds: [h.world.partnerships.p1], title: 'Joint Brussels event (EWRC)' });
    expect(edited.body.partnershipIds).toEqual([h.world.partnerships.p1]);
    expect((await h.as.sysadmin.get(`/api/activities/${shared.id}`)).body.partnershipIds).toHaveLength(2);
    // the outsider writes in P2 and may change it, but cannot add P1 (not visible to them)
    expectProblem(await h.as.outsider.patch(`/api/activities/${shared.id}`, { partnershipIds: [h.world.partnerships.p2, 'no-such-partnership'] }), 400, 'partnershipIds.1');
    // the viewer of P1 cannot change its partnerships
    expectProblem(await h.as.viewer.patch(`/api/activities/${shared.id}`, { partnershipIds: [h.world.partnerships.p1] }), 403);
  });
});

describe('activity lists, the month view and the CSV export', () => {
  let ids: Record<string, string> = {};
  beforeAll(async () => {
    const p1 = h.world.partnerships.p1;
    const make = async (key: string, fields: Record<string, unknown>) => (ids[key] = (await createActivity(h.as.officer, { partnershipIds: [p1], ...fields })).id);
    ids = {};
    // starts 31 Dec 2026 23:30 UTC, which is New Year's Day 2027 in Brussels
    await make('newYear', { title: 'Neujahrsempfang Brüssel', type: 'political_visit', startsAt: '2027-01-01T00:30', endsAt: '2027-01-01T02:00', status: 'done' });
    await make('february', { title: 'Matchmaking Smart Region', type: 'matchmaking_event', startsAt: '2027-02-10T09:00', endsAt: '2027-02-10T17:00', domainIds: ['domain-digital'], city: 'Mannheim', venue: '+49 621 10708-0' });
    await make('spanning', { title: 'Expertenaustausch Energie', type: 'expert_exchange', startsAt: '2027-02-27T09:00', endsAt: '2027-03-02T12:00', domainIds: ['domain-energy'] });
    await make('march', { title: '=HYPERLINK("http://evil")', type: 'workshop', startsAt: '2027-03-15T10:00', endsAt: '2027-03-15T12:00', status: 'cancelled' });
    ids.other = (await createActivity(h.as.outsider, { partnershipIds: [h.world.partnerships.p2], title: 'Berlin workshop 2027', type: 'workshop', startsAt: '2027-02-11T10:00', endsAt: '2027-02-11T12:00', timeZone: 'Europe/Berlin' })).id;
  });

  const titles = async (as: Client, query: string) => (await allPages(as, `/api/activities?${query}`)).items.map((a: { title: string }) => a.title);

  it('filters by the local year, type, status, domain, partnership and words', async () => {
    expect(await titles(h.as.officer, 'year=2027&sort=startsAt')).toEqual(['Neujahrsempfang Brüssel', 'Matchmaking Smart Region', 'Expertenaustausch Energie', '=HYPERLINK("http://evil")']);
    expect(await titles(h.as.officer, 'year=2026')).not.toContain('Neujahrsempfang Brüssel');
    expect(await titles(h.as.officer, 'year=2027&type=matchmaking_event')).toEqual(['Matchmaking Smart Region']);
    expect(await titles(h.as.officer, 'year=2027&status=cancelled')).toEqual(['=HYPERLINK("http://evil")']);
    expect(await titles(h.as.officer, 'year=2027&domainId=domain-energy')).toEqual(['Expertenaustausch Energie']);
    expect(await titles(h.as.officer, `year=2027&partnershipId=${h.world.partnerships.p2}`)).toEqual([]);
    expect(await titles(h.as.outsider, 'year=2027')).toEqual(['Berlin workshop 2027']);
    expect(await titles(h.as.officer, 'q=matchmak')).toEqual(['Matchmaking Smart Region']);
    expect(await titles(h.as.officer, 'q=mannheim')).toEqual(['Matchmaking Smart Region']);
    expect(await titles(h.as.officer, 'year=2027&q=bruessel brussel')).toEqual([]);
    expect(await titles(h.as.officer, 'year=2027&q=Brussel')).toEqual(['Neujahrsempfang Brüssel']);
    expectProblem(await h.as.officer.get('/api/activities?year=twenty'), 400, 'query.year');
    expectProblem(await h.as.officer.get('/api/activities?type=holiday'), 400, 'query.type');
    expectProblem(await h.as.officer.get('/api/activities?sort=title'), 400, 'query.sort');
  });

  it('gives the month view: activities overlapping [from, to)', async () => {
    const february = await titles(h.as.officer, 'from=2027-02-01T00:00:00%2B01:00&to=2027-03-01T00:00:00%2B01:00&sort=startsAt');
    expect(february).toEqual(['Matchmaking Smart Region', 'Expertenaustausch Energie']);
    const march = await titles(h.as.officer, 'from=2027-03-01T00:00:00Z&to=2027-04-01T00:00:00Z&sort=startsAt');
    expect(march).toEqual(['Expertenaustausch Energie', '=HYPERLINK("http://evil")']);
    expectProblem(await h.as.officer.get('/api/activities?from=2027-03-01T00:00:00Z&to=2027-02-01T00:00:00Z'), 400, 'query.to');
    expectProblem(await h.as.officer.get('/api/activities?from=March'), 400, 'query.from');
  });

  it('pages by start in both directions without losing or repeating any', async () => {
    const forward = await allPages(h.as.officer, '/api/activities?year=2027&limit=1&sort=startsAt');
    expect(forward.pages).toBe(4);
    expect(forward.items.map((a: { id: string }) => a.id)).toEqual([ids.newYear, ids.february, ids.spanning, ids.march]);
    const backward = await allPages(h.as.officer, '/api/activities?year=2027&limit=3');
    expect(backward.items.map((a: { id: string }) => a.id)).toEqual([ids.march, ids.spanning, ids.february, ids.newYear]);
    expectProblem(await h.as.officer.get('/api/activities?cursor=not-a-cursor'), 400, 'query.cursor');
  });

  it('exports the filtered list as CSV with a BOM, umlauts intact, formulas defused and phone numbers as they are', async () => {
    const response = await download(h.world.users.officer.token, '/api/activities/export.csv?year=2027&sort=startsAt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('attachment; filename="activities.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,type,title,status,starts (local),ends (local),time zone,starts (UTC),ends (UTC),venue,city,country,host region,direction,political level,partnerships,domains,participants'
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`${ids.newYear},political_visit,Neujahrsempfang Brüssel,done,2027-01-01T00:30,2027-01-01T02:00,Europe/Brussels,2026-12-31T23:30:00.000Z`);
    expect(lines[1]).toContain('Rhein-Neckar – Flemish Brabant');
    expect(lines[3]).toContain('Energy, climate, environment');
    expect(lines[4]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    // a phone number is no formula: written as it is, without a visible apostrophe
    expect(lines[2]).toContain(',+49 621 10708-0,Mannheim,');
    expect(text).not.toContain("'+49");
    expect(text).not.toContain('Berlin workshop');

    const semicolons = await download(h.world.users.officer.token, '/api/activities/export.csv?year=2027&type=matchmaking_event&delimiter=semicolon');
    const rows = (await semicolons.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(';matchmaking_event;Matchmaking Smart Region;planned;');
    const outsider = await download(h.world.users.outsider.token, '/api/activities/export.csv?year=2027');
    expect(await outsider.text()).toContain('Berlin workshop 2027');
    expectProblem(await h.as.officer.get('/api/activities/export.csv?delimiter=tab'), 400, 'query.delimiter');
  });

  it('heads the CSV in the requester’s account language, domains and yes/no too, Dutch and German', async () => {
    const exported = async (who: 'editor' | 'viewer', locale: string) => {
      expect((await h.as[who].put('/api/auth/me/locale', { locale })).status).toBe(204);
      const response = await download(h.world.users[who].token, '/api/activities/export.csv?year=2027&sort=startsAt&delimiter=semicolon');
      expect(response.status).toBe(200);
      const lines = (await response.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect((await h.as[who].put('/api/auth/me/locale', { locale: 'en' })).status).toBe(204);
      return lines;
    };
    const dutch = await exported('editor', 'nl');
    expect(dutch[0]).toBe('id;soort;titel;status;begin (lokaal);einde (lokaal);tijdzone;begin (UTC);einde (UTC);locatie;stad;land;gastregio;richting;politiek niveau;partnerschappen;domeinen;deelnemers');
    expect(dutch[3]).toContain('Energie, klimaat, milieu');
    expect(dutch[1]).toMatch(/;nee;Rhein-Neckar/);
    const german = await exported('viewer', 'de');
    expect(german[0]).toBe('ID;Art;Titel;Status;Beginn (Ortszeit);Ende (Ortszeit);Zeitzone;Beginn (UTC);Ende (UTC);Ort;Stadt;Land;Gastregion;Richtung;politische Ebene;Partnerschaften;Bereiche;Teilnehmende');
    expect(german[3]).toContain('Energie, Klima, Umwelt');
  });
});

describe('/api/activities/:id/participants', () => {
  it('adds people and organisations with role and attendance, and counts them by region and kind', async () => {
    const activity = await createActivity(h.as.officer, { title: 'Mission Life Sciences' });
    const kul = await createOrganisation(h.as.editor, { name: 'KU Leuven', kind: 'university_research', country: 'BE', regionId: h.world.regions.flemishBrabant, partnershipIds: [h.world.partnerships.p1] });
    const researcher = await createPerson(h.as.editor, { name: 'An Peeters', organisationId: kul.id, function: 'Professor' });
    const colleague = await createPerson(h.as.editor, { name: 'Jan Claes', organisationId: kul.id });
    const url = `/api/activities/${activity.id}/participants`;

    const person = await h.as.officer.post(url, { personId: researcher.id, role: 'speaker', attendance: 'confirmed' });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    expect(person.headers.get('etag')).toBe('"1"');
    expect(person.body).toMatchObject({
      activityId: activity.id,
      personId: researcher.id,
      personName: 'An Peeters',
      personFunction: 'Professor',
      organisationId: kul.id,
      organisationName: 'KU Leuven',
      organisationKind: 'university_research',
      regionId: h.world.regions.flemishBrabant,
      regionName: 'Vlaams-Brabant',
      role: 'speaker',
      attendance: 'confirmed',
      version: 1
    });
    // the same person in another role is fine, and counts once
    expect((await h.as.officer.post(url, { personId: researcher.id, role: 'delegate' })).status).toBe(201);
    expect((await h.as.officer.post(url, { personId: colleague.id, role: 'delegate' })).status).toBe(201);
    expect((await h.as.officer.post(url, { organisationId: h.world.organisations.vrrn, role: 'organiser', attendance: 'attended' })).status).toBe(201);
    expect((await h.as.officer.post(url, { organisationId: h.world.organisations.pfb, role: 'host' })).status).toBe(201);

    const list = await h.as.viewer.get(url);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { role: string }) => p.role)).toEqual(['speaker', 'delegate', 'delegate', 'organiser', 'host']);
    const read = await h.as.viewer.get(`/api/activities/${activity.id}`);
    expect(read.body.participantCounts).toEqual({
      total: 4,
      byRegion: [
        { regionId: h.world.regions.flemishBrabant, regionName: 'Vlaams-Brabant', count: 3 },
        { regionId: h.world.regions.rheinNeckar, regionName: 'Rhein-Neckar', count: 1 }
      ],
      byKind: [
        { kind: 'regional_authority', count: 2 },
        { kind: 'university_research', count: 2 }
      ]
    });
    expect(await auditActions(h, 'activity', activity.id)).toEqual(['create', 'update', 'update', 'update', 'update', 'update']);
  });

  it('refuses a participant twice in the same role, and unknown or invisible people, changing nothing', async () => {
    const activity = await createActivity(h.as.officer, { title: 'Duplicate check' });
    const url = `/api/activities/${activity.id}/participants`;
    const researcher = await createPerson(h.as.officer, { name: 'Dora Schmitt', organisationId: h.world.organisations.vrrn });
    const first = await h.as.officer.post(url, { personId: researcher.id, role: 'delegate' });
    expect(first.status).toBe(201);
    const guest = await h.as.officer.post(url, { organisationId: h.world.organisations.pfb, role: 'guest' });
    const hidden = await createPerson(h.as.outsider, { name: 'Hidden Person', organisationId: h.world.organisations.wfbb });
    const before = await tableCounts(h);
    expectProblem(await h.as.officer.post(url, { personId: researcher.id, role: 'delegate' }), 409, 'role');
    expectProblem(await h.as.officer.post(url, { personId: researcher.id, organisationId: h.world.organisations.vrrn, role: 'delegate', attendance: 'attended' }), 409, 'role');
    // the same person for another organisation is still the same participant
    expectProblem(await h.as.officer.post(url, { personId: researcher.id, organisationId: h.world.organisations.pfb, role: 'delegate' }), 409, 'role');
    expectProblem(await h.as.officer.post(url, { organisationId: h.world.organisations.pfb, role: 'guest' }), 409, 'role');
    expectProblem(await h.as.officer.patch(`${url}/${guest.body.id}`, { organisationId: null }), 400, 'organisationId');
    expectProblem(await h.as.officer.patch(`${url}/${guest.body.id}`, { organisationId: h.world.organisations.wfbb }), 400, 'organisationId');
    expectProblem(await h.as.officer.post(url, { role: 'guest' }), 400, 'personId');
    expectProblem(await h.as.officer.post(url, { personId: hidden.id, role: 'guest' }), 400, 'personId');
    expectProblem(await h.as.officer.post(url, { organisationId: h.world.organisations.wfbb, role: 'guest' }), 400, 'organisationId');
    expectProblem(await h.as.officer.post(url, { personId: researcher.id, role: 'tourist' }), 400, 'role');
    expectProblem(await h.as.officer.post(url, { personId: researcher.id, role: 'guest', attendance: 'maybe' }), 400, 'attendance');
    expectProblem(await h.as.officer.post(`/api/activities/${newId()}/participants`, { personId: researcher.id, role: 'guest' }), 404);
    expect(await tableCounts(h)).toEqual(before);
  });

  it('changes role and attendance with If-Match, and removes a participant', async () => {
    const activity = await createActivity(h.as.officer, { title: 'Attendance check' });
    const url = `/api/activities/${activity.id}/participants`;
    const a = (await h.as.officer.post(url, { organisationId: h.world.organisations.pfb, role: 'host' })).body;
    const b = (await h.as.officer.post(url, { organisationId: h.world.organisations.pfb, role: 'guest' })).body;
    const attended = await h.as.editor.patch(`${url}/${a.id}`, { attendance: 'attended' }, { ifMatch: '"1"' });
    expect(attended.status).toBe(200);
    expect(attended.body).toMatchObject({ role: 'host', attendance: 'attended', version: 2 });
    expectProblem(await h.as.editor.patch(`${url}/${a.id}`, { attendance: 'excused' }, { ifMatch: '"1"' }), 412);
    expectProblem(await h.as.editor.patch(`${url}/${b.id}`, { role: 'host' }), 409, 'role');
    expectProblem(await h.as.outsider.patch(`${url}/${a.id}`, { attendance: 'no_show' }), 404);
    expectProblem(await h.as.officer.patch(`${url}/${newId()}`, { attendance: 'no_show' }), 404);
    expect((await h.as.officer.delete(`${url}/${b.id}`)).status).toBe(204);
    expectProblem(await h.as.officer.delete(`${url}/${b.id}`), 404);
    expect((await h.as.officer.get(url)).body.items.map((p: { id: string }) => p.id)).toEqual([a.id]);
  });

  it('makes a participating organisation a stakeholder of the activity’s partnership (audited), so all its members see it', async () => {
    const activity = await createActivity(h.as.editor, { title: 'Stakeholder trip' });
    const voka = await createOrganisation(h.as.editor, { name: 'Voka Vlaams-Brabant', kind: 'cluster_intermediary', country: 'BE' });
    // recorded by PFB, in no partnership: the VRRN officer cannot see it yet
    expectProblem(await h.as.officer.get(`/api/organisations/${voka.id}`), 404);
    const added = await h.as.editor.post(`/api/activities/${activity.id}/participants`, { organisationId: voka.id, role: 'delegate' });
    expect(added.status).toBe(201);
    const seen = await h.as.officer.get(`/api/organisations/${voka.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.partnershipIds).toEqual([h.world.partnerships.p1]);
    expect(await auditActions(h, 'organisation', voka.id)).toEqual(['create', 'update']);
    // a party (PFB) is not made a stakeholder of its own partnership
    await h.as.editor.post(`/api/activities/${activity.id}/participants`, { organisationId: h.world.organisations.pfb, role: 'host' });
    expect((await firstRow(h, 'SELECT count(*) AS n FROM partnership_stakeholders WHERE organisation_id = ?', h.world.organisations.pfb))).toEqual({ n: 0 });
  });
});

describe('timelines of organisations and people', () => {
  it('show the activities they (or their people) take part in, merged with interactions by date and paged', async () => {
    const org = await createOrganisation(h.as.officer, { name: 'BioRN Cluster', kind: 'cluster_intermediary', country: 'DE', regionId: h.world.regions.rheinNeckar, partnershipIds: [h.world.partnerships.p1] });
    const person = await createPerson(h.as.officer, { name: 'Maria Becker', organisationId: org.id });
    await createInteraction(h.as.officer, { organisationId: org.id, occurredAt: '2025-01-10T10:00:00Z', summary: 'First call' });
    await createInteraction(h.as.officer, { personId: person.id, occurredAt: '2025-06-10T10:00:00Z', summary: 'Follow-up mail' });
    const early = await createActivity(h.as.officer, { title: 'Trip to Leuven 2025', startsAt: '2025-03-03T09:00', endsAt: '2025-03-04T17:00' });
    const late = await createActivity(h.as.officer, { title: 'Return visit 2025', type: 'administrative_visit', startsAt: '2025-09-15T09:00', endsAt: '2025-09-15T17:00', timeZone: 'Europe/Berlin' });
    const hidden = await createActivity(h.as.sysadmin, { title: 'P2 only', partnershipIds: [h.world.partnerships.p2], startsAt: '2025-05-05T09:00', endsAt: '2025-05-05T10:00' });
    await h.as.officer.post(`/api/activities/${early.id}/participants`, { organisationId: org.id, role: 'delegate' });
    await h.as.officer.post(`/api/activities/${late.id}/participants`, { personId: person.id, role: 'speaker' });
    await h.as.sysadmin.post(`/api/activities/${hidden.id}/participants`, { organisationId: org.id, role: 'guest' });

    const timeline = await allPages(h.as.officer, `/api/organisations/${org.id}/timeline?limit=1`);
    expect(timeline.pages).toBe(4);
    expect(timeline.items.map((e: any) => (e.type === 'activity' ? `activity:${e.activity.title}` : `interaction:${e.interaction.summary}`))).toEqual([
      'activity:Return visit 2025',
      'interaction:Follow-up mail',
      'activity:Trip to Leuven 2025',
      'interaction:First call'
    ]);
    expect(timeline.items[0]).toEqual({
      type: 'activity',
      at: '2025-09-15T07:00:00.000Z',
      activity: { id: late.id, title: 'Return visit 2025', type: 'administrative_visit', startsAt: '2025-09-15T07:00:00.000Z', timeZone: 'Europe/Berlin', status: 'planned' }
    });
    // the system administrator also sees the P2 activity
    const all = await allPages(h.as.sysadmin, `/api/organisations/${org.id}/timeline?limit=2`);
    expect(all.items.filter((e: any) => e.type === 'activity').map((e: any) => e.activity.title)).toEqual(['Return visit 2025', 'P2 only', 'Trip to Leuven 2025']);

    const ofPerson = await allPages(h.as.officer, `/api/people/${person.id}/timeline`);
    expect(ofPerson.items.map((e: any) => e.type)).toEqual(['activity', 'interaction']);
    expect(ofPerson.items[0].activity.id).toBe(late.id);
  });
});

describe('/api/activities/:id/agenda and /outcomes', () => {
  it('numbers agenda items in order, inserts, moves and closes gaps', async () => {
    const activity = await createActivity(h.as.officer, { title: 'Fachgruppe Smart Region', type: 'meeting', startsAt: '2026-11-24T10:00', endsAt: '2026-11-24T13:00' });
    const url = `/api/activities/${activity.id}/agenda`;
    const add = async (body: Record<string, unknown>) => {
      const reply = await h.as.officer.post(url, body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return reply.body;
    };
    const welcome = await add({ topic: 'Begrüßung', startsAt: '2026-11-24T10:00', presenter: 'Dr. Weber' });
    expect(welcome).toMatchObject({ number: 1, startsAt: '2026-11-24T09:00:00.000Z', localStartsAt: '2026-11-24T10:00', presenter: 'Dr. Weber', version: 1 });
    const inventory = await add({ topic: 'Projektinventar', counterpartOrganisationId: h.world.organisations.pfb, place: 'Raum 2' });
    expect(inventory).toMatchObject({ number: 2, counterpartOrganisationName: 'Provincie Vlaams-Brabant', place: 'Raum 2' });
    const misc = await add({ topic: 'Verschiedenes', position: 99 });
    expect(misc.number).toBe(3);
    const first = await add({ topic: 'Feststellung der Beschlussfähigkeit', position: 1 });
    expect(first.number).toBe(1);
    const order = async () => (await h.as.viewer.get(url)).body.items.map((i: { number: number; topic: string }) => `${i.number}. ${i.topic}`);
    expect(await order()).toEqual(['1. Feststellung der Beschlussfähigkeit', '2. Begrüßung', '3. Projektinventar', '4. Verschiedenes']);

    const moved = await h.as.officer.patch(`${url}/${misc.id}`, { position: 2, notes: 'Termine', decisions: 'Nächste Sitzung im Februar' }, { ifMatch: '"1"' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ number: 2, notes: 'Termine', decisions: 'Nächste Sitzung im Februar', version: 2 });
    expect(await order()).toEqual(['1. Feststellung der Beschlussfähigkeit', '2. Verschiedenes', '3. Begrüßung', '4. Projektinventar']);
    expect((await h.as.officer.patch(`${url}/${first.id}`, { position: 4 })).body.number).toBe(4);
    expect(await order()).toEqual(['1. Verschiedenes', '2. Begrüßung', '3. Projektinventar', '4. Feststellung der Beschlussfähigkeit']);
    expectProblem(await h.as.officer.patch(`${url}/${misc.id}`, { topic: 'Stale' }, { ifMatch: '"1"' }), 412);

    expect((await h.as.officer.delete(`${url}/${welcome.id}`)).status).toBe(204);
    expect(await order()).toEqual(['1. Verschiedenes', '2. Projektinventar', '3. Feststellung der Beschlussfähigkeit']);

    const before = await tableCounts(h);
    expectProblem(await h.as.officer.post(url, { topic: '' }), 400, 'topic');
    expectProblem(await h.as.officer.post(url, { topic: 'X', position: 0 }), 400, 'position');
    expectProblem(await h.as.officer.post(url, { topic: 'X', startsAt: 'morning' }), 400, 'startsAt');
    expectProblem(await h.as.officer.post(url, { topic: 'X', counterpartOrganisationId: h.world.organisations.wfbb }), 400, 'counterpartOrganisationId');
    expectProblem(await h.as.officer.patch(`${url}/${misc.id}`, { counterpartOrganisationId: 'no-such-organisation' }), 400, 'counterpartOrganisationId');
    expectProblem(await h.as.officer.patch(`${url}/${newId()}`, { topic: 'Nowhere' }), 404);
    expectProblem(await h.as.outsider.get(url), 404);
    expect(await tableCounts(h)).toEqual(before);
  });

  it('refuses an agenda time that the clocks skip', async () => {
    const activity = await createActivity(h.as.officer, { title: 'Overnight workshop', type: 'workshop', startsAt: '2026-03-28T20:00', endsAt: '2026-03-29T10:00' });
    expectProblem(await h.as.officer.post(`/api/activities/${activity.id}/agenda`, { topic: 'Night session', startsAt: '2026-03-29T02:15' }), 400, 'startsAt');
  });

  it('records outcomes (contacts, agreements, project leads, notes) and removes them', async () => {
    const activity = await createActivity(h.as.officer, { title: 'Outcome trip' });
    const url = `/api/activities/${activity.id}/outcomes`;
    const lead = await h.as.officer.post(url, { kind: 'project_lead', text: 'Interreg NWE idea on hydrogen logistics' });
    expect(lead.status).toBe(201);
    expect(lead.body).toMatchObject({ activityId: activity.id, kind: 'project_lead', text: 'Interreg NWE idea on hydrogen logistics', proposalId: null });
    const contact = await h.as.editor.post(url, { kind: 'contact', text: 'Met imec’s smart city team', proposalId: 'future-proposal' });
    expect(contact.body.proposalId).toBe('future-proposal');
    expect((await h.as.viewer.get(url)).body.items.map((o: { kind: string }) => o.kind)).toEqual(['project_lead', 'contact']);
    const before = await tableCounts(h);
    expectProblem(await h.as.officer.post(url, { kind: 'gossip', text: 'x' }), 400, 'kind');
    expectProblem(await h.as.officer.post(url, { kind: 'note', text: ' ' }), 400, 'text');
    expectProblem(await h.as.officer.delete(`${url}/${newId()}`), 404);
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.officer.delete(`${url}/${lead.body.id}`)).status).toBe(204);
    expect((await h.as.viewer.get(url)).body.items).toHaveLength(1);
    expect(await auditActions(h, 'activity', activity.id)).toEqual(['create', 'update', 'update', 'update']);
  });
});

describe('/api/activities/:id/minutes.docx', () => {
  it('writes the minutes: date and place, attendance, numbered agenda, next steps and the next meeting', async () => {
    const meeting = await createActivity(h.as.officer, {
      title: 'Fachgruppe Smart Region – 3. Sitzung',
      type: 'meeting',
      startsAt: '2026-11-24T10:00',
      endsAt: '2026-11-24T13:00',
      timeZone: 'Europe/Berlin',
      venue: 'Haus der Wirtschaft',
      city: 'Frankfurt am Main',
      country: 'DE',
      nextMeetingAt: '2027-02-16T10:00'
    });
    const url = `/api/activities/${meeting.id}`;
    const present = await createPerson(h.as.officer, { name: 'Jörg Müller', organisationId: h.world.organisations.vrrn });
    const excused = await createPerson(h.as.officer, { name: 'Els Janssens', organisationId: h.world.organisations.pfb });
    await h.as.officer.post(`${url}/participants`, { personId: present.id, role: 'delegate', attendance: 'attended' });
    await h.as.officer.post(`${url}/participants`, { personId: excused.id, role: 'delegate', attendance: 'excused' });
    await h.as.officer.post(`${url}/agenda`, { topic: 'Begrüßung', presenter: 'Jörg Müller', notes: 'Vorstellungsrunde' });
    await h.as.officer.post(`${url}/agenda`, { topic: 'Projektinventar', notes: 'Datenbank nach Sektor, Ortsgröße und Technologie', decisions: 'Karte bis März' });
    await await runSql(h, "INSERT INTO tasks (id, kind, title, owner_id, due_on, subject_type, subject_id, partnership_id) VALUES (?, 'next_step', ?, ?, ?, 'activity', ?, ?)", newId(), 'Projektsteckbriefe sammeln', h.world.users.officer.id, '2027-01-15', meeting.id, h.world.partnerships.p1);
    await await runSql(h, "INSERT INTO tasks (id, kind, title, owner_id, due_on, status, subject_type, subject_id) VALUES (?, 'next_step', ?, NULL, ?, 'cancelled', 'activity', ?)", newId(), 'Dropped step', '2027-01-10', meeting.id);

    const response = await download(h.world.users.viewer.token, `${url}/minutes.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="minutes-fachgruppe-smart-region-3-sitzung-2026-11-24\.docx"/);
    const text = await documentText(response);
    const lines = text.split('\n');
    const joined = lines.join('|');
    expect(lines[0]).toBe('Minutes: Fachgruppe Smart Region – 3. Sitzung');
    expect(text).toContain('Date: 24 November 2026, 10:00–13:00 (Europe/Berlin)');
    expect(text).toContain('Place: Haus der Wirtschaft, Frankfurt am Main, DE');
    expect(lines.indexOf('Attendance')).toBeGreaterThan(0);
    expect(joined).toContain('Name|Institution|Present / excused|Jörg Müller|Verband Region Rhein-Neckar|present|Els Janssens|Provincie Vlaams-Brabant|excused|Agenda');
    expect(lines).toContain('1. Begrüßung');
    expect(lines).toContain('Presenter: Jörg Müller');
    expect(lines).toContain('2. Projektinventar');
    expect(lines).toContain('Karte bis März');
    expect(lines.indexOf('Next steps')).toBeGreaterThan(lines.indexOf('2. Projektinventar'));
    expect(joined).toContain('Next steps|What|Who|By when|Projektsteckbriefe sammeln|Officer|15 January 2027|Next meeting');
    expect(text).not.toContain('Dropped step');
    expect(lines[lines.length - 1]).toBe('Next meeting: 16 February 2027, 10:00 (Europe/Berlin)');

    const german = await documentText(await download(h.world.users.officer.token, `${url}/minutes.docx?lang=de`));
    expect(german).toContain('Protokoll: Fachgruppe Smart Region – 3. Sitzung');
    expect(german).toContain('Datum: 24. November 2026, 10:00–13:00 (Europe/Berlin)');
    expect(german.split('\n').join('|')).toContain('Jörg Müller|Verband Region Rhein-Neckar|anwesend');
    expect(german).toContain('Nächste Schritte');
    expect(german).toContain('Nächste Sitzung: 16. Februar 2027, 10:00 (Europe/Berlin)');
    const dutch = (await documentText(await download(h.world.users.officer.token, `${url}/minutes.docx?lang=nl`))).split('\n');
    expect(dutch[0]).toBe('Verslag: Fachgruppe Smart Region – 3. Sitzung');
    expect(dutch).toContain('Datum: 24 november 2026, 10:00–13:00 (Europe/Berlin)');
    expect(dutch.join('|')).toContain('Naam|Instelling|Aanwezig / verontschuldigd|Jörg Müller|Verband Region Rhein-Neckar|aanwezig|Els Janssens|Provincie Vlaams-Brabant|verontschuldigd|Agenda');
    expect(dutch).toContain('Spreker: Jörg Müller');
    expect(dutch.join('|')).toContain('Volgende stappen|Wat|Wie|Tegen wanneer|Projektsteckbriefe sammeln|Officer|15 januari 2027|Volgende vergadering');
    expect(dutch.at(-1)).toBe('Volgende vergadering: 16 februari 2027, 10:00 (Europe/Berlin)');
    // without ?lang, in the reader's account language, the file's name too
    expect((await h.as.viewer.put('/api/auth/me/locale', { locale: 'nl' })).status).toBe(204);
    const own = await download(h.world.users.viewer.token, `${url}/minutes.docx`);
    expect(own.headers.get('content-disposition')).toMatch(/^attachment; filename="verslag-fachgruppe-smart-region-3-sitzung-2026-11-24\.docx"/);
    expect((await documentText(own)).split('\n')[0]).toBe('Verslag: Fachgruppe Smart Region – 3. Sitzung');
    expect((await h.as.viewer.put('/api/auth/me/locale', { locale: 'en' })).status).toBe(204);
    expectProblem(await h.as.officer.get(`${url}/minutes.docx?lang=fr`), 400, 'query.lang');
  });

  it('writes minutes of an empty activity too, and hides names the reader may not see', async () => {
    const activity = await createActivity(h.as.sysadmin, { title: 'Empty meeting', type: 'meeting' });
    const stranger = await createPerson(h.as.outsider, { name: 'Private Person' });
    await h.as.sysadmin.post(`/api/activities/${activity.id}/participants`, { personId: stranger.id, role: 'guest', attendance: 'attended' });
    const text = await documentText(await download(h.world.users.officer.token, `/api/activities/${activity.id}/minutes.docx`));
    expect(text).toContain('(not visible to you)');
    expect(text).not.toContain('Private Person');
    expect(text).toContain('No agenda items recorded.');
    expect(text).toContain('No next steps recorded.');
    expect(text).toContain('Next meeting: not set yet');
    expect(text).toContain('Date: 29 March 2026, 09:00 – 30 March 2026, 17:00 (Europe/Brussels)');
  });
});

describe('the audit trail of an activity', () => {
  it('is readable by whoever sees the activity and lists its participants’ changes', async () => {
    const activity = await createActivity(h.as.officer, { title: 'Audited trip' });
    await h.as.officer.post(`/api/activities/${activity.id}/participants`, { organisationId: h.world.organisations.pfb, role: 'host' });
    const trail = await h.as.viewer.get(`/api/audit?entityType=activity&entityId=${activity.id}`);
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(trail.body.items[0].before).toEqual({ participant: null });
    expect(trail.body.items[0].after.participant).toMatchObject({ organisationId: h.world.organisations.pfb, role: 'host' });
    expectProblem(await h.as.outsider.get(`/api/audit?entityType=activity&entityId=${activity.id}`), 404);
  });
});

describe('deleting an activity', () => {
  it('leaves an audit event for each of its costs, in the same transaction', async () => {
    const activity = await createActivity(h.as.officer, { title: 'Trip with costs' });
    const cost = await h.as.officer.post(`/api/activities/${activity.id}/costs`, { category: 'travel', amount: '120.50', currency: 'EUR' });
    expect(cost.status, JSON.stringify(cost.body)).toBe(201);
    expect((await h.as.officer.delete(`/api/activities/${activity.id}`)).status).toBe(204);
    const rows = (await allRows(h, "SELECT action FROM audit_events WHERE entity_type = 'cost' AND entity_id = ? ORDER BY at", cost.body.id)) as { action: string }[];
    expect(rows.map((r) => r.action)).toEqual(['create', 'delete']);
  });
});
