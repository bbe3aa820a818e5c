/**
 * The browser's start. The pages' Content-Security-Policy allows no eval
 * (svelte.config.js), so zod, whose schemas the forms share with the API, is
 * told not to compile them with `new Function`: it would only try, be
 * refused (a policy violation on every page that validates a form) and fall
 * back to what jitless does anyway.
 */
import { z } from 'zod';

z.config({ jitless: true });
