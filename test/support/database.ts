/** A real SQLite file per test file, copied from the migrated template. */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { type OpenedDatabase, openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';

export async function testDatabase(): Promise<OpenedDatabase & { file: string }> {
  const dir = process.env.REGIODESK_TEST_DIR ?? mkdtempSync(join(tmpdir(), 'regiodesk-tests-'));
  const file = join(dir, `${randomUUID()}.db`);
  const template = process.env.REGIODESK_TEST_TEMPLATE;
  if (template) copyFileSync(template, file);
  const opened = openDatabase(file);
  await migrateToLatest(opened.db);
  return { ...opened, file };
}

/** Row counts of every table, to prove a refused request changed nothing. */
export function tableCounts(opened: OpenedDatabase): Record<string, number> {
  const tables = opened.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%' AND name != 'sign_in_failures'")
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = (opened.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
  return counts;
}
