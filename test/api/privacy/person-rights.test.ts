/**
 * A person's rights through the real app on a real database (issue 10):
 * the access log of reads, the export as JSON and Word, and erasure, over a
 * person with interactions, participations in three years' activities,
 * feedback, a task, consent history and audit history. The figures of a year
 * without evaluation, an adopted evaluation and a draft evaluation are
 * compared before and after the erasure; afterwards no table (nor search,
 * nor any audit snapshot) holds the person's name, emails or phones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { settingsFrom } from '../../../api/platform/config.js';
import { newId } from '../../../db/ids.js';
import { ftsMatchExpression, indexMatches } from '../../../db/crm/search.js';
import { addParticipant } from '../../support/activities.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { createPerson } from '../../support/crm.js';
import { docxText } from '../../e2e/support/docx.js';
import { client, type Client, expectProblem } from '../../support/http.js';
import { pfbOfficer } from '../../support/work-plans.js';
import { allRows, firstRow, refuseInserts, runSql } from '../../support/sql.js';

const NAME = 'Annegret Vollmer-Schulz';
const EMAIL = 'a.vollmer@example-kammer.de';
const PHONE = '+49 621 5550 1789';
const FUNCTION = 'Leiterin Europabüro der Kammer';
const SOURCE = 'Signed form at the Mannheim innovation day';

let h: ApiHarness;
/** an officer of P1 from PFB, who approves for the Flemish party */
let pfb: Client;
let personId: string;
let otherId: string;
let feedToken: string;
let planId: string;
const activities: Record<number, string> = {};
const evaluations: { adopted: string; draft: string } = { adopted: '', draft: '' };

async function ok<T = any>(reply: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const r = await reply;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

/** A held activity of `year` with the person, a colleague of another organisation, and an organisation on its own; feedback from the person and the colleague. */
async function activityOf(year: number): Promise<string> {
  const activity = await ok(
    h.as.officer.post('/api/activities', {
      type: 'delegation_trip',
      title: `Hydrogen valley visit ${year}`,
      timeZone: 'Europe/Berlin',
      startsAt: `${year}-05-12T09:00`,
      endsAt: `${year}-05-13T17:00`,
      status: 'done',
      partnershipIds: [h.world.partnerships.p1]
    }),
    201
  );
  await addParticipant(h.as.officer, activity.id, { personId, role: 'delegate' });
  await addParticipant(h.as.officer, activity.id, { personId: otherId, role: 'delegate' });
  await addParticipant(h.as.officer, activity.id, { organisationId: h.world.organisations.vrrn, role: 'host' });
  const links = await ok(h.as.officer.post(`/api/activities/${activity.id}/feedback/links`, {}), 201);
  for (const link of links.items as { participantName: string; path: string }[]) {
    const token = link.path.split('/').pop()!;
    const isThem = link.participantName === NAME;
    if (link.participantName === 'Provincie Vlaams-Brabant' || link.participantName === 'Verband Region Rhein-Neckar') continue;
    await ok(h.anonymous.put(`/api/feedback/${token}`, { rating: isThem ? 5 : 3, comment: isThem ? `Great trip, thanks – ${NAME.split(' ')[0]} Vollmer-Schulz` : 'Good programme.' }));
  }
  await ok(h.as.officer.post(`/api/activities/${activity.id}/agenda`, { topic: 'Welcome', presenter: NAME, notes: `Introduced by Frau Vollmer-Schulz (${EMAIL})` }), 201);
  await ok(h.as.officer.post(`/api/activities/${activity.id}/outcomes`, { kind: 'contact', text: `Annegret (${PHONE}) will introduce the cluster.` }), 201);
  return activity.id;
}

/** Everything the figures of the three years show. */
async function figures() {
  const list = await ok(h.as.officer.get(`/api/evaluations?partnershipId=${h.world.partnerships.p1}&from=2024&to=2026`));
  const adopted = await ok(h.as.officer.get(`/api/evaluations/${evaluations.adopted}`));
  const draft = await ok(h.as.officer.get(`/api/evaluations/${evaluations.draft}`));
  const feedback = await ok(h.as.officer.get(`/api/feedback/summary?partnershipId=${h.world.partnerships.p1}`));
  return { years: list.years, adopted: adopted.figures, draft: draft.figures, feedback };
}

/** The officer's calendar feed (open tasks as all-day events), as a calendar fetches it. */
async function calendarFeed(): Promise<string> {
  const response = await h.app.request(`/api/calendar.ics?token=${encodeURIComponent(feedToken)}`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The tables (all but the full-text index's own shadow tables, searched through MATCH instead) whose rows hold `trace`. */
async function tablesHolding(trace: string): Promise<string[]> {
  const tables = (await h.db.introspection.getTables()).filter((table) => !table.isView && !table.name.startsWith('search_index')).map((table) => table.name);
  const holding: string[] = [];
  for (const name of tables) if (JSON.stringify(await allRows(h, `SELECT * FROM "${name}"`)).includes(trace)) holding.push(name);
  return holding;
}

beforeAll(async () => {
  h = await apiHarness();
  pfb = (await pfbOfficer(h)).client;
  const person = await createPerson(h.as.officer, {
    name: NAME,
    organisationId: h.world.organisations.vrrn,
    function: FUNCTION,
    emails: [EMAIL],
    phones: [PHONE],
    languages: ['de'],
    lawfulBasis: 'public_task'
  });
  personId = person.id;
  // consent history: public task, then consent given at the innovation day
  await ok(h.as.editor.patch(`/api/people/${personId}`, { lawfulBasis: 'consent', consentDate: '2025-03-04', consentSource: SOURCE }));
  otherId = (await createPerson(h.as.officer, { name: 'Joris Claes', organisationId: h.world.organisations.pfb })).id;

  await ok(h.as.officer.post('/api/interactions', { kind: 'call', occurredAt: '2025-02-01T10:00:00Z', personId, summary: `Called Annegret Vollmer-Schulz about the hydrogen call; she asks to write to ${EMAIL}.` }), 201);
  await ok(h.as.officer.post('/api/interactions', { kind: 'meeting', occurredAt: '2025-06-01T10:00:00Z', personId, organisationId: h.world.organisations.vrrn, summary: 'Met Vollmer-Schulz and Joris Claes at the chamber.' }), 201);
  await ok(h.as.officer.post('/api/tasks', { title: `Send the minutes to ${NAME}`, dueOn: '2026-12-15', partnershipId: h.world.partnerships.p1, subjectType: 'person', subjectId: personId, ownerId: h.world.users.officer.id }), 201);

  for (const year of [2024, 2025, 2026]) activities[year] = await activityOf(year);
  // a saved search for her, and a notification whose email copy failed (as the reminder run stores them)
  await ok(h.as.officer.post('/api/saved-searches', { name: `Calls for ${NAME}`, criteria: { keyword: NAME } }), 201);
  await h.db
    .insertInto('notifications')
    .values({ id: newId(), user_id: h.world.users.officer.id, kind: 'task_reminder', text: `Send the minutes to ${NAME} (${PHONE}).`, link: `/people/${personId}`, email_status: 'failed', email_error: `550 mailbox ${EMAIL} unavailable`, dedupe_key: null })
    .execute();

  feedToken = (await ok(h.as.officer.post('/api/calendar/feeds'), 201)).token;

  // last year's work plan, adopted with an item she was responsible for: frozen as revision 1
  planId = (await ok(h.as.officer.post('/api/workplans', { partnershipId: h.world.partnerships.p1, year: 2025 }), 201)).id;
  await ok(h.as.officer.post(`/api/workplans/${planId}/items`, { title: 'Hydrogen valley visit', responsiblePersonId: personId }), 201);
  await ok(h.as.officer.post(`/api/workplans/${planId}/propose`));
  await ok(h.as.officer.post(`/api/workplans/${planId}/approve`, {}));
  expect((await ok(pfb.post(`/api/workplans/${planId}/approve`, {}))).status).toBe('adopted');

  evaluations.adopted = (await ok(h.as.officer.post('/api/evaluations', { partnershipId: h.world.partnerships.p1, year: 2025 }), 201)).id;
  await ok(h.as.officer.post(`/api/evaluations/${evaluations.adopted}/propose`));
  const proposed = await ok(h.as.officer.post(`/api/evaluations/${evaluations.adopted}/approve`, {}));
  // adopted as it is (empty): what matters here is that it is frozen
  const adopted = await ok(pfb.post(`/api/evaluations/${evaluations.adopted}/approve`, { partyId: proposed.parties[1].id, force: true }));
  expect(adopted.status).toBe('adopted');
  evaluations.draft = (await ok(h.as.officer.post('/api/evaluations', { partnershipId: h.world.partnerships.p1, year: 2026 }), 201)).id;
});
afterAll(() => h.close());

describe('the access log', () => {
  const reads = async () => (await allRows(h, 'SELECT user_id, at FROM person_reads WHERE person_id = ? ORDER BY id', personId)) as { user_id: string; at: string }[];

  it('logs who read the record, once per user within ten minutes', async () => {
    const before = (await reads()).length;
    for (let i = 0; i < 5; i += 1) await ok(h.as.editor.get(`/api/people/${personId}`));
    await ok(h.as.viewer.get(`/api/people/${personId}`));
    const logged = (await reads()).slice(before);
    expect(logged.map((r) => r.user_id)).toEqual([h.world.users.editor.id, h.world.users.viewer.id]);

    // eleven minutes later the editor's read is logged again
    const later = client(createApp({ db: h.db, settings: settingsFrom({}), clock: () => new Date(Date.now() + 11 * 60_000) }), h.world.users.editor.token);
    await ok(later.get(`/api/people/${personId}`));
    expect((await reads()).slice(before).map((r) => r.user_id)).toEqual([h.world.users.editor.id, h.world.users.viewer.id, h.world.users.editor.id]);
  });

  it('shows the log to system administrators only', async () => {
    const log = await ok(h.as.sysadmin.get(`/api/people/${personId}/reads`));
    expect(log.windowMinutes).toBe(10);
    expect(log.items[0]).toMatchObject({ user: { id: h.world.users.editor.id, name: 'Editor', email: h.world.users.editor.email } });
    expect(log.items.map((r: { user: { name: string } }) => r.user.name)).toEqual(expect.arrayContaining(['Editor', 'Viewer']));
    expectProblem(await h.as.officer.get(`/api/people/${personId}/reads`), 403);
    expectProblem(await h.as.outsider.get(`/api/people/${personId}/reads`), 404);
    expectProblem(await h.as.sysadmin.get(`/api/people/${newId()}/reads`), 404);
  });

  it('never fails a read when the log cannot be written', async () => {
    const refusal = await refuseInserts(h, 'person_reads_fail', 'person_reads', 'database or disk is full');
    try {
      const reply = await h.as.admin.get(`/api/people/${personId}`);
      expect(reply.status).toBe(200);
      expect(reply.body.name).toBe(NAME);
      expect((await reads()).some((r) => r.user_id === h.world.users.admin.id)).toBe(false);
    } finally {
      await refusal.lift();
    }
  });
});

describe('what the caller may do', () => {
  it('answers export and erase for writers, the access log for system administrators', async () => {
    expect(await ok(h.as.officer.get(`/api/people/${personId}/rights`))).toEqual({ export: true, erase: true, accessLog: false });
    expect(await ok(h.as.viewer.get(`/api/people/${personId}/rights`))).toEqual({ export: false, erase: false, accessLog: false });
    expect(await ok(h.as.sysadmin.get(`/api/people/${personId}/rights`))).toEqual({ export: true, erase: true, accessLog: true });
    expectProblem(await h.as.outsider.get(`/api/people/${personId}/rights`), 404);
  });
});

describe('the export', () => {
  it('refuses viewers (403) and outsiders (404) and audits nothing then', async () => {
    const events = async () => ((await firstRow(h, "SELECT count(*) AS n FROM audit_events WHERE action = 'exported'")) as { n: number }).n;
    const before = (await events());
    expectProblem(await h.as.viewer.get(`/api/people/${personId}/export`), 403);
    expectProblem(await h.as.outsider.get(`/api/people/${personId}/export`), 404);
    expectProblem(await h.as.viewer.get(`/api/people/${personId}/export.docx`), 403);
    expect((await events())).toBe(before);
  });

  it('holds everything about the person as a JSON file, and is audited without the data', async () => {
    await ok(h.as.viewer.get(`/api/people/${personId}`));
    await ok(h.as.editor.post('/api/people/retention-review/keep', { personIds: [personId], reason: 'Speaker at the 2027 hydrogen conference.' }));
    const reply = await h.as.editor.get(`/api/people/${personId}/export`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.headers.get('content-type')).toContain('application/json');
    expect(reply.headers.get('content-disposition')).toMatch(/^attachment; filename="personal-data-Annegret-Vollmer-Schulz-\d{4}-\d{2}-\d{2}\.json"/);
    const data = reply.body;
    expect(data).toMatchObject({
      format: 'regiodesk-person-export/1',
      exportedBy: { id: h.world.users.editor.id, name: 'Editor' },
      person: { id: personId, name: NAME, function: FUNCTION, emails: [EMAIL], phones: [PHONE], organisationName: 'Verband Region Rhein-Neckar', lawfulBasis: 'consent' },
      consent: { current: { lawfulBasis: 'consent', consentDate: '2025-03-04', consentSource: SOURCE } }
    });
    expect(data.consent.history.map((s: { lawfulBasis: string; consentSource: string | null; by: string }) => [s.lawfulBasis, s.consentSource, s.by])).toEqual([
      ['public_task', null, 'Officer'],
      ['consent', SOURCE, 'Editor']
    ]);
    // the consent history as the consent panel records it: given on the day, through the source, by the editor
    expect(data.consent.events.map((e: { event: string; onDate: string; how: string; by: string }) => [e.event, e.onDate, e.how, e.by])).toEqual([['given', '2025-03-04', SOURCE, 'Editor']]);
    expect(data.keptAfterReview).toEqual([{ decidedAt: expect.any(String), reason: 'Speaker at the 2027 hydrogen conference.', by: 'Editor' }]);
    expect(data.interactions.map((i: { kind: string }) => i.kind)).toEqual(['call', 'meeting']);
    expect(data.participations.map((p: { activityTitle: string; role: string; attendance: string; organisationName: string }) => [p.activityTitle, p.role, p.attendance, p.organisationName])).toEqual([
      ['Hydrogen valley visit 2024', 'delegate', 'attended', 'Verband Region Rhein-Neckar'],
      ['Hydrogen valley visit 2025', 'delegate', 'attended', 'Verband Region Rhein-Neckar'],
      ['Hydrogen valley visit 2026', 'delegate', 'attended', 'Verband Region Rhein-Neckar']
    ]);
    expect(data.feedback.map((f: { rating: number; comment: string }) => [f.rating, f.comment])).toEqual([
      [5, 'Great trip, thanks – Annegret Vollmer-Schulz'],
      [5, 'Great trip, thanks – Annegret Vollmer-Schulz'],
      [5, 'Great trip, thanks – Annegret Vollmer-Schulz']
    ]);
    expect(data.tasks).toEqual([expect.objectContaining({ title: `Send the minutes to ${NAME}`, status: 'open', ownerName: 'Officer' })]);
    // the person's own events and those of records naming them (interactions, participations, feedback)
    const kinds = new Set(data.auditEvents.map((e: { entityType: string; action: string }) => `${e.entityType}:${e.action}`));
    expect([...kinds]).toEqual(expect.arrayContaining(['person:create', 'person:update', 'interaction:create', 'activity:update', 'task:create']));
    const namesThem = (e: { before: unknown; after: unknown }) => [personId, NAME, EMAIL, PHONE].some((needle) => JSON.stringify([e.before, e.after]).includes(needle));
    expect(data.auditEvents.filter((e: { entityType: string; entityId: string; before: unknown; after: unknown }) => !(e.entityType === 'person' && e.entityId === personId) && !namesThem(e))).toEqual([]);
    expect(data.accessLog.map((r: { user: { name: string } }) => r.user.name)).toEqual(expect.arrayContaining(['Editor', 'Viewer']));
    // the editor gave consent and kept the person after the retention review
    expect(data.changedBy.map((u: { name: string; changes: number }) => [u.name, u.changes]).sort()).toEqual([
      ['Editor', 2],
      ['Officer', 1]
    ]);

    const exported = (await allRows(h, "SELECT actor_id, before, after FROM audit_events WHERE entity_type = 'person' AND entity_id = ? AND action = 'exported'", personId));
    expect(exported).toEqual([{ actor_id: h.world.users.editor.id, before: null, after: '{"format":"json"}' }]);
  });

  const exportDocument = async (token: string, query = '') => {
    const response = await h.app.request(`/api/people/${personId}/export.docx${query}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return { disposition: response.headers.get('content-disposition'), ...(await docxText(new Uint8Array(await response.arrayBuffer()))) };
  };

  it('is a readable Word document with the same contents, audited too', async () => {
    const response = await h.app.request(`/api/people/${personId}/export.docx`, { headers: { Authorization: `Bearer ${h.world.users.officer.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="personal-data-Annegret-Vollmer-Schulz-.*\.docx"/);
    const { text } = await docxText(new Uint8Array(await response.arrayBuffer()));
    for (const expected of [
      `Personal data held about: ${NAME}`,
      EMAIL,
      PHONE,
      FUNCTION,
      SOURCE,
      'Lawful basis: Consent (Art. 6(1)(a))',
      'Interactions',
      'Called Annegret Vollmer-Schulz about the hydrogen call',
      'Hydrogen valley visit 2025',
      'Great trip, thanks',
      `Send the minutes to ${NAME}`,
      'Who viewed the record',
      'Who created or changed the record'
    ]) {
      expect(text).toContain(expected);
    }
    // the officer's account language is English: no German beside it any more
    expect(text).not.toContain('Gespeicherte personenbezogene Daten');
    const formats = (await allRows(h, "SELECT after FROM audit_events WHERE entity_type = 'person' AND entity_id = ? AND action = 'exported' ORDER BY at, id", personId));
    expect(formats).toEqual([{ after: '{"format":"json"}' }, { after: '{"format":"docx"}' }]);
  });

  it('is in Dutch when asked for (?lang=nl), and in the reader\'s account language without ?lang: German stays German', async () => {
    const dutch = await exportDocument(h.world.users.officer.token, '?lang=nl');
    expect(dutch.disposition).toMatch(/^attachment; filename="persoonsgegevens-Annegret-Vollmer-Schulz-\d{4}-\d{2}-\d{2}\.docx"/);
    const nl = dutch.text.split('\n');
    expect(nl[0]).toBe(`Bewaarde persoonsgegevens over: ${NAME}`);
    expect(nl).toContain(`Functie: ${FUNCTION}`);
    for (const heading of ['Fiche', 'Rechtsgrond en toestemming', 'Toestemming gegeven en ingetrokken', 'Contactmomenten', 'Deelname aan activiteiten', 'Gegeven feedback', 'Taken over de persoon', 'Registraties in het auditlogboek over de persoon', 'Wie de fiche heeft bekeken', 'Wie de fiche heeft aangemaakt of gewijzigd']) {
      expect(nl, heading).toContain(heading);
    }
    expect(nl).toContain('Rechtsgrond: Toestemming (art. 6.1.a AVG)');
    expect(nl).toContain(`Toestemming gegeven via: ${SOURCE}`);
    // the consent given on the day, and the call: the values in Dutch too, days by Intl (nl-BE)
    expect(nl.join('|')).toContain(`Wanneer|Gebeurtenis|Hoe|Wie|4 mrt 2025|gegeven|${SOURCE}|Editor`);
    expect(nl.join('|')).toContain('1 feb 2025|telefoongesprek|Called Annegret Vollmer-Schulz about the hydrogen call');
    for (const english of ['Personal data held about', 'Lawful basis', 'Interactions', 'Who viewed the record', 'Gespeicherte']) expect(dutch.text).not.toContain(english);

    expect((await h.as.officer.put('/api/auth/me/locale', { locale: 'de' })).status).toBe(204);
    try {
      const german = await exportDocument(h.world.users.officer.token);
      expect(german.disposition).toMatch(/^attachment; filename="personenbezogene-daten-Annegret-Vollmer-Schulz-\d{4}-\d{2}-\d{2}\.docx"/);
      const de = german.text.split('\n');
      expect(de[0]).toBe(`Gespeicherte personenbezogene Daten zu: ${NAME}`);
      for (const heading of ['Datensatz', 'Rechtsgrundlage und Einwilligung', 'Kontakte', 'Teilnahme an Aktivitäten', 'Wer den Datensatz angesehen hat', 'Wer den Datensatz angelegt oder geändert hat']) {
        expect(de, heading).toContain(heading);
      }
      expect(de).toContain('Rechtsgrundlage: Einwilligung (Art. 6 Abs. 1 lit. a)');
      expect(de.join('|')).toContain('01.02.2025|Anruf|Called Annegret Vollmer-Schulz about the hydrogen call');
      for (const other of ['Personal data held about', 'Bewaarde persoonsgegevens', 'Contactmomenten']) expect(german.text).not.toContain(other);
    } finally {
      expect((await h.as.officer.put('/api/auth/me/locale', { locale: 'en' })).status).toBe(204);
    }
    expectProblem(await h.as.officer.get(`/api/people/${personId}/export.docx?lang=fr`), 400, 'query.lang');
    // each Word export is audited
    const formats = (await allRows(h, "SELECT after FROM audit_events WHERE entity_type = 'person' AND entity_id = ? AND action = 'exported' ORDER BY at, id", personId));
    expect(formats.map((f) => (f as { after: string }).after)).toEqual(['{"format":"json"}', '{"format":"docx"}', '{"format":"docx"}', '{"format":"docx"}']);
  });
});

describe('erasure', () => {
  let before: Awaited<ReturnType<typeof figures>>;
  let revisionBefore: unknown;
  let counts: { participants: number; interactions: number; links: number };
  const count = async (text: string) => Number((await firstRow<{ n: number }>(h, text))!.n);

  it('refuses viewers (403), outsiders (404), a stale If-Match (412) and a contact person (409, saying why)', async () => {
    expectProblem(await h.as.viewer.delete(`/api/people/${personId}`), 403);
    expectProblem(await h.as.outsider.delete(`/api/people/${personId}`), 404);
    expectProblem(await h.as.officer.delete(`/api/people/${personId}`, { ifMatch: '"1"' }), 412);
    await runSql(h, 'UPDATE partnership_parties SET contact_person_id = ? WHERE organisation_id = ?', personId, h.world.organisations.vrrn);
    const refused = await h.as.officer.delete(`/api/people/${personId}`);
    expectProblem(refused, 409);
    expect(refused.body.detail).toContain('contact person');
    await runSql(h, 'UPDATE partnership_parties SET contact_person_id = NULL WHERE contact_person_id = ?', personId);
    expect((await tablesHolding(NAME))).toEqual(expect.arrayContaining(['people', 'interactions', 'audit_events']));
  });

  it('erases the person while every figure stays the same', async () => {
    before = await figures();
    counts = {
      participants: (await count('SELECT count(*) AS n FROM activity_participants')),
      interactions: (await count('SELECT count(*) AS n FROM interactions')),
      links: (await count('SELECT count(*) AS n FROM feedback_links WHERE answered_at IS NOT NULL'))
    };
    expect(before.years.map((y: { year: number; figures: { participants: { total: number } } }) => [y.year, y.figures.participants.total])).toEqual([
      [2024, 3],
      [2025, 3],
      [2026, 3]
    ]);
    expect(before.draft.participants.organisations.total).toBe(2);

    expect(await calendarFeed()).toContain(`Send the minutes to ${NAME}`);
    revisionBefore = await ok(h.as.officer.get(`/api/workplans/${planId}/revisions/1`));
    expect(JSON.stringify(revisionBefore)).toContain(NAME);
    const version = (await ok(h.as.officer.get(`/api/people/${personId}`))).version;
    const reply = await h.as.officer.delete(`/api/people/${personId}`, { ifMatch: `"${version}"` });
    expect(reply.status, JSON.stringify(reply.body)).toBe(204);

    expect(await figures()).toEqual(before);
    expect((await count('SELECT count(*) AS n FROM activity_participants'))).toBe(counts.participants);
    expect((await count('SELECT count(*) AS n FROM interactions'))).toBe(counts.interactions);
    expect((await count('SELECT count(*) AS n FROM feedback_links WHERE answered_at IS NOT NULL'))).toBe(counts.links);
  });

  it('leaves the participations anonymous, with their organisation, and the interactions without the person', async () => {
    const anonymous = (await allRows(h, 'SELECT activity_id, organisation_id, role, erased_at FROM activity_participants WHERE person_id IS NULL AND erased_at IS NOT NULL ORDER BY activity_id')) as { organisation_id: string }[];
    expect(anonymous).toHaveLength(3);
    expect(anonymous.every((p) => p.organisation_id === h.world.organisations.vrrn)).toBe(true);
    const participants = await ok(h.as.officer.get(`/api/activities/${activities[2026]}/participants`));
    const items = participants.items ?? participants;
    expect(items.map((p: { personName: string | null; organisationName: string | null; erased: boolean }) => [p.personName, p.organisationName, p.erased])).toEqual([
      [null, 'Verband Region Rhein-Neckar', true],
      ['Joris Claes', 'Provincie Vlaams-Brabant', false],
      [null, 'Verband Region Rhein-Neckar', false]
    ]);
    // the call was logged on her alone: it stays at her organisation, where its readers found her
    const summaries = (await allRows(h, "SELECT summary, person_id, organisation_id FROM interactions WHERE kind IN ('call', 'meeting') ORDER BY occurred_at"));
    expect(summaries).toEqual([
      { summary: 'Called [erased] about the hydrogen call; she asks to write to [erased].', person_id: null, organisation_id: h.world.organisations.vrrn },
      { summary: 'Met [erased] and Joris Claes at the chamber.', person_id: null, organisation_id: h.world.organisations.vrrn }
    ]);
    const outsiders = await ok(h.as.outsider.get('/api/interactions?limit=200'));
    expect(JSON.stringify(outsiders)).not.toContain('[erased]');
    const comments = (await allRows(h, 'SELECT DISTINCT comment FROM feedback_links WHERE rating = 5'));
    expect(comments).toEqual([{ comment: 'Great trip, thanks – [erased]' }]);
    expect((await firstRow(h, "SELECT text, email_error FROM notifications WHERE kind = 'task_reminder'"))).toEqual({ text: 'Send the minutes to [erased] ([erased]).', email_error: '550 mailbox [erased] unavailable' });
    const search = (await ok(h.as.officer.get('/api/saved-searches'))).items.find((s: { name: string }) => s.name.startsWith('Calls for'));
    expect(search).toMatchObject({ name: 'Calls for [erased]', criteria: { keyword: '[erased]' } });
    const task = (await firstRow(h, "SELECT title, subject_type, subject_id FROM tasks WHERE title LIKE 'Send the minutes%'"));
    expect(task).toEqual({ title: 'Send the minutes to [erased]', subject_type: null, subject_id: null });
  });

  it('leaves no trace a reader could find: record, search, audit snapshots, every stored text', async () => {
    expectProblem(await h.as.officer.get(`/api/people/${personId}`), 404);
    const search = await ok(h.as.sysadmin.get('/api/search?q=Vollmer'));
    expect(JSON.stringify(search)).not.toContain('Vollmer');
    for (const word of ['vollmer', 'annegret']) {
      const found = await h.db.selectFrom('search_index').select((eb) => eb.fn.countAll<number>().as('n')).where(indexMatches(ftsMatchExpression(word)!)).executeTakeFirstOrThrow();
      expect(found, word).toEqual({ n: 0 });
    }

    const feed = await calendarFeed();
    expect(feed).toContain('Send the minutes to [erased]');
    expect(feed).not.toContain('Vollmer');

    const trail = await ok(h.as.sysadmin.get(`/api/audit?entityType=person&entityId=${personId}`));
    expect(trail.items[0]).toMatchObject({ action: 'erased', actor: { id: h.world.users.officer.id }, before: null, after: null });
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(['erased', 'exported', 'exported', 'exported', 'exported', 'update', 'update', 'create']);
    const created = trail.items.at(-1);
    expect(created.after).toMatchObject({ id: personId, name: '[erased]', function: '[erased]', emails: ['[erased]'], phones: ['[erased]'], lawfulBasis: 'public_task' });
    expect(trail.items.at(-3).after).toMatchObject({ retention: { reason: 'Speaker at the 2027 hydrogen conference.' } });
    expect(trail.items.at(-2).after).toMatchObject({ consentSource: '[erased]', consentDate: '[erased]', lawfulBasis: 'consent' });
    const activityTrail = await ok(h.as.officer.get(`/api/audit?entityType=activity&entityId=${activities[2025]}`));
    expect(JSON.stringify(activityTrail)).toContain('Joris Claes');
    expect(JSON.stringify(activityTrail)).toContain('[erased]');

    for (const trace of [NAME, 'Vollmer', 'Annegret', EMAIL, PHONE, FUNCTION, SOURCE]) expect((await tablesHolding(trace)), trace).toEqual([]);
    expect((await tablesHolding('Joris Claes'))).toEqual(expect.arrayContaining(['people', 'interactions', 'audit_events']));
  });

  it('removes an interaction that would otherwise hang off nothing, since everyone would see it', async () => {
    const loner = await createPerson(h.as.officer, { name: 'Kees Onbekend', organisationId: null });
    const note = await ok(h.as.officer.post('/api/interactions', { kind: 'note', occurredAt: '2025-04-01T10:00:00Z', personId: loner.id, summary: 'Kees Onbekend asked for the brochure.' }), 201);
    expect((await h.as.officer.delete(`/api/people/${loner.id}`)).status).toBe(204);
    expect((await firstRow(h, 'SELECT count(*) AS n FROM interactions WHERE id = ?', note.id))).toEqual({ n: 0 });
    expect((await allRows(h, "SELECT action, before, after FROM audit_events WHERE entity_type = 'interaction' AND entity_id = ? ORDER BY at, id", note.id))).toEqual([
      { action: 'create', before: null, after: expect.not.stringContaining('Kees') },
      { action: 'erased', before: null, after: null }
    ]);
    expect((await tablesHolding('Onbekend'))).toEqual([]);
  });

  it('keeps the frozen work plan revision as it was adopted, without her name', async () => {
    const revision = await ok(h.as.officer.get(`/api/workplans/${planId}/revisions/1`));
    expect(JSON.stringify(revision)).not.toContain('Vollmer');
    // everything else as adopted
    expect(JSON.stringify(revision)).toBe(JSON.stringify(revisionBefore).replaceAll(NAME, '[erased]'));
    const item = revision.workPlan.items[0];
    expect(item).toMatchObject({ title: 'Hydrogen valley visit', responsiblePersonId: personId, responsiblePersonName: '[erased]' });
    const live = await ok(h.as.officer.get(`/api/workplans/${planId}`));
    expect(live.items[0]).toMatchObject({ title: 'Hydrogen valley visit', responsiblePersonId: null });
  });

  it('keeps the adopted figures and still counts a new participation of the same organisation', async () => {
    // the anonymous participation does not block the organisation from taking part on its own in the same role
    await addParticipant(h.as.officer, activities[2026]!, { organisationId: h.world.organisations.vrrn, role: 'delegate' });
    const after = await ok(h.as.officer.get(`/api/evaluations/${evaluations.adopted}`));
    expect(after.figures).toEqual(before.adopted);
    expect((await ok(h.as.officer.get(`/api/evaluations/${evaluations.draft}`))).figures.participants.total).toBe(before.draft.participants.total + 1);
  });
});
