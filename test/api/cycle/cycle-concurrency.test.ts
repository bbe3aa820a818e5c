/**
 * The annual cycle's documents written from two apps serving one database
 * at the same moment (two server processes, test/support/second-app.ts):
 * both parties approving at once adopt the plan; items added or moved at
 * once each get a place of their own; an adopted plan amended twice at once
 * opens one revision; two sections of an evaluation edited at once both
 * land; and "Create tasks now" pressed in two processes at once makes each
 * task once. SQLite runs one transaction at a time; on PostgreSQL each write
 * holds the plan, the evaluation or the partnership first (db/row-locks.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClockedHarness } from '../../support/clocked-api.js';
import { createPerson } from '../../support/crm.js';
import type { Client } from '../../support/http.js';
import { statuses, told, twoApps, type SecondApp } from '../../support/second-app.js';
import { allRows } from '../../support/sql.js';
import { newItem, newPlan, pfbOfficer } from '../../support/work-plans.js';

const NOW = '2026-10-05T08:00:00Z';

let h: ClockedHarness;
let other: SecondApp;
let close: () => Promise<void>;
/** the PFB officer, who approves for PFB, on the second app */
let pfb: Client;
beforeAll(async () => {
  ({ h, other, close } = await twoApps(NOW));
  pfb = other.clientOf((await pfbOfficer(h)).token);
});
afterAll(() => close?.());

const url = (id: string, rest = '') => `/api/workplans/${id}${rest}`;

describe('a work plan written from two processes at once', () => {
  it('is adopted when both parties approve it at the same moment', async () => {
    for (const year of [2034, 2035, 2036, 2037]) {
      const plan = await newPlan(h, year);
      await newItem(h, plan.id, { title: `Mission ${year}` });
      expect((await h.as.officer.post(url(plan.id, '/propose'))).status).toBe(200);
      const replies = await Promise.all([h.as.officer.post(url(plan.id, '/approve'), {}), pfb.post(url(plan.id, '/approve'), {})]);
      expect(statuses(replies), told(replies)).toEqual([200, 200]);
      const after = (await h.as.viewer.get(url(plan.id))).body;
      expect({ year, status: after.status, approved: after.approvals.map((a: { approved: boolean }) => a.approved) }).toEqual({ year, status: 'adopted', approved: [true, true] });
      expect((await h.as.viewer.get(url(plan.id, '/revisions/1'))).status).toBe(200);
    }
  });

  it('gives items added at the end at the same moment places of their own', async () => {
    const plan = await newPlan(h, 2040);
    const replies = await Promise.all(Array.from({ length: 10 }, (_, n) => (n % 2 ? pfb : h.as.officer).post(url(plan.id, '/items'), { title: `Item ${n}` })));
    expect(statuses(replies), told(replies)).toEqual(Array(10).fill(201));
    const positions = (await allRows<{ position: number }>(h, 'SELECT position FROM work_plan_items WHERE work_plan_id = ?', plan.id)).map((r) => Number(r.position));
    expect(new Set(positions).size).toBe(10);
  });

  it('gives items moved after one item at the same moment places of their own', async () => {
    const plan = await newPlan(h, 2041);
    const items = [];
    for (let n = 0; n < 8; n++) items.push(await newItem(h, plan.id, { title: `Item ${n}` }));
    const anchor = items[0]!;
    const moving = items.slice(1);
    const replies = await Promise.all(moving.map((item, n) => (n % 2 ? pfb : h.as.officer).post(url(plan.id, `/items/${item.id}/move`), { after: anchor.id }, { ifMatch: `"${item.version}"` })));
    expect(statuses(replies), told(replies)).toEqual(Array(moving.length).fill(200));
    const positions = (await allRows<{ position: number }>(h, 'SELECT position FROM work_plan_items WHERE work_plan_id = ?', plan.id)).map((r) => Number(r.position));
    expect(new Set(positions).size).toBe(8);
    // the anchor stays first
    expect((await h.as.viewer.get(url(plan.id, '/items'))).body.items[0].id).toBe(anchor.id);
  });

  it('opens one revision when an adopted plan is amended twice at the same moment', async () => {
    const plan = await newPlan(h, 2042);
    await h.as.officer.post(url(plan.id, '/propose'));
    await h.as.officer.post(url(plan.id, '/approve'), {});
    expect((await pfb.post(url(plan.id, '/approve'), {})).body.status).toBe('adopted');
    const replies = await Promise.all([h.as.officer.post(url(plan.id, '/amend'), { reason: 'A new mission' }), pfb.post(url(plan.id, '/amend'), { reason: 'Another mission' })]);
    expect(statuses(replies), told(replies)).toEqual([200, 409]);
    expect(replies.find((r) => r.status === 409)!.body.detail).toMatch(/Only an adopted plan is amended|amended at the same moment/);
    expect(await allRows(h, 'SELECT revision FROM work_plan_amendments WHERE work_plan_id = ?', plan.id)).toEqual([{ revision: 2 }]);
  });
});

describe('an evaluation written from two processes at once', () => {
  it('keeps both sections edited at the same moment', async () => {
    const evaluation = (await h.as.officer.post('/api/evaluations', { partnershipId: h.world.partnerships.p1, year: 2034 })).body;
    const sections = ['results', 'challenges', 'next_steps'] as const;
    for (const round of [1, 2, 3]) {
      const replies = await Promise.all(
        sections.map((kind, n) => (n % 2 ? pfb : h.as.officer).patch(`/api/evaluations/${evaluation.id}/sections/${kind}`, { body: `${kind} ${round}` }, { ifMatch: `"${round}"` }))
      );
      expect(statuses(replies), told(replies)).toEqual([200, 200, 200]);
    }
    const stored = await allRows<{ kind: string; body: string }>(h, "SELECT kind, body FROM evaluation_sections WHERE evaluation_id = ? AND kind IN ('results', 'challenges', 'next_steps') ORDER BY kind", evaluation.id);
    expect(stored).toEqual([
      { kind: 'challenges', body: 'challenges 3' },
      { kind: 'next_steps', body: 'next_steps 3' },
      { kind: 'results', body: 'results 3' }
    ]);
  });
});

describe("the annual cycle's tasks made from two processes at once", () => {
  it('are made once, and each process counts what it made', async () => {
    const p1 = h.world.partnerships.p1;
    const parties = await h.db.selectFrom('partnership_parties').select('id').where('partnership_id', '=', p1).orderBy('position').execute();
    for (const [i, email, name] of [[0, 'officer@test.regiodesk.eu', 'Olga Officer'], [1, 'editor@test.regiodesk.eu', 'Eddie Editor']] as const) {
      const person = await createPerson(h.as.officer, { name, emails: [email] });
      await h.db.updateTable('partnership_parties').set({ contact_person_id: person.id }).where('id', '=', parties[i]!.id).execute();
    }
    await h.db.updateTable('partnerships').set({ ends_on: '2028-12-31' }).where('id', '=', p1).execute();
    const replies = await Promise.all([h.as.officer.post(`/api/partnerships/${p1}/cycle/run`), other.as.officer.post(`/api/partnerships/${p1}/cycle/run`), other.as.editor.post(`/api/partnerships/${p1}/cycle/run`)]);
    expect(statuses(replies), told(replies)).toEqual([200, 200, 200]);
    const tasks = await allRows<{ owner_id: string }>(h, "SELECT owner_id FROM tasks WHERE kind = 'cycle_step' AND partnership_id = ?", p1);
    expect(tasks).toHaveLength(2);
    expect(replies.reduce((n, r) => n + r.body.created, 0)).toBe(2);
    expect(replies.reduce((n, r) => n + r.body.existing, 0)).toBe(4);
  });
});
