/**
 * Reminders through a real SMTP server (smtp-server on 127.0.0.1, a random
 * port): the run is called directly with the instant it runs at, as the
 * server's timer would call it. Deadlines are 17:00 Brussels time; the
 * officer reads in Helsinki (one hour ahead).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { CycleStepService } from '../../../api/cycle/services/cycle-steps.js';
import { notifyDeadlineChange } from '../../../api/funding/services/notifications.js';
import { offsetsDue, ReminderService } from '../../../api/deadlines/services/reminders.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { insertCallDirect, moveDeadlineDirect } from '../../support/calls-direct.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { startSmtpServer, type SmtpTestServer } from '../../support/smtp.js';
import { allRows, firstRow } from '../../support/sql.js';

let h: ClockedHarness;
let smtp: SmtpTestServer;
const logged: string[] = [];
let reminders: ReminderService;

beforeAll(async () => {
  smtp = await startSmtpServer();
  h = await clockedHarness('2027-01-01T00:00:00Z', {
    REGIODESK_SMTP_URL: smtp.url,
    REGIODESK_MAIL_FROM: 'RegioDesk <reminders@regiodesk.example.org>',
    REGIODESK_PUBLIC_ORIGIN: 'https://regiodesk.example.org'
  });
  reminders = new ReminderService(h.db, h.settings, new CycleStepService(h.db), undefined, (line) => logged.push(line));
});
afterAll(async () => {
  reminders.close();
  await h.close();
  await smtp.close();
});

const run = (at: string, service = reminders) => service.runReminders(new Date(at));
const mailsAbout = (text: string) => smtp.received.filter((m) => m.subject.includes(text) || m.text.includes(text));
const sentRows = async (deadlineId: string) =>
  (await allRows(h, 'SELECT user_id, deadline_at, offset_days, channel, outcome FROM reminders_sent WHERE deadline_id = ? ORDER BY sent_at, offset_days DESC, channel', deadlineId)) as {
    user_id: string;
    deadline_at: string;
    offset_days: number;
    channel: string;
    outcome: string;
  }[];
async function notificationsOf(as: ClockedHarness['as']['officer'], about: string) {
  const reply = await as.get('/api/notifications?limit=200');
  expect(reply.status).toBe(200);
  return (reply.body.items as { kind: string; text: string; link: string | null; email: string | null }[]).filter((n) => n.text.includes(about));
}

describe('/api/reminders/settings', () => {
  it('answers the defaults until saved: 30, 14 and 3 days, email on, Brussels time', async () => {
    const reply = await h.as.officer.get('/api/reminders/settings');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ offsets: [30, 14, 3], email: true, timeZone: 'Europe/Brussels', emailAddress: 'officer@test.regiodesk.eu', emailAvailable: true });
  });

  it('saves offsets (largest first), email and time zone, and leaves an audit event', async () => {
    const saved = await h.as.officer.put('/api/reminders/settings', { offsets: [3, 30, 14], email: true, timeZone: 'Europe/Helsinki' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ offsets: [30, 14, 3], email: true, timeZone: 'Europe/Helsinki' });
    expect((await h.as.officer.get('/api/reminders/settings')).body).toEqual(saved.body);
    expect((await h.as.editor.get('/api/reminders/settings')).body.timeZone).toBe('Europe/Brussels');
    const audit = (await firstRow(h, "SELECT after FROM audit_events WHERE entity_type = 'user' AND entity_id = ? ORDER BY at DESC LIMIT 1", h.world.users.officer.id)) as { after: string };
    expect(JSON.parse(audit.after)).toEqual({ reminderSettings: { offsets: [30, 14, 3], email: true, timeZone: 'Europe/Helsinki' } });
  });

  it('refuses what a person can correct, naming the field, and stores nothing', async () => {
    const before = await tableCounts(h);
    const base = { offsets: [30], email: true, timeZone: 'Europe/Brussels' };
    expectProblem(await h.as.editor.put('/api/reminders/settings', { ...base, offsets: [0] }), 400, 'offsets.0');
    expectProblem(await h.as.editor.put('/api/reminders/settings', { ...base, offsets: [400] }), 400, 'offsets.0');
    expectProblem(await h.as.editor.put('/api/reminders/settings', { ...base, offsets: [1.5] }), 400, 'offsets.0');
    expectProblem(await h.as.editor.put('/api/reminders/settings', { ...base, offsets: [7, 7] }), 400, 'offsets');
    expectProblem(await h.as.editor.put('/api/reminders/settings', { ...base, offsets: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }), 400, 'offsets');
    expectProblem(await h.as.editor.put('/api/reminders/settings', { ...base, timeZone: 'Mars/Olympus_Mons' }), 400, 'timeZone');
    expectProblem(await h.as.editor.put('/api/reminders/settings', { ...base, timeZone: 'CET+5' }), 400, 'timeZone');
    expectProblem(await h.as.editor.put('/api/reminders/settings', { ...base, email: 'yes' }), 400, 'email');
    expectProblem(await h.as.editor.put('/api/reminders/settings', { offsets: [30] }), 400, 'email');
    expect(await tableCounts(h)).toEqual(before);
  });
});

describe('offsetsDue', () => {
  it('counts calendar days in the deadline’s zone, so 17:00 Brussels stays 17:00 across a DST change', () => {
    // 8 April 2027, 17:00 CEST; 14 days earlier is 25 March, 17:00 CET = 16:00Z (not 15:00Z)
    const at = '2027-04-08T15:00:00.000Z';
    expect(offsetsDue(at, 'Europe/Brussels', [30, 14, 3], new Date('2027-03-25T15:59:59Z'))).toEqual([30]);
    expect(offsetsDue(at, 'Europe/Brussels', [30, 14, 3], new Date('2027-03-25T16:00:00Z'))).toEqual([14, 30]);
    expect(offsetsDue(at, 'Europe/Brussels', [30, 14, 3], new Date('2027-04-08T14:59:59Z'))).toEqual([3, 14, 30]);
    expect(offsetsDue(at, 'Europe/Brussels', [30, 14, 3], new Date('2027-04-08T15:00:00Z'))).toEqual([]);
    expect(offsetsDue(at, 'Europe/Brussels', [], new Date('2027-04-08T10:00:00Z'))).toEqual([]);
  });
});

describe('deadline reminders', () => {
  let call: Awaited<ReturnType<typeof insertCallDirect>>;
  let deadline: string;

  beforeAll(async () => {
    // 25 March 2027, 17:00 Brussels (CET) = 16:00Z = 18:00 Helsinki
    call = await insertCallDirect(h.db, { identifier: 'HORIZON-CL5-2027-D3-01', title: 'Hydrogen valleys', deadlines: [{ at: '2027-03-25T16:00:00Z', zone: 'Europe/Brussels' }] });
    deadline = call.deadlineIds[0]!;
    expect((await h.as.officer.put(`/api/calls/${call.id}/watch`)).status).toBe(200);
  });

  it('sends nothing before the first offset', async () => {
    await run('2027-02-20T09:00:00Z');
    await run('2027-02-23T15:59:00Z');
    expect(mailsAbout('HORIZON-CL5-2027-D3-01')).toEqual([]);
    expect(await notificationsOf(h.as.officer, 'HORIZON-CL5-2027-D3-01')).toEqual([]);
    expect((await sentRows(deadline))).toEqual([]);
  });

  it('30 days before, at the hour: one notification and one email with the deadline in Brussels and in Helsinki', async () => {
    const result = await run('2027-02-23T16:00:00Z');
    expect(result).toMatchObject({ deadlineReminders: 1, emailsSent: 1, emailsFailed: 0 });
    const mails = mailsAbout('HORIZON-CL5-2027-D3-01');
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.to).toEqual(['officer@test.regiodesk.eu']);
    expect(mail!.from).toBe('reminders@regiodesk.example.org');
    expect(mail!.subject).toBe('Deadline in 30 days: HORIZON-CL5-2027-D3-01 Hydrogen valleys');
    expect(mail!.text).toContain('Deadline: Thu 25 Mar 2027, 17:00 Brussels time — 18:00 Helsinki time');
    expect(mail!.text).toContain(`https://regiodesk.example.org/calls/${call.id}`);
    expect(mail!.text).toContain('Hello Officer,');

    const notes = await notificationsOf(h.as.officer, 'HORIZON-CL5-2027-D3-01');
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'deadline_reminder',
        text: 'HORIZON-CL5-2027-D3-01 “Hydrogen valleys” closes in 30 days: Thu 25 Mar 2027, 17:00 Brussels time — 18:00 Helsinki time.',
        link: `/calls/${call.id}`
      })
    ]);
    expect((await sentRows(deadline))).toEqual([
      { user_id: h.world.users.officer.id, deadline_at: '2027-03-25T16:00:00.000Z', offset_days: 30, channel: 'app', outcome: 'sent' },
      { user_id: h.world.users.officer.id, deadline_at: '2027-03-25T16:00:00.000Z', offset_days: 30, channel: 'email', outcome: 'sent' }
    ]);
  });

  it('sends nothing more when the run repeats', async () => {
    const result = await run('2027-02-23T16:15:00Z');
    await run('2027-03-01T09:00:00Z');
    expect(result).toMatchObject({ deadlineReminders: 0, emailsSent: 0 });
    expect(mailsAbout('HORIZON-CL5-2027-D3-01')).toHaveLength(1);
    expect(await notificationsOf(h.as.officer, 'HORIZON-CL5-2027-D3-01')).toHaveLength(1);
    expect((await sentRows(deadline))).toHaveLength(2);
  });

  it('sends once when two runs (two processes) overlap', async () => {
    const other = new ReminderService(h.db, h.settings, new CycleStepService(h.db), undefined, (line) => logged.push(line));
    const results = await Promise.all([run('2027-03-11T16:05:00Z'), run('2027-03-11T16:05:00Z', other), run('2027-03-11T16:05:00Z')]);
    other.close();
    expect(results.reduce((n, r) => n + r.deadlineReminders, 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.emailsSent, 0)).toBe(1);
    const fourteen = mailsAbout('HORIZON-CL5-2027-D3-01').filter((m) => m.subject.startsWith('Deadline in 14 days'));
    expect(fourteen).toHaveLength(1);
    expect(await notificationsOf(h.as.officer, 'closes in 14 days')).toHaveLength(1);
  });

  it('after the deadline moved: tells the watchers (by email too) and reminds afresh for the new instant', async () => {
    // the import moves the deadline to 8 April 2027, 17:00 Brussels (CEST now) and tells the watchers in its transaction
    await h.db.transaction().execute(async (trx) => {
      await moveDeadlineDirect(trx, deadline, '2027-04-08T15:00:00Z');
      await notifyDeadlineChange(
        trx,
        call.id,
        [{ position: 0, label: null, at: '2027-03-25T16:00:00.000Z', timeZone: 'Europe/Brussels' }],
        [{ position: 0, label: null, at: '2027-04-08T15:00:00.000Z', timeZone: 'Europe/Brussels' }],
        '2027-03-12T08:00:00.000Z'
      );
    });
    const result = await run('2027-03-12T09:00:00Z');
    // the 30-day moment of the new deadline (9 March) has passed: a fresh reminder, counted from now
    expect(result).toMatchObject({ deadlineReminders: 1, emailsSent: 2, emailsFailed: 0 });
    const fresh = mailsAbout('HORIZON-CL5-2027-D3-01').filter((m) => m.subject.startsWith('Deadline in 27 days'));
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.text).toContain('Deadline: Thu 8 Apr 2027, 17:00 Brussels time — 18:00 Helsinki time');

    const changed = smtp.received.filter((m) => m.subject.startsWith('HORIZON-CL5-2027-D3-01 “Hydrogen valleys”: The deadline changed'));
    expect(changed).toHaveLength(1);
    // the officer reads in Helsinki: the change names her hour beside Brussels'
    expect(changed[0]!.text).toContain('The deadline changed from Thu 25 Mar 2027, 17:00 Brussels time — 18:00 Helsinki time to Thu 8 Apr 2027, 17:00 Brussels time — 18:00 Helsinki time.');
    const notes = await notificationsOf(h.as.officer, 'The deadline changed');
    expect(notes).toEqual([expect.objectContaining({ kind: 'deadline_changed', email: 'sent' })]);

    const rows = (await sentRows(deadline));
    expect(rows.filter((r) => r.deadline_at === '2027-04-08T15:00:00.000Z')).toEqual([
      { user_id: h.world.users.officer.id, deadline_at: '2027-04-08T15:00:00.000Z', offset_days: 30, channel: 'app', outcome: 'sent' },
      { user_id: h.world.users.officer.id, deadline_at: '2027-04-08T15:00:00.000Z', offset_days: 30, channel: 'email', outcome: 'sent' }
    ]);
    // nothing is sent twice for the old instant or the new
    await run('2027-03-12T09:15:00Z');
    expect(mailsAbout('HORIZON-CL5-2027-D3-01')).toHaveLength(4);
  });

  it('when the mail server refuses: the in-app reminder stands, the failure is logged, and the next run sends the email once', async () => {
    smtp.refuse('4.3.2 Mailbox busy, try again later');
    // 14 days before 8 April 17:00 CEST is 25 March 17:00 CET (16:00Z): not yet at 15:30Z
    expect(await run('2027-03-25T15:30:00Z')).toMatchObject({ deadlineReminders: 0, emailsSent: 0, emailsFailed: 0 });
    const failing = await run('2027-03-25T16:00:00Z');
    expect(failing).toMatchObject({ deadlineReminders: 1, emailsSent: 0, emailsFailed: 1 });
    expect(await notificationsOf(h.as.officer, 'closes in 14 days: Thu 8 Apr 2027')).toHaveLength(1);
    const email = (await sentRows(deadline)).find((r) => r.deadline_at === '2027-04-08T15:00:00.000Z' && r.offset_days === 14 && r.channel === 'email');
    expect(email?.outcome).toMatch(/^failed: .*Mailbox busy/);
    expect(logged.some((line) => line.includes('HORIZON-CL5-2027-D3-01') && line.includes('Mailbox busy') && line.includes('tries again'))).toBe(true);
    expect(mailsAbout('Deadline in 14 days: HORIZON-CL5-2027-D3-01')).toHaveLength(1); // the one for 25 March only

    // still refusing: tried again, still failing, still one in-app reminder
    expect(await run('2027-03-25T16:15:00Z')).toMatchObject({ deadlineReminders: 0, emailsFailed: 1 });

    smtp.accept();
    expect(await run('2027-03-25T16:30:00Z')).toMatchObject({ deadlineReminders: 0, emailsSent: 1, emailsFailed: 0 });
    const sent = mailsAbout('Deadline in 14 days: HORIZON-CL5-2027-D3-01');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.text).toContain('Deadline: Thu 8 Apr 2027, 17:00 Brussels time — 18:00 Helsinki time');
    expect((await sentRows(deadline)).find((r) => r.deadline_at === '2027-04-08T15:00:00.000Z' && r.offset_days === 14 && r.channel === 'email')?.outcome).toBe('sent');
    expect(await run('2027-03-25T16:45:00Z')).toMatchObject({ emailsSent: 0 });
    expect(await notificationsOf(h.as.officer, 'closes in 14 days: Thu 8 Apr 2027')).toHaveLength(1);
  });

  it('sends nothing once the deadline has passed', async () => {
    const before = smtp.received.length;
    expect(await run('2027-04-08T15:00:00Z')).toMatchObject({ deadlineReminders: 0, emailsSent: 0 });
    expect(await run('2027-05-01T09:00:00Z')).toMatchObject({ deadlineReminders: 0, emailsSent: 0 });
    expect(smtp.received.length).toBe(before);
  });
});

describe('deadline reminders for a late watcher, without email, and for a disabled account', () => {
  it('sends only the nearest offset due, logs the farther ones as superseded, then the next one on time', async () => {
    const call = await insertCallDirect(h.db, { identifier: 'LIFE-2027-SAP-NAT', title: 'Nature and biodiversity', deadlines: [{ at: '2027-06-10T15:00:00Z' }] });
    await h.as.editor.put(`/api/calls/${call.id}/watch`);
    const first = await run('2027-06-05T09:00:00Z');
    expect(first.superseded).toBeGreaterThanOrEqual(1);
    let mails = mailsAbout('LIFE-2027-SAP-NAT');
    expect(mails.map((m) => m.subject)).toEqual(['Deadline in 5 days: LIFE-2027-SAP-NAT Nature and biodiversity']);
    // the editor reads in Brussels: the call's own zone is named once
    expect(mails[0]!.text).toContain('Deadline: Thu 10 Jun 2027, 17:00 Brussels time\n');
    expect((await sentRows(call.deadlineIds[0]!)).map((r) => [r.offset_days, r.channel, r.outcome])).toEqual([
      [30, 'app', 'superseded'],
      [30, 'email', 'superseded'],
      [14, 'app', 'sent'],
      [14, 'email', 'sent']
    ]);
    await run('2027-06-07T15:00:00Z');
    mails = mailsAbout('LIFE-2027-SAP-NAT');
    expect(mails.map((m) => m.subject)).toEqual(['Deadline in 5 days: LIFE-2027-SAP-NAT Nature and biodiversity', 'Deadline in 3 days: LIFE-2027-SAP-NAT Nature and biodiversity']);
    expect((await notificationsOf(h.as.editor, 'LIFE-2027-SAP-NAT')).map((n) => n.text)).toEqual([
      'LIFE-2027-SAP-NAT “Nature and biodiversity” closes in 3 days: Thu 10 Jun 2027, 17:00 Brussels time.',
      'LIFE-2027-SAP-NAT “Nature and biodiversity” closes in 5 days: Thu 10 Jun 2027, 17:00 Brussels time.'
    ]);
  });

  it('reminds in the app only when the user turned email off, and not at all a disabled account', async () => {
    await h.as.viewer.put('/api/reminders/settings', { offsets: [7], email: false, timeZone: 'Europe/Lisbon' });
    const call = await insertCallDirect(h.db, { identifier: 'ERASMUS-2027-PCOOP', title: 'Cooperation partnerships', deadlines: [{ at: '2027-07-01T10:00:00Z' }] });
    await h.as.viewer.put(`/api/calls/${call.id}/watch`);
    await h.as.admin.put(`/api/calls/${call.id}/watch`);
    await h.db.updateTable('users').set({ disabled_at: '2027-01-01T00:00:00.000Z' }).where('id', '=', h.world.users.admin.id).execute();
    await run('2027-06-24T10:00:00Z');
    await h.db.updateTable('users').set({ disabled_at: null }).where('id', '=', h.world.users.admin.id).execute();
    expect(mailsAbout('ERASMUS-2027-PCOOP')).toEqual([]);
    // 10:00Z is 12:00 in Brussels and 11:00 in Lisbon
    expect((await notificationsOf(h.as.viewer, 'ERASMUS-2027-PCOOP')).map((n) => n.text)).toEqual([
      'ERASMUS-2027-PCOOP “Cooperation partnerships” closes in 7 days: Thu 1 Jul 2027, 12:00 Brussels time — 11:00 Lisbon time.'
    ]);
    expect((await sentRows(call.deadlineIds[0]!)).map((r) => [r.user_id, r.offset_days, r.channel])).toEqual([[h.world.users.viewer.id, 7, 'app']]);
  });
});

describe('digests of saved searches', () => {
  it('lists the new calls matching each saved search once, in the app and by email', async () => {
    h.setNow('2027-08-01T00:00:00Z');
    const search = await h.as.admin.post('/api/saved-searches', { name: 'Hydrogen calls', criteria: { keyword: 'hydrogen' } });
    expect(search.status).toBe(201);
    h.setNow('2027-01-01T00:00:00Z');
    await insertCallDirect(h.db, { identifier: 'OLD-H2', keywords: ['hydrogen'], createdAt: '2027-07-31T10:00:00.000Z' });
    await insertCallDirect(h.db, { identifier: 'CLEANH2-2028-01', title: 'Electrolysers', keywords: ['Hydrogen'], createdAt: '2027-08-02T10:00:00.000Z', deadlines: [{ at: '2028-01-20T16:00:00Z' }] });
    await insertCallDirect(h.db, { identifier: 'TOURISM-2028', keywords: ['tourism'], createdAt: '2027-08-02T11:00:00.000Z' });
    await insertCallDirect(h.db, { identifier: 'CLEANH2-2028-02', title: 'Hydrogen valleys II', keywords: ['hydrogen', 'regions'], createdAt: '2027-08-03T10:00:00.000Z' });

    const result = await run('2027-08-05T09:00:00Z');
    expect(result.digests).toBe(1);
    const notes = await notificationsOf(h.as.admin, 'Hydrogen calls');
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'saved_search_digest',
        text: '2 new calls match your saved search “Hydrogen calls”:\n• CLEANH2-2028-01 “Electrolysers” — deadline Thu 20 Jan 2028, 17:00 Brussels time\n• CLEANH2-2028-02 “Hydrogen valleys II”',
        link: `/calls?savedSearch=${search.body.id}`,
        email: 'sent'
      })
    ]);
    const mails = smtp.received.filter((m) => m.subject === '2 new calls match your saved search “Hydrogen calls”:');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['admin@test.regiodesk.eu']);
    expect(mails[0]!.text).toContain('CLEANH2-2028-01');
    expect(mails[0]!.text).not.toContain('TOURISM-2028');
    expect(mails[0]!.text).not.toContain('OLD-H2');
    expect((await h.as.admin.get(`/api/saved-searches/${search.body.id}`)).body.lastDigestAt).toBe('2027-08-05T09:00:00.000Z');

    // nothing new: no second digest; then one new match, one new digest with only it
    expect((await run('2027-08-05T09:15:00Z')).digests).toBe(0);
    await insertCallDirect(h.db, { identifier: 'CLEANH2-2028-03', title: 'Hydrogen ports', keywords: ['hydrogen'], createdAt: '2027-08-06T10:00:00.000Z' });
    expect((await run('2027-08-07T09:00:00Z')).digests).toBe(1);
    expect((await notificationsOf(h.as.admin, 'Hydrogen calls')).map((n) => n.text)).toEqual([
      '1 new call matches your saved search “Hydrogen calls”:\n• CLEANH2-2028-03 “Hydrogen ports”',
      expect.stringContaining('2 new calls match')
    ]);
  });

  it('counts the sub-programmes of a saved search’s programme, as the calls list does', async () => {
    h.setNow('2027-08-10T00:00:00Z');
    const search = await h.as.editor.post('/api/saved-searches', { name: 'All of Interreg', criteria: { programmeId: 'programme-interreg' } });
    expect(search.status, JSON.stringify(search.body)).toBe(201);
    h.setNow('2027-01-01T00:00:00Z');
    // North-West Europe sits under Interreg B, which sits under Interreg
    const strand = (await h.db.selectFrom('programmes').select('id').where('code', '=', 'INTERREG-NWE').executeTakeFirstOrThrow()).id;
    await insertCallDirect(h.db, { identifier: 'INTERREG-STRAND-2028', programmeId: strand, createdAt: '2027-08-11T10:00:00.000Z' });
    await insertCallDirect(h.db, { identifier: 'LIFE-NOT-INTERREG-2028', programmeId: 'programme-life', createdAt: '2027-08-11T11:00:00.000Z' });
    await run('2027-08-12T09:00:00Z');
    const notes = await notificationsOf(h.as.editor, 'All of Interreg');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.text).toMatch(/^1 new call matches your saved search “All of Interreg”:\n• INTERREG-STRAND-2028 /);
    expect(notes[0]!.text).not.toContain('LIFE-NOT-INTERREG-2028');
  });

  it('makes each digest once even when two runs overlap', async () => {
    await insertCallDirect(h.db, { identifier: 'CLEANH2-2028-04', title: 'Hydrogen trucks', keywords: ['hydrogen'], createdAt: '2027-08-12T10:00:00.000Z' });
    const other = new ReminderService(h.db, h.settings, new CycleStepService(h.db));
    const results = await Promise.all([run('2027-08-13T09:00:00Z'), run('2027-08-13T09:00:00Z', other)]);
    other.close();
    expect(results[0]!.digests + results[1]!.digests).toBe(1);
    expect(await notificationsOf(h.as.admin, 'CLEANH2-2028-04')).toHaveLength(1);
    expect(smtp.received.filter((m) => m.text.includes('CLEANH2-2028-04'))).toHaveLength(1);
  });

  it('keeps to the words a saved search holds, found as the calls list finds them (accents folded, word starts)', async () => {
    // the calls are written through the API, which dates them by the real clock: the search is older, the run newer
    h.setNow('2026-01-01T00:00:00Z');
    const search = await h.as.editor.post('/api/saved-searches', { name: 'Hydrogen valleys', criteria: { q: 'wasserstofftaler nordwest' } });
    expect(search.status, JSON.stringify(search.body)).toBe(201);
    expect(search.body.criteria).toEqual({ q: 'wasserstofftaler nordwest' });
    const wanted = await h.as.officer.post('/api/calls', { identifier: 'NWE-2028-H2', title: 'Wasserstofftäler Nordwesteuropa', deadlines: [{ at: '2028-03-15T12:00', timeZone: 'Europe/Brussels' }] });
    expect(wanted.status, JSON.stringify(wanted.body)).toBe(201);
    const other = await h.as.officer.post('/api/calls', { identifier: 'NWE-2028-TOURISM', title: 'Nordwesteuropa für Gäste', deadlines: [{ at: '2028-03-15T12:00', timeZone: 'Europe/Brussels' }] });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    await run(new Date(Date.now() + 60_000).toISOString());
    const notes = await notificationsOf(h.as.editor, 'Hydrogen valleys');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.text).toMatch(/^1 new call matches your saved search “Hydrogen valleys”:\n• NWE-2028-H2 /);
    expect(notes[0]!.text).not.toContain('NWE-2028-TOURISM');
    // the list asked with the same words finds the same call
    const list = await h.as.editor.get('/api/calls?q=wasserstofftaler%20nordwest&limit=50');
    expect(list.status).toBe(200);
    expect((list.body.items as { identifier: string }[]).map((c) => c.identifier)).toEqual(['NWE-2028-H2']);
  });
});

describe('milestone reminders', () => {
  it('reminds the owner of an internal milestone once, due by the end of its day in Brussels', async () => {
    const proposal = newId();
    await h.db.insertInto('proposals').values({ id: proposal, acronym: 'H2REGIO', title: 'Hydrogen regions', description: null, call_id: null, partnership_id: h.world.partnerships.p1, lead_organisation_id: null, scoring_matrix_id: null, scoring_locked_at: null, created_by: null }).execute();
    await h.db.insertInto('milestones').values({ id: newId(), proposal_id: proposal, kind: 'steering_group', title: 'Steering group', due_on: '2027-09-20', due_time: null, owner_id: h.world.users.officer.id, done_at: null }).execute();
    await h.db.insertInto('milestones').values({ id: newId(), proposal_id: proposal, kind: 'other', title: 'Already done', due_on: '2027-09-20', due_time: null, owner_id: h.world.users.officer.id, done_at: '2027-09-01T00:00:00.000Z' }).execute();
    // the end of 20 September in Brussels is 22:00Z; 30 days earlier is 21 August, 22:00Z
    expect((await run('2027-08-21T21:59:00Z')).milestoneReminders).toBe(0);
    expect((await run('2027-08-21T22:00:00Z')).milestoneReminders).toBe(1);
    expect((await run('2027-08-21T23:00:00Z')).milestoneReminders).toBe(0);
    // 3 days before: 17 September, 22:00Z (the 14-day moment passed meanwhile without a run: only the nearest goes)
    expect((await run('2027-09-17T22:00:00Z')).milestoneReminders).toBe(1);
    expect((await run('2027-09-18T09:00:00Z')).milestoneReminders).toBe(0);
    const notes = await notificationsOf(h.as.officer, 'H2REGIO');
    expect(notes.map((n) => n.text)).toEqual([
      'H2REGIO: the milestone “Steering group” is due in 3 days: Mon 20 Sep 2027 (by the end of the day).',
      'H2REGIO: the milestone “Steering group” is due in 30 days: Mon 20 Sep 2027 (by the end of the day).'
    ]);
    expect(notes[0]).toMatchObject({ kind: 'milestone_reminder', link: `/proposals/${proposal}`, email: 'sent' });
    expect(smtp.received.filter((m) => m.subject.startsWith('H2REGIO: the milestone “Steering group”'))).toHaveLength(2);
    expect(await notificationsOf(h.as.officer, 'Already done')).toEqual([]);
  });
});
