/**
 * The "at a glance" wording the pages need beyond what the API sends:
 * relative days, month names, badge tones. The day counts themselves come
 * from the API (counted from the server's today), so a browser in another
 * time zone never disagrees with the status by a day.
 */
import type { PartnershipListItem as Partnership } from '$api/crm/schemas/partnerships';
import type { Translator } from '$lib/i18n/index.js';
import { m } from '$i18n/paraglide/messages.js';

type Status = Partnership['status'];

/** "in 12 days", "today", "3 days ago". */
export function relativeDays(i18n: Translator, days: number): string {
  if (days === 0) return m.partnerships_days_today();
  return days > 0 ? m.partnerships_days_in(count(i18n, days)) : m.partnerships_days_ago(count(i18n, -days));
}

/** "764 days left", "last day today", "20 days ago". */
export function daysLeft(i18n: Translator, days: number): string {
  if (days === 0) return m.partnerships_days_lastDay();
  return days > 0 ? m.partnerships_days_left(count(i18n, days)) : m.partnerships_days_ago(count(i18n, -days));
}

/** `count` picks the plural form, `n` is the number as the locale writes it (2,153 / 2.153). */
function count(i18n: Translator, value: number) {
  return { count: value, n: i18n.number(value) };
}

/** The month's name (1–12) in the UI language, e.g. "November" / "November". */
export function monthName(locale: string, month: number): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

export const STATUS_TONE: Record<Status, '' | 'ok' | 'warn' | 'danger'> = {
  draft: '',
  active: 'ok',
  in_notice: 'warn',
  ended: 'danger'
};

/** A deadline within this many days is highlighted. */
export const SOON_DAYS = 120;
