/**
 * Bookkeeping writes — a session's last request, an access token's or a
 * calendar feed's last use, dropping an expired session — are best-effort:
 * on a full disk or a read-only database the read they ride along with
 * still answers. Their storage fault is logged (at most once every few
 * minutes, not per request) and swallowed; any other error still throws.
 */
import { storageFaultOf } from '../../../db/storage-faults.js';
import { type StorageFaultLog, storageFaultLog } from './storage-fault-log.js';

export async function bestEffort(what: string, write: () => Promise<unknown>, log: StorageFaultLog = storageFaultLog): Promise<void> {
  try {
    await write();
  } catch (error) {
    const fault = storageFaultOf(error);
    if (!fault) throw error;
    log.report(what, fault, 'Reads go on without it.');
  }
}
