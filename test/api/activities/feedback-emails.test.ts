/**
 * Feedback links by e-mail, through a real SMTP server: participants with
 * an address get their personal link in their language (a user's account
 * language, else the person's own, else their organisation's region's, else
 * the sender's); the rest, and every link the server refused, come back to
 * be handed over, each saying why. Without a mail server nothing is said to
 * be sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addParticipant, logActivity } from '../../support/activities.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { auditActions, createPerson } from '../../support/crm.js';
import { startSmtpServer, type SmtpTestServer } from '../../support/smtp.js';

const ORIGIN = 'https://regiodesk.example.org';

interface Created {
  items: { participantId: string; participantName: string; url: string; email: { status: string; to: string | null; reason: string | null; error: string | null; language: string | null } }[];
  emailConfigured: boolean;
}

async function trip(h: ApiHarness) {
  const as = h.as.officer;
  const id = await logActivity(as, { partnershipIds: [h.world.partnerships.p1], title: 'Life sciences delegation to Leuven', startsAt: '2026-03-10T08:00:00.000Z', endsAt: '2026-03-12T16:00:00.000Z' });
  const person = async (name: string, fields: Record<string, unknown>) => addParticipant(as, id, { personId: (await createPerson(as, { name, ...fields })).id });
  return {
    id,
    // speaks German (her own record says so), no account
    anna: await person('Anna Becker', { organisationId: h.world.organisations.vrrn, emails: ['anna.becker@mrn.example'], languages: ['de'] }),
    // the Flemish editor's own record: her account speaks Dutch
    eva: await person('Eva Editor', { organisationId: h.world.organisations.pfb, emails: [h.world.users.editor.email], languages: ['en'] }),
    // no language on record: the region of the province speaks Dutch
    jan: await person('Jan Peeters', { organisationId: h.world.organisations.pfb, emails: ['jan.peeters@vlaamsbrabant.example'] }),
    // nothing known about him: the sender's language
    sam: await person('Sam Smith', { emails: ['sam@example.org'] }),
    // no address: to hand over
    lena: await person('Lena Hoffmann', { organisationId: h.world.organisations.vrrn }),
    // an organisation without a person: to hand over
    pfb: await addParticipant(as, id, { organisationId: h.world.organisations.pfb, role: 'host' })
  };
}

describe('feedback links by e-mail', () => {
  let h: ApiHarness;
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    h = await apiHarness({ REGIODESK_SMTP_URL: smtp.url, REGIODESK_MAIL_FROM: 'RegioDesk <feedback@regiodesk.example.org>', REGIODESK_PUBLIC_ORIGIN: ORIGIN });
    expect((await h.as.editor.put('/api/auth/me/locale', { locale: 'nl' })).status).toBe(204);
  });
  afterAll(async () => {
    await h.close();
    await smtp.close();
  });

  it('mails each participant with an address their link in their language, and says who must be handed theirs', async () => {
    const t = await trip(h);
    const reply = await h.as.officer.post(`/api/activities/${t.id}/feedback/links`, {}, { headers: { Origin: ORIGIN } });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const created = reply.body as Created;
    expect(created.emailConfigured).toBe(true);
    const byId = new Map(created.items.map((i) => [i.participantId, i]));
    expect(byId.get(t.anna)!.email).toEqual({ status: 'sent', to: 'anna.becker@mrn.example', reason: null, error: null, language: 'de' });
    expect(byId.get(t.eva)!.email).toMatchObject({ status: 'sent', to: h.world.users.editor.email, language: 'nl' });
    expect(byId.get(t.jan)!.email).toMatchObject({ status: 'sent', language: 'nl' });
    expect(byId.get(t.sam)!.email).toMatchObject({ status: 'sent', language: 'en' });
    expect(byId.get(t.lena)!.email).toEqual({ status: 'none', to: null, reason: 'no_address', error: null, language: null });
    expect(byId.get(t.pfb)!.email).toMatchObject({ status: 'none', reason: 'no_address' });

    const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
    const [anna, ...again] = mailTo('anna.becker@mrn.example');
    expect(again).toEqual([]);
    expect(anna!.from).toBe('feedback@regiodesk.example.org');
    expect(anna!.subject).toBe('Ihre Rückmeldung zu „Life sciences delegation to Leuven“');
    expect(anna!.text).toContain('Officer bittet Sie um Ihre Rückmeldung zu „Life sciences delegation to Leuven“ (10. März 2026).');
    expect(anna!.text).toContain(`Ihr persönlicher Link: ${byId.get(t.anna)!.url}`);
    expect(byId.get(t.anna)!.url).toMatch(new RegExp(`^${ORIGIN}/feedback/[A-Za-z0-9_-]{43}$`));
    const [eva] = mailTo(h.world.users.editor.email);
    expect(eva!.subject).toBe('Uw feedback over ‘Life sciences delegation to Leuven’');
    expect(eva!.text).toContain(`Uw persoonlijke link: ${byId.get(t.eva)!.url}`);
    expect(mailTo('jan.peeters@vlaamsbrabant.example')[0]!.text).toContain('Beste Jan Peeters,');
    expect(mailTo('sam@example.org')[0]!.subject).toBe('Your feedback on “Life sciences delegation to Leuven”');
    expect(smtp.received).toHaveLength(4);

    // the mailed link works: the person opens it without an account
    const token = byId.get(t.anna)!.url.split('/').pop()!;
    expect((await h.anonymous.get(`/api/feedback/${token}`)).status).toBe(200);
    expect(await auditActions(h, 'feedback', t.id)).toHaveLength(2);
  });

  it('hands over a link the mail server refused, with its answer, and one not to be mailed', async () => {
    const t = await trip(h);
    smtp.refuse('Mailbox busy, try again later');
    const before = smtp.received.length;
    try {
      const reply = await h.as.officer.post(`/api/activities/${t.id}/feedback/links`, { participantIds: [t.anna] });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      const [anna] = (reply.body as Created).items;
      expect(anna!.email).toMatchObject({ status: 'failed', to: 'anna.becker@mrn.example', reason: null, language: 'de' });
      expect(anna!.email.error).toContain('Mailbox busy');
    } finally {
      smtp.accept();
    }
    const quiet = await h.as.officer.post(`/api/activities/${t.id}/feedback/links`, { participantIds: [t.jan], sendEmails: false });
    expect((quiet.body as Created).items[0]!.email).toEqual({ status: 'none', to: 'jan.peeters@vlaamsbrabant.example', reason: 'not_asked', error: null, language: null });
    expect(smtp.received.length).toBe(before);
  });
});

describe('feedback links without a mail server', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await apiHarness();
  });
  afterAll(() => h.close());

  it('sends nothing and says so: every link is to be handed over', async () => {
    const t = await trip(h);
    const reply = await h.as.officer.post(`/api/activities/${t.id}/feedback/links`, {});
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const created = reply.body as Created;
    expect(created.emailConfigured).toBe(false);
    expect(created.items.find((i) => i.participantId === t.anna)!.email).toEqual({ status: 'none', to: 'anna.becker@mrn.example', reason: 'mail_off', error: null, language: null });
    expect(created.items.every((i) => i.email.status === 'none')).toBe(true);
  });
});
