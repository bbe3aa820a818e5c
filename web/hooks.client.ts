/**
 * The browser's start. The pages' Content-Security-Policy allows no eval
 * (svelte.config.js), so zod, whose schemas the forms share with the API, is
 * told not to compile them with `new Function`: it would only try, be
 * refused (a policy violation on every page that validates a form) and fall
 * back to what jitless does anyway.
 * And it tells the message functions the page's language.
 */
import { z } from 'zod';
import { overwriteGetLocale } from '$i18n/paraglide/runtime.js';
import { BASE_LOCALE, isLocale } from '$i18n/locales.js';

z.config({ jitless: true });

// The message functions speak the page's language: the one the server chose
// and rendered the page in (<html lang>). A change of language loads the
// page anew (ui/LanguageSwitch.svelte), so it holds for the page's life.
const lang = document.documentElement.lang;
const pageLocale = isLocale(lang) ? lang : BASE_LOCALE;
overwriteGetLocale(() => pageLocale);
