/**
 * Sending email over SMTP with nodemailer, configured from the environment
 * (config.ts: REGIODESK_SMTP_URL or REGIODESK_SMTP_HOST and friends,
 * REGIODESK_MAIL_FROM). Plain text, UTF-8. A send either resolves (the
 * server accepted the message for every recipient) or throws with the
 * server's answer; the caller records the outcome and retries later.
 * Timeouts are short so that a dead server never stalls a reminder run.
 */
import nodemailer from 'nodemailer';
import type { Settings } from '../config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(settings: Pick<Settings, 'smtp' | 'mailFrom'>): Mailer | null {
  const smtp = settings.smtp;
  if (!smtp) return null;
  const transport = nodemailer.createTransport(
    {
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      connectionTimeout: 15_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000
    },
    { from: settings.mailFrom }
  );
  return {
    async send(message) {
      const info = await transport.sendMail({ to: message.to, subject: message.subject, text: message.text });
      if (info.rejected.length) throw new Error(`The mail server refused ${info.rejected.map(String).join(', ')}: ${info.response}`);
    },
    close() {
      transport.close();
    }
  };
}

/** A short, single-line description of a failed send, for the log and the outcome column. */
export function describeMailError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 300) || 'unknown error';
}
