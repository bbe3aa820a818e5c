/**
 * The language an account reads in, from its stored `users.locale`: the
 * words the server writes to someone who is not the caller (e-mails,
 * notifications, tasks made for them, their calendar feed) are in it. A
 * value that is no UI language (an old row, a hand edit) reads as English.
 */
import { BASE_LOCALE, isLocale, type Locale } from '../../../i18n/locales.js';

export function accountLanguage(stored: string | null | undefined): Locale {
  return isLocale(stored) ? stored : BASE_LOCALE;
}
