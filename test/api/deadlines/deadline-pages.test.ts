/**
 * The deadline dashboard a page at a time: paging through a mixed set of
 * call deadlines and milestones — ties on the same instant between calls,
 * between milestones and between a deadline and a milestone, milestones in
 * zones 25 hours apart whose due dates and instants come in different
 * orders, all-day ones, done and passed ones — with every page size from 1
 * to 7 gives exactly the single big page, nothing lost or repeated; and a
 * page reads the milestones near it, not the whole window.
 */
import type { DB } from '../../../db/connection.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { milestoneDue } from '../../../api/funding/rules/call-dates.js';
import { newId } from '../../../db/ids.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { insertCallDirect } from '../../support/calls-direct.js';
import { sqlDuring } from '../../support/query-plans.js';
import type { UserKey } from '../../support/world.js';
import { seededRandom } from '../../support/random.js';
import { allRows, firstRow, runSql } from '../../support/sql.js';

/** Friday 20 March 2026, 12:00 UTC. */
const NOW = '2026-03-20T12:00:00Z';
const DAY_MS = 86_400_000;
const ZONES = ['Europe/Brussels', 'Europe/Lisbon', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns'];

type Item = { kind: string; id: string; at: string };
type Reply = { status: number; body: { items: Item[]; nextCursor: string | null } };


async function insertProposal(h: { db: DB }, partnershipId: string, callId: string | null): Promise<string> {
  const id = newId();
  await runSql(h, 'INSERT INTO proposals (id, acronym, title, call_id, partnership_id) VALUES (?, ?, ?, ?, ?)', id, `P${id.slice(-4)}`, `Proposal ${id}`, callId, partnershipId);
  return id;
}

async function insertMilestone(h: { db: DB }, proposalId: string, dueOn: string, dueTime: string | null, doneAt: string | null = null): Promise<string> {
  const id = newId();
  await runSql(h, "INSERT INTO milestones (id, proposal_id, kind, title, due_on, due_time, owner_id, done_at) VALUES (?, ?, 'other', ?, ?, ?, NULL, ?)", id, proposalId, `Milestone due ${dueOn} ${dueTime ?? ''}`, dueOn, dueTime, doneAt);
  return id;
}

const dayAfter = (days: number) => new Date(Date.parse(NOW) + days * DAY_MS).toISOString().slice(0, 10);

/** Every item, page after page of `limit`. */
async function pageThrough(h: ClockedHarness, who: UserKey, query: string, limit: number): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const reply: Reply = await h.as[who].get(`/api/deadlines?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.items.length).toBeLessThanOrEqual(limit);
    if (reply.body.nextCursor) expect(reply.body.items).toHaveLength(limit);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(500);
  } while (cursor);
  return { items, pages };
}

describe('paging through a mixed set', () => {
  let h: ClockedHarness;
  /** what an independent reading of the tables says each user should see in a year */
  const expected = { deadlines: 0, milestones: {} as Record<UserKey, number> };

  beforeAll(async () => {
    h = await clockedHarness(NOW);
    const { next } = seededRandom(9);
    const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
    const calls: { id: string; zone: string }[] = [];
    for (let i = 0; i < 16; i++) {
      const zone = pick(ZONES);
      // few distinct instants, so calls share them: days 0..20 at 15:00Z or 16:00Z, some behind now
      const deadlines = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({ at: `${dayAfter(Math.floor(next() * 22) - 1)}T${pick(['15', '16'])}:00:00.000Z`, zone }));
      const call = await insertCallDirect(h.db, { identifier: `MIX-${i}`, deadlines });
      calls.push({ id: call.id, zone });
      if (next() < 0.4) await runSql(h, 'INSERT INTO call_watches (user_id, call_id) VALUES (?, ?)', h.world.users.viewer.id, call.id);
    }
    for (let i = 0; i < 12; i++) {
      const call = next() < 0.8 ? pick(calls) : null;
      const proposal = (await insertProposal(h, pick([h.world.partnerships.p1, h.world.partnerships.p1, h.world.partnerships.p2]), call?.id ?? null));
      for (let j = 0; j < 3; j++) {
        // all day, on the hour of the deadlines (17:00 Brussels in winter is 16:00Z: a tie with a deadline), early or late in the day
        (await insertMilestone(h, proposal, dayAfter(Math.floor(next() * 22) - 1), pick([null, '16:00', '17:00', '00:30', '23:45']), next() < 0.1 ? '2026-03-19T10:00:00.000Z' : null));
      }
    }
    // due dates and instants in different orders: due on the 25th at the end of the day at UTC−11, on the 26th just after midnight at UTC+14
    const far = await insertCallDirect(h.db, { identifier: 'MIX-WEST', deadlines: [{ at: '2026-09-01T15:00:00.000Z', zone: 'Pacific/Pago_Pago' }] });
    const east = await insertCallDirect(h.db, { identifier: 'MIX-EAST', deadlines: [{ at: '2026-09-01T15:00:00.000Z', zone: 'Pacific/Kiritimati' }] });
    (await insertMilestone(h, (await insertProposal(h, h.world.partnerships.p1, far.id)), '2026-03-25', null));
    (await insertMilestone(h, (await insertProposal(h, h.world.partnerships.p1, east.id)), '2026-03-26', '00:30'));

    expected.deadlines = ((await firstRow(h, 'SELECT count(*) AS n FROM call_deadlines WHERE deadline_at > ?', '2026-03-20T12:00:00.000Z')) as { n: number }).n;
    const open = (await allRows(h, `SELECT m.due_on, m.due_time, pr.partnership_id,
                (SELECT cd.time_zone FROM call_deadlines cd WHERE cd.call_id = pr.call_id ORDER BY cd.position DESC LIMIT 1) AS zone
           FROM milestones m JOIN proposals pr ON pr.id = m.proposal_id WHERE m.done_at IS NULL`)) as { due_on: string; due_time: string | null; partnership_id: string; zone: string | null }[];
    const ahead = open.filter((m) => Date.parse(milestoneDue(m.due_on, m.due_time, m.zone ?? 'Europe/Brussels').at) > Date.parse(NOW));
    expected.milestones = {
      viewer: ahead.filter((m) => m.partnership_id === h.world.partnerships.p1).length,
      outsider: ahead.filter((m) => m.partnership_id === h.world.partnerships.p2).length,
      sysadmin: ahead.length
    } as Record<UserKey, number>;
  });
  afterAll(() => h.close());

  it('is a set where paging matters: ties of every kind, and due dates out of the instants’ order', async () => {
    const whole: Item[] = (await h.as.sysadmin.get('/api/deadlines?days=366&limit=200')).body.items;
    const at = (i: Item) => i.at;
    const tied = (a: Item, b: Item) => at(a) === at(b);
    const pairs = whole.slice(1).map((item, i) => [whole[i]!, item] as const);
    expect(pairs.some(([a, b]) => tied(a, b) && a.kind === 'call_deadline' && b.kind === 'call_deadline')).toBe(true);
    expect(pairs.some(([a, b]) => tied(a, b) && a.kind === 'milestone' && b.kind === 'milestone')).toBe(true);
    expect(pairs.some(([a, b]) => tied(a, b) && a.kind === 'call_deadline' && b.kind === 'milestone')).toBe(true);
    const east = whole.findIndex((i) => i.at === '2026-03-25T10:30:00.000Z');
    const west = whole.findIndex((i) => i.at === '2026-03-26T11:00:00.000Z');
    expect(east).toBeGreaterThanOrEqual(0);
    expect(west).toBeGreaterThan(east);
  });

  it.each(['viewer', 'outsider', 'sysadmin'] as const)('gives the %s with every page size 1..7 exactly the single big page, watched or not', async (who) => {
    for (const watched of [false, true]) {
      const query = `days=366&zone=Europe/Helsinki${watched ? '&watched=true' : ''}`;
      const whole: Reply = await h.as[who].get(`/api/deadlines?${query}&limit=200`);
      expect(whole.body.nextCursor).toBeNull();
      const items = whole.body.items;
      // the big page itself: every deadline and visible milestone of the year, in order, once
      expect(items.filter((i) => i.kind === 'milestone')).toHaveLength(expected.milestones[who]);
      if (!watched) expect(items.filter((i) => i.kind === 'call_deadline')).toHaveLength(expected.deadlines);
      expect(new Set(items.map((i) => `${i.kind}/${i.id}`)).size).toBe(items.length);
      const kinds = ['call_deadline', 'milestone'];
      for (const [a, b] of items.slice(1).map((item, i) => [items[i]!, item] as const)) {
        const order = Date.parse(a.at) - Date.parse(b.at) || kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || (a.id < b.id ? -1 : 1);
        expect(order, `${JSON.stringify(a)} before ${JSON.stringify(b)}`).toBeLessThan(0);
      }
      for (let limit = 1; limit <= 7; limit++) {
        const paged = await pageThrough(h, who, query, limit);
        expect(paged.items, `page size ${limit}`).toEqual(items);
        expect(paged.pages).toBe(Math.max(1, Math.ceil(items.length / limit)));
      }
    }
  });
});

describe('what a page reads', () => {
  let h: ClockedHarness;

  beforeAll(async () => {
    h = await clockedHarness(NOW);
    // two open milestones a day for a year, in zones far apart, and a few done ones
    const west = await insertCallDirect(h.db, { deadlines: [{ at: '2027-09-01T15:00:00.000Z', zone: 'Pacific/Pago_Pago' }] });
    const east = await insertCallDirect(h.db, { deadlines: [{ at: '2027-09-01T15:00:00.000Z', zone: 'Pacific/Kiritimati' }] });
    const proposals = [(await insertProposal(h, h.world.partnerships.p1, west.id)), (await insertProposal(h, h.world.partnerships.p1, east.id))];
    await h.db.transaction().execute(async (trx) => {
      for (let day = 0; day < 365; day++) {
        await insertMilestone({ db: trx }, proposals[0]!, dayAfter(day), day % 3 ? null : '09:00');
        await insertMilestone({ db: trx }, proposals[1]!, dayAfter(day), day % 2 ? '00:15' : null, day % 10 ? null : '2026-03-19T10:00:00.000Z');
      }
    });
  });
  afterAll(() => h.close());

  it('reads the milestones of a page in a few batches of the page size, wherever the page is in the year', async () => {
    const limit = 5;
    let cursor: string | null = null;
    let pages = 0;
    let seen = 0;
    do {
      let reply: Reply | undefined;
      const statements = await sqlDuring(h, async () => {
        reply = await h.as.viewer.get(`/api/deadlines?days=366&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      });
      expect(reply!.status).toBe(200);
      // a batch is limit + 1 rows: the page, and the day either side of its ends
      const batches = statements.filter((sql) => /from "milestones" as "m"/.test(sql)).length;
      expect(batches, `page ${pages + 1}`).toBeGreaterThanOrEqual(1);
      expect(batches, `page ${pages + 1}`).toBeLessThanOrEqual(3);
      seen += reply!.body.items.length;
      cursor = reply!.body.nextCursor;
      pages += 1;
    } while (cursor);
    const open = (await allRows(h, 'SELECT due_on, due_time FROM milestones WHERE done_at IS NULL')) as { due_on: string; due_time: string | null }[];
    // the zone of each: Kiritimati's 00:15 on the 21st had passed by noon UTC on the 20th
    const ahead = open.filter((m) => m.due_time !== '00:15' || m.due_on > dayAfter(1)).length;
    expect(ahead).toBeGreaterThan(600);
    expect(seen).toBe(ahead);
    expect(pages).toBe(Math.ceil(ahead / limit));
  });
});
