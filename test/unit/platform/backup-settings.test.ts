import { describe, expect, it } from 'vitest';
import { backupFrom, settingsFrom, sqliteSynchronousFrom } from '../../../api/platform/config.js';
import { openDatabase } from '../../../db/connection.js';

describe('backup and durability settings from the environment', () => {
  it('no folder, no scheduled backups; a folder alone backs up daily and keeps 7', () => {
    expect(backupFrom({})).toBeNull();
    expect(settingsFrom({}).backup).toBeNull();
    expect(backupFrom({ REGIODESK_BACKUP_DIR: '/var/backups/regiodesk' })).toEqual({ dir: '/var/backups/regiodesk', intervalHours: 24, keep: 7 });
    expect(backupFrom({ REGIODESK_BACKUP_DIR: 'b', REGIODESK_BACKUP_INTERVAL_HOURS: '0.5', REGIODESK_BACKUP_KEEP: '30' })).toEqual({ dir: 'b', intervalHours: 0.5, keep: 30 });
  });

  it('refuses values that are not positive numbers, in words', () => {
    expect(() => backupFrom({ REGIODESK_BACKUP_DIR: 'b', REGIODESK_BACKUP_INTERVAL_HOURS: 'daily' })).toThrow('REGIODESK_BACKUP_INTERVAL_HOURS must be a positive number of hours (e.g. 24 or 0.5), not "daily".');
    expect(() => backupFrom({ REGIODESK_BACKUP_DIR: 'b', REGIODESK_BACKUP_INTERVAL_HOURS: '0' })).toThrow(/positive number of hours/);
    expect(() => backupFrom({ REGIODESK_BACKUP_DIR: 'b', REGIODESK_BACKUP_KEEP: '2.5' })).toThrow('REGIODESK_BACKUP_KEEP must be a whole number of backups, 1 or more, not "2.5".');
    expect(() => settingsFrom({ REGIODESK_BACKUP_DIR: 'b', REGIODESK_BACKUP_KEEP: '0' })).toThrow(/REGIODESK_BACKUP_KEEP/);
  });

  it('synchronous is normal unless set to full; anything else is refused', () => {
    expect(sqliteSynchronousFrom({})).toBe('normal');
    expect(sqliteSynchronousFrom({ REGIODESK_SQLITE_SYNCHRONOUS: 'FULL' })).toBe('full');
    expect(() => sqliteSynchronousFrom({ REGIODESK_SQLITE_SYNCHRONOUS: 'extra' })).toThrow('REGIODESK_SQLITE_SYNCHRONOUS must be full or normal, not "extra".');
  });

  it('the connection applies it (SQLite reports 2 for FULL, 1 for NORMAL)', async () => {
    for (const [synchronous, level] of [['full', 2], ['normal', 1]] as const) {
      const opened = openDatabase(':memory:', { synchronous });
      expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(level);
      await opened.close();
    }
  });
});
