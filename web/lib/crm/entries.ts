/**
 * Lists typed into one box (emails, phones) and their errors: the API
 * answers `emails.1`, the page shows that beside the box, naming the entry.
 */
import type { Translator } from '$lib/i18n/index.js';
import { m } from '$i18n/paraglide/messages.js';

/** "a@x.org, b@y.org\nc@z.org" → three entries; commas, semicolons and line breaks separate, spaces do not (phones have them). */
export function splitEntries(text: string): string[] {
  return text.split(/[,;\n\r]+/).map((s) => s.trim()).filter(Boolean);
}

/** One message for every error at `path` or `path.<i>`, naming the entry it is about. */
export function entryErrors(errors: Record<string, string>, path: string, entries: string[], i18n: Translator): string | undefined {
  const messages = Object.entries(errors)
    .filter(([p]) => p === path || p.startsWith(`${path}.`))
    .map(([p, message]) => {
      const index = Number(p.slice(path.length + 1));
      const value = p === path || Number.isNaN(index) ? undefined : entries[index];
      return value === undefined ? message : m.people_itemError({ value, message });
    });
  return messages.length ? messages.join(' ') : undefined;
}

/** The value for a `datetime-local` input: the instant in the browser's time zone, to the minute. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value as an instant in UTC; what cannot be read goes to the API as typed, which names the problem. */
export function instantOf(local: string): string {
  const date = new Date(local);
  return local && !Number.isNaN(date.getTime()) ? date.toISOString() : local;
}

/** aria attributes for an input whose error is already composed (see `invalid` in ui/form.ts for one path) */
export function invalidWhen(error: string | undefined, id: string) {
  return error ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {};
}
