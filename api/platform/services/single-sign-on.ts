/**
 * Single sign-on through an OpenID provider (authorisation code flow with
 * PKCE, state and nonce).
 * - The person is matched by e-mail to an existing account: the `email`
 *   claim only when the provider says it is verified (`email_verified`), or
 *   the configured claim (REGIODESK_OIDC_EMAIL_CLAIM, which the directory
 *   vouches for).
 * - No account is made unless the e-mail's domain is in
 *   REGIODESK_OIDC_JIT_DOMAINS; such an account has no partnership role
 *   until an administrator grants one.
 * - A refusal is a reason code the sign-in page words (never a 500); every
 *   refusal counts as a failed sign-in, every success starts the same
 *   session as a password does.
 */
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import * as users from '../../../db/platform/users.js';
import { missing } from '../../../db/row-missing.js';
import type { UserRow } from '../../../db/schema.js';
import type { Locale } from '../../../i18n/locales.js';
import { newPendingSignIn, OpenIdProvider, type PendingSignIn, ProviderRefused, ProviderUnavailable } from '../auth/openid-provider.js';
import type { OidcSettings, Settings } from '../config.js';
import { recordChange } from './audit.js';
import type { AuthService, SignedIn } from './auth.js';

/** Why a single sign-on was refused; the sign-in page turns each into words (account.sso.* in the web's catalogue). */
export type SingleSignOnRefusal = 'unavailable' | 'state' | 'denied' | 'rejected' | 'unverified' | 'unknown' | 'disabled';

export class SingleSignOnRefused extends Error {
  constructor(
    readonly reason: SingleSignOnRefusal,
    readonly email: string | null = null
  ) {
    super(`Single sign-on refused: ${reason}`);
  }
}

/** How long a browser may take at the provider before its sign-in is forgotten. */
export const PENDING_MINUTES = 10;

export const CALLBACK_PATH = '/api/auth/oidc/callback';
/** where the provider sends the browser after ending its session (register it as a post-logout redirect URI) */
export const SIGNED_OUT_PATH = '/sign-in';

export interface SignInMethods {
  password: boolean;
  singleSignOn: { label: string } | null;
}

/** A path of RegioDesk to go to after signing in ("/" unless `next` is one). */
export function safeNext(next: string | undefined | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

function nameFrom(claims: Record<string, unknown>, email: string): string {
  const given = [claims.given_name, claims.family_name].filter((part) => typeof part === 'string' && part.trim()).join(' ');
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : given;
  return (name || email.slice(0, email.indexOf('@'))).slice(0, 200);
}

export class SingleSignOnService {
  private readonly provider: OpenIdProvider | null;

  constructor(
    private readonly db: DB,
    private readonly settings: Settings,
    private readonly auth: AuthService,
    private readonly clock: () => Date = () => new Date()
  ) {
    this.provider = settings.oidc ? new OpenIdProvider(settings.oidc) : null;
  }

  methods(): SignInMethods {
    return { password: this.settings.passwordSignIn, singleSignOn: this.settings.oidc ? { label: this.settings.oidc.label } : null };
  }

  /** Whether single sign-on is configured at all. */
  get configured(): boolean {
    return this.provider !== null;
  }

  /** Where to send the browser to sign in, and what to keep until it comes back. */
  async start(origin: string, next: string | undefined): Promise<{ redirect: string; pending: PendingSignIn }> {
    const pending = newPendingSignIn(safeNext(next), this.clock());
    try {
      const url = await this.providerOf().authorizationUrl(origin + CALLBACK_PATH, pending);
      return { redirect: url.href, pending };
    } catch (error) {
      if (error instanceof ProviderUnavailable) throw new SingleSignOnRefused('unavailable');
      throw error;
    }
  }

  /**
   * The browser is back from the provider: checks the state against the one
   * kept, exchanges the code (PKCE, nonce), finds or makes the account and
   * starts a session. Refusals are counted as failed sign-ins.
   */
  async finish(origin: string, query: URLSearchParams, pending: PendingSignIn | null, client: { address: string; userAgent: string | null; previousToken: string | null; locale: Locale }): Promise<SignedIn & { next: string }> {
    try {
      const user = await this.vouchedUser(origin, query, pending, client.locale);
      const signedIn = await this.auth.signInVouched(user.row, { ...client, idToken: user.idToken });
      return { ...signedIn, next: pending!.next };
    } catch (error) {
      if (!(error instanceof SingleSignOnRefused)) throw error;
      await this.auth.recordFailedSignIn(client.address, error.email);
      throw error;
    }
  }

  private async vouchedUser(origin: string, query: URLSearchParams, pending: PendingSignIn | null, locale: Locale): Promise<{ row: UserRow; idToken: string }> {
    const oidc = this.settings.oidc!;
    const fresh = pending && this.clock().getTime() - Date.parse(pending.startedAt) <= PENDING_MINUTES * 60_000;
    if (!pending || !fresh || query.get('state') !== pending.state) throw new SingleSignOnRefused('state');
    if (query.has('error')) throw new SingleSignOnRefused('denied');
    const callback = new URL(origin + CALLBACK_PATH);
    callback.search = query.toString();
    let signIn;
    try {
      signIn = await this.providerOf().signIn(callback, pending);
    } catch (error) {
      if (error instanceof ProviderRefused) throw new SingleSignOnRefused('rejected');
      if (error instanceof ProviderUnavailable) throw new SingleSignOnRefused('unavailable');
      throw error;
    }
    const email = this.verifiedEmail(oidc, signIn.claims);
    const existing = await users.findUserByEmail(this.db, email);
    if (existing?.disabled_at) throw new SingleSignOnRefused('disabled', email);
    const row = existing ?? (await this.madeJustInTime(oidc, email, signIn.claims, locale));
    return { row, idToken: signIn.idToken };
  }

  private verifiedEmail(oidc: OidcSettings, claims: Record<string, unknown>): string {
    const value = claims[oidc.emailClaim];
    const email = typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? value.trim().toLowerCase() : null;
    // the standard claim counts only when the provider checked it; a configured claim is the directory's own record
    const verified = oidc.emailClaim !== 'email' || claims.email_verified === true;
    if (!email || !verified) throw new SingleSignOnRefused('unverified', email);
    return email;
  }

  /** An account for a person of an allowed domain, with no role and no password, in the language their browser shows the app in; refused ('unknown') otherwise. */
  private async madeJustInTime(oidc: OidcSettings, email: string, claims: Record<string, unknown>, locale: Locale): Promise<UserRow> {
    if (!oidc.jitDomains.includes(domainOf(email))) throw new SingleSignOnRefused('unknown', email);
    return this.db.transaction().execute(async (trx) => {
      const row = await users.insertUserUnlessRegistered(trx, { id: newId(), email, name: nameFrom(claims, email), password_hash: null, organisation_id: null, is_admin: 0, disabled_at: null, locale });
      // the same person signing in in another tab, at the same moment, made the account: this sign-in takes it
      if (!row) {
        const made = await users.findUserByEmail(trx, email);
        if (!made) throw missing('user')();
        return made;
      }
      await recordChange(trx, null, 'user', row.id, null, { email: row.email, name: row.name, createdBy: 'single sign-on', memberships: [] });
      return row;
    });
  }

  /** Where to send the browser so the provider ends its session too; null for a password session, or when the provider offers no logout or cannot be reached. */
  async endSessionUrl(origin: string, sessionToken: string | null): Promise<string | null> {
    if (!this.provider || !sessionToken) return null;
    const idToken = await this.auth.idTokenOf(sessionToken);
    if (!idToken) return null;
    try {
      return await this.provider.endSessionUrl(idToken, origin + SIGNED_OUT_PATH);
    } catch (error) {
      if (error instanceof ProviderUnavailable) return null;
      throw error;
    }
  }

  private providerOf(): OpenIdProvider {
    if (!this.provider) throw new Error('Single sign-on is not configured.');
    return this.provider;
  }
}
