import { describe, expect, it } from 'vitest';
import { settingsFrom, smtpFrom } from '../../../api/platform/config.js';

describe('SMTP and reminder settings from the environment', () => {
  it('reads an smtp:// or smtps:// URL with encoded user and password', () => {
    expect(smtpFrom({ REGIODESK_SMTP_URL: 'smtp://europe%40vrrn.de:p%C3%A4ss%3Aword@mail.vrrn.de:2525' })).toEqual({
      host: 'mail.vrrn.de',
      port: 2525,
      secure: false,
      user: 'europe@vrrn.de',
      password: 'päss:word'
    });
    expect(smtpFrom({ REGIODESK_SMTP_URL: 'smtps://mail.example.org' })).toEqual({ host: 'mail.example.org', port: 465, secure: true, user: null, password: null });
    expect(smtpFrom({ REGIODESK_SMTP_URL: 'smtp://mail.example.org' })?.port).toBe(587);
    expect(() => smtpFrom({ REGIODESK_SMTP_URL: 'https://mail.example.org' })).toThrow(/smtp:\/\//);
    expect(() => smtpFrom({ REGIODESK_SMTP_URL: 'not a url' })).toThrow(/not a URL/);
  });

  it('reads host, port, secure, user and password one by one; none set means no email', () => {
    expect(smtpFrom({ REGIODESK_SMTP_HOST: 'mail.example.org', REGIODESK_SMTP_USER: 'regiodesk', REGIODESK_SMTP_PASSWORD: 'secret' })).toEqual({
      host: 'mail.example.org',
      port: 587,
      secure: false,
      user: 'regiodesk',
      password: 'secret'
    });
    expect(smtpFrom({ REGIODESK_SMTP_HOST: 'mail.example.org', REGIODESK_SMTP_PORT: '465' })).toMatchObject({ port: 465, secure: true });
    expect(smtpFrom({ REGIODESK_SMTP_HOST: 'mail.example.org', REGIODESK_SMTP_SECURE: 'true' })).toMatchObject({ port: 465, secure: true });
    expect(smtpFrom({ REGIODESK_SMTP_HOST: 'mail.example.org', REGIODESK_SMTP_PORT: '25', REGIODESK_SMTP_SECURE: '0' })).toMatchObject({ port: 25, secure: false });
    expect(smtpFrom({})).toBeNull();
  });

  it('has a From and a run interval by default; 0 turns the periodic run off', () => {
    expect(settingsFrom({})).toMatchObject({ smtp: null, mailFrom: 'RegioDesk <regiodesk@localhost>', reminderIntervalMinutes: 15 });
    expect(settingsFrom({ REGIODESK_PUBLIC_ORIGIN: 'https://regiodesk.example.org' }).mailFrom).toBe('RegioDesk <regiodesk@regiodesk.example.org>');
    expect(settingsFrom({ REGIODESK_MAIL_FROM: 'Europabüro <europa@vrrn.de>' }).mailFrom).toBe('Europabüro <europa@vrrn.de>');
    expect(settingsFrom({ REGIODESK_REMINDER_INTERVAL_MINUTES: '0' }).reminderIntervalMinutes).toBe(0);
    expect(settingsFrom({ REGIODESK_REMINDER_INTERVAL_MINUTES: '5' }).reminderIntervalMinutes).toBe(5);
    // a value that is no number stops the start, naming the variable, instead of falling back to 15 in silence
    expect(() => settingsFrom({ REGIODESK_REMINDER_INTERVAL_MINUTES: 'soon' })).toThrow(/^REGIODESK_REMINDER_INTERVAL_MINUTES must be a whole number of minutes/);
  });
});
