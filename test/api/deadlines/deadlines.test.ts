import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { expectProblem } from '../../support/http.js';
import { explainPostgres, planText, queriesDuring, sortNodes, walkUnderLimit } from '../../support/postgres-plans.js';
import { sorts, statementsDuring } from '../../support/query-plans.js';
import { runSql } from '../../support/sql.js';

/** Friday 20 March 2026, 12:00 UTC: nine days before the clocks go forward. */
const NOW = '2026-03-20T12:00:00Z';

let h: ClockedHarness;
const ids: Record<string, string> = {};

async function createCall(fields: Record<string, unknown>) {
  const reply = await h.as.officer.post('/api/calls', { title: 'A call', ...fields });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

async function insertProposal(partnershipId: string, callId: string | null, acronym: string): Promise<string> {
  const id = newId();
  await runSql(h, 'INSERT INTO proposals (id, acronym, title, call_id, partnership_id) VALUES (?, ?, ?, ?, ?)', id, acronym, `${acronym} proposal`, callId, partnershipId);
  return id;
}

async function insertMilestone(proposalId: string, kind: string, title: string, dueOn: string, dueTime: string | null, doneAt: string | null = null): Promise<string> {
  const id = newId();
  await runSql(h, 'INSERT INTO milestones (id, proposal_id, kind, title, due_on, due_time, owner_id, done_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)', id, proposalId, kind, title, dueOn, dueTime, doneAt);
  return id;
}

beforeAll(async () => {
  h = await clockedHarness(NOW);
  const spring = await createCall({ identifier: 'DASH-HE-SPRING', title: 'Hydrogen valleys', programmeId: 'programme-horizon-europe', deadlines: [{ at: '2026-03-29T17:00' }] });
  const cutOffs = await createCall({
    identifier: 'DASH-DIGITAL-CUTOFFS',
    title: 'Cut-offs',
    programmeId: 'programme-digital-europe',
    deadlineModel: 'multiple_cut_off',
    deadlines: [
      { label: 'Cut-off 1', at: '2026-03-25T17:00' },
      { label: 'Cut-off 2', at: '2026-05-20T17:00' },
      { label: 'Cut-off 3', at: '2026-08-20T17:00' }
    ]
  });
  await createCall({ identifier: 'DASH-PAST', title: 'Past', deadlines: [{ at: '2026-03-10T17:00' }] });
  const interreg = await createCall({ identifier: 'DASH-NWE', title: 'NWE step 1', programmeId: 'programme-interreg-nwe', deadlines: [{ at: '2026-04-15' }] });
  const regional = await createCall({ identifier: 'DASH-WHP', title: 'Walter-Hallstein 2026', programmeId: 'programme-walter-hallstein', deadlines: [{ at: '2026-12-01T16:00' }] });
  Object.assign(ids, { spring: spring.id, cutOffs: cutOffs.id, interreg: interreg.id, regional: regional.id });
  expect((await h.as.viewer.put(`/api/calls/${interreg.id}/watch`)).status).toBeLessThan(300);

  const p1 = (await insertProposal(h.world.partnerships.p1, regional.id, '4R4F'));
  const p1b = (await insertProposal(h.world.partnerships.p1, null, 'IDEA'));
  const p2 = (await insertProposal(h.world.partnerships.p2, spring.id, 'HUB'));
  ids.steering = (await insertMilestone(p1, 'steering_group', 'Steering group prioritises', '2026-03-27', null));
  ids.committee = (await insertMilestone(p1, 'committee_decision', 'Committee decides', '2026-04-02', '09:00'));
  ids.done = (await insertMilestone(p1, 'descriptions_due', 'Descriptions due', '2026-03-23', null, '2026-03-19T10:00:00.000Z'));
  ids.past = (await insertMilestone(p1b, 'other', 'Already behind us', '2026-03-19', '10:00'));
  ids.hub = (await insertMilestone(p2, 'submission', 'HUB internal submission', '2026-03-26', '10:00'));
});
afterAll(() => h.close());

type Item = { kind: string; id: string; at: string; own: { label: string; local: string }; reader: { label: string; local: string }; [key: string]: unknown };

describe('/api/deadlines', () => {
  it('lists the next 90 days of call deadlines and the caller’s milestones, most urgent first, in both zones with a count-down', async () => {
    const reply = await h.as.viewer.get('/api/deadlines?zone=Europe/Lisbon');
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ from: '2026-03-20T12:00:00.000Z', to: '2026-06-18T12:00:00.000Z', timeZone: 'Europe/Lisbon', nextCursor: null });
    const items: Item[] = reply.body.items;
    expect(items.map((i) => [i.kind, i.title, i.label])).toEqual([
      ['call_deadline', 'Cut-offs', 'Cut-off 1'],
      ['milestone', 'Steering group prioritises', 'steering_group'],
      ['call_deadline', 'Hydrogen valleys', null],
      ['milestone', 'Committee decides', 'committee_decision'],
      ['call_deadline', 'NWE step 1', null],
      ['call_deadline', 'Cut-offs', 'Cut-off 2']
    ]);
    const spring = items[2]!;
    expect(spring).toMatchObject({
      at: '2026-03-29T15:00:00.000Z',
      allDay: false,
      assumed: false,
      call: { id: ids.spring, identifier: 'DASH-HE-SPRING', title: 'Hydrogen valleys', programmeName: 'Horizon Europe', watched: false },
      proposal: null,
      own: { timeZone: 'Europe/Brussels', local: '2026-03-29T17:00', offset: '+02:00', label: '17:00 Europe/Brussels' },
      reader: { timeZone: 'Europe/Lisbon', local: '2026-03-29T16:00', offset: '+01:00', label: '16:00 Europe/Lisbon' },
      countdown: { totalSeconds: 9 * 86400 + 3 * 3600, days: 9, hours: 3, minutes: 0, passed: false }
    });
    // before the change Brussels is UTC+1 and Lisbon UTC+0
    expect(items[0]).toMatchObject({ own: { label: '17:00 Europe/Brussels' }, reader: { label: '16:00 Europe/Lisbon', offset: '+00:00' } });
    // the assumed 12:00 Interreg cut-off, and that the viewer watches it
    expect(items[4]).toMatchObject({ assumed: true, call: { watched: true }, own: { label: '12:00 Europe/Brussels' }, reader: { label: '11:00 Europe/Lisbon' } });
    // a milestone in the zone of its proposal's call (Berlin), and an all-day one as its date
    expect(items[3]).toMatchObject({
      id: ids.committee,
      at: '2026-04-02T07:00:00.000Z',
      call: null,
      proposal: { acronym: '4R4F', partnershipId: h.world.partnerships.p1 },
      own: { label: '09:00 Europe/Berlin' },
      reader: { label: '08:00 Europe/Lisbon' }
    });
    expect(items[1]).toMatchObject({ id: ids.steering, allDay: true, at: '2026-03-27T23:00:00.000Z', own: { local: '2026-03-27', label: '2026-03-27' }, reader: { local: '2026-03-27' } });
    const all = JSON.stringify(items);
    for (const hidden of [ids.done, ids.past, ids.hub]) expect(all).not.toContain(hidden);
  });

  it('shows a reader in Helsinki the same instants at their own hour', async () => {
    const items: Item[] = (await h.as.viewer.get('/api/deadlines?zone=Europe/Helsinki')).body.items;
    const spring = items.find((i) => i.own.local === '2026-03-29T17:00')!;
    expect(spring.reader).toEqual({ timeZone: 'Europe/Helsinki', local: '2026-03-29T18:00', offset: '+03:00', label: '18:00 Europe/Helsinki' });
  });

  it('reads the reader’s zone from the reminder settings, else Brussels', async () => {
    expect((await h.as.editor.get('/api/deadlines')).body.timeZone).toBe('Europe/Brussels');
    await runSql(h, "INSERT INTO reminder_settings (user_id, time_zone) VALUES (?, 'Europe/Helsinki')", h.world.users.editor.id);
    const reply = await h.as.editor.get('/api/deadlines');
    expect(reply.body.timeZone).toBe('Europe/Helsinki');
    expect(reply.body.items[0].reader.label).toBe('18:00 Europe/Helsinki');
    expect((await h.as.editor.get('/api/deadlines?zone=Europe/Lisbon')).body.timeZone).toBe('Europe/Lisbon');
  });

  it('keeps milestones of other partnerships’ proposals from everyone outside them', async () => {
    const outsider: Item[] = (await h.as.outsider.get('/api/deadlines')).body.items;
    const milestones = outsider.filter((i) => i.kind === 'milestone').map((i) => i.id);
    expect(milestones).toEqual([ids.hub]);
    expect(JSON.stringify(outsider)).not.toContain('4R4F');
    // calls are shared: the outsider sees their deadlines too
    expect(outsider.filter((i) => i.kind === 'call_deadline')).toHaveLength(4);
    const admin: Item[] = (await h.as.sysadmin.get('/api/deadlines')).body.items;
    expect(admin.filter((i) => i.kind === 'milestone').map((i) => i.id)).toEqual([ids.hub, ids.steering, ids.committee]);
  });

  it('narrows to watched calls and widens to more days', async () => {
    const watched: Item[] = (await h.as.viewer.get('/api/deadlines?watched=true')).body.items;
    expect(watched.filter((i) => i.kind === 'call_deadline').map((i) => (i.call as { id: string }).id)).toEqual([ids.interreg]);
    expect(watched.filter((i) => i.kind === 'milestone')).toHaveLength(2);
    const year: Item[] = (await h.as.viewer.get('/api/deadlines?days=366')).body.items;
    expect(year.filter((i) => i.kind === 'call_deadline').map((i) => i.label ?? i.title)).toEqual(['Cut-off 1', 'Hydrogen valleys', 'NWE step 1', 'Cut-off 2', 'Cut-off 3', 'Walter-Hallstein 2026']);
    const week: Item[] = (await h.as.viewer.get('/api/deadlines?days=8')).body.items;
    expect(week.map((i) => i.kind)).toEqual(['call_deadline', 'milestone']);
  });

  it('answers a page at a time: 50 unless asked, and the next page strictly after the last item of the one before', async () => {
    const whole = await h.as.viewer.get('/api/deadlines?days=366');
    expect(whole.body.items).toHaveLength(8);
    expect(whole.body.nextCursor).toBeNull();
    const seen: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply: { status: number; body: { items: Item[]; nextCursor: string | null; from: string; to: string; timeZone: string } } = await h.as.viewer.get(
        `/api/deadlines?days=366&limit=3${cursor ? `&cursor=${cursor}` : ''}`
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(reply.body).toMatchObject({ from: whole.body.from, to: whole.body.to, timeZone: whole.body.timeZone });
      expect(reply.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...reply.body.items);
      cursor = reply.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(whole.body.items);
  });

  it('reads the next page of deadlines from the cursor in the index (deadline_at, id), and milestones by due date', async () => {
    const first = (await h.as.viewer.get('/api/deadlines?days=366&limit=1')).body;
    expect(first.items[0].kind).toBe('call_deadline');
    const next = `/api/deadlines?days=366&limit=1&cursor=${first.nextCursor}`;
    if (h.engine === 'postgres') {
      // A few rows, which PostgreSQL rightly reads whole: its plan is asked with sequential scans and bitmaps priced out, so it
      // shows whether the index serves the page in order from the cursor. With so few rows it may find the milestones through
      // the partnership's proposals as well as by due date; its plans on a filled, analysed workspace, milestones by due date
      // included: deadline-plans-postgres.test.ts and query-plans-postgres.test.ts.
      const statements = await queriesDuring(h, () => h.as.viewer.get(next));
      const deadlines = statements.find((s) => /from "call_deadlines" as "d"/.test(s.sql));
      expect(deadlines?.sql).toMatch(/\("d"\."deadline_at", "d"\."id"\) > \(\$\d+, \$\d+\)/);
      const plan = { plan: await explainPostgres(h.db, deadlines!.sql, deadlines!.parameters, { enable_seqscan: 'off', enable_bitmapscan: 'off' }) };
      const walk = walkUnderLimit(plan);
      expect(walk?.['Index Name'], planText(plan.plan)).toBe('call_deadlines_at_id');
      expect(walk?.['Index Cond'], planText(plan.plan)).toMatch(/ROW\(deadline_at, id\) > ROW\(/);
      expect(sortNodes(plan), planText(plan.plan)).toEqual([]);
      return;
    }
    const statements = await statementsDuring(h, () => h.as.viewer.get(next));
    const deadlines = statements.find((s) => /from "call_deadlines" as "d"/.test(s.sql));
    expect(deadlines?.sql).toMatch(/\("d"\."deadline_at", "d"\."id"\) > \(\?, \?\)/);
    expect(deadlines?.plan.join('\n')).toMatch(/SEARCH d USING INDEX call_deadlines_at_id \(\(deadline_at,id\)>\(\?,\?\)/);
    const milestones = statements.find((s) => /from "milestones" as "m"/.test(s.sql));
    expect(milestones?.plan.join('\n')).toMatch(/SEARCH m USING INDEX milestones_open_due/);
    for (const statement of [deadlines!, milestones!]) expect(sorts(statement), statement.sql).toEqual([]);
  });

  it('refuses a cursor it did not hand out, and a page size beyond 1..200, at their query paths', async () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of [
      'not-a-cursor!',
      forged(['2026-04-01T00:00:00.000Z', 'task/x']),
      forged(['yesterday', 'milestone/x']),
      forged(['2026-04-01T00:00:00.000Z', 'call_deadline/']),
      forged([42, 'call_deadline/x']),
      forged(['2026-04-01T00:00:00.000Z'])
    ]) {
      const reply = await h.as.viewer.get(`/api/deadlines?cursor=${cursor}`);
      expectProblem(reply, 400, 'query.cursor');
      expect(reply.body.errors[0].message).toBe('The cursor is not one this API handed out.');
    }
    expectProblem(await h.as.viewer.get(`/api/deadlines?cursor=${'a'.repeat(501)}`), 400, 'query.cursor');
    expectProblem(await h.as.viewer.get('/api/deadlines?limit=0'), 400, 'query.limit');
    expectProblem(await h.as.viewer.get('/api/deadlines?limit=201'), 400, 'query.limit');
    expect((await h.as.viewer.get('/api/deadlines?limit=200')).status).toBe(200);
  });

  it('continues after a cursor whose item has passed meanwhile with what is still ahead', async () => {
    const first = (await h.as.viewer.get('/api/deadlines?limit=1')).body;
    expect(first.items[0]).toMatchObject({ at: '2026-03-25T16:00:00.000Z' });
    try {
      h.setNow('2026-03-28T00:00:00Z');
      const next: Item[] = (await h.as.viewer.get(`/api/deadlines?limit=2&cursor=${first.nextCursor}`)).body.items;
      // the steering group's day (all day on the 27th in Berlin) has passed too
      expect(next.map((i) => i.at)).toEqual(['2026-03-29T15:00:00.000Z', '2026-04-02T07:00:00.000Z']);
    } finally {
      h.setNow(NOW);
    }
  });

  it('counts down on the service clock and drops what has passed', async () => {
    try {
      h.setNow('2026-03-29T14:30:00Z');
      const items: Item[] = (await h.as.viewer.get('/api/deadlines')).body.items;
      expect(items[0]).toMatchObject({ at: '2026-03-29T15:00:00.000Z', countdown: { days: 0, hours: 0, minutes: 30, passed: false } });
      h.setNow('2026-03-29T15:00:00Z');
      expect((await h.as.viewer.get('/api/deadlines')).body.items[0].at).toBe('2026-04-02T07:00:00.000Z');
    } finally {
      h.setNow(NOW);
    }
  });

  it('refuses a window beyond a year and unknown zones at their query paths', async () => {
    expectProblem(await h.as.viewer.get('/api/deadlines?days=367'), 400, 'query.days');
    expectProblem(await h.as.viewer.get('/api/deadlines?days=0'), 400, 'query.days');
    expectProblem(await h.as.viewer.get('/api/deadlines?zone=Mars/Olympus'), 400, 'query.zone');
    expectProblem(await h.as.viewer.get('/api/deadlines?watched=maybe'), 400, 'query.watched');
    expectProblem(await h.anonymous.get('/api/deadlines'), 401);
  });
});
