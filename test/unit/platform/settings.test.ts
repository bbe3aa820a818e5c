/**
 * The environment is read by one schema: unset variables take their
 * defaults, and a bad value stops the start with a sentence naming the
 * variable, instead of a silent fallback.
 */
import { describe, expect, it } from 'vitest';
import { settingsFrom } from '../../../api/platform/config.js';

describe('the settings', () => {
  it('take their defaults when nothing is set', () => {
    expect(settingsFrom({})).toMatchObject({
      sessionIdleMinutes: 120,
      sessionMaxDays: 30,
      maxFailuresPerAccount: 5,
      publicOrigin: null,
      secureCookies: false,
      maxBodyBytes: 1024 * 1024,
      smtp: null,
      mailFrom: 'RegioDesk <regiodesk@localhost>',
      reminderIntervalMinutes: 15,
      backup: null,
      sqliteSynchronous: 'normal',
      retentionMonths: 36
    });
  });

  it('read what is set, a blank value counting as unset', () => {
    const settings = settingsFrom({
      REGIODESK_SESSION_IDLE_MINUTES: ' 45 ',
      REGIODESK_PUBLIC_ORIGIN: 'https://regiodesk.vrrn.de/',
      REGIODESK_REMINDER_INTERVAL_MINUTES: '0',
      REGIODESK_SESSION_MAX_DAYS: '   '
    });
    expect(settings).toMatchObject({ sessionIdleMinutes: 45, publicOrigin: 'https://regiodesk.vrrn.de', secureCookies: true, reminderIntervalMinutes: 0, sessionMaxDays: 30, mailFrom: 'RegioDesk <regiodesk@regiodesk.vrrn.de>' });
  });

  it('turn the periodic run every few seconds when a test of several processes asks (1 to 3600 seconds), and refuse more or less', () => {
    expect(settingsFrom({ REGIODESK_REMINDER_INTERVAL_SECONDS: '3' }).reminderIntervalMinutes).toBe(0.05);
    expect(settingsFrom({ REGIODESK_REMINDER_INTERVAL_SECONDS: '90', REGIODESK_REMINDER_INTERVAL_MINUTES: '15' }).reminderIntervalMinutes).toBe(1.5);
    expect(() => settingsFrom({ REGIODESK_REMINDER_INTERVAL_SECONDS: '0' })).toThrow('REGIODESK_REMINDER_INTERVAL_SECONDS must be a whole number of seconds from 1 to 3600 (for tests; leave it unset in use), not "0".');
    expect(() => settingsFrom({ REGIODESK_REMINDER_INTERVAL_SECONDS: '3601' })).toThrow(/^REGIODESK_REMINDER_INTERVAL_SECONDS must be/);
  });

  it.each([
    ['1', true],
    ['0', false],
    ['TRUE', true],
    ['false', false],
    ['yes', true],
    ['No', false],
    ['on', true],
    ['off', false]
  ])('take %s as a yes or no', (value, expected) => {
    expect(settingsFrom({ REGIODESK_PUBLIC_ORIGIN: 'https://regiodesk.example.org', REGIODESK_SECURE_COOKIES: value }).secureCookies).toBe(expected);
  });

  it('refuse a bad value with a sentence naming the variable, one sentence per bad variable', () => {
    expect(() => settingsFrom({ REGIODESK_SESSION_IDLE_MINUTES: 'two hours' })).toThrow('REGIODESK_SESSION_IDLE_MINUTES must be a whole number of minutes, 1 or more, not "two hours".');
    expect(() => settingsFrom({ REGIODESK_MAX_BODY_BYTES: '-5' })).toThrow('REGIODESK_MAX_BODY_BYTES must be a whole number of bytes, 1 or more, not "-5".');
    expect(() => settingsFrom({ REGIODESK_SECURE_COOKIES: 'maybe' })).toThrow('REGIODESK_SECURE_COOKIES must be one of 1/0, true/false, yes/no, on/off, not "maybe".');
    expect(() => settingsFrom({ REGIODESK_PUBLIC_ORIGIN: 'regiodesk.example.org' })).toThrow(/^REGIODESK_PUBLIC_ORIGIN must be an origin such as https:\/\/regiodesk.example.org/);
    expect(() => settingsFrom({ REGIODESK_SMTP_HOST: 'mail.example.org', REGIODESK_SMTP_PORT: '70000' })).toThrow('REGIODESK_SMTP_PORT must be a port number from 1 to 65535, not "70000".');
    expect(() => settingsFrom({ REGIODESK_INVITATION_DAYS: '1.5', REGIODESK_SQLITE_SYNCHRONOUS: 'off' })).toThrow(
      'REGIODESK_INVITATION_DAYS must be a whole number of days, 1 or more, not "1.5". REGIODESK_SQLITE_SYNCHRONOUS must be full or normal, not "off".'
    );
  });
});
