/** The Hono environment every route shares: services, settings and the caller. */
import type { Caller } from './caller.js';
import type { Settings } from './config.js';
import type { Services } from './services/index.js';

export type { Caller, PartnershipRole } from './caller.js';

export interface AppEnv {
  Variables: {
    services: Services;
    settings: Settings;
    caller: Caller;
    /** null for anonymous requests; set by the auth middleware. */
    maybeCaller: Caller | null;
    sessionToken: string | null;
    clientAddress: string;
  };
}
