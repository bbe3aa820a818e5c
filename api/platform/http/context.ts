/**
 * The Hono environment of a context's routes: its services, the settings
 * and the caller. `S` is the services the routes may call — their own
 * context's (each context's services/index.ts names its environment), so a
 * route cannot reach into another context's services; the app hands every
 * route the whole set at run time.
 */
import type { Caller } from './caller.js';
import type { Settings } from '../config.js';

export interface ContextEnv<S> {
  Variables: {
    services: S;
    settings: Settings;
    caller: Caller;
    /** null for anonymous requests; set by the auth middleware. */
    maybeCaller: Caller | null;
    sessionToken: string | null;
    clientAddress: string;
  };
}
