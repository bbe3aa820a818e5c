/**
 * `npm run restore -- <backup>`: with the server stopped, puts the backup in
 * place of the database (DATABASE_URL, as the server reads it) after checking
 * it. SQLite (db/restore.ts): the file is replaced, the replaced one kept
 * beside it. PostgreSQL (db/postgres-backup.ts): a pg_dump archive is
 * restored into the database in one transaction, what it held before kept
 * as an archive beside the backup. Start the server afterwards: migrations
 * run at start.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { databaseTarget, redacted } from '../db/connection.js';
import { restorePostgres } from '../db/postgres-backup.js';
import { restoreDatabase } from '../db/restore.js';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
try {
  if (args.length !== 1) throw new Error('Usage: npm run restore -- <backup file>   (stop the server first)');
  const backup = resolve(args[0]!);
  const target = databaseTarget(process.env);
  if (target.engine === 'postgres') {
    const { keptAs } = await restorePostgres(backup, target.url);
    console.log(`Restored ${backup} into ${redacted(target.url)} (archive checked; one transaction).`);
    if (keptAs) console.log(`What the database held before is kept as ${keptAs} (restore it the same way); remove it once the restored one is confirmed.`);
  } else {
    const file = resolve(target.location);
    mkdirSync(dirname(file), { recursive: true });
    const { keptAs } = restoreDatabase(backup, file);
    console.log(`Restored ${backup} into ${file} (integrity ok).`);
    if (keptAs) console.log(`The database it replaced is kept as ${keptAs}; remove it once the restored one is confirmed.`);
  }
  console.log('Start the server (npm start): migrations run at start.');
} catch (error) {
  console.error(`Not restored: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
