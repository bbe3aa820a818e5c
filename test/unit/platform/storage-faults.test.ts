/** SQLite's storage errors told apart from bugs, and logged without flooding the log. */
import { describe, expect, it } from 'vitest';
import { StorageUnavailable } from '../../../api/platform/http/errors.js';
import { StorageFaultLog } from '../../../api/platform/services/storage-fault-log.js';
import { storageFaultOf } from '../../../db/storage-faults.js';

describe('storageFaultOf', () => {
  it('reads SQLite’s primary and extended codes, and nothing else', () => {
    expect(storageFaultOf({ code: 'SQLITE_FULL' })).toEqual({ kind: 'disk-full', code: 'SQLITE_FULL' });
    expect(storageFaultOf({ code: 'SQLITE_READONLY_DBMOVED' })).toEqual({ kind: 'read-only', code: 'SQLITE_READONLY_DBMOVED' });
    expect(storageFaultOf({ code: 'SQLITE_IOERR_WRITE' })).toEqual({ kind: 'io-error', code: 'SQLITE_IOERR_WRITE' });
    expect(storageFaultOf({ code: 'SQLITE_CANTOPEN' })?.kind).toBe('cannot-open');
    expect(storageFaultOf({ code: 'SQLITE_BUSY_SNAPSHOT' })?.kind).toBe('busy');
    for (const other of [{ code: 'SQLITE_CONSTRAINT_UNIQUE' }, { code: 'SQLITE_FULLNESS' }, { code: 'ENOSPC' }, new Error('boom'), null, 'SQLITE_FULL']) {
      expect(storageFaultOf(other)).toBeNull();
    }
  });

  it('becomes a 503 in words, with Retry-After only where waiting helps', () => {
    const full = new StorageUnavailable({ kind: 'disk-full', code: 'SQLITE_FULL' });
    expect(full.status).toBe(503);
    expect(full.headers).toEqual({ 'Retry-After': '60' });
    expect(new StorageUnavailable({ kind: 'read-only', code: 'SQLITE_READONLY' }).headers).toEqual({});
    expect(new StorageUnavailable({ kind: 'disk-full', code: 'SQLITE_FULL' }, 'signIn').detail).toBe(
      'Signing in saves a session (and counts failed attempts), and the server’s disk is full. Reading still works; try again once an administrator has freed space.'
    );
    expect(new StorageUnavailable({ kind: 'disk-full', code: 'SQLITE_FULL' }, 'signIn').detailIn('nl')).toBe(
      'Aanmelden bewaart een sessie (en telt mislukte pogingen), en de schijf van de server is vol. Lezen werkt nog; probeer het opnieuw zodra een beheerder ruimte heeft vrijgemaakt.'
    );
  });
});

describe('StorageFaultLog', () => {
  it('logs a fault once per quiet period and kind, then says how many it left out', () => {
    const lines: string[] = [];
    let now = 0;
    const log = new StorageFaultLog((line) => lines.push(line), () => now, 60_000);
    const full = { kind: 'disk-full' as const, code: 'SQLITE_FULL' };
    for (let i = 0; i < 100; i++) log.report('A write', full, 'Answered 503.');
    log.report('A write', { kind: 'read-only', code: 'SQLITE_READONLY' }, 'Answered 503.');
    expect(lines).toEqual([
      'A write failed: SQLITE_FULL. Answered 503. Logged at most once every minute.',
      'A write failed: SQLITE_READONLY. Answered 503. Logged at most once every minute.'
    ]);
    now = 60_000;
    log.report('A write', full, 'Answered 503.');
    expect(lines[2]).toBe('A write failed: SQLITE_FULL (99 more since the last report). Answered 503. Logged at most once every minute.');
  });
});
