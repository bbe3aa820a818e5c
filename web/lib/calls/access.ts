/** Calls and programmes are shared reference data: anyone with a writing role in some partnership records and changes them. */
import type { Me } from '$api/platform/schemas/auth';
import { mayWriteAnywhere } from '$lib/access/writing.js';

export function canRecordCalls(me: Me): boolean {
  return mayWriteAnywhere(me);
}
