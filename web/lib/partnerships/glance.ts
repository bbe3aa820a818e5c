/**
 * The "at a glance" arithmetic the pages need beyond what the API sends:
 * how far a deadline is from the server's today, month names, badge tones.
 * The server's today is recovered from `effectiveEndOn − daysUntilEnd`, so a
 * browser in another time zone never disagrees with the status by a day.
 */
import type { Partnership } from '$api/schemas/partnerships';
import { addDays, daysBetween } from '$api/services/agreement-dates';
import type { Translator } from '$lib/i18n/index.js';

type Status = Partnership['status'];

/** The day the API computed the figures on, when the agreement has an end. */
export function serverToday(p: Pick<Partnership, 'effectiveEndOn' | 'daysUntilEnd'>): string | null {
  return p.effectiveEndOn !== null && p.daysUntilEnd !== null ? addDays(p.effectiveEndOn, -p.daysUntilEnd) : null;
}

/** Days from the server's today to `date` (negative once passed); null when unknown. */
export function daysUntil(p: Pick<Partnership, 'effectiveEndOn' | 'daysUntilEnd'>, date: string | null): number | null {
  const today = serverToday(p);
  return today === null || date === null ? null : daysBetween(today, date);
}

/** "in 12 days", "today", "3 days ago". */
export function relativeDays(i18n: Translator, days: number): string {
  if (days === 0) return i18n.t('partnerships.days.today');
  return days > 0 ? i18n.t('partnerships.days.in', count(i18n, days)) : i18n.t('partnerships.days.ago', count(i18n, -days));
}

/** "764 days left", "last day today", "20 days ago". */
export function daysLeft(i18n: Translator, days: number): string {
  if (days === 0) return i18n.t('partnerships.days.lastDay');
  return days > 0 ? i18n.t('partnerships.days.left', count(i18n, days)) : i18n.t('partnerships.days.ago', count(i18n, -days));
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
