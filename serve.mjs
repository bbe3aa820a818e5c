/**
 * How `npm start` runs RegioDesk: loads server.ts (TypeScript) through tsx,
 * then takes tsx's loader hooks away again: the running server imports only
 * JavaScript (SvelteKit's build), and with the hooks left in place the
 * organisations page answered 78 req/s instead of 100–120 (10,000
 * organisations, 16 connections).
 */
import { register } from 'tsx/esm/api';

const unregister = register();
await import('./server.ts');
await unregister();
