/**
 * Real storage faults for tests: a database file that SQLite can only read,
 * and a small file system that can be filled to the last byte.
 *
 * Read-only: SQLite opens a file it may not write read-only and answers
 * SQLITE_READONLY to writes. `chmod 0444` does that for an ordinary user,
 * but root ignores file modes (CAP_DAC_OVERRIDE) and these machines run
 * tests as root; there `chattr +i` (immutable, refused even to root, ext4
 * and most local file systems) does it. The file's folder stays writable:
 * in WAL mode even a reader needs the -shm and -wal files beside it.
 * Whichever is used, `makeReadOnly` checks that opening the file for
 * writing really fails, and says so when neither works.
 *
 * Full disk: a tmpfs of a few MiB mounted for the test (root may mount);
 * `fillDisk` writes files until ENOSPC, `freeDisk` removes them.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenedDatabase, openDatabase } from '../../db/connection.js';
import { migrateTo, migrateToLatest, migrationNames } from '../../db/migrate.js';
import { buildWorld, type World } from './world.js';

/** A migrated database with the test world at `file` (on a disk or folder the test chose). */
/** A database an older version left: every migration but the newest applied. Answers the newest one's name. */
export async function databaseOneMigrationBehind(file: string): Promise<string> {
  const names = migrationNames();
  const opened = openDatabase(file);
  await migrateTo(opened.db, names.at(-2)!);
  await opened.close();
  return names.at(-1)!;
}

export async function databaseAt(file: string): Promise<{ opened: OpenedDatabase; world: World }> {
  if (process.env.REGIODESK_TEST_TEMPLATE) copyFileSync(process.env.REGIODESK_TEST_TEMPLATE, file);
  const opened = openDatabase(file);
  await migrateToLatest(opened.db);
  return { opened, world: await buildWorld(opened.db) };
}

function writableFor(file: string): boolean {
  try {
    closeSync(openSync(file, 'r+'));
    return true;
  } catch {
    return false;
  }
}

/** Makes `file` read-only for this process; returns how, and a function that undoes it. */
export function makeReadOnly(file: string): { how: string; undo: () => void } {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    execFileSync('chmod', ['0444', file]);
    if (!writableFor(file)) return { how: 'chmod 0444', undo: () => execFileSync('chmod', ['0644', file]) };
  }
  try {
    execFileSync('chattr', ['+i', file], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`Cannot make ${file} read-only here: chmod does not stop ${isRoot ? 'root' : 'this user'} and chattr +i failed (${String(error)}).`);
  }
  if (writableFor(file)) throw new Error(`chattr +i did not make ${file} read-only on this file system.`);
  return { how: 'chattr +i', undo: () => execFileSync('chattr', ['-i', file]) };
}

/** Whether this process may mount a tmpfs (root on a Linux machine, as these are). */
export function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(join(tmpdir(), 'regiodesk-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SmallDisk {
  dir: string;
  /** writes filler files until the file system refuses another byte (ENOSPC) */
  fill(): void;
  /** removes the filler files */
  free(): void;
  unmount(): void;
}

export function mountSmallDisk(megabytes: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'regiodesk-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      mkdirSync(filler, { recursive: true });
      let n = 0;
      for (const size of [256 * 1024, 4096, 1]) {
        for (;;) {
          try {
            writeFileSync(join(filler, String(n++)), Buffer.alloc(size));
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
            break;
          }
        }
      }
    },
    free() {
      rmSync(filler, { recursive: true, force: true });
    },
    unmount() {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
