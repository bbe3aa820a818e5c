/**
 * Each recipient reads the reminders in their own account language, in one
 * run through a real SMTP server: the Dutch editor's email (subject and
 * body) is Dutch, the German viewer's German, the officer's English; the
 * in-app notifications too, and the deadline-change notice, the milestone
 * reminder and the saved-search digest, each worded when it is made in the
 * language of the person it is for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { CycleStepService } from '../../../api/cycle/services/cycle-steps.js';
import { notifyDeadlineChange } from '../../../api/funding/services/notifications.js';
import { ReminderService } from '../../../api/deadlines/services/reminders.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { insertCallDirect, moveDeadlineDirect } from '../../support/calls-direct.js';
import { startSmtpServer, type SmtpTestServer } from '../../support/smtp.js';

let h: ClockedHarness;
let smtp: SmtpTestServer;
let reminders: ReminderService;

beforeAll(async () => {
  smtp = await startSmtpServer();
  h = await clockedHarness('2027-01-01T00:00:00Z', {
    REGIODESK_SMTP_URL: smtp.url,
    REGIODESK_MAIL_FROM: 'RegioDesk <reminders@regiodesk.example.org>',
    REGIODESK_PUBLIC_ORIGIN: 'https://regiodesk.example.org'
  });
  reminders = new ReminderService(h.db, h.settings, new CycleStepService(h.db));
  // the editor works in Dutch, the viewer in German (through the language switch); the officer keeps English
  expect((await h.as.editor.put('/api/auth/me/locale', { locale: 'nl' })).status).toBe(204);
  expect((await h.as.viewer.put('/api/auth/me/locale', { locale: 'de' })).status).toBe(204);
  // the viewer reads deadlines in Helsinki time too
  expect((await h.as.viewer.put('/api/reminders/settings', { offsets: [30, 14, 3], email: true, timeZone: 'Europe/Helsinki' })).status).toBe(200);
});
afterAll(async () => {
  reminders.close();
  await h.close();
  await smtp.close();
});

const run = (at: string) => reminders.runReminders(new Date(at));
const mailTo = (who: 'officer' | 'editor' | 'viewer', about: string) => smtp.received.filter((m) => m.to.includes(h.world.users[who].email) && m.text.includes(about));
async function notificationTexts(who: 'officer' | 'editor' | 'viewer', about: string) {
  const reply = await h.as[who].get('/api/notifications?limit=200');
  expect(reply.status).toBe(200);
  return (reply.body.items as { text: string }[]).map((n) => n.text).filter((text) => text.includes(about));
}

describe('a deadline reminder in each recipient’s language', () => {
  let call: Awaited<ReturnType<typeof insertCallDirect>>;

  beforeAll(async () => {
    // 25 March 2027, 17:00 Brussels (CET) = 16:00Z = 18:00 Helsinki
    call = await insertCallDirect(h.db, { identifier: 'INTERREG-NWE-2027-07', title: 'Circular regions', deadlines: [{ at: '2027-03-25T16:00:00Z', zone: 'Europe/Brussels' }] });
    for (const who of ['officer', 'editor', 'viewer'] as const) expect((await h.as[who].put(`/api/calls/${call.id}/watch`)).status).toBe(200);
  });

  it('emails the Dutch editor in Dutch, the German viewer in German and the officer in English, in one run', async () => {
    expect(await run('2027-02-23T16:00:00Z')).toMatchObject({ deadlineReminders: 3, emailsSent: 3, emailsFailed: 0 });

    const [dutch, ...moreDutch] = mailTo('editor', 'INTERREG-NWE-2027-07');
    expect(moreDutch).toEqual([]);
    expect(dutch!.subject).toBe('Deadline over 30 dagen: INTERREG-NWE-2027-07 Circular regions');
    expect(dutch!.text).toBe(
      [
        'Beste Editor,',
        '',
        'De deadline van INTERREG-NWE-2027-07 “Circular regions” verstrijkt over 30 dagen: do 25 mrt 2027, 17:00 uur (Brussel).',
        '',
        'Deadline: do 25 mrt 2027, 17:00 uur (Brussel)',
        '',
        `De oproep in RegioDesk: https://regiodesk.example.org/calls/${call.id}`,
        '',
        '--',
        'U ontvangt dit bericht door uw herinneringsinstellingen in RegioDesk; daar kunt u de dagen wijzigen of e-mails uitschakelen.',
        ''
      ].join('\n')
    );

    const [german, ...moreGerman] = mailTo('viewer', 'INTERREG-NWE-2027-07');
    expect(moreGerman).toEqual([]);
    expect(german!.subject).toBe('Frist in 30 Tagen: INTERREG-NWE-2027-07 Circular regions');
    expect(german!.text).toContain('Guten Tag Viewer,');
    expect(german!.text).toContain('Die Frist von INTERREG-NWE-2027-07 „Circular regions“ endet in 30 Tagen: Do., 25. März 2027, 17:00 Uhr (Brüssel) — 18:00 Uhr (Helsinki).');
    expect(german!.text).toContain('Frist: Do., 25. März 2027, 17:00 Uhr (Brüssel) — 18:00 Uhr (Helsinki)');
    expect(german!.text).toContain(`Der Aufruf in RegioDesk: https://regiodesk.example.org/calls/${call.id}`);
    expect(german!.text).toContain('Sie erhalten diese E-Mail aufgrund Ihrer Erinnerungseinstellungen in RegioDesk');

    const [english] = mailTo('officer', 'INTERREG-NWE-2027-07');
    expect(english!.subject).toBe('Deadline in 30 days: INTERREG-NWE-2027-07 Circular regions');
    expect(english!.text).toContain('Hello Officer,');

    expect(await notificationTexts('editor', 'INTERREG-NWE-2027-07')).toEqual(['De deadline van INTERREG-NWE-2027-07 “Circular regions” verstrijkt over 30 dagen: do 25 mrt 2027, 17:00 uur (Brussel).']);
    expect(await notificationTexts('viewer', 'INTERREG-NWE-2027-07')).toEqual([
      'Die Frist von INTERREG-NWE-2027-07 „Circular regions“ endet in 30 Tagen: Do., 25. März 2027, 17:00 Uhr (Brüssel) — 18:00 Uhr (Helsinki).'
    ]);
  });

  it('tells each watcher of a moved deadline in their language, in the app and by email', async () => {
    await h.db.transaction().execute(async (trx) => {
      await moveDeadlineDirect(trx, call.deadlineIds[0]!, '2027-04-08T15:00:00Z');
      await notifyDeadlineChange(
        trx,
        call.id,
        [{ position: 0, label: null, at: '2027-03-25T16:00:00.000Z', timeZone: 'Europe/Brussels' }],
        [{ position: 0, label: null, at: '2027-04-08T15:00:00.000Z', timeZone: 'Europe/Lisbon' }],
        '2027-03-12T08:00:00.000Z'
      );
    });
    await run('2027-03-12T09:00:00Z');
    const dutch = 'INTERREG-NWE-2027-07 “Circular regions”: De deadline werd gewijzigd van do 25 mrt 2027, 17:00 uur (Brussel) naar do 8 apr 2027, 16:00 uur (Lissabon) — 17:00 uur (Brussel).';
    // the German viewer reads in Helsinki: her zone beside the published one; the others keep Brussels, the default, beside Lisbon
    const german =
      'INTERREG-NWE-2027-07 „Circular regions“: Die Frist wurde von Do., 25. März 2027, 17:00 Uhr (Brüssel) — 18:00 Uhr (Helsinki) auf Do., 8. Apr. 2027, 16:00 Uhr (Lissabon) — 18:00 Uhr (Helsinki) geändert.';
    expect(await notificationTexts('editor', 'gewijzigd')).toEqual([dutch]);
    expect(await notificationTexts('viewer', 'geändert')).toEqual([german]);
    expect(await notificationTexts('officer', 'changed')).toEqual([
      'INTERREG-NWE-2027-07 “Circular regions”: The deadline changed from Thu 25 Mar 2027, 17:00 Brussels time to Thu 8 Apr 2027, 16:00 Lisbon time — 17:00 Brussels time.'
    ]);
    const [dutchMail] = mailTo('editor', 'gewijzigd');
    expect(dutchMail!.subject).toBe(`${dutch.slice(0, 149)}…`);
    expect(dutchMail!.text).toContain(dutch);
    expect(dutchMail!.text).toContain(`In RegioDesk: https://regiodesk.example.org/calls/${call.id}`);
    expect(dutchMail!.text).toContain('U ontvangt dit bericht');
    expect(mailTo('viewer', 'geändert')[0]!.text).toContain('Guten Tag Viewer,');
    expect(mailTo('viewer', 'geändert')[0]!.text).toContain('16:00 Uhr (Lissabon) — 18:00 Uhr (Helsinki)');
  });
});

describe('milestone reminders and digests in the owner’s language', () => {
  it('reminds the Dutch owner of a milestone in Dutch', async () => {
    const proposal = newId();
    await h.db.insertInto('proposals').values({ id: proposal, acronym: 'CIRCREG', title: 'Circular regions', description: null, call_id: null, partnership_id: h.world.partnerships.p1, lead_organisation_id: null, scoring_matrix_id: null, scoring_locked_at: null, created_by: null }).execute();
    await h.db.insertInto('milestones').values({ id: newId(), proposal_id: proposal, kind: 'steering_group', title: 'Stuurgroep', due_on: '2027-09-20', due_time: null, owner_id: h.world.users.editor.id, done_at: null }).execute();
    expect((await run('2027-08-21T22:00:00Z')).milestoneReminders).toBe(1);
    expect(await notificationTexts('editor', 'CIRCREG')).toEqual(['CIRCREG: de mijlpaal “Stuurgroep” valt over 30 dagen: ma 20 sep 2027 (tegen het einde van de dag).']);
    expect(mailTo('editor', 'CIRCREG')[0]!.text).toContain('Beste Editor,');
  });

  it('lists new calls for the German viewer’s saved search in German', async () => {
    const search = await h.as.viewer.post('/api/saved-searches', { name: 'Kreislauf', criteria: { keyword: 'circular' } });
    expect(search.status).toBe(201);
    await insertCallDirect(h.db, { identifier: 'LIFE-2028-CIRC', title: 'Circular economy', keywords: ['circular'], createdAt: '2027-08-22T10:00:00.000Z', deadlines: [{ at: '2027-12-02T16:00:00Z', zone: 'Europe/Brussels' }] });
    await insertCallDirect(h.db, { identifier: 'LIFE-2028-CIRC2', title: 'Circular water', keywords: ['circular'], createdAt: '2027-08-22T11:00:00.000Z' });
    expect((await run('2027-08-23T09:00:00Z')).digests).toBe(1);
    expect(await notificationTexts('viewer', 'Kreislauf')).toEqual([
      '2 neue Aufrufe passen zu Ihrer gespeicherten Suche „Kreislauf“:\n• LIFE-2028-CIRC „Circular economy“ — Frist Do., 2. Dez. 2027, 17:00 Uhr (Brüssel) — 18:00 Uhr (Helsinki)\n• LIFE-2028-CIRC2 „Circular water“'
    ]);
    expect(mailTo('viewer', 'Kreislauf')[0]!.subject).toBe('2 neue Aufrufe passen zu Ihrer gespeicherten Suche „Kreislauf“:');
    expect(mailTo('viewer', 'Kreislauf')[0]!.text).toContain('17:00 Uhr (Brüssel) — 18:00 Uhr (Helsinki)');
  });
});
