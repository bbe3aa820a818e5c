/**
 * The language the API writes to its reader in (problem details, field
 * messages): a signed-in caller's account language, else the request's
 * Accept-Language (the web sends its page's language), else English.
 */
import type { Context } from 'hono';
import { type Locale, pickLocale } from '../../../i18n/locales.js';
import type { Caller } from './caller.js';

export function readerLanguage(c: Context): Locale {
  const caller = (c.var as { maybeCaller?: Caller | null }).maybeCaller;
  return caller?.locale ?? pickLocale(undefined, c.req.header('Accept-Language') ?? null);
}
