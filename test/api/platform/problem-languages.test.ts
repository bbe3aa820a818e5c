/**
 * The API speaks its reader's language (issue 13): every problem carries a
 * stable `code` and its `params` beside a `detail` in the caller's language,
 * and every field error its `code`, `params` and `message` — the account's
 * language for a signed-in caller, else Accept-Language, else English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { expectProblem } from '../../support/http.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

const badOrganisation = { kind: 'alien', country: 'DE', colour: 'blue' };
const fieldsOf = (body: { errors: { path: string; code: string; message: string }[] }) => Object.fromEntries(body.errors.map((e) => [e.path, { code: e.code, message: e.message }]));

describe('problems in the reader’s language', () => {
  it('answers a bad form in English by default, with codes and values beside the words', async () => {
    const reply = await h.as.officer.post('/api/organisations', badOrganisation);
    expectProblem(reply, 400, 'name');
    expect(reply.body.code).toBe('problems_fieldsNeedAttention');
    expect(reply.headers.get('content-language')).toBe('en');
    const fields = fieldsOf(reply.body);
    expect(fields.name).toEqual({ code: 'problems_field_required', message: 'Required.' });
    expect(fields.colour).toEqual({ code: 'problems_field_unknownField', message: 'Unknown field.' });
    expect(fields.kind!.code).toBe('problems_field_oneOf');
    expect(reply.body.errors.find((e: { path: string }) => e.path === 'kind').params.options).toContain('municipality');
    expect(reply.body.detail).toContain('Some fields need attention: ');
    expect(reply.body.detail).toContain('name: Required.');
  });

  it('writes the field messages and the detail in Dutch and in German as Accept-Language asks', async () => {
    const nl = await h.anonymous.get('/api/partnerships', { headers: { 'Accept-Language': 'nl-BE,nl;q=0.9,en;q=0.5' } });
    expectProblem(nl, 401);
    expect(nl.body).toMatchObject({ code: 'problems_signIn', params: {}, detail: 'Meld u aan om verder te gaan.', title: 'Unauthorized' });

    // a signed-in caller is written to in the account's language (here the same as the header's)
    await h.db.updateTable('users').set({ locale: 'de' }).where('id', '=', h.world.users.editor.id).execute();
    const de = await h.as.editor.post('/api/organisations', badOrganisation, { headers: { 'Accept-Language': 'de-AT' } });
    expectProblem(de, 400, 'name');
    const fields = fieldsOf(de.body);
    expect(fields.name).toEqual({ code: 'problems_field_required', message: 'Erforderlich.' });
    expect(fields.colour!.message).toBe('Unbekanntes Feld.');
    expect(fields.kind!.message).toMatch(/^Wählen Sie eines von: .*municipality/);
    expect(de.body.detail).toMatch(/^Einige Felder müssen geprüft werden: .*name: Erforderlich\./);
    expect(de.headers.get('content-language')).toBe('de');

    const missing = await h.anonymous.post('/api/auth/sign-in', { email: 'x' }, { headers: { 'Accept-Language': 'nl' } });
    expectProblem(missing, 400, 'password');
    expect(fieldsOf(missing.body).password).toEqual({ code: 'problems_field_required', message: 'Verplicht.' });
  });

  it('follows the account’s language over the request’s header', async () => {
    await h.db.updateTable('users').set({ locale: 'nl' }).where('id', '=', h.world.users.viewer.id).execute();
    const reply = await h.as.viewer.get(`/api/partnerships/${newId()}`, { headers: { 'Accept-Language': 'de' } });
    expectProblem(reply, 404);
    expect(reply.body).toMatchObject({ code: 'problems_notFound_partnership', detail: 'Geen partnerschap met deze id.' });
    const english = await h.as.officer.get(`/api/partnerships/${newId()}`, { headers: { 'Accept-Language': 'de' } });
    expect(english.body.detail).toBe('No partnership with this id.');
  });

  it('answers a route that does not exist and a body that is not JSON in the reader’s language', async () => {
    await h.db.updateTable('users').set({ locale: 'de' }).where('id', '=', h.world.users.admin.id).execute();
    const route = await h.as.admin.get('/api/nowhere');
    expect(route.body).toMatchObject({ status: 404, code: 'problems_noRoute', detail: 'Unter dieser Adresse gibt es keinen API-Endpunkt.' });
    const broken = await h.anonymous.post('/api/auth/sign-in', undefined, { raw: '{', headers: { 'Accept-Language': 'nl' } });
    expectProblem(broken, 400, '');
    expect(broken.body.errors[0]).toMatchObject({ code: 'problems_field_notJson', message: 'De inhoud is geen geldige JSON.' });
  });
});
