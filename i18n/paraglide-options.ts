/**
 * How Paraglide compiles the catalogue (i18n/catalogue/<feature>/<locale>.json,
 * listed in i18n/project.inlang/settings.json) into typed message functions
 * (i18n/paraglide/, generated, not committed): one set of options for the Vite
 * plugin (`vite dev`, `vite build`) and scripts/i18n/compile.ts (`npm run
 * check`, the tests, `npm start`).
 *
 * The inlang project loads its storage plugin from node_modules by a path
 * (settings.json "modules"), never from a CDN: the compile needs no network.
 *
 * The locale a message function speaks in, when not given `{ locale }`:
 * on the server the page request's (web/hooks.server.ts runs each page
 * request inside Paraglide's AsyncLocalStorage with the locale it picked), in
 * the browser the page's `<html lang>` (web/hooks.client.ts). The API passes
 * `{ locale }` itself (the reader's language). So Paraglide's own strategies
 * (cookie, URL, …) stay out of it: only the base locale as the last resort.
 */
export const paraglideOptions = {
  project: './i18n/project.inlang',
  outdir: './i18n/paraglide',
  strategy: ['globalVariable', 'baseLocale'],
  emitPrettierIgnore: false,
  emitReadme: false
} as const satisfies { project: string; outdir: string; strategy: ['globalVariable', 'baseLocale'] } & Record<string, unknown>;

/**
 * Where the API's copy is compiled (scripts/i18n/compile.ts): the same
 * messages as one module per language. Node loads the pages' layout (a
 * module per message, 2,000+ files) in about 3 s and this one in about
 * 0.3 s; the API imports its words from here, never from i18n/paraglide.
 */
export const SERVER_OUTDIR = './i18n/paraglide-server';
