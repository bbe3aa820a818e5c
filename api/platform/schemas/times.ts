/** Times as the API reads them: a local wall time or an instant, and an IANA time zone. */
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { says } from '../http/problem-words.js';

const LOCAL_OR_INSTANT = /^(19|20|21)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?([Zz]|[+-]\d{2}:\d{2})?$/;

/** A local wall time (`2026-03-29T09:00`) in the activity's zone, or an instant with offset. */
export const DateTimeInput = z
  .string()
  .trim()
  .regex(LOCAL_OR_INSTANT, { ...says('problems_field_localDateTime'), abort: true })
  .refine((v) => DateTime.fromISO(v, { setZone: true }).isValid, says('problems_field_noSuchDate'));

/** zone names found valid (a few hundred at most): asking Intl again costs ~0.25 ms a request */
const validZones = new Set<string>();

function isZone(name: string): boolean {
  if (validZones.has(name)) return true;
  if (!IANAZone.isValidZone(name)) return false;
  validZones.add(name);
  return true;
}

/** An IANA time zone name such as Europe/Brussels. */
export const TimeZone = z.string().trim().refine(isZone, says('problems_field_timeZone'));
