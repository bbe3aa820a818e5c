/**
 * The portal import upserts calls by identifier while others write: two
 * imports of one file sent at the same moment to two apps serving one
 * database (two server processes, test/support/second-app.ts) record each
 * call once, neither failing; and a person who confirms a deadline while
 * an import adds a stage to the same call keeps the confirmed time, as the
 * import's rule wants (an assumed deadline never overwrites a confirmed one
 * of the same day) whichever comes first. On PostgreSQL the import holds
 * each stored call it writes (FOR UPDATE) and inserts a new one unless it
 * was recorded meanwhile (ON CONFLICT DO NOTHING, then it is merged).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../api/app.js';
import type { ClockedHarness } from '../../support/clocked-api.js';
import { type Reply } from '../../support/http.js';
import { statuses, told, twoApps, type SecondApp } from '../../support/second-app.js';
import { allRows } from '../../support/sql.js';

const NOW = '2026-11-23T10:00:00Z';
const BULK = JSON.parse(readFileSync(new URL('../../fixtures/portal/grantsTenders.json', import.meta.url), 'utf8'));
/** 15 April 2027 as the portal gives a date without a time (midnight UTC): the programme's cut-off is assumed */
const APRIL_15 = Date.UTC(2027, 3, 15);
/** 20 September 2027, likewise */
const SEPTEMBER_20 = Date.UTC(2027, 8, 20);

let h: ClockedHarness;
let other: SecondApp;
let close: () => Promise<void>;
beforeAll(async () => ({ h, other, close } = await twoApps(NOW)));
afterAll(() => close?.());

/** A bulk portal file of topics made from the fixture's first one, each with its identifier and deadlines. */
function portalFile(topics: { identifier: string; deadlines: number[] }[]): string {
  const template = BULK.fundingData.GrantTenderObj[0];
  return JSON.stringify({
    fundingData: {
      GrantTenderObj: topics.map((t, n) => ({
        ...template,
        ccm2Id: 90000000 + n,
        identifier: t.identifier,
        title: `Concurrent topic ${t.identifier}`,
        deadlineModel: t.deadlines.length > 1 ? 'two-stage' : 'single-stage',
        deadlineDatesLong: t.deadlines,
        budgetOverviewJSONItem: undefined
      }))
    }
  });
}

async function importOn(app: App, body: string): Promise<Reply> {
  const response = await app.request('/api/calls/import', {
    method: 'POST',
    headers: { Authorization: `Bearer ${h.world.users.officer.token}`, 'Content-Type': 'application/json' },
    body
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) };
}

describe('two imports of one file at the same moment', () => {
  it('record each call once, and neither fails', async () => {
    const topics = Array.from({ length: 40 }, (_, n) => ({ identifier: `HORIZON-RACE-2027-${String(n).padStart(2, '0')}`, deadlines: [APRIL_15] }));
    const file = portalFile(topics);
    const replies = await Promise.all([importOn(h.app, file), importOn(other.app, file)]);
    expect(statuses(replies), told(replies)).toEqual([200, 200]);
    const rows = await allRows<{ identifier: string }>(h, "SELECT identifier FROM calls WHERE identifier LIKE 'HORIZON-RACE-2027-%' ORDER BY identifier");
    expect(rows.map((r) => r.identifier)).toEqual(topics.map((t) => t.identifier));
    // each topic is new to one import; the other found it recorded and left it as it was
    expect(replies[0]!.body.counts.new + replies[1]!.body.counts.new).toBe(40);
    for (const reply of replies) expect(reply.body.counts.new + reply.body.counts.unchanged).toBe(40);
    const audited = await allRows(h, "SELECT a.id FROM audit_events a JOIN calls c ON c.id = a.entity_id WHERE a.entity_type = 'call' AND c.identifier LIKE 'HORIZON-RACE-2027-%'");
    expect(audited).toHaveLength(40);
  });
});

describe('an import and a person writing one call at the same moment', () => {
  it('keeps the deadline the person confirmed while the import adds a second stage', async () => {
    const calls = Array.from({ length: 8 }, (_, n) => `LIFE-CONFIRM-2027-${n}`);
    expect((await importOn(h.app, portalFile(calls.map((identifier) => ({ identifier, deadlines: [APRIL_15] }))))).status).toBe(200);
    const stored = await allRows<{ id: string; identifier: string }>(h, "SELECT id, identifier FROM calls WHERE identifier LIKE 'LIFE-CONFIRM-2027-%' ORDER BY identifier");
    for (const call of stored) {
      const [before] = await allRows<{ assumed: number }>(h, 'SELECT assumed FROM call_deadlines WHERE call_id = ?', call.id);
      expect(Number(before!.assumed), call.identifier).toBe(1);
    }
    const twoStages = portalFile(calls.map((identifier) => ({ identifier, deadlines: [APRIL_15, SEPTEMBER_20] })));
    const [imported, ...confirmed] = await Promise.all([
      importOn(other.app, twoStages),
      ...stored.map((call) => h.as.editor.patch(`/api/calls/${call.id}`, { deadlineModel: 'single_stage', deadlines: [{ at: '2027-04-15T12:00', timeZone: 'Europe/Brussels' }] }))
    ]);
    expect(statuses([imported!]), told([imported!])).toEqual([200]);
    expect(statuses(confirmed), told(confirmed)).toEqual(Array(calls.length).fill(200));
    for (const call of stored) {
      const deadlines = await allRows<{ deadline_at: string; assumed: number }>(h, 'SELECT deadline_at, assumed FROM call_deadlines WHERE call_id = ? ORDER BY position', call.id);
      // whichever came first, 15 April stays the time the person confirmed: 12:00 in Brussels
      expect({ at: deadlines[0]!.deadline_at, assumed: Number(deadlines[0]!.assumed) }, call.identifier).toEqual({ at: '2027-04-15T10:00:00.000Z', assumed: 0 });
    }
  });
});
