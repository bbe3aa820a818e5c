/**
 * Passwords a person sets are refused when common, built from their name or
 * e-mail, the published demo password or otherwise easy to guess: a 400 at
 * the field `password` saying why, over real HTTP through the app. The first
 * administrator from the environment meets the same rule.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../../api/bootstrap.js';
import { DEMO_SIGN_IN } from '../../../fixtures/users.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { client, expectProblem } from '../../support/http.js';

let h: ApiHarness;
const dir = mkdtempSync(join(tmpdir(), 'regiodesk-passwords-'));
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function invite(email: string, name: string): Promise<string> {
  const invited = await h.as.sysadmin.post('/api/users', { email, name, organisationId: h.world.organisations.pfb, memberships: [] });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  return new URL(invited.body.invitationUrl).pathname.split('/').pop()!;
}

function accept(token: string, password: string, name?: string) {
  return h.anonymous.post('/api/auth/accept-invitation', { token, password, ...(name ? { name } : {}) });
}

function passwordMessage(reply: { body: { errors: { path: string; message: string }[] } }): string {
  return reply.body.errors.find((e) => e.path === 'password')!.message;
}

describe('setting a password through an invitation', () => {
  let token: string;
  beforeAll(async () => {
    token = await invite('maria.schmidt@test.regiodesk.eu', 'Maria Schmidt');
  });

  it.each([
    ['password1234', /too common/],
    ['Passwort2024', /too common/],
    ['xxxxxxxxxxx', /too easy to guess\. Repeated characters/],
    ['abcdefghijk', /too easy to guess/],
    ['regiodesk-demo', /RegioDesk publishes \(the demo password\)/],
    ['Regiodesk-Demo', /RegioDesk publishes/],
    ['maria.schmidt2024', /built from your name or e-mail address/],
    ['schmidt1234567', /built from your name or e-mail address/],
    ['mariaschmidt!!', /built from your name or e-mail address/]
  ])('refuses %s with a 400 at the field saying why', async (password, why) => {
    const reply = await accept(token, password);
    expectProblem(reply, 400, 'password');
    expect(passwordMessage(reply)).toMatch(why);
    expect(passwordMessage(reply)).toMatch(/^This (is|password)/);
  });

  it('says why in the reader’s language (the browser’s, before an account exists), zxcvbn’s own warning from its language pack', async () => {
    const inLanguage = async (password: string, language: string) => {
      const reply = await h.anonymous.post('/api/auth/accept-invitation', { token, password }, { headers: { 'Accept-Language': language } });
      expectProblem(reply, 400, 'password');
      return reply.body.errors.find((e: { path: string }) => e.path === 'password') as { code: string; params: Record<string, unknown>; message: string };
    };
    expect((await inLanguage('password1234', 'de-DE')).message).toBe(
      'Dieses Passwort ist zu verbreitet: Es steht (oder ähnelt einem) auf den Listen der meistgenutzten und geleakten Passwörter; wählen Sie ein anderes.'
    );
    expect((await inLanguage('maria.schmidt2024', 'nl-BE')).message).toBe('Dit wachtwoord bevat uw naam of e-mailadres, die anderen kunnen raden; kies er een zonder.');
    // a keyboard row: the library's warning, worded by its German and Flemish packs, inside the catalogue's sentence
    const german = await inLanguage('qwertzuiop12', 'de');
    expect(german).toMatchObject({ code: 'problems_password_guessableBecause', params: { warningCode: 'straightRow' } });
    expect(german.message).toBe('Dieses Passwort ist zu leicht zu erraten. Gerade Linien von Tasten auf der Tastatur sind leicht zu erraten. Einige Wörter ohne Zusammenhang ergeben ein starkes.');
    const dutch = await inLanguage('qwertzuiop12', 'nl');
    expect(dutch.message).toMatch(/^Dit wachtwoord is te makkelijk te raden\. Opeenvolgende toetsen op jouw toetsenbord zijn makkelijk te raden\. /);
    const english = await inLanguage('qwertzuiop12', 'en');
    expect(english.message).toMatch(/^This password is too easy to guess\. Straight rows of keys/);
  });

  it('keeps the minimum length rule before any dictionary', async () => {
    const reply = await accept(token, 'Qz8#vL1!');
    expectProblem(reply, 400, 'password');
    expect(passwordMessage(reply)).toBe('Use at least 10 characters.');
  });

  it('judges the name the person gives while accepting, and only for that person', async () => {
    const nele = await invite('n.v@test.regiodesk.eu', 'N. V.');
    const refused = await accept(nele, 'vanderzwalmen2024', 'Nele Vanderzwalmen');
    expectProblem(refused, 400, 'password');
    expect(passwordMessage(refused)).toMatch(/name or e-mail/);
    // the same password is nobody else's name
    const jan = await invite('jan.jansen@test.regiodesk.eu', 'Jan Jansen');
    expect((await accept(jan, 'vanderzwalmen2024')).status).toBe(200);
  });

  it('accepts a long passphrase, and the invitation is still open after the refusals', async () => {
    const passphrase = 'kettle orbit Lindenblatt zeventien';
    const accepted = await accept(token, passphrase);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.email).toBe('maria.schmidt@test.regiodesk.eu');
    const signIn = await h.anonymous.post('/api/auth/sign-in', { email: 'maria.schmidt@test.regiodesk.eu', password: passphrase });
    expect(signIn.status).toBe(200);
  });
});

describe('the first administrator from the environment', () => {
  it('refuses a weak REGIODESK_ADMIN_PASSWORD with the reason, before anything is written', async () => {
    const env = { DATABASE_URL: join(dir, 'weak.db'), REGIODESK_DEMO: '1', REGIODESK_ADMIN_EMAIL: 'europa@example.org', REGIODESK_ADMIN_PASSWORD: 'europa2024!' };
    await expect(bootstrap(env)).rejects.toThrow(/REGIODESK_ADMIN_PASSWORD is not accepted\. This password is built from your name or e-mail/);
    await expect(bootstrap({ ...env, REGIODESK_ADMIN_PASSWORD: DEMO_SIGN_IN.password })).rejects.toThrow(/RegioDesk publishes/);
    // the refusal came before the demo was seeded: a strong password now finds an empty database
    const started = await bootstrap({ ...env, REGIODESK_ADMIN_PASSWORD: 'violet tramway Kachelofen 1987' });
    try {
      expect(started.seeded).toEqual({ demo: true, admin: 'europa@example.org' });
    } finally {
      await started.close();
    }
  });

  it('does not judge the setting again once that administrator exists (a restart never fails on it)', async () => {
    const env = { DATABASE_URL: join(dir, 'kept.db'), REGIODESK_DEMO: '0', REGIODESK_ADMIN_EMAIL: 'it@example.org', REGIODESK_ADMIN_PASSWORD: 'violet tramway Kachelofen 1987' };
    await (await bootstrap(env)).close();
    const again = await bootstrap({ ...env, REGIODESK_ADMIN_PASSWORD: 'password1234' });
    try {
      expect(again.seeded).toEqual({ demo: false, admin: null });
    } finally {
      await again.close();
    }
  });

  it('the demo accounts, seeded directly, still sign in with the published password', async () => {
    const started = await bootstrap({ DATABASE_URL: join(dir, 'demo.db'), REGIODESK_DEMO: '1' });
    try {
      const response = await client(started.app, null).post('/api/auth/sign-in', { email: DEMO_SIGN_IN.accounts[0]!.email, password: DEMO_SIGN_IN.password });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    } finally {
      await started.close();
    }
  });
});
