/**
 * POST /api/calls/import through the real app on a real SQLite file: both
 * portal forms from the fixtures, the dry run that writes nothing, the
 * import, the re-import that changes nothing, a moved deadline recorded and
 * told to the watchers, broken files refused whole, permissions, limits,
 * NDJSON progress, and a large generated file streamed from disk (its
 * memory use is printed, never asserted).
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem, type Reply } from '../../support/http.js';
import type { UserKey } from '../../support/world.js';
import { allRows, firstRow, refuseInserts } from '../../support/sql.js';

const NOW = '2026-11-23T10:00:00Z';
const fixtureText = (name: string) => readFileSync(new URL(`../../fixtures/portal/${name}`, import.meta.url), 'utf8');
const BULK = fixtureText('grantsTenders.json');
const SEARCH = fixtureText('search-api.json');

let h: ClockedHarness;
beforeAll(async () => {
  h = await clockedHarness(NOW);
});
afterAll(() => h.close());

interface Upload {
  dryRun?: boolean;
  accept?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Sends a body (text or a stream) to the import as a user, through the real app. */
async function upload(to: ClockedHarness, who: UserKey | null, body: string | ReadableStream<Uint8Array> | null, options: Upload = {}): Promise<Reply & { text: string }> {
  const headers: Record<string, string> = { 'Content-Type': options.contentType ?? 'application/json', ...options.headers };
  if (who) headers.Authorization = `Bearer ${to.world.users[who].token}`;
  if (options.accept) headers.Accept = options.accept;
  const init: RequestInit & { duplex?: 'half' } = { method: 'POST', headers, body };
  if (body instanceof ReadableStream) init.duplex = 'half';
  const response = await to.app.request(`/api/calls/import${options.dryRun ? '?dryRun=true' : ''}`, init);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* NDJSON or text */
  }
  return { status: response.status, headers: response.headers, body: parsed as any, text };
}

const importAs = (who: UserKey | null, body: string | ReadableStream<Uint8Array> | null, options?: Upload) => upload(h, who, body, options);

async function callId(identifier: string): Promise<string> {
  const row = (await firstRow(h, 'SELECT id FROM calls WHERE identifier = ?', identifier)) as { id: string } | undefined;
  if (!row) throw new Error(`no call ${identifier}`);
  return row.id;
}

const count = async (text: string, ...args: unknown[]) => Number((await firstRow<{ n: number }>(h, text, ...args))!.n);

/** The bulk fixture with one record changed. */
function bulkWith(index: number, change: Record<string, unknown>): string {
  const file = JSON.parse(BULK);
  Object.assign(file.fundingData.GrantTenderObj[index], change);
  return JSON.stringify(file);
}

describe('a dry run', () => {
  it('counts what an import would do, lists each invalid and skipped record with its reason, and writes nothing', async () => {
    const before = await tableCounts(h);
    const reply = await importAs('officer', BULK, { dryRun: true });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({
      id: null,
      dryRun: true,
      format: 'grants-tenders',
      records: 15,
      bytes: Buffer.byteLength(BULK),
      counts: { new: 10, changed: 0, unchanged: 0, invalid: 2, skipped: 3 },
      deadlineChanges: 0,
      notified: 0,
      truncated: false
    });
    expect(reply.body.invalid).toEqual([
      { index: 8, identifier: null, path: 'fundingData.GrantTenderObj.8.identifier', code: 'problems_funding_import_noIdentifier', params: {}, message: 'The record has no identifier.' },
      { index: 9, identifier: 'ERASMUS-EDU-2027-PI-ALL-INNO', path: 'fundingData.GrantTenderObj.9.deadlineDatesLong.0', code: 'problems_funding_import_notDeadline', params: { value: '1804118400' }, message: '1804118400 is not a deadline date.' }
    ]);
    expect(reply.body.skipped.map((s: { identifier: string; message: string }) => [s.identifier, s.message])).toEqual([
      ['EISMEA/2027/OP/0003', 'Only grant topics (type 1) are imported; this is a call for tenders.'],
      ['HORIZON-EIE-2027-PRIZE-WOMEN-INNOVATORS', 'Only grant topics (type 1) are imported; this is a record of type 8.'],
      ['HORIZON-CL5-2027-D3-01-05', 'The file lists this topic again (first as record 0); only the first is imported.']
    ]);
    expect(reply.body.warnings).toEqual([
      expect.objectContaining({ identifier: 'EDF-2027-DA-SPACE-SSA', message: expect.stringContaining('The programme EDF (44181033) is not in the catalogue') })
    ]);
    expect(reply.body.calls).toHaveLength(10);
    expect(reply.body.calls[0]).toEqual({
      identifier: 'HORIZON-CL5-2027-D3-01-05',
      title: 'Next-generation thin-film photovoltaic modules for building integration',
      outcome: 'new',
      callId: null,
      fields: [],
      deadlineChanged: false
    });
    expect(await tableCounts(h)).toEqual(before);
  });

  it('reads the search API form too', async () => {
    const before = await tableCounts(h);
    const reply = await importAs('editor', SEARCH, { dryRun: true });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ format: 'search-api', records: 12, counts: { new: 8, changed: 0, unchanged: 0, invalid: 2, skipped: 2 } });
    expect(reply.body.invalid.map((i: { path: string }) => i.path)).toEqual(['results.9.metadata', 'results.10.metadata.deadlineDate.0']);
    expect(await tableCounts(h)).toEqual(before);
  });
});

describe('importing the bulk grantsTenders.json', () => {
  let summary: any;
  beforeAll(async () => {
    const reply = await importAs('officer', BULK);
    expect(reply.status, reply.text).toBe(200);
    summary = reply.body;
  });

  it('answers the counts and records the import', async () => {
    expect(summary).toMatchObject({ dryRun: false, format: 'grants-tenders', counts: { new: 10, changed: 0, unchanged: 0, invalid: 2, skipped: 3 } });
    const row = (await firstRow(h, 'SELECT * FROM call_imports WHERE id = ?', summary.id)) as Record<string, unknown>;
    expect(row).toMatchObject({ user_id: h.world.users.officer.id, format: 'grants-tenders', dry_run: 0 });
    expect(JSON.parse(row.counts as string)).toEqual({ new: 10, changed: 0, unchanged: 0, invalid: 2, skipped: 3 });
    expect(summary.calls.every((c: { callId: string | null }) => c.callId !== null)).toBe(true);
  });

  it('stores a single-stage topic with its real 17:00 Brussels deadline, programme, budget share and the topic page', async () => {
    const call = (await h.as.viewer.get(`/api/calls/${(await callId('HORIZON-CL5-2027-D3-01-05'))}`)).body;
    expect(call).toMatchObject({
      title: 'Next-generation thin-film photovoltaic modules for building integration',
      programme: { code: 'HORIZON' },
      actionType: 'HORIZON Research and Innovation Actions',
      deadlineModel: 'single_stage',
      budgetCents: 1_200_000_000,
      expectedGrants: 3,
      minContributionCents: 350_000_000,
      maxContributionCents: 400_000_000,
      keywords: ['Photovoltaics', 'Renewable energy', 'Buildings', 'BIPV'],
      link: 'https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/horizon-cl5-2027-d3-01-05',
      source: 'portal',
      portalStatus: 'open',
      importedAt: '2026-11-23T10:00:00.000Z',
      openingAt: '2026-12-14T23:00:00.000Z',
      status: 'forthcoming'
    });
    expect(call.deadlines).toEqual([expect.objectContaining({ at: '2027-04-15T15:00:00.000Z', timeZone: 'Europe/Brussels', local: '2027-04-15T17:00', assumed: false })]);
  });

  it('places date-only deadlines at 17:00 Brussels in their own season, marked assumed', async () => {
    const twoStage = (await h.as.viewer.get(`/api/calls/${(await callId('HORIZON-CL6-2027-FARM2FORK-01-03-two-stage'))}`)).body;
    expect(twoStage.deadlineModel).toBe('two_stage');
    expect(twoStage.deadlines.map((d: any) => [d.at, d.local, d.assumed])).toEqual([
      ['2027-02-18T16:00:00.000Z', '2027-02-18T17:00', true],
      ['2027-09-08T15:00:00.000Z', '2027-09-08T17:00', true]
    ]);
    const brusselsMidnight = (await h.as.viewer.get(`/api/calls/${(await callId('LIFE-2027-SAP-NAT-NATURE'))}`)).body;
    expect(brusselsMidnight).toMatchObject({ programme: { code: 'LIFE' }, deadlines: [expect.objectContaining({ local: '2027-09-24T17:00', assumed: true })] });
  });

  it('stores the cut-offs of a multiple cut-off topic in order, and forthcoming topics without a deadline', async () => {
    const eic = (await h.as.viewer.get(`/api/calls/${(await callId('HORIZON-EIC-2027-ACCELERATOR-01'))}`)).body;
    expect(eic.deadlines.map((d: any) => d.local)).toEqual(['2027-03-10T17:00', '2027-06-09T17:00', '2027-10-06T17:00']);
    for (const identifier of ['HORIZON-CL4-2027-DIGITAL-EMERGING-02-12', 'DIGITAL-2027-AI-08-GENAI-REGIONS']) {
      const call = (await h.as.viewer.get(`/api/calls/${(await callId(identifier))}`)).body;
      expect(call.deadlines).toEqual([]);
      expect(call.status).toBe('forthcoming');
    }
  });

  it('derives the status from the dates, never from the file', async () => {
    // the portal says "Closed", the deadline is ahead
    expect((await h.as.viewer.get(`/api/calls/${(await callId('CERV-2027-CITIZENS-TOWN-TT'))}`)).body).toMatchObject({ portalStatus: 'closed', status: 'open' });
    // the portal says "Open", the deadline has passed
    expect((await h.as.viewer.get(`/api/calls/${(await callId('HORIZON-MSCA-2025-DN-01-01'))}`)).body).toMatchObject({ portalStatus: 'open', status: 'closed' });
  });

  it('imports a topic of an unknown programme without one, and maps SMP-COSME to the Single Market Programme', async () => {
    expect((await h.as.viewer.get(`/api/calls/${(await callId('EDF-2027-DA-SPACE-SSA'))}`)).body).toMatchObject({ programmeId: null });
    expect((await h.as.viewer.get(`/api/calls/${(await callId('SMP-COSME-2027-CLUSTER-01'))}`)).body).toMatchObject({ programme: { code: 'SMP' } });
  });

  it('leaves tenders, other records and broken ones out', async () => {
    for (const identifier of ['EISMEA/2027/OP/0003', 'HORIZON-EIE-2027-PRIZE-WOMEN-INNOVATORS', 'ERASMUS-EDU-2027-PI-ALL-INNO']) {
      expect((await count('SELECT count(*) AS n FROM calls WHERE identifier = ?', identifier))).toBe(0);
    }
  });

  it('leaves an audit event for each new call, by the one who imported', async () => {
    const id = (await callId('HORIZON-CL5-2027-D3-01-05'));
    const events = (await allRows(h, "SELECT action, actor_id, after FROM audit_events WHERE entity_type = 'call' AND entity_id = ?", id)) as any[];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'create', actor_id: h.world.users.officer.id });
    expect(JSON.parse(events[0].after)).toMatchObject({ identifier: 'HORIZON-CL5-2027-D3-01-05', budgetCents: 1_200_000_000 });
    expect(JSON.parse(events[0].after)).not.toHaveProperty('status');
  });

  it('changes nothing when the same file comes again: no version, no audit event, no deadline change', async () => {
    const before = await tableCounts(h);
    const versions = (await allRows(h, 'SELECT id, version, updated_at FROM calls ORDER BY id'));
    const again = await importAs('editor', BULK);
    expect(again.status, again.text).toBe(200);
    expect(again.body.counts).toEqual({ new: 0, changed: 0, unchanged: 10, invalid: 2, skipped: 3 });
    expect(again.body.calls).toEqual([]);
    expect((await allRows(h, 'SELECT id, version, updated_at FROM calls ORDER BY id'))).toEqual(versions);
    // only the record of the import itself is new
    expect(await tableCounts(h)).toEqual({ ...before, call_imports: before.call_imports! + 1 });
  });

  it('reads the same topics from the search API form as unchanged, and adds the others', async () => {
    const reply = await importAs('officer', SEARCH);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.counts).toEqual({ new: 6, changed: 0, unchanged: 2, invalid: 2, skipped: 2 });
    const assumed = (await h.as.viewer.get(`/api/calls/${(await callId('HORIZON-CL2-2027-TRANSFORMATIONS-01-04'))}`)).body;
    expect(assumed.deadlines).toEqual([expect.objectContaining({ at: '2027-04-15T15:00:00.000Z', assumed: true })]);
    const pathfinder = (await h.as.viewer.get(`/api/calls/${(await callId('HORIZON-EIC-2027-PATHFINDEROPEN-01'))}`)).body;
    expect(pathfinder.deadlines.map((d: any) => [d.local, d.assumed])).toEqual([
      ['2027-02-24T17:00', false],
      ['2027-05-06T17:00', false],
      ['2027-11-17T17:00', false]
    ]);
    expect((await h.as.viewer.get(`/api/calls/${(await callId('EU4H-2027-PJ-04'))}`)).body).toMatchObject({ budgetCents: null, portalStatus: 'closed', status: 'open' });
  });
});

describe('a changed deadline', () => {
  it('is recorded once, told to everyone watching the call ("The deadline changed from … to …"), and the rest stays', async () => {
    const id = (await callId('HORIZON-CL5-2027-D3-01-05'));
    for (const who of ['officer', 'editor'] as const) expect((await h.as[who].put(`/api/calls/${id}/watch`)).status).toBe(200);
    const version = (await h.as.viewer.get(`/api/calls/${id}`)).body.version;
    // a person's own additions to the call survive every import
    const patched = await h.as.officer.patch(`/api/calls/${id}`, { description: 'Our notes on the topic', cofinancingRate: '1.00' }, { ifMatch: `"${version}"` });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const deadlineRow = (await firstRow(h, 'SELECT id FROM call_deadlines WHERE call_id = ?', id)) as { id: string };

    h.setNow('2026-12-01T09:00:00Z');
    const moved = bulkWith(0, { deadlineDatesLong: [Date.parse('2027-04-22T15:00:00Z')] });
    const dry = await importAs('officer', moved, { dryRun: true });
    expect(dry.body.counts).toMatchObject({ changed: 1, unchanged: 9 });
    expect(dry.body.calls).toEqual([expect.objectContaining({ identifier: 'HORIZON-CL5-2027-D3-01-05', outcome: 'changed', callId: id, fields: ['deadlines'], deadlineChanged: true })]);
    expect((await count('SELECT count(*) AS n FROM call_deadline_changes'))).toBe(0);

    const reply = await importAs('officer', moved);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ counts: { new: 0, changed: 1, unchanged: 9 }, deadlineChanges: 1, notified: 2 });

    const changes = (await allRows(h, 'SELECT * FROM call_deadline_changes WHERE call_id = ?', id)) as any[];
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ import_id: reply.body.id, at: '2026-12-01T09:00:00.000Z' });
    expect(JSON.parse(changes[0].before)).toEqual([{ position: 0, label: null, at: '2027-04-15T15:00:00.000Z', timeZone: 'Europe/Brussels' }]);
    expect(JSON.parse(changes[0].after)).toEqual([{ position: 0, label: null, at: '2027-04-22T15:00:00.000Z', timeZone: 'Europe/Brussels' }]);

    for (const who of ['officer', 'editor'] as const) {
      const inbox = (await h.as[who].get('/api/notifications')).body.items;
      expect(inbox).toHaveLength(1);
      expect(inbox[0].text).toContain('The deadline changed from Thu 15 Apr 2027, 17:00 Brussels time to Thu 22 Apr 2027, 17:00 Brussels time');
      expect(inbox[0].text).toContain('HORIZON-CL5-2027-D3-01-05');
      expect(inbox[0].kind).toBe('deadline_changed');
    }
    expect((await h.as.viewer.get('/api/notifications')).body.items).toEqual([]);

    const call = (await h.as.viewer.get(`/api/calls/${id}`)).body;
    expect(call).toMatchObject({ description: 'Our notes on the topic', cofinancingRate: '1.00', version: version + 2, importedAt: '2026-12-01T09:00:00.000Z' });
    // the deadline row keeps its id: reminders already sent for it stay recorded
    expect(call.deadlines).toEqual([expect.objectContaining({ id: deadlineRow.id, local: '2027-04-22T17:00' })]);
    const actions = ((await allRows(h, "SELECT action FROM audit_events WHERE entity_type = 'call' AND entity_id = ? ORDER BY at, id", id)) as any[]).map((e) => e.action);
    expect(actions).toEqual(['create', 'update', 'update']);

    // the same moved file again: nothing new to tell
    const again = await importAs('officer', moved);
    expect(again.body).toMatchObject({ counts: { changed: 0, unchanged: 10 }, notified: 0 });
    expect((await count('SELECT count(*) AS n FROM call_deadline_changes'))).toBe(1);
    expect((await count('SELECT count(*) AS n FROM notifications'))).toBe(2);
    h.setNow(NOW);
  });

  it('never lets an assumed time overwrite one a person confirmed for the same date', async () => {
    const id = (await callId('LIFE-2027-SAP-NAT-NATURE'));
    const call = (await h.as.viewer.get(`/api/calls/${id}`)).body;
    const confirmed = await h.as.editor.patch(`/api/calls/${id}`, { deadlines: [{ at: '2027-09-24T16:00', timeZone: 'Europe/Brussels', label: 'Full proposal' }] }, { ifMatch: `"${call.version}"` });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.deadlines).toEqual([expect.objectContaining({ local: '2027-09-24T16:00', assumed: false })]);

    const reply = await importAs('officer', BULK);
    expect(reply.body.calls.find((c: { identifier: string }) => c.identifier === 'LIFE-2027-SAP-NAT-NATURE')).toBeUndefined();
    expect((await h.as.viewer.get(`/api/calls/${id}`)).body.deadlines).toEqual([expect.objectContaining({ local: '2027-09-24T16:00', label: 'Full proposal', assumed: false })]);

    // a real time from the portal on another date still wins, and the label stays
    const moved = bulkWith(5, { deadlineDatesLong: [Date.parse('2027-10-01T15:00:00Z')] });
    const changed = await importAs('officer', moved);
    expect(changed.body.calls.find((c: { identifier: string }) => c.identifier === 'LIFE-2027-SAP-NAT-NATURE')).toMatchObject({ deadlineChanged: true });
    expect((await h.as.viewer.get(`/api/calls/${id}`)).body.deadlines).toEqual([expect.objectContaining({ local: '2027-10-01T17:00', label: 'Full proposal', assumed: false })]);
  });

  it('keeps what the file leaves out: a forthcoming topic without dates does not erase deadlines a person entered', async () => {
    const id = (await callId('HORIZON-CL4-2027-DIGITAL-EMERGING-02-12'));
    const call = (await h.as.viewer.get(`/api/calls/${id}`)).body;
    const entered = await h.as.officer.patch(`/api/calls/${id}`, { deadlines: [{ at: '2027-09-16' }], budget: '5000000.00' }, { ifMatch: `"${call.version}"` });
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    const reply = await importAs('officer', BULK, { dryRun: true });
    expect(reply.body.calls.find((c: { identifier: string }) => c.identifier === 'HORIZON-CL4-2027-DIGITAL-EMERGING-02-12')).toBeUndefined();
  });
});

describe('the programme’s own cut-off', () => {
  it('assumes 12:00 Brussels for an Interreg North-West Europe deadline given as a date', async () => {
    const file = JSON.stringify({
      fundingData: {
        GrantTenderObj: [
          { type: 1, identifier: 'INTERREG-NWE-2027-CALL-03-01', title: 'Circular construction in NWE regions', frameworkProgramme: { abbreviation: 'INTERREG' }, deadlineDatesLong: [Date.parse('2027-03-11T00:00:00Z')] }
        ]
      }
    });
    const reply = await importAs('officer', file);
    expect(reply.body.counts.new).toBe(1);
    const call = (await h.as.viewer.get(`/api/calls/${(await callId('INTERREG-NWE-2027-CALL-03-01'))}`)).body;
    expect(call).toMatchObject({ programme: { code: 'INTERREG-NWE' }, deadlines: [expect.objectContaining({ at: '2027-03-11T11:00:00.000Z', local: '2027-03-11T12:00', assumed: true })] });
  });
});

describe('files that are not portal files', () => {
  const broken: [string, string][] = [
    ['broken JSON', '{"fundingData":{"GrantTenderObj":[{"type":1,"identifier":"A-1","title":"A",}]}}'],
    ['a file cut short', BULK.slice(0, 4000)],
    ['JSON of neither form', '{"hits":[{"identifier":"A-1"}]}'],
    ['an empty body', '']
  ];
  for (const [what, body] of broken) {
    it(`refuses ${what} with 400 problem+json, in a dry run and a real one, writing nothing`, async () => {
      const before = await tableCounts(h);
      for (const dryRun of [true, false]) {
        const reply = await importAs('officer', body, { dryRun });
        expectProblem(reply, 400, '');
        expect(reply.body.detail).toMatch(/^This is not a portal file RegioDesk can read: /);
      }
      expect(await tableCounts(h)).toEqual(before);
    });
  }

  it('writes nothing when the JSON breaks after many good records (the whole file is checked first)', async () => {
    const before = await tableCounts(h);
    const file = JSON.parse(SEARCH);
    file.results.forEach((r: any, i: number) => {
      if (r.metadata) r.metadata.identifier = [`LATE-BREAK-${i}`];
    });
    const reply = await importAs('officer', JSON.stringify(file).replace(/]\s*,\s*"warnings"[\s\S]*$/, '], "warnings": [}'));
    expectProblem(reply, 400, '');
    expect(await tableCounts(h)).toEqual(before);
  });

  it('wants the file as JSON', async () => {
    expectProblem(await importAs('officer', BULK, { contentType: 'text/plain' }), 415);
  });
});

describe('who may import', () => {
  it('needs a signed-in user with a writing role somewhere', async () => {
    const before = await tableCounts(h);
    expectProblem(await importAs(null, BULK), 401);
    expectProblem(await importAs('viewer', BULK), 403);
    expectProblem(await importAs('viewer', BULK, { dryRun: true }), 403);
    expect(await tableCounts(h)).toEqual(before);
  });

  it('lets an officer of any partnership import (calls are shared reference data)', async () => {
    const reply = await importAs('outsider', BULK, { dryRun: true });
    expect(reply.status, reply.text).toBe(200);
  });

  it('refuses a dry-run value it does not know', async () => {
    const response = await h.app.request('/api/calls/import?dryRun=maybe', {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.world.users.officer.token}`, 'Content-Type': 'application/json' },
      body: BULK
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].path).toBe('query.dryRun');
  });
});

describe('size limits', () => {
  it('takes a file far above the general 1 MB body limit, and stops at REGIODESK_MAX_IMPORT_BYTES', async () => {
    const small = await clockedHarness(NOW, { REGIODESK_MAX_IMPORT_BYTES: '10000', REGIODESK_MAX_BODY_BYTES: '1000' });
    try {
      // 8.8 KB: above the general limit of this server (1000 bytes), within its import limit
      const fits = await upload(small, 'officer', SEARCH, { dryRun: true, headers: { 'Content-Length': String(Buffer.byteLength(SEARCH)) } });
      expect(fits.status, fits.text).toBe(200);
      expect(fits.body.records).toBe(12);
      const before = await tableCounts(small);
      // declared too large: refused before reading
      expectProblem(await upload(small, 'officer', BULK, { headers: { 'Content-Length': String(Buffer.byteLength(BULK)) } }), 413);
      // streamed without a length: refused once the bytes pass the limit, also in a real import
      expectProblem(await upload(small, 'officer', new Blob([BULK]).stream()), 413);
      expectProblem(await upload(small, 'officer', new Blob([BULK]).stream(), { dryRun: true }), 413);
      expect(await tableCounts(small)).toEqual(before);
    } finally {
      await small.close();
    }
  });
});

describe('progress as NDJSON', () => {
  it('streams progress lines for both phases, then the summary', async () => {
    const reply = await importAs('officer', BULK, { accept: 'application/x-ndjson' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = reply.text.trim().split('\n').map((line) => JSON.parse(line));
    const progress = lines.filter((l) => l.type === 'progress');
    expect(progress.map((p) => p.phase)).toEqual(['receiving', 'writing']);
    expect(progress.at(-1)).toEqual({ type: 'progress', phase: 'writing', processed: 15, bytes: Buffer.byteLength(BULK) });
    expect(lines.at(-1)).toMatchObject({ type: 'summary', summary: { dryRun: false, records: 15, counts: { invalid: 2, skipped: 3 } } });
  });

  it('ends with a problem line when the file turns out broken', async () => {
    const reply = await importAs('officer', BULK.slice(0, 3000), { accept: 'application/x-ndjson', dryRun: true });
    expect(reply.status).toBe(200);
    const last = JSON.parse(reply.text.trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ type: 'problem', problem: { status: 400, title: 'Validation failed', errors: [{ path: '' }] } });
  });

  it('ends with the one 500 problem, saying what stays, when writing fails unforeseen half-way', async () => {
    const faulty = await clockedHarness(NOW);
    try {
      // a fault no rule foresees: the database refuses the third new call
      await refuseInserts(faulty, 'refuse_third_call', 'calls', 'the disk controller hiccuped', 2);
      const reply = await upload(faulty, 'officer', BULK, { accept: 'application/x-ndjson' });
      expect(reply.status).toBe(200);
      const lines = reply.text.trim().split('\n').map((line) => JSON.parse(line));
      // the answer had begun (progress of the file read), so the problem comes as the stream's last line
      expect(lines[0]).toMatchObject({ type: 'progress', phase: 'receiving' });
      expect(lines.some((l) => l.type === 'summary')).toBe(false);
      expect(lines.at(-1)).toEqual({
        type: 'problem',
        problem: {
          type: 'https://regiodesk.eu/problems/internal-error',
          title: 'Internal error',
          status: 500,
          code: 'problems_importInterrupted',
          params: {},
          detail: 'Something went wrong on our side; the batches already written stay. Import the same file again to finish, and tell an administrator if it keeps happening.'
        }
      });
    } finally {
      await faulty.close();
    }
  });

  it('still refuses a viewer with a plain 403 before streaming', async () => {
    expectProblem(await importAs('viewer', BULK, { accept: 'application/x-ndjson' }), 403);
  });
});

/** Writes a bulk file of `topics` grant topics (plus tenders and broken records) to disk, record by record. */
async function generateBulkFile(path: string, topics: number): Promise<{ grants: number; twoStage: number; tenders: number; invalid: number }> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  // topic texts make records of about 8 KB: a file of over 20 MB from a few thousand records
  const filler = 'Expected Outcome: regions and cities cooperate across borders on the energy transition. '.repeat(90);
  let grants = 0;
  let twoStage = 0;
  let tenders = 0;
  let invalid = 0;
  await write('{"fundingData":{"GrantTenderObj":[');
  for (let i = 0; i < topics; i++) {
    const first = Date.parse('2027-01-14T00:00:00Z') + (i % 300) * 86_400_000;
    let record: Record<string, unknown>;
    if (i % 10 === 7) {
      tenders += 1;
      record = { type: 2, identifier: `EISMEA/2027/OP/${String(i).padStart(5, '0')}`, title: `Tender ${i}`, deadlineDatesLong: [first], description: filler };
    } else if (i % 97 === 3) {
      invalid += 1;
      record = { type: 1, identifier: `HORIZON-BROKEN-${i}`, title: `Broken ${i}`, deadlineDatesLong: ['next spring'] };
    } else {
      grants += 1;
      const stages = i % 5 === 0;
      if (stages) twoStage += 1;
      record = {
        type: 1,
        ccm2Id: 50_000_000 + i,
        identifier: `HORIZON-CL${(i % 6) + 1}-2027-GEN-${String(i).padStart(6, '0')}`,
        title: `Generated topic ${i} – Förderaufruf “${i}”`,
        callIdentifier: `HORIZON-CL${(i % 6) + 1}-2027-GEN`,
        frameworkProgramme: { id: 43108390, abbreviation: 'HORIZON', description: 'Horizon Europe (HORIZON)' },
        status: { id: 31094502, abbreviation: 'Open', description: 'Open' },
        deadlineModel: stages ? 'two-stage' : 'single-stage',
        deadlineDatesLong: stages ? [first, first + 120 * 86_400_000] : [first + 61_200_000],
        plannedOpeningDateLong: Date.parse('2026-12-01T00:00:00Z'),
        keywords: ['Energy', `Keyword ${i % 50}`],
        typesOfAction: ['HORIZON Research and Innovation Actions'],
        budgetOverviewJSONItem: { budgetTopicActionMap: { [50_000_000 + i]: [{ action: `topic ${i}`, budgetYearMap: { 2027: 3_000_000 + i }, expectedGrants: 2, minContribution: 1_000_000, maxContribution: 1_500_000 }] } },
        topicConditions: filler
      };
    }
    await write(`${i ? ',' : ''}\n${JSON.stringify(record)}`);
  }
  await write(']}}');
  out.end();
  await once(out, 'finish');
  return { grants, twoStage, tenders, invalid };
}

describe('a large file', () => {
  it('streams from disk through the real app and imports every topic', { timeout: 300_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'regiodesk-import-'));
    const big = await clockedHarness(NOW);
    try {
      const path = join(dir, 'grantsTenders.json');
      const expected = await generateBulkFile(path, 3000);
      const size = statSync(path).size;
      expect(size).toBeGreaterThan(20 * 1024 * 1024);

      // heap after a full collection is what the import really keeps; the peak also counts garbage not yet collected
      v8.setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      gc();
      const base = process.memoryUsage();
      const peak = { rss: base.rss, heapUsed: base.heapUsed, retained: base.heapUsed };
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peak.rss = Math.max(peak.rss, m.rss);
        peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
      }, 20);
      const collector = setInterval(() => {
        gc();
        peak.retained = Math.max(peak.retained, process.memoryUsage().heapUsed);
      }, 250);
      const started = Date.now();
      const body = Readable.toWeb(createReadStream(path, { highWaterMark: 64 * 1024 })) as unknown as ReadableStream<Uint8Array>;
      const reply = await upload(big, 'officer', body, { accept: 'application/x-ndjson' });
      clearInterval(sampler);
      clearInterval(collector);
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      console.log(
        `large import: file ${mb(size)}, ${expected.grants + expected.tenders + expected.invalid} records in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
          `heap kept after GC at most ${mb(peak.retained)} (+${mb(peak.retained - base.heapUsed)} over ${mb(base.heapUsed)} before); ` +
          `peak heap with garbage ${mb(peak.heapUsed)}; peak RSS ${mb(peak.rss)} (+${mb(peak.rss - base.rss)})`
      );

      expect(reply.status).toBe(200);
      // streamed: the import keeps a part of the file (6–10 MB of 24 here); the file held whole would keep at least its size (twice as text)
      expect(peak.retained - base.heapUsed, `heap kept after GC grew by ${mb(peak.retained - base.heapUsed)} for a ${mb(size)} file`).toBeLessThan(size);
      const lines = reply.text.trim().split('\n').map((line) => JSON.parse(line));
      const summary = lines.at(-1);
      expect(summary.type, reply.text.slice(-500)).toBe('summary');
      expect(summary.summary).toMatchObject({
        bytes: size,
        records: expected.grants + expected.tenders + expected.invalid,
        counts: { new: expected.grants, changed: 0, unchanged: 0, invalid: expected.invalid, skipped: expected.tenders }
      });
      // progress came in many steps, in both phases, and never went backwards
      const progress = lines.filter((l) => l.type === 'progress');
      for (const phase of ['receiving', 'writing']) {
        const bytes = progress.filter((p) => p.phase === phase).map((p) => p.bytes);
        expect(bytes.length).toBeGreaterThan(10);
        expect([...bytes].sort((a, b) => a - b)).toEqual(bytes);
        expect(bytes.at(-1)).toBe(size);
      }
      const stored = async (text: string) => Number((await firstRow<{ n: number }>(big, text))!.n);
      expect((await stored('SELECT count(*) AS n FROM calls'))).toBe(expected.grants);
      expect((await stored("SELECT count(*) AS n FROM calls WHERE deadline_model = 'two_stage'"))).toBe(expected.twoStage);
      // two-stage dates are midnights (assumed 17:00 Brussels), single-stage ones carry 17:00 UTC
      expect((await stored('SELECT count(*) AS n FROM call_deadlines WHERE assumed = 1'))).toBe(2 * expected.twoStage);
      expect((await stored('SELECT count(*) AS n FROM call_deadlines'))).toBe(expected.grants + expected.twoStage);
      const last = await firstRow(big, "SELECT c.title, d.deadline_at FROM calls c JOIN call_deadlines d ON d.call_id = c.id WHERE c.identifier = 'HORIZON-CL3-2027-GEN-002996'");
      expect(last).toEqual({ title: 'Generated topic 2996 – Förderaufruf “2996”', deadline_at: new Date(Date.parse('2027-01-14T00:00:00Z') + (2996 % 300) * 86_400_000 + 61_200_000).toISOString() });
      expect((await stored("SELECT count(*) AS n FROM audit_events WHERE entity_type = 'call'"))).toBe(expected.grants);
    } finally {
      await big.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
