/**
 * Optimistic concurrency: every editable record carries `version`; reads
 * send it as a strong ETag, writes may send `If-Match` with it.
 */
import { ValidationFailed } from './errors.js';

export function etagOf(record: { version: number }): string {
  return `"${record.version}"`;
}

/** The version a write expects, or null when the client sent no `If-Match` (or `*`). */
export function expectedVersion(ifMatch: string | undefined): number | null {
  if (!ifMatch || ifMatch.trim() === '*') return null;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
  if (!match) throw new ValidationFailed([{ path: 'If-Match', message: 'If-Match must be the ETag of the record, e.g. "3".' }]);
  return Number(match[1]);
}
