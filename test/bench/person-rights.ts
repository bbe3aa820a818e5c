/**
 * Timings of a person's rights on the demo workspace, for `npm run bench`:
 * reading a person (with the access log's lookup), the export as JSON and
 * as Word, and one erasure of the demo person with the most participations
 * who is no party's contact person. Printed, never asserted.
 */
import { performance } from 'node:perf_hooks';
import type { OpenedDatabase } from '../../db/connection.js';

type Time = (label: string, rounds: number, request: () => Response | Promise<Response>) => Promise<void>;

export async function personRightsTimings(app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }, opened: OpenedDatabase, headers: Record<string, string>, time: Time): Promise<void> {
  const busiest = opened.sqlite
    .prepare(
      `SELECT people.id, count(ptc.id) AS n FROM people LEFT JOIN activity_participants ptc ON ptc.person_id = people.id
       WHERE people.id NOT IN (SELECT contact_person_id FROM partnership_parties WHERE contact_person_id IS NOT NULL)
       GROUP BY people.id ORDER BY n DESC, people.id LIMIT 1`
    )
    .get() as { id: string; n: number };
  await time('GET /api/people/:id (logged)', 200, () => app.request(`/api/people/${busiest.id}`, { headers }));
  await time('GET /api/people/:id/export', 20, () => app.request(`/api/people/${busiest.id}/export`, { headers }));
  await time('GET /api/people/:id/export.docx', 10, () => app.request(`/api/people/${busiest.id}/export.docx`, { headers }));
  const audit = (opened.sqlite.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
  const t = performance.now();
  const erased = await app.request(`/api/people/${busiest.id}`, { method: 'DELETE', headers: { ...headers, Origin: 'http://localhost' } });
  if (erased.status !== 204) throw new Error(`the erasure answered ${erased.status}: ${await erased.text()}`);
  console.log(`DELETE /api/people/:id (erasure of a person with ${busiest.n} participations, ${audit} audit events to search): ${(performance.now() - t).toFixed(1)} ms`);
}
