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
import { BASE_LOCALE, type Locale, TAGS } from '../../../i18n/locales.js';
import { type Say, render, words } from '../http/problem-words.js';
import type { Health, HealthReasonCode } from '../schemas/health.js';

const VERSION = process.env.npm_package_version ?? '0.1.0';

/** Below this, SQLite's write-ahead log cannot grow much longer: writes are about to fail with SQLITE_FULL. */
export const LOW_SPACE_BYTES = 1024 * 1024;

type Reason = Health['reasons'][number];

/** A reason in the reader's language (the catalogue's health messages). */
function reason(locale: Locale, code: HealthReasonCode, ...said: Say): Reason {
  return { code, message: render(words(...said), locale) };
}

/** A write fault as its reason (a database that cannot be opened is unavailable instead). */
const FAULT_REASONS: Record<Exclude<StorageFault['kind'], 'cannot-open'>, (locale: Locale) => Reason> = {
  'read-only': (locale) => reason(locale, 'read-only', 'problems_health_readOnly'),
  'disk-full': (locale) => reason(locale, 'disk-full', 'problems_health_diskFull'),
  'io-error': (locale) => reason(locale, 'io-error', 'problems_health_ioError'),
  busy: (locale) => reason(locale, 'busy', 'problems_health_busy')
};

function migrationReasons(applied: string[], expected: string[], locale: Locale): Reason[] {
  const reasons: Reason[] = [];
  const missing = expected.filter((name) => !applied.includes(name));
  const unknown = applied.filter((name) => !expected.includes(name));
  if (missing.length) reasons.push(reason(locale, 'migrations-pending', 'problems_health_migrationsPending', { count: missing.length, names: missing.join(', ') }));
  if (unknown.length) reasons.push(reason(locale, 'migrations-unknown', 'problems_health_migrationsUnknown', { count: unknown.length, names: unknown.join(', ') }));
  return reasons;
}

export class HealthService {
  private readonly expected = migrationNames();
  /** the database's file, read once (null: in memory) */
  private file: Promise<string | null> | null = null;

  constructor(private readonly db: DB) {}

  /** The service's health, its reasons in `locale` (the reader's language). */
  async check(locale: Locale = BASE_LOCALE): Promise<Health> {
    let applied: string[];
    try {
      applied = await appliedMigrations(this.db);
    } catch (error) {
      return this.unavailable(error, locale);
    }
    const reasons = migrationReasons(applied, this.expected, locale);
    let writable = true;
    try {
      await probeWrite(this.db);
    } catch (error) {
      const fault = storageFaultOf(error);
      if (!fault || fault.kind === 'cannot-open') return this.unavailable(error, locale);
      writable = false;
      reasons.push(FAULT_REASONS[fault.kind](locale));
    }
    const free = await this.freeBytes();
    if (free !== null && free < LOW_SPACE_BYTES) {
      reasons.push(reason(locale, 'disk-full', 'problems_health_lowSpace', { free: Math.floor(free / 1024).toLocaleString(TAGS[locale]) }));
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

  private unavailable(error: unknown, locale: Locale): Health {
    const fault = storageFaultOf(error);
    return {
      status: 'unavailable',
      database: { ok: false, migrations: 0, expectedMigrations: this.expected.length, writable: false, freeBytes: null, detail: String(error) },
      reasons: [reason(locale, 'unreachable', fault?.kind === 'cannot-open' ? 'problems_health_cannotOpen' : 'problems_health_noAnswer')],
      version: VERSION
    };
  }
}
