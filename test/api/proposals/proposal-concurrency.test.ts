/**
 * A candidate project written from two apps serving one database at the
 * same moment (two server processes, test/support/second-app.ts): two
 * organisations made lead at once leave one lead, the proposal naming it;
 * an entry of the first-to-inform log added while the proposal is deleted
 * is either refused (the proposal is gone) or kept in what the deletion's
 * audit event takes along — never lost without a trace. SQLite runs one
 * transaction at a time; on PostgreSQL every write to a proposal or what
 * hangs off it holds the proposal first (db/row-locks.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHarness } from '../../support/api.js';
import { createOrganisation } from '../../support/crm.js';
import { createProposal } from '../../support/proposals.js';
import { statuses, told, twoApps, type SecondApp } from '../../support/second-app.js';
import { allRows } from '../../support/sql.js';

let h: ApiHarness;
let other: SecondApp;
let close: () => Promise<void>;
beforeAll(async () => ({ h, other, close } = await twoApps()));
afterAll(() => close?.());

const p1 = () => h.world.partnerships.p1;

describe('a proposal written from two processes at once', () => {
  it('has one lead when two organisations are made lead at the same moment', async () => {
    for (let round = 0; round < 4; round++) {
      const proposal = await createProposal(h.as.officer, { partnershipId: p1(), acronym: `LEAD${round}` });
      const [a, b] = [
        await createOrganisation(h.as.officer, { name: `Lead A ${round}`, kind: 'agency', country: 'DE' }),
        await createOrganisation(h.as.officer, { name: `Lead B ${round}`, kind: 'agency', country: 'BE' })
      ];
      const replies = await Promise.all([
        h.as.officer.post(`/api/proposals/${proposal.id}/consortium`, { organisationId: a.id, role: 'lead' }),
        other.as.officer.post(`/api/proposals/${proposal.id}/consortium`, { organisationId: b.id, role: 'lead' })
      ]);
      expect(statuses(replies), told(replies)).toEqual([201, 201]);
      const leads = await allRows<{ organisation_id: string }>(h, "SELECT organisation_id FROM consortium_members WHERE proposal_id = ? AND role = 'lead'", proposal.id);
      expect(leads, `round ${round}`).toHaveLength(1);
      expect((await h.as.viewer.get(`/api/proposals/${proposal.id}`)).body.leadOrganisationId).toBe(leads[0]!.organisation_id);
    }
  });

  it('never loses an inform log entry added while the proposal is deleted without a trace', async () => {
    const outcomes = { kept: 0, refused: 0 };
    for (let round = 0; round < 6; round++) {
      const proposal = await createProposal(h.as.officer, { partnershipId: p1(), acronym: `GONE${round}` });
      const [added, deleted] = await Promise.all([
        other.as.editor.post(`/api/proposals/${proposal.id}/inform-log`, { informedOn: '2026-01-15', organisationId: h.world.organisations.pfb, note: `Told in round ${round}` }),
        h.as.admin.delete(`/api/proposals/${proposal.id}`)
      ]);
      expect(deleted!.status, told([deleted!])).toBe(204);
      const [audit] = await allRows<{ before: string }>(h, "SELECT before FROM audit_events WHERE entity_type = 'proposal' AND entity_id = ? AND action = 'delete'", proposal.id);
      const takenAlong = JSON.parse(audit!.before).takesAlong.informLog.map((e: { note: string }) => e.note);
      if (added!.status === 201) {
        outcomes.kept++;
        expect(takenAlong, `round ${round}`).toEqual([`Told in round ${round}`]);
      } else {
        outcomes.refused++;
        expect(added!.status, told([added!])).toBe(404);
        expect(takenAlong).toEqual([]);
      }
    }
    expect(outcomes.kept + outcomes.refused).toBe(6);
  });

  it('keeps every score given while its matrix’s criteria are replaced: the score lands and the matrix stays, or the matrix changes and the score is refused', async () => {
    const levels = (...points: number[]) => points.map((p) => ({ points: p, description: `Level worth ${p}` }));
    const groups = [{ code: 'a', title: 'Quality', criteria: [{ title: 'Coherence', levels: levels(1, 3, 5) }] }];
    const outcomes = { scored: 0, replaced: 0 };
    for (let round = 0; round < 6; round++) {
      const matrix = (await h.as.officer.post('/api/scoring-matrices', { name: `Race matrix ${round}`, partnershipId: p1(), groups })).body;
      const criterionId = matrix.groups[0].criteria[0].id;
      const proposal = await createProposal(h.as.officer, { partnershipId: p1(), acronym: `SCORE${round}`, scoringMatrixId: matrix.id });
      const [scored, replaced] = await Promise.all([
        other.as.editor.put(`/api/proposals/${proposal.id}/scores`, { scores: [{ criterionId, points: 5 }] }),
        h.as.officer.patch(`/api/scoring-matrices/${matrix.id}`, { groups: [{ code: 'x', title: 'Only', criteria: [{ title: 'One', levels: levels(0, 10) }] }] })
      ]);
      const scores = await allRows(h, 'SELECT points FROM proposal_scores WHERE proposal_id = ?', proposal.id);
      if (scored!.status === 200) {
        outcomes.scored++;
        // scored first: the matrix keeps the criterion scored with (409), and the score is there
        expect(replaced!.status, told([scored!, replaced!])).toBe(409);
        expect(scores).toEqual([{ points: 5 }]);
      } else {
        outcomes.replaced++;
        // replaced first: the score names a criterion the matrix no longer has (400), and nothing was scored
        expect([scored!.status, replaced!.status], told([scored!, replaced!])).toEqual([400, 200]);
        expect(scores).toEqual([]);
      }
    }
    expect(outcomes.scored + outcomes.replaced).toBe(6);
  });
});
