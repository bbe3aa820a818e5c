/**
 * Migrates one template database per run; each test file copies it
 * (cheaper than migrating every time, and every file gets its own real file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';

export default async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'regiodesk-tests-'));
  const template = join(dir, 'template.db');
  const opened = openDatabase(template);
  await migrateToLatest(opened.db);
  opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  opened.sqlite.pragma('journal_mode = DELETE');
  await opened.close();
  process.env.REGIODESK_TEST_TEMPLATE = template;
  process.env.REGIODESK_TEST_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
