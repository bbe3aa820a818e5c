/**
 * The OpenID provider as RegioDesk's client sees it (openid-client): its
 * discovery document (read at the first sign-in, kept, read again after a
 * failure), the authorisation request with PKCE, state and nonce, the code
 * exchange that checks them, and the provider's sign-out address.
 */
import * as client from 'openid-client';
import type { OidcSettings } from '../config.js';

/** What one browser's sign-in keeps between leaving for the provider and coming back (in an HttpOnly cookie). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  /** the page to return to after signing in (a path of RegioDesk) */
  next: string;
  /** when the browser left for the provider (ISO instant) */
  startedAt: string;
}

/** Claims of the signed-in person: the ID token's, completed by the user info where the token lacks the e-mail claim. */
export interface ProviderSignIn {
  claims: Record<string, unknown>;
  idToken: string;
}

/** The provider could not be reached or answered nonsense: nobody's fault at the browser. */
export class ProviderUnavailable extends Error {}

/** The provider refused the code (used already, expired, not ours) or its ID token did not check out (nonce, issuer, audience). */
export class ProviderRefused extends Error {}

const SCOPE = 'openid email profile';

export function newPendingSignIn(next: string, now: Date): PendingSignIn {
  return { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), next, startedAt: now.toISOString() };
}

export class OpenIdProvider {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(private readonly settings: OidcSettings) {}

  private discovered(): Promise<client.Configuration> {
    const issuer = new URL(this.settings.issuer);
    // http is accepted only for a provider on this machine (config.ts refuses it elsewhere)
    const options = issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined;
    this.configuration ??= client.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, options).catch((error: unknown) => {
      this.configuration = null;
      throw new ProviderUnavailable(`The OpenID provider ${this.settings.issuer} could not be discovered: ${String(error)}`);
    });
    return this.configuration;
  }

  async authorizationUrl(redirectUri: string, pending: PendingSignIn): Promise<URL> {
    const config = await this.discovered();
    return client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: SCOPE,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256'
    });
  }

  /** Exchanges the code of `callbackUrl` (the registered redirect URI with the provider's query) and checks state, PKCE and nonce. */
  async signIn(callbackUrl: URL, pending: PendingSignIn): Promise<ProviderSignIn> {
    const config = await this.discovered();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true
      });
    } catch (error) {
      throw refusalOf(error);
    }
    const claims: Record<string, unknown> = { ...tokens.claims() };
    if (claims[this.settings.emailClaim] === undefined && tokens.access_token) {
      try {
        Object.assign(claims, await client.fetchUserInfo(config, tokens.access_token, String(claims.sub)), { sub: claims.sub });
      } catch (error) {
        throw refusalOf(error);
      }
    }
    return { claims, idToken: tokens.id_token! };
  }

  /** Where to send the browser to end the provider's session too; null when the provider offers no RP-initiated logout. */
  async endSessionUrl(idToken: string, postLogoutRedirectUri: string): Promise<string | null> {
    const config = await this.discovered();
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri }).href;
  }
}

/** A protocol error (the provider's error answer, a check that failed) is a refusal; anything else (the network) is unavailability. */
function refusalOf(error: unknown): Error {
  const protocol = error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError || (error instanceof client.ClientError && error.code?.startsWith('OAUTH_'));
  return protocol ? new ProviderRefused(String(error)) : new ProviderUnavailable(String(error));
}
