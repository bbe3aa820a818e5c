/**
 * Whether the service can do its work, checked the way a write would meet
 * it, and cheaply (it is the scale benchmark's baseline): one read of the
 * applied migrations, one statement that asks for the write lock without
 * writing, one statfs of the database's disk.
 * - unavailable: the database does not answer reads (cannot be opened,
 *   corrupt, gone).
 * - degraded: it answers reads, but writes fail or soon will: a read-only
 *   database, a disk with under 1 MiB free, migrations missing or not the
 *   ones this version expects; each reason in words.
 * - ok otherwise.
 */
import type { DB } from '../../../db/connection.js';
import { migrationNames } from '../../../db/migrate.js';
import { appliedMigrations, databaseFile, freeBytes, probeWrite } from '../../../db/platform/health.js';
import { type StorageFault, storageFaultOf } from '../../../db/storage-faults.js';
import type { Health, HealthReasonCode } from '../schemas/health.js';

const VERSION = process.env.npm_package_version ?? '0.1.0';

/** Below this, SQLite's write-ahead log cannot grow much longer: writes are about to fail with SQLITE_FULL. */
export const LOW_SPACE_BYTES = 1024 * 1024;

type Reason = Health['reasons'][number];

const FAULT_REASONS: Record<StorageFault['kind'], { code: HealthReasonCode; message: string }> = {
  'read-only': { code: 'read-only', message: 'The database is read-only: reads work, every write answers 503. Make the database file (and its folder) writable for the server.' },
  'disk-full': { code: 'disk-full', message: 'The disk holding the database is full: reads work, writes answer 503.' },
  'io-error': { code: 'io-error', message: 'The disk holding the database reports I/O errors: writes may fail.' },
  busy: { code: 'busy', message: 'Another process holds the database’s write lock: writes wait or answer 503.' },
  'cannot-open': { code: 'unreachable', message: 'The database file cannot be opened.' }
};

function kib(bytes: number): string {
  return `${Math.floor(bytes / 1024).toLocaleString('en')} KiB`;
}

function migrationReasons(applied: string[], expected: string[]): Reason[] {
  const reasons: Reason[] = [];
  const missing = expected.filter((name) => !applied.includes(name));
  const unknown = applied.filter((name) => !expected.includes(name));
  if (missing.length) {
    reasons.push({ code: 'migrations-pending', message: `The database lacks ${missing.length} migration${missing.length === 1 ? '' : 's'} this version needs (${missing.join(', ')}): restart RegioDesk on a writable database to apply them.` });
  }
  if (unknown.length) {
    reasons.push({ code: 'migrations-unknown', message: `The database ran ${unknown.length} migration${unknown.length === 1 ? '' : 's'} this version does not know (${unknown.join(', ')}): it was migrated by another version of RegioDesk.` });
  }
  return reasons;
}

export class HealthService {
  private readonly expected = migrationNames();
  /** the database's file, read once (null: in memory) */
  private file: Promise<string | null> | null = null;

  constructor(private readonly db: DB) {}

  async check(): Promise<Health> {
    let applied: string[];
    try {
      applied = await appliedMigrations(this.db);
    } catch (error) {
      return this.unavailable(error);
    }
    const reasons = migrationReasons(applied, this.expected);
    let writable = true;
    try {
      await probeWrite(this.db);
    } catch (error) {
      const fault = storageFaultOf(error);
      if (!fault || fault.kind === 'cannot-open') return this.unavailable(error);
      writable = false;
      reasons.push(FAULT_REASONS[fault.kind]);
    }
    const free = await this.freeBytes();
    if (free !== null && free < LOW_SPACE_BYTES) {
      reasons.push({ code: 'disk-full', message: `The disk holding the database has ${kib(free)} free: writes answer 503, or soon will. Free some space; RegioDesk goes on by itself.` });
    }
    return {
      status: reasons.length ? 'degraded' : 'ok',
      database: { ok: true, migrations: applied.length, expectedMigrations: this.expected.length, writable, freeBytes: free },
      reasons,
      version: VERSION
    };
  }

  private async freeBytes(): Promise<number | null> {
    this.file ??= databaseFile(this.db).catch(() => {
      this.file = null;
      return null;
    });
    const file = await this.file;
    if (!file) return null;
    try {
      return freeBytes(file);
    } catch {
      // a file system that cannot say: not a reason to call the service unhealthy
      return null;
    }
  }

  private unavailable(error: unknown): Health {
    const fault = storageFaultOf(error);
    const message = fault?.kind === 'cannot-open' ? FAULT_REASONS['cannot-open'].message : 'The database does not answer.';
    return {
      status: 'unavailable',
      database: { ok: false, migrations: 0, expectedMigrations: this.expected.length, writable: false, freeBytes: null, detail: String(error) },
      reasons: [{ code: 'unreachable', message: `${message} Nothing can be read or written.` }],
      version: VERSION
    };
  }
}
