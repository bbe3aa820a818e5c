/**
 * A real OpenID provider (oidc-provider) on a local port, for single
 * sign-on tests: one client registered for RegioDesk at `appOrigin`, its
 * development login form (any login; the login is the account's `sub`), and
 * the claims of each account set by the test (`provider.accounts`). Consent
 * is granted by itself (a first-party client), so the login form is the
 * only page a person sees there. RP-initiated logout asks "sign out?" once.
 */
import { type Server } from 'node:http';
import { createServer } from 'node:net';
import Provider from 'oidc-provider';

export interface AccountClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
  [claim: string]: unknown;
}

export interface TestOpenIdProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** the claims each login yields; a login not listed here has only its `sub` */
  accounts: Map<string, AccountClaims>;
  /** RegioDesk's settings for this provider */
  env(): Record<string, string>;
  close(): Promise<void>;
}

/** The one client registered at the test provider: RegioDesk. */
export const TEST_CLIENT = { id: 'regiodesk', secret: 'a-client-secret-only-this-test-knows', label: 'Test Directory' } as const;

/** RegioDesk's settings for the test provider at `issuer` (add REGIODESK_OIDC_JIT_DOMAINS etc. as a test needs). */
export function providerEnv(issuer: string): Record<string, string> {
  return { REGIODESK_OIDC_ISSUER: issuer, REGIODESK_OIDC_CLIENT_ID: TEST_CLIENT.id, REGIODESK_OIDC_CLIENT_SECRET: TEST_CLIENT.secret, REGIODESK_OIDC_LABEL: TEST_CLIENT.label };
}

/** A free TCP port on 127.0.0.1 (for a provider whose address must be known before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * Starts the provider for RegioDesk at `appOrigin`. `port`: when RegioDesk
 * must be told the issuer before its own address is known (a product
 * process on a free port), choose the port first with `freePort` — RegioDesk
 * reads the provider's discovery document only at the first sign-in.
 */
export async function startOpenIdProvider({ appOrigin, port }: { appOrigin: string; port?: number }): Promise<TestOpenIdProvider> {
  const listenOn = port ?? (await freePort());
  const issuer = `http://127.0.0.1:${listenOn}`;
  const clientId = TEST_CLIENT.id;
  const clientSecret = TEST_CLIENT.secret;
  const accounts = new Map<string, AccountClaims>();

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${appOrigin}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${appOrigin}/sign-in`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        // how RegioDesk authenticates at the token endpoint (openid-client's default for a client secret)
        token_endpoint_auth_method: 'client_secret_post'
      }
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'given_name', 'family_name', 'upn'] },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ ...accounts.get(sub), sub }) }),
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['a-cookie-key-only-this-test-knows'] },
    // a first-party client: every scope and claim asked for is granted without a consent page
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'given_name', 'family_name', 'upn']);
      await grant.save();
      return grant;
    }
  });
  const server: Server = provider.listen(listenOn, '127.0.0.1' as never) as unknown as Server;
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    env: () => providerEnv(issuer),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      })
  };
}
