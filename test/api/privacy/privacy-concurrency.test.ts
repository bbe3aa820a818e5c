/**
 * A person's rights exercised from two apps serving one database at the
 * same moment (two server processes, test/support/second-app.ts): consent
 * withdrawn twice at once is withdrawn once (the second writer is told it
 * was withdrawn already), and a person erased while someone renames them is
 * erased under the new name too (the erasure scrubs the name it reads). SQLite runs one transaction at a time; on PostgreSQL both
 * writes hold the person first (db/row-locks.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClockedHarness } from '../../support/clocked-api.js';
import { createPerson } from '../../support/crm.js';
import { statuses, told, twoApps, type SecondApp } from '../../support/second-app.js';
import { allRows } from '../../support/sql.js';

const NOW = '2026-12-07T10:00:00.000Z';

let h: ClockedHarness;
let other: SecondApp;
let close: () => Promise<void>;
beforeAll(async () => ({ h, other, close } = await twoApps(NOW)));
afterAll(() => close?.());

function personOnConsent(name: string) {
  return createPerson(h.as.officer, {
    name,
    organisationId: h.world.organisations.pfb,
    emails: [`${name.toLowerCase().replace(' ', '.')}@example.org`],
    lawfulBasis: 'consent',
    consentDate: '2026-03-02',
    consentSource: 'Sign-up form at the Leuven fair'
  });
}

describe("a person's rights from two processes at once", () => {
  it('withdraws consent once when two writers withdraw it at the same moment', async () => {
    for (let round = 0; round < 4; round++) {
      const person = await personOnConsent(`Lotte Claes${round}`);
      const replies = await Promise.all([
        h.as.officer.post(`/api/people/${person.id}/consent/withdraw`, { how: 'by letter' }),
        other.as.editor.post(`/api/people/${person.id}/consent/withdraw`, { how: 'by phone' })
      ]);
      expect(statuses(replies), told(replies)).toEqual([200, 409]);
      expect(replies.find((r) => r.status === 409)!.body.detail).toMatch(/^Consent was already withdrawn on /);
      expect(await allRows(h, "SELECT seq FROM person_consents WHERE person_id = ? AND event = 'withdrawn'", person.id)).toHaveLength(1);
    }
  });

  it('erases a person edited at the same moment, the new name included', async () => {
    for (let round = 0; round < 4; round++) {
      const person = await createPerson(h.as.officer, { name: `Jan Peeters${round}`, organisationId: h.world.organisations.pfb, function: 'Beleidsmedewerker' });
      const renamed = `Jan Peeters-Janssens${round}`;
      const [erased, edited] = await Promise.all([h.as.officer.delete(`/api/people/${person.id}`), other.as.officer.patch(`/api/people/${person.id}`, { name: renamed })]);
      expect(erased!.status, told([erased!, edited!])).toBe(204);
      // the edit came first (and is erased with the rest), or found no such person
      expect([200, 404], told([erased!, edited!])).toContain(edited!.status);
      expect(await allRows(h, 'SELECT id FROM people WHERE id = ?', person.id)).toEqual([]);
      // nothing keeps the name it was given at the last moment: not the audit trail, not the search index
      const traces = await allRows(h, 'SELECT id FROM audit_events WHERE before LIKE ? OR after LIKE ?', `%${renamed}%`, `%${renamed}%`);
      expect(traces, `round ${round}: ${edited!.status}`).toEqual([]);
      expect(await allRows(h, 'SELECT content FROM search_index WHERE content LIKE ?', `%${renamed}%`)).toEqual([]);
    }
  });
});
