/** Types shared by every route: the Hono environment and the caller. */
import type { Settings } from './config.js';
import type { Services } from './services/index.js';

export type PartnershipRole = 'admin' | 'officer' | 'editor' | 'viewer';

/** Who is calling: resolved once per request by the auth middleware. */
export interface Caller {
  userId: string;
  name: string;
  email: string;
  organisationId: string | null;
  isAdmin: boolean;
  /** partnership id → role */
  roles: Record<string, PartnershipRole>;
  via: 'session' | 'token';
}

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
