/**
 * Edits of one record sent at the same moment to two apps serving one
 * database (two server processes, test/support/second-app.ts), for every
 * kind of record kept with a version:
 * - without If-Match every edit lands, one after the other: the version
 *   counts each one (1 + n) and none is refused for a version its writer
 *   never named (on PostgreSQL a writer that read the record before another
 *   committed used to be refused with 412 by the versioned update);
 * - with the same If-Match exactly one lands and the others get 412 with
 *   the current record.
 * SQLite runs one transaction at a time; on PostgreSQL each write holds the
 * record (db/row-locks.ts) before it reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logTrip } from '../../support/activity-rows.js';
import type { ApiHarness } from '../../support/api.js';
import { createInteraction, createOrganisation, createPerson } from '../../support/crm.js';
import type { Client } from '../../support/http.js';
import { createProposal } from '../../support/proposals.js';
import { alternating, statuses, told, twoApps, type SecondApp } from '../../support/second-app.js';
import type { UserKey } from '../../support/world.js';

const WRITERS = 6;

let h: ApiHarness;
let other: SecondApp;
let close: () => Promise<void>;
beforeAll(async () => ({ h, other, close } = await twoApps()));
afterAll(() => close?.());

const p1 = () => h.world.partnerships.p1;
/** tells apart the records a kind makes (codes, identifiers and years are unique) */
let made_ = 0;
const next = () => ++made_;

interface Kind {
  name: string;
  who: UserKey;
  /** makes a record; answers where it is read and changed, and its version */
  make(as: Client): Promise<{ path: string; version: number }>;
  /** the n-th writer's change */
  change(n: number): Record<string, unknown>;
  /** where the record is read back, when not at its path */
  readAt?: (path: string) => string;
  /** what else must hold after the edits, given the record as it was before them */
  check?: (path: string, before: any) => Promise<void>;
}

async function made(reply: Promise<{ status: number; body: any }>): Promise<any> {
  const answer = await reply;
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

const KINDS: Kind[] = [
  {
    name: 'region',
    who: 'officer',
    make: async (as) => {
      const region = await made(as.post('/api/regions', { name: 'Noord-Brabant', country: 'NL' }));
      return { path: `/api/regions/${region.id}`, version: region.version };
    },
    change: (n) => ({ name: `Noord-Brabant ${n}` })
  },
  {
    name: 'organisation',
    who: 'officer',
    make: async (as) => {
      const org = await createOrganisation(as, { name: 'Technologiezentrum Mannheim', kind: 'agency', country: 'DE' });
      return { path: `/api/organisations/${org.id}`, version: org.version };
    },
    change: (n) => ({ website: `https://tz-mannheim.example/${n}` })
  },
  {
    name: 'person',
    who: 'officer',
    make: async (as) => {
      const person = await createPerson(as, { name: 'Annelies Peeters' });
      return { path: `/api/people/${person.id}`, version: person.version };
    },
    change: (n) => ({ function: `Beleidsmedewerker ${n}` })
  },
  {
    name: 'interaction',
    who: 'officer',
    make: async (as) => {
      const interaction = await createInteraction(as, { organisationId: h.world.organisations.vrrn });
      return { path: `/api/interactions/${interaction.id}`, version: interaction.version };
    },
    change: (n) => ({ summary: `Spoke about trip ${n}.` })
  },
  {
    name: 'partnership',
    who: 'officer',
    make: async (as) => {
      const partnership = (await as.get(`/api/partnerships/${p1()}`)).body;
      return { path: `/api/partnerships/${p1()}`, version: partnership.version };
    },
    // the parties too: each write replaces them, keeping each party's id
    change: (n) => ({
      title: `Rhein-Neckar – Flemish Brabant (${n})`,
      parties: [
        { regionId: h.world.regions.rheinNeckar, organisationId: h.world.organisations.vrrn, networks: [{ name: `Network ${n}` }] },
        { regionId: h.world.regions.flemishBrabant, organisationId: h.world.organisations.pfb }
      ]
    }),
    check: async (path, before) => {
      const parties = (await h.as.officer.get(path)).body.parties.map((p: { id: string; organisationId: string }) => [p.id, p.organisationId]);
      expect(parties).toEqual(before.parties.map((p: { id: string; organisationId: string }) => [p.id, p.organisationId]));
    }
  },
  {
    name: 'activity',
    who: 'officer',
    make: async (as) => {
      const trip = await logTrip(as, { partnershipIds: [p1()], title: 'Edited trip', status: 'planned', endsAt: '2027-06-01T17:00' });
      return { path: `/api/activities/${trip.id}`, version: trip.version };
    },
    change: (n) => ({ description: `Programme ${n}` })
  },
  {
    name: 'cost item',
    who: 'officer',
    make: async (as) => {
      const trip = await logTrip(as, { partnershipIds: [p1()], title: 'Costed trip', endsAt: '2026-06-01T17:00' });
      const cost = await made(as.post(`/api/activities/${trip.id}/costs`, { category: 'travel', amount: '250.00', paidByOrganisationId: h.world.organisations.vrrn }));
      return { path: `/api/activities/${trip.id}/costs/${cost.id}`, version: cost.version };
    },
    change: (n) => ({ description: `Train ${n}` }),
    readAt: (path) => path.replace(/\/costs\/.*/, '/costs')
  },
  {
    name: 'task',
    who: 'officer',
    make: async (as) => {
      const task = await made(as.post('/api/tasks', { title: 'Send the minutes', dueOn: '2026-12-15', partnershipId: p1() }));
      return { path: `/api/tasks/${task.id}`, version: task.version };
    },
    change: (n) => ({ title: `Send the minutes (${n})` })
  },
  {
    name: 'budget',
    who: 'officer',
    make: async (as) => {
      const budget = await made(as.post('/api/budgets', { partnershipId: p1(), organisationId: h.world.organisations.pfb, year: 2040 + next(), amount: '10000' }));
      return { path: `/api/budgets/${budget.id}`, version: budget.version };
    },
    change: (n) => ({ amount: `${10000 + n}` })
  },
  {
    name: 'proposal',
    who: 'officer',
    make: async (as) => {
      const proposal = await createProposal(as, { partnershipId: p1(), acronym: 'EDITS' });
      return { path: `/api/proposals/${proposal.id}`, version: proposal.version };
    },
    change: (n) => ({ title: `Hydrogen valleys ${n}` })
  },
  {
    name: 'milestone',
    who: 'officer',
    make: async (as) => {
      const proposal = await createProposal(as, { partnershipId: p1(), acronym: 'MILES' });
      const milestone = await made(as.post(`/api/proposals/${proposal.id}/milestones`, { title: 'Descriptions due', dueOn: '2026-10-16' }));
      return { path: `/api/proposals/${proposal.id}/milestones/${milestone.id}`, version: milestone.version };
    },
    change: (n) => ({ title: `Descriptions due (${n})` }),
    readAt: (path) => path.replace(/\/milestones\/.*/, '/milestones')
  },
  {
    name: 'call',
    who: 'officer',
    make: async (as) => {
      const call = await made(as.post('/api/calls', { identifier: `INTERREG-EDITS-${next()}`, title: 'Edited call' }));
      return { path: `/api/calls/${call.id}`, version: call.version };
    },
    change: (n) => ({ title: `Edited call ${n}` })
  },
  {
    name: 'saved search',
    who: 'viewer',
    make: async (as) => {
      const search = await made(as.post('/api/saved-searches', { name: 'Hydrogen in LIFE' }));
      return { path: `/api/saved-searches/${search.id}`, version: search.version };
    },
    change: (n) => ({ name: `Hydrogen in LIFE ${n}` })
  },
  {
    name: 'programme',
    who: 'officer',
    make: async (as) => {
      const programme = await made(as.post('/api/programmes', { code: `EDITS-${next()}`, name: 'Edited programme', family: 'other' }));
      return { path: `/api/programmes/${programme.id}`, version: programme.version };
    },
    change: (n) => ({ name: `Edited programme ${n}` })
  }
];

/** The record's version as stored now. */
async function versionOf(kind: Kind, path: string): Promise<number> {
  const reply = await h.as[kind.who].get(kind.readAt ? kind.readAt(path) : path);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  if (kind.readAt) return reply.body.items.find((item: { id: string }) => path.endsWith(item.id)).version;
  return reply.body.version;
}

describe('edits of one record from two processes at once', () => {
  for (const kind of KINDS) {
    it(`${kind.name}: every edit without If-Match lands, one after the other`, async () => {
      const { path, version } = await kind.make(h.as[kind.who]);
      const before = (await h.as[kind.who].get(kind.readAt ? kind.readAt(path) : path)).body;
      const write = alternating(h.as[kind.who], other.as[kind.who]);
      const replies = await Promise.all(Array.from({ length: WRITERS }, (_, n) => write(n).patch(path, kind.change(n))));
      expect(statuses(replies), told(replies)).toEqual(Array(WRITERS).fill(200));
      expect(await versionOf(kind, path)).toBe(version + WRITERS);
      await kind.check?.(path, before);
    });

    it(`${kind.name}: of edits sent with the same If-Match, one lands and the others are told what changed`, async () => {
      const { path, version } = await kind.make(h.as[kind.who]);
      const write = alternating(h.as[kind.who], other.as[kind.who]);
      const replies = await Promise.all(Array.from({ length: WRITERS }, (_, n) => write(n).patch(path, kind.change(n), { ifMatch: `"${version}"` })));
      expect(statuses(replies), told(replies)).toEqual([200, ...Array(WRITERS - 1).fill(412)]);
      for (const refused of replies.filter((r) => r.status === 412)) expect(refused.body.current.version).toBe(version + 1);
      expect(await versionOf(kind, path)).toBe(version + 1);
    });
  }
});
