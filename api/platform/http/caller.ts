import type { Locale } from '../../../i18n/locales.js';
/** Who is calling: resolved once per request by the auth middleware, handed to every service. */

export type PartnershipRole = 'admin' | 'officer' | 'editor' | 'viewer';

export interface Caller {
  userId: string;
  name: string;
  email: string;
  organisationId: string | null;
  isAdmin: boolean;
  /** partnership id → role */
  roles: Record<string, PartnershipRole>;
  via: 'session' | 'token';
  /** the account's language: problems are written in it (reader-language.ts) */
  locale?: Locale;
}
