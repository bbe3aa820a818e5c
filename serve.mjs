/**
 * How `npm start` runs RegioDesk: loads server.ts (TypeScript) through tsx,
 * then takes tsx's loader hooks away again. Left in place, every import the
 * running server makes (SvelteKit loads its page chunks on demand) would
 * round-trip through tsx's loader thread: a server-rendered page answered
 * about a third slower, and the process held more memory.
 */
import { register } from 'tsx/esm/api';

const unregister = register();
await import('./server.ts');
unregister();
