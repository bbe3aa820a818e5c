/**
 * The last English sentences the server wrote (issue 13), now in the
 * reader's language — a signed-in caller's account language (the request's
 * Accept-Language does not change it), over real HTTP on a real database:
 * the portal import's notes (JSON and NDJSON), the consortium's warnings,
 * why an approval was withdrawn (stored as a kind and values, worded when
 * read; an old free-text reason shown as it was written), the agreement's
 * obligations and a budget's message. Each is read by a German and a Dutch
 * account and carries no English sentence; the code and values stay beside
 * the words for programs.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import type { Client } from '../../support/http.js';
import { createProposal } from '../../support/proposals.js';
import { newItem, newPlan, pfbOfficer } from '../../support/work-plans.js';
import type { UserKey } from '../../support/world.js';

const BULK = readFileSync(new URL('../../fixtures/portal/grantsTenders.json', import.meta.url), 'utf8');

let h: ClockedHarness;
let pfb: { id: string; token: string; client: Client };
beforeAll(async () => {
  h = await clockedHarness('2026-11-23T10:00:00Z');
  pfb = await pfbOfficer(h);
});
afterAll(() => h.close());

const speaks = (user: UserKey, locale: 'en' | 'de' | 'nl') => h.db.updateTable('users').set({ locale }).where('id', '=', h.world.users[user].id).execute();

/** English words that none of these German or Dutch sentences holds */
const ENGLISH = /\b(the|and|has|been|by|not|only|this|which|changed|withdrawn|contribution)\b/i;

async function importAs(who: UserKey, accept?: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: `Bearer ${h.world.users[who].token}`, 'Accept-Language': 'en' };
  if (accept) headers.Accept = accept;
  const response = await h.app.request('/api/calls/import?dryRun=true', { method: 'POST', headers, body: BULK });
  return { status: response.status, text: await response.text() };
}

describe('the portal import’s notes', () => {
  it('come with a code and values, and the message in the account’s language (German and Dutch), in the JSON answer', async () => {
    await speaks('officer', 'de');
    const de = await importAs('officer');
    expect(de.status, de.text).toBe(200);
    const summary = JSON.parse(de.text);
    const tender = summary.skipped.find((s: { code: string }) => s.code === 'problems_funding_import_tender');
    expect(tender).toMatchObject({ params: {}, message: 'Nur Förderthemen (Typ 1) werden importiert; dies ist eine Ausschreibung (tender).' });
    expect(summary.invalid).toContainEqual(expect.objectContaining({ code: 'problems_funding_import_notDeadline', params: { value: '1804118400' }, message: '1804118400 ist kein Datum für eine Einreichungsfrist.' }));
    const programme = summary.warnings.find((w: { code: string }) => w.code === 'problems_funding_import_programmeUnknown');
    expect(programme).toMatchObject({ params: { programme: 'EDF (44181033)' }, message: expect.stringContaining('Das Programm EDF (44181033) steht nicht im Katalog') });
    for (const issue of [...summary.invalid, ...summary.skipped, ...summary.warnings]) expect(issue.message, issue.code).not.toMatch(ENGLISH);
  });

  it('end the NDJSON stream in the account’s language too', async () => {
    await speaks('editor', 'nl');
    const nl = await importAs('editor', 'application/x-ndjson');
    expect(nl.status).toBe(200);
    const last = JSON.parse(nl.text.trim().split('\n').at(-1)!);
    expect(last.type).toBe('summary');
    expect(last.summary.skipped.find((s: { code: string }) => s.code === 'problems_funding_import_tender').message).toBe('Alleen subsidietopics (type 1) worden geïmporteerd; dit is een aanbesteding (tender).');
    for (const issue of [...last.summary.invalid, ...last.summary.skipped, ...last.summary.warnings]) expect(issue.message, issue.code).not.toMatch(ENGLISH);
  });
});

describe('the consortium’s warnings', () => {
  it('are worded in the reader’s language, with amounts as the language writes them', async () => {
    const proposal = await createProposal(h.as.editor, { acronym: 'WORDS', partnershipId: h.world.partnerships.p1 });
    const url = `/api/proposals/${proposal.id}/consortium`;
    // a partner without any rate, and no lead
    expect((await h.as.editor.post(url, { organisationId: h.world.organisations.pfb, role: 'partner', budget: '1000' })).status).toBe(201);
    await speaks('viewer', 'nl');
    const nl = await h.as.viewer.get(url, { headers: { 'Accept-Language': 'de' } });
    expect(nl.body.warnings).toEqual([
      { code: 'no_lead', memberId: null, params: {}, message: 'Het consortium heeft nog geen hoofdpartner.' },
      expect.objectContaining({ code: 'no_rate', params: { name: 'Provincie Vlaams-Brabant' }, message: expect.stringMatching(/^Geen medefinancieringspercentage voor Provincie Vlaams-Brabant/) })
    ]);
    await speaks('viewer', 'de');
    const de = await h.as.viewer.get(url);
    expect(de.body.warnings.map((w: { message: string }) => w.message)).toEqual([
      'Das Konsortium hat noch keinen Leadpartner.',
      'Keine Förderquote für Provincie Vlaams-Brabant: weder der Partner noch der Aufruf noch das Programm nennt eine; die EU-Förderung zählt als 0.'
    ]);
  });
});

describe('why an approval was withdrawn', () => {
  it('is stored as a kind and values and worded for each reader; an old free-text reason is shown as it was written', async () => {
    const plan = await newPlan(h, 2031, { introduction: 'Plan.' });
    const item = await newItem(h, plan.id, { title: 'Mission to Leuven' });
    const url = (rest = '') => `/api/workplans/${plan.id}${rest}`;
    expect((await h.as.officer.post(url('/propose'))).status).toBe(200);
    expect((await h.as.officer.post(url('/approve'), {})).status).toBe(200);
    // PFB's officer changes an item: VRRN's approval is withdrawn
    expect((await pfb.client.patch(url(`/items/${item.id}`), { targetQuarter: 2 }, { ifMatch: '"1"' })).status).toBe(200);

    const stored = await h.db.selectFrom('cycle_approvals').select(['withdrawn_reason', 'withdrawn_reason_kind', 'withdrawn_reason_params']).where('document_id', '=', plan.id).executeTakeFirstOrThrow();
    expect(stored.withdrawn_reason).toBeNull();
    expect(stored.withdrawn_reason_kind).toBe('item_changed');
    const params = typeof stored.withdrawn_reason_params === 'string' ? JSON.parse(stored.withdrawn_reason_params) : stored.withdrawn_reason_params;
    expect(params).toEqual({ title: 'Mission to Leuven', name: 'Pfb Officer' });

    await speaks('viewer', 'nl');
    const nl = (await h.as.viewer.get(url())).body;
    expect(nl.approvals[0].withdrawn).toMatchObject({ reasonCode: 'item_changed', reasonParams: { title: 'Mission to Leuven', name: 'Pfb Officer' }, reason: 'Actie ‘Mission to Leuven’ gewijzigd door Pfb Officer' });
    await speaks('viewer', 'de');
    expect((await h.as.viewer.get(url())).body.approvals[0].withdrawn.reason).toBe('Punkt „Mission to Leuven“ geändert von Pfb Officer');

    // the party takes its own approval back: "withdrawn by", in each reader's language
    expect((await pfb.client.post(url('/approve'), {})).status).toBe(200);
    await h.db.updateTable('users').set({ locale: 'de' }).where('id', '=', pfb.id).execute();
    const own = await pfb.client.delete(url('/approve'));
    expect(own.body.approvals[1].withdrawn).toMatchObject({ reasonCode: 'by_party', reason: 'Zurückgezogen von Pfb Officer' });
    await speaks('viewer', 'nl');
    expect((await h.as.viewer.get(url())).body.approvals[1].withdrawn.reason).toBe('Ingetrokken door Pfb Officer');

    // a reason an older version stored as free text: shown as it is, to every reader
    await h.db.updateTable('cycle_approvals').set({ withdrawn_reason: 'Withdrawn by someone long ago', withdrawn_reason_kind: null, withdrawn_reason_params: null }).where('document_id', '=', plan.id).where('withdrawn_reason_kind', '=', 'by_party').execute();
    expect((await h.as.viewer.get(url())).body.approvals[1].withdrawn).toMatchObject({ reasonCode: null, reasonParams: {}, reason: 'Withdrawn by someone long ago' });
  });

  it('names an evaluation’s section in the reader’s language', async () => {
    const created = await h.as.officer.post('/api/evaluations', { partnershipId: h.world.partnerships.p1, year: 2025 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    expect((await h.as.officer.post(`/api/evaluations/${id}/propose`)).status).toBe(200);
    expect((await h.as.officer.post(`/api/evaluations/${id}/approve`, {})).status).toBe(200);
    const section = (await h.as.viewer.get(`/api/evaluations/${id}`)).body.sections.find((s: { kind: string }) => s.kind === 'challenges');
    const edit = await pfb.client.patch(`/api/evaluations/${id}/sections/challenges`, { body: 'Fewer trips than planned.' }, { ifMatch: `"${section.version}"` });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    await speaks('viewer', 'nl');
    expect((await h.as.viewer.get(`/api/evaluations/${id}`)).body.approvals[0].withdrawn).toMatchObject({ reasonCode: 'section_changed', reason: 'Onderdeel ‘Uitdagingen’ gewijzigd door Pfb Officer' });
  });
});

describe('the agreement’s obligations', () => {
  it('say their reasons in the reader’s language, with dates as the web writes them', async () => {
    const p1 = h.world.partnerships.p1;
    // an agreement in force in 2026
    await h.db.updateTable('partnerships').set({ starts_on: '2025-01-01', ends_on: '2028-12-31' }).where('id', '=', p1).execute();
    await speaks('viewer', 'nl');
    const nl = await h.as.viewer.get(`/api/partnerships/${p1}/obligations?year=2026`, { headers: { 'Accept-Language': 'en' } });
    expect(nl.status).toBe(200);
    const byCode = Object.fromEntries(nl.body.items.map((o: { code: string; reason: string }) => [o.code, o.reason]));
    expect(byCode.evaluation).toBe('De evaluatiemaand is november: stel de evaluatie van 2026 uiterlijk op 30 nov. 2026 vast; ze is nog niet gestart.');
    for (const [code, reason] of Object.entries(byCode)) expect(reason, code).not.toMatch(ENGLISH);
    await speaks('viewer', 'de');
    const de = await h.as.viewer.get(`/api/partnerships/${p1}/obligations?year=2026`);
    for (const o of de.body.items) expect(o.reason, o.code).not.toMatch(ENGLISH);
    expect(de.body.items.find((o: { code: string }) => o.code === 'evaluation').reason).toContain('30.11.2026');
  });
});

describe('a budget’s message', () => {
  it('is in the reader’s language, the amounts as the language writes them', async () => {
    const created = await h.as.officer.post('/api/budgets', { partnershipId: h.world.partnerships.p1, organisationId: h.world.organisations.pfb, year: 2029, amount: '15000.50', warnAtPercent: 90 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await speaks('viewer', 'nl');
    expect((await h.as.viewer.get(`/api/budgets/${created.body.id}`)).body.message).toBe('Het budget PFB 2029 staat op 0 % (0,00\u00a0€ van 15.000,50\u00a0€).');
    await speaks('viewer', 'de');
    expect((await h.as.viewer.get(`/api/budgets/${created.body.id}`)).body.message).toBe('Das Budget PFB 2029 steht bei 0 % (0,00\u00a0€ von 15.000,50\u00a0€).');
  });
});
