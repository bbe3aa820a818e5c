/**
 * Optimistic concurrency: every editable record carries `version`; reads
 * send it as a strong ETag, writes may send `If-Match` with it.
 */
import { ValidationFailed, words } from './errors.js';

export function etagOf(record: { version: number }): string {
  return `"${record.version}"`;
}

/** The version a write expects, or null when the client sent no `If-Match` (or `*`). */
export function expectedVersion(ifMatch: string | undefined): number | null {
  if (!ifMatch || ifMatch.trim() === '*') return null;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
  if (!match) throw new ValidationFailed([{ path: 'If-Match', ...words('problems_field_ifMatchForm') }]);
  return Number(match[1]);
}

/**
 * True when `If-None-Match` names `etag` (or is `*`): the client's copy is
 * current and a GET answers 304. Compared weakly, as RFC 9110 §13.1.2 asks.
 */
export function unchangedFor(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}
