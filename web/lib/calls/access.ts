/** Calls and programmes are shared reference data: anyone with a writing role in some partnership records and changes them. */
import type { Me } from '$api/platform/schemas/auth';

const WRITERS = ['admin', 'officer', 'editor'];

export function canRecordCalls(me: Me): boolean {
  return me.isAdmin || me.memberships.some((m) => WRITERS.includes(m.role));
}
