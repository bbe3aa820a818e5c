/**
 * The annual cycle's Word documents over HTTP through the app: a work plan
 * and an evaluation of the Rhein-Neckar – Flemish Brabant partnership
 * (German and Dutch regions) downloaded by a viewer, unzipped and read;
 * invisible to a user of another partnership (404), refused to anonymous
 * callers (401), and `{id}.docx` never taken for a plan's id.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { expectProblem } from '../../support/http.js';
import { docxText } from '../../e2e/support/docx.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

/** The raw answer (a file), as a caller with a token, or anonymous. */
function download(token: string | null, path: string) {
  return h.app.request(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

async function read(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const zip = await JSZip.loadAsync(bytes);
  const { text, files } = await docxText(bytes);
  return { lines: text.replace(/\u00a0/g, ' ').split('\n'), text, files, zip };
}

describe('/api/workplans/{id}.docx', () => {
  it('is the plan in German and Dutch: headings side by side, the overview and each item', async () => {
    const created = await h.as.officer.post('/api/workplans', { partnershipId: h.world.partnerships.p1, year: 2027, introduction: 'Gemeinsamer Arbeitsplan 2027.' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    for (const item of [
      { title: 'Delegationsreise Life Sciences nach Leuven', targetQuarter: 2, indicator: 'Teilnehmende Unternehmen', targetValue: '12', description: 'Besuch bei KU Leuven.' },
      { title: 'Gezamenlijk evenement in Brussel', targetDate: '2027-10-12', status: 'in_progress' }
    ]) {
      const reply = await h.as.officer.post(`/api/workplans/${id}/items`, item);
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    }

    const response = await download(h.world.users.viewer.token, `/api/workplans/${id}.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Arbeitsplan-Jaarplan-2027-Rhein-Neckar-Flemish-Brabant\.docx"/);
    const { lines, text } = await read(response);
    expect(lines).toContain('Arbeitsplan 2027 | Jaarplan 2027');
    for (const heading of ['Einleitung | Inleiding', 'Übersicht | Overzicht', 'Maßnahmen | Acties']) expect(lines).toContain(heading);
    expect(lines).toContain('Gemeinsamer Arbeitsplan 2027.');
    expect(lines).toContain('1. Delegationsreise Life Sciences nach Leuven');
    expect(lines).toContain('2. Gezamenlijk evenement in Brussel');
    expect(lines).toContain('2. Quartal 2027 / K2 2027');
    expect(lines).toContain('2027-10-12');
    expect(lines).toContain('in Arbeit / lopend');
    expect(lines).toContain('Besuch bei KU Leuven.');
    expect(text).toContain('Status: Entwurf / ontwerp');
  });

  it('answers 404 to a user of another partnership and for an unknown plan, 401 to anonymous callers', async () => {
    const created = await h.as.officer.post('/api/workplans', { partnershipId: h.world.partnerships.p1, year: 2028 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const path = `/api/workplans/${created.body.id}.docx`;
    expectProblem(await h.as.outsider.get(path), 404);
    expectProblem(await h.as.officer.get('/api/workplans/01900000-0000-7000-8000-000000000000.docx'), 404);
    expect((await download(null, path)).status).toBe(401);
    // the plan's own address still answers JSON
    const plan = await h.as.viewer.get(`/api/workplans/${created.body.id}`);
    expect(plan.status).toBe(200);
    expect(plan.body.year).toBe(2028);
  });
});

describe('/api/evaluations/{id}.docx', () => {
  it('is the evaluation in German and Dutch with its figures, each chart as a PNG and its table', async () => {
    for (const [title, type, startsAt] of [
      ['Delegationsreise nach Löwen', 'delegation_trip', '2026-03-29T09:00'],
      ['Fachaustausch Digitalisierung', 'expert_exchange', '2026-06-10T09:00'],
      ['Delegationsreise Mannheim', 'delegation_trip', '2026-09-15T09:00']
    ]) {
      const reply = await h.as.officer.post('/api/activities', {
        type,
        partnershipIds: [h.world.partnerships.p1],
        title,
        startsAt,
        endsAt: startsAt.replace('09:00', '17:00'),
        timeZone: 'Europe/Brussels'
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    }
    const created = await h.as.officer.post('/api/evaluations', { partnershipId: h.world.partnerships.p1, year: 2026 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;

    const response = await download(h.world.users.viewer.token, `/api/evaluations/${id}.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Evaluierung-Evaluatie-2026-Rhein-Neckar-Flemish-Brabant\.docx"/);
    const { lines, files, zip } = await read(response);
    expect(lines).toContain('Evaluierung 2026 | Evaluatie 2026');
    for (const heading of [
      'Kennzahlen | Kerncijfers',
      'Aktivitäten nach Art | Activiteiten per soort',
      'Bewertung des Arbeitsplans | Beoordeling van het jaarplan',
      'Ergebnisse | Resultaten',
      'Nächste Schritte | Volgende stappen'
    ])
      expect(lines).toContain(heading);
    // the activities by type: the chart's table holds the same numbers
    const byType = lines.indexOf('Aktivitäten nach Art | Activiteiten per soort');
    const table = lines.slice(byType, byType + 12);
    expect(table).toEqual(expect.arrayContaining(['Delegationsreise / Economische missie', '2', 'Fachaustausch / Expertenuitwisseling', '1', 'Gesamt / Totaal', '3']));
    const media = files.filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(media.length).toBeGreaterThanOrEqual(1);
    for (const name of media) {
      const png = await zip.file(name)!.async('uint8array');
      expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
      expect(view.getUint32(16)).toBe(1280);
      expect(view.getUint32(20)).toBeGreaterThan(100);
    }
  });

  it('answers 404 to a user of another partnership, 401 to anonymous callers', async () => {
    const created = await h.as.officer.post('/api/evaluations', { partnershipId: h.world.partnerships.p1, year: 2025 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const path = `/api/evaluations/${created.body.id}.docx`;
    expectProblem(await h.as.outsider.get(path), 404);
    expect((await download(null, path)).status).toBe(401);
    expect((await download(h.world.users.editor.token, path)).status).toBe(200);
  });
});
