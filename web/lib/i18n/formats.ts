/**
 * Dates and money as each UI language writes them: the one place is
 * i18n/formats.ts, shared with the API (which writes the same dates and
 * amounts into the sentences it words, e.g. an obligation's reason).
 */
export * from '$i18n/formats.js';
