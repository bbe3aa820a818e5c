/**
 * The emails RegioDesk sends, as plain text in the recipient's account
 * language (the catalogue's `mail` feature; the subject too): a reminder
 * before a watched call's deadline (with the deadline in the call's zone and
 * the reader's: "17:00 Brussels time — 18:00 Helsinki time", worded by the
 * caller in the same language), and the email copy of any other
 * notification (deadline changes, saved-search digests, milestone
 * reminders), whose text was written in the recipient's language when it
 * was made; and a participant's personal feedback link (the recipient often
 * has no account: the caller chooses the language, see
 * api/activities/services/feedback.ts). Links are absolute when REGIODESK_PUBLIC_ORIGIN is set, left
 * out otherwise (a relative link is no use in a mail client).
 */
import { TAGS, type Locale } from '../../../i18n/locales.js';
import { m } from '../../../i18n/paraglide-server/messages.js';
import type { MailMessage } from './mailer.js';

function absolute(origin: string | null, link: string | null): string | null {
  return origin && link ? `${origin}${link}` : null;
}

export interface DeadlineReminderFacts {
  to: string;
  name: string;
  /** the recipient's account language: the whole email is in it */
  locale: Locale;
  identifier: string;
  title: string;
  /** the stage's label when the call has several deadlines */
  label: string | null;
  /** "in 14 days", in `locale` */
  left: string;
  /** the deadline in both zones, in `locale`, see deadline-wording.ts */
  when: string;
  link: string | null;
}

/** One sentence naming the call and when it closes; the in-app text and the email's lead. */
export function deadlineReminderSentence(f: Omit<DeadlineReminderFacts, 'to' | 'name' | 'link'>): string {
  const { identifier, title, left, when, locale } = f;
  return f.label ? m.notices_stageDeadlineReminder({ identifier, title, stage: f.label, left, when }, { locale }) : m.notices_deadlineReminder({ identifier, title, left, when }, { locale });
}

export function deadlineReminderEmail(f: DeadlineReminderFacts, origin: string | null): MailMessage {
  const { locale } = f;
  const url = absolute(origin, f.link);
  return {
    to: f.to,
    subject: m.mail_deadlineSubject({ left: f.left, identifier: f.identifier, title: f.title }, { locale }).slice(0, 200),
    text: [
      m.mail_greeting({ name: f.name }, { locale }),
      '',
      deadlineReminderSentence(f),
      '',
      m.mail_deadlineLine({ when: f.when }, { locale }),
      ...(url ? ['', m.mail_callLink({ url }, { locale })] : []),
      '',
      '--',
      m.mail_footer({}, { locale }),
      ''
    ].join('\n')
  };
}

export interface NotificationFacts {
  to: string;
  name: string;
  /** the recipient's account language */
  locale: Locale;
  /** the notification's text, already in `locale` */
  text: string;
  link: string | null;
}

/** The subject is the notification's first line (shortened); the body the whole text. */
export function notificationEmail(f: NotificationFacts, origin: string | null): MailMessage {
  const { locale } = f;
  const firstLine = f.text.split('\n')[0]!.trim();
  const subject = firstLine.length > 150 ? `${firstLine.slice(0, 149)}…` : firstLine;
  const url = absolute(origin, f.link);
  return {
    to: f.to,
    subject,
    text: [m.mail_greeting({ name: f.name }, { locale }), '', f.text, ...(url ? ['', m.mail_link({ url }, { locale })] : []), '', '--', m.mail_footer({}, { locale }), ''].join('\n')
  };
}

export interface FeedbackLinkFacts {
  to: string;
  /** the participant's name, for the greeting */
  name: string;
  locale: Locale;
  /** who asks: the officer who created the link */
  sender: string;
  title: string;
  /** the activity's first day, in its own time zone */
  startsAt: string;
  timeZone: string;
  url: string;
  expiresAt: string;
}

function dayInZone(instant: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(TAGS[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(instant));
}

/** The personal link to give feedback on an activity, with how long it works. */
export function feedbackLinkEmail(f: FeedbackLinkFacts): MailMessage {
  const { locale } = f;
  return {
    to: f.to,
    subject: m.mail_feedbackSubject({ title: f.title }, { locale }).slice(0, 200),
    text: [
      m.mail_greeting({ name: f.name }, { locale }),
      '',
      m.mail_feedbackAsk({ sender: f.sender, title: f.title, date: dayInZone(f.startsAt, f.timeZone, locale) }, { locale }),
      '',
      m.mail_feedbackLink({ url: f.url }, { locale }),
      '',
      m.mail_feedbackExpires({ date: dayInZone(f.expiresAt, f.timeZone, locale) }, { locale }),
      '',
      '--',
      m.mail_feedbackFooter({ title: f.title }, { locale }),
      ''
    ].join('\n')
  };
}
