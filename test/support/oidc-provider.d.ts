/**
 * The little of oidc-provider's API the test provider uses (the package
 * ships no types): the provider is a Koa application.
 */
declare module 'oidc-provider' {
  import type { Server } from 'node:http';

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Context = any;

  export interface Configuration {
    clients?: Record<string, unknown>[];
    claims?: Record<string, string[]>;
    findAccount?: (ctx: Context, sub: string) => Promise<{ accountId: string; claims: () => Promise<Record<string, unknown>> } | undefined>;
    features?: Record<string, { enabled: boolean }>;
    pkce?: { required?: () => boolean };
    cookies?: { keys?: string[] };
    loadExistingGrant?: (ctx: Context) => Promise<unknown>;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    listen(port: number, host: string): Server;
  }
}
