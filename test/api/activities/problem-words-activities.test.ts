/**
 * The problems of activities, privacy and the platform's shared rules in the
 * reader's language (issue 13): bad requests sent over real HTTP, answered
 * with the catalogue's code and values and the words in German or Dutch —
 * the account's language for a signed-in caller, Accept-Language for
 * anyone else — and in English, unchanged, by default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserKey } from '../../support/world.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { createPerson } from '../../support/crm.js';
import { expectProblem, type Reply } from '../../support/http.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

const speaks = (user: UserKey, locale: 'en' | 'de' | 'nl') => h.db.updateTable('users').set({ locale }).where('id', '=', h.world.users[user].id).execute();
const fieldAt = (reply: Reply, path: string): { code: string; params: Record<string, unknown>; message: string } | undefined => reply.body.errors.find((e: { path: string }) => e.path === path);

/** An activity whose end comes before its start, with a follow-up rule that never ends and a cost-free rest. */
const backwards = (partnershipId: string) => ({
  type: 'delegation_trip',
  title: 'Delegationsreise nach Löwen',
  partnershipIds: [partnershipId],
  startsAt: '2026-03-12T18:00',
  endsAt: '2026-03-12T17:00',
  timeZone: 'Europe/Brussels',
  status: 'done',
  followUpRule: 'FREQ=MONTHLY'
});

describe('the problems of activities in the reader’s language', () => {
  it('says an end before the start and an unusable follow-up rule in English by default, with the code and values beside the words', async () => {
    await speaks('officer', 'en');
    const reply = await h.as.officer.post('/api/activities', backwards(h.world.partnerships.p1));
    expectProblem(reply, 400, 'endsAt');
    expect(fieldAt(reply, 'endsAt')).toMatchObject({
      code: 'problems_activity_field_endBeforeStart',
      params: { end: '2026-03-12 17:00', start: '2026-03-12 18:00' },
      message: 'The end (2026-03-12 17:00) comes before the start (2026-03-12 18:00).'
    });
    const rule = await h.as.officer.post('/api/activities', { ...backwards(h.world.partnerships.p1), endsAt: '2026-03-12T19:00' });
    expectProblem(rule, 400, 'followUpRule');
    expect(fieldAt(rule, 'followUpRule')).toMatchObject({
      code: 'problems_followUp_needsEnd',
      message: 'A follow-up rule needs an end: COUNT (how many follow-ups after the activity) or UNTIL.'
    });
  });

  it('says them in German to a German account and in Dutch to a Dutch one, whatever the request’s header', async () => {
    await speaks('editor', 'de');
    const de = await h.as.editor.post('/api/activities', backwards(h.world.partnerships.p1), { headers: { 'Accept-Language': 'nl' } });
    expectProblem(de, 400, 'endsAt');
    expect(de.headers.get('content-language')).toBe('de');
    expect(fieldAt(de, 'endsAt')!.message).toBe('Das Ende (2026-03-12 17:00) liegt vor dem Beginn (2026-03-12 18:00).');
    expect(de.body.detail).toBe('Einige Felder müssen geprüft werden: endsAt: Das Ende (2026-03-12 17:00) liegt vor dem Beginn (2026-03-12 18:00).');

    await speaks('officer', 'nl');
    const nl = await h.as.officer.post('/api/activities', { ...backwards(h.world.partnerships.p1), endsAt: '2026-03-12T19:00', followUpRule: 'FREQ=MONTHLY;BYHOUR=9;COUNT=2' });
    expectProblem(nl, 400, 'followUpRule');
    expect(fieldAt(nl, 'followUpRule')).toMatchObject({ code: 'problems_rule_noTimeOfDay', message: 'Taken vallen op datums: laat BYHOUR, BYMINUTE en BYSECOND weg.' });
    // a rule part's own value is kept as written inside the Dutch sentence
    const twice = await h.as.officer.post('/api/activities', { ...backwards(h.world.partnerships.p1), endsAt: '2026-03-12T19:00', followUpRule: 'FREQ=MONTHLY;COUNT=2;COUNT=3' });
    expect(fieldAt(twice, 'followUpRule')).toMatchObject({ code: 'problems_rule_twice', params: { name: 'COUNT' }, message: 'COUNT komt twee keer voor.' });
    await speaks('officer', 'en');
  });

  it('says a skipped wall time, a cost finer than cents and a task’s status in the account’s language', async () => {
    await speaks('editor', 'nl');
    const skipped = await h.as.editor.post('/api/activities', { ...backwards(h.world.partnerships.p1), startsAt: '2026-03-29T02:30', endsAt: '2026-03-29T17:00', followUpRule: null });
    expectProblem(skipped, 400, 'startsAt');
    expect(fieldAt(skipped, 'startsAt')!.message).toBe('2026-03-29 02:30 bestaat niet in Europe/Brussels: de klok springt op dat moment vooruit. Kies een tijdstip na de omschakeling.');

    const trip = await h.as.officer.post('/api/activities', { ...backwards(h.world.partnerships.p1), endsAt: '2026-03-12T19:00', followUpRule: null });
    expect(trip.status, JSON.stringify(trip.body)).toBe(201);
    await speaks('editor', 'de');
    const cost = await h.as.editor.post(`/api/activities/${trip.body.id}/costs`, { category: 'travel', amount: '12.345', currency: 'USD', rateToEur: '0' });
    expectProblem(cost, 400, 'amount');
    expect(fieldAt(cost, 'amount')).toMatchObject({ code: 'problems_money_field_cents', message: 'Höchstens zwei Dezimalstellen (ganze Cent).' });
    expect(fieldAt(cost, 'rateToEur')).toMatchObject({ code: 'problems_money_field_rateAboveZero', message: 'Ein Kurs ist größer als null.' });

    const task = await h.as.editor.post('/api/tasks', { title: 'Bericht schreiben', dueOn: '2026-04-01', rrule: 'FREQ=HOURLY' });
    expectProblem(task, 400, 'rrule');
    expect(fieldAt(task, 'rrule')).toMatchObject({ code: 'problems_rule_freqOneOf', message: 'FREQ ist eines von DAILY, WEEKLY, MONTHLY, YEARLY (Aufgaben fallen auf Tage).' });
  });

  it('says why a stored follow-up rule cannot be used inside the sentence that names it, both in the reader’s language', async () => {
    const trip = await h.as.officer.post('/api/activities', { ...backwards(h.world.partnerships.p1), endsAt: '2026-03-12T19:00', followUpRule: null });
    expect(trip.status, JSON.stringify(trip.body)).toBe(201);
    const stored = await h.db.selectFrom('partnerships').select('follow_up_rule').where('id', '=', h.world.partnerships.p1).executeTakeFirstOrThrow();
    await h.db.updateTable('partnerships').set({ follow_up_rule: 'FREQ=MONTHLY' }).where('id', '=', h.world.partnerships.p1).execute();
    try {
      await speaks('editor', 'de');
      const de = await h.as.editor.post(`/api/activities/${trip.body.id}/follow-ups`, {});
      expectProblem(de, 409);
      expect(de.body).toMatchObject({
        code: 'problems_followUp_partnershipRuleUnusable',
        detail: 'Die Regel für Nachbereitungen der Partnerschaft (FREQ=MONTHLY) ist nicht verwendbar: Eine Regel für Nachbereitungen braucht ein Ende: COUNT (wie viele Nachbereitungen nach der Aktivität) oder UNTIL.'
      });
      await speaks('officer', 'en');
      const en = await h.as.officer.post(`/api/activities/${trip.body.id}/follow-ups`, {});
      expect(en.body.detail).toBe('The follow-up rule of the partnership (FREQ=MONTHLY) cannot be used: A follow-up rule needs an end: COUNT (how many follow-ups after the activity) or UNTIL.');
    } finally {
      await h.db.updateTable('partnerships').set({ follow_up_rule: stored.follow_up_rule }).where('id', '=', h.world.partnerships.p1).execute();
    }
  });

  it('answers an unknown feedback link in the language the browser asks for, English without one', async () => {
    const nl = await h.anonymous.get('/api/feedback/not-a-token-anyone-was-given', { headers: { 'Accept-Language': 'nl-BE,nl;q=0.9' } });
    expectProblem(nl, 404);
    expect(nl.body).toMatchObject({
      code: 'problems_feedback_linkUnknown',
      detail: 'Deze feedbacklink is niet bekend. Controleer of het volledige adres gekopieerd werd, of vraag de organisatoren om een nieuwe link.'
    });
    const en = await h.anonymous.get('/api/feedback/not-a-token-anyone-was-given');
    expect(en.body.detail).toBe('This feedback link is not known. Check that the whole address was copied, or ask the organisers for a new link.');
    const de = await h.anonymous.put('/api/feedback/not-a-token-anyone-was-given', { rating: 9 }, { headers: { 'Accept-Language': 'de' } });
    expectProblem(de, 400, 'rating');
    expect(fieldAt(de, 'rating')).toMatchObject({ code: 'problems_feedback_field_rating', message: 'Geben Sie eine Bewertung von 1 bis 5 an.' });
  });
});

describe('the problems of privacy and the platform in the reader’s language', () => {
  it('refuses to withdraw consent that was never the basis, in Dutch, naming the basis in Dutch', async () => {
    await speaks('officer', 'en');
    const person = await createPerson(h.as.officer, { name: 'Pieter Janssens', organisationId: h.world.organisations.pfb, lawfulBasis: 'legitimate_interest' });
    await speaks('editor', 'nl');
    const nl = await h.as.editor.post(`/api/people/${person.id}/consent/withdraw`, { how: 'Per e-mail' });
    expectProblem(nl, 409);
    expect(nl.body).toMatchObject({
      code: 'problems_consent_otherBasis_legitimateInterest',
      detail: 'De gegevens van deze persoon worden op een andere rechtsgrond bewaard (gerechtvaardigd belang), niet op basis van toestemming; er is geen toestemming om in te trekken.'
    });
    const en = await h.as.officer.post(`/api/people/${person.id}/consent/withdraw`, { how: 'By e-mail' });
    expect(en.body.detail).toBe('This person’s data is kept on another lawful basis (legitimate interest), not on consent; there is no consent to withdraw.');
  });

  it('lists whom a bulk erasure refused, and why, in German for a German account', async () => {
    const contact = await createPerson(h.as.officer, { name: 'Katrin Vogel', organisationId: h.world.organisations.vrrn });
    await h.db.updateTable('partnership_parties').set({ contact_person_id: contact.id }).where('organisation_id', '=', h.world.organisations.vrrn).execute();
    await speaks('editor', 'de');
    const reply = await h.as.editor.post('/api/people/retention-review/erase', { personIds: [contact.id] });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toEqual({
      erased: [],
      refused: [
        {
          personId: contact.id,
          message: 'Diese Person ist Ansprechperson von 1 Partei einer Partnerschaft und in der Kooperationsvereinbarung genannt; benennen Sie zuerst eine andere Ansprechperson für die Partei und löschen Sie dann die Person.'
        }
      ]
    });
    const twice = await h.as.editor.post('/api/people/retention-review/erase', { personIds: [contact.id, contact.id] });
    expectProblem(twice, 400, 'personIds.1');
    expect(fieldAt(twice, 'personIds.1')).toMatchObject({ code: 'problems_privacy_field_personTwice', message: 'Diese Person ist doppelt aufgeführt.' });
  });

  it('names a control character and a missing password in the language the browser asks for', async () => {
    const nl = await h.anonymous.post('/api/auth/sign-in', { email: 'anna@example.org\u0000', password: '' }, { headers: { 'Accept-Language': 'nl' } });
    expectProblem(nl, 400, 'email');
    expect(fieldAt(nl, 'email')).toMatchObject({ code: 'problems_field_controlCharacter', params: { code: 'U+0000' }, message: 'Bevat het stuurteken U+0000, dat geen tekst is; verwijder het.' });
    expect(fieldAt(nl, 'password')).toMatchObject({ code: 'problems_auth_field_password', message: 'Vul uw wachtwoord in.' });
    const en = await h.anonymous.post('/api/auth/sign-in', { email: 'anna', password: 'x' });
    expect(fieldAt(en, 'email')).toMatchObject({ code: 'problems_auth_field_email', message: 'Enter an email address.' });
  });

  it('gives the health check’s reasons in the language the monitor asks for', async () => {
    await h.db.insertInto('kysely_migration' as never).values({ name: '9999_from_a_later_version', timestamp: new Date().toISOString() } as never).execute();
    try {
      const nl = await h.anonymous.get('/api/health', { headers: { 'Accept-Language': 'nl' } });
      expect(nl.status).toBe(503);
      expect(nl.body.reasons).toEqual([
        { code: 'migrations-unknown', message: 'Op de databank liep 1 migratie die deze versie niet kent (9999_from_a_later_version): ze werd door een andere versie van RegioDesk gemigreerd.' }
      ]);
      const en = await h.anonymous.get('/api/health');
      expect(en.body.reasons[0].message).toBe('The database ran 1 migration this version does not know (9999_from_a_later_version): it was migrated by another version of RegioDesk.');
    } finally {
      await h.db.deleteFrom('kysely_migration' as never).where('name' as never, '=', '9999_from_a_later_version' as never).execute();
    }
  });
});
