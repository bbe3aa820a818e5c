/**
 * The emails RegioDesk sends, as plain text in English: a reminder before
 * a watched call's deadline (with the deadline in the call's zone and the
 * reader's: "17:00 Brussels time — 18:00 Helsinki time"), and the email
 * copy of any other notification (deadline changes, saved-search digests,
 * milestone reminders). Links are absolute when REGIODESK_PUBLIC_ORIGIN is
 * set, left out otherwise (a relative link is no use in a mail client).
 */
import type { MailMessage } from './mailer.js';

const FOOTER = 'You receive this because of your reminder settings in RegioDesk; change the days or turn emails off there.';

function absolute(origin: string | null, link: string | null): string | null {
  return origin && link ? `${origin}${link}` : null;
}

function greeting(name: string): string {
  return `Hello ${name},`;
}

export interface DeadlineReminderFacts {
  to: string;
  name: string;
  identifier: string;
  title: string;
  /** the stage's label when the call has several deadlines */
  label: string | null;
  /** "in 14 days" */
  left: string;
  /** the deadline in both zones, see deadline-wording.ts */
  when: string;
  link: string | null;
}

/** One sentence naming the call and when it closes; the in-app text and the email's lead. */
export function deadlineReminderSentence(f: Omit<DeadlineReminderFacts, 'to' | 'name' | 'link'>): string {
  const stage = f.label ? ` (${f.label})` : '';
  return `${f.identifier} “${f.title}”${stage} closes ${f.left}: ${f.when}.`;
}

export function deadlineReminderEmail(f: DeadlineReminderFacts, origin: string | null): MailMessage {
  const url = absolute(origin, f.link);
  return {
    to: f.to,
    subject: `Deadline ${f.left}: ${f.identifier} ${f.title}`.slice(0, 200),
    text: [greeting(f.name), '', deadlineReminderSentence(f), '', `Deadline: ${f.when}`, ...(url ? ['', `The call in RegioDesk: ${url}`] : []), '', '--', FOOTER, ''].join('\n')
  };
}

export interface NotificationFacts {
  to: string;
  name: string;
  text: string;
  link: string | null;
}

/** The subject is the notification's first line (shortened); the body the whole text. */
export function notificationEmail(f: NotificationFacts, origin: string | null): MailMessage {
  const firstLine = f.text.split('\n')[0]!.trim();
  const subject = firstLine.length > 150 ? `${firstLine.slice(0, 149)}…` : firstLine;
  const url = absolute(origin, f.link);
  return {
    to: f.to,
    subject,
    text: [greeting(f.name), '', f.text, ...(url ? ['', `In RegioDesk: ${url}`] : []), '', '--', FOOTER, ''].join('\n')
  };
}
