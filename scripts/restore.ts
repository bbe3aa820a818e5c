/**
 * `npm run restore -- <backup>`: with the server stopped, puts the backup in
 * place of the database (DATABASE_URL, as the server reads it) after checking
 * it (db/restore.ts); the replaced file is kept beside it. Start the server
 * afterwards: migrations run at start.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { databaseLocation } from '../db/connection.js';
import { restoreDatabase } from '../db/restore.js';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
try {
  if (args.length !== 1) throw new Error('Usage: npm run restore -- <backup file>   (stop the server first)');
  const backup = resolve(args[0]!);
  const target = resolve(databaseLocation(process.env));
  mkdirSync(dirname(target), { recursive: true });
  const { keptAs } = restoreDatabase(backup, target);
  console.log(`Restored ${backup} into ${target} (integrity ok).`);
  if (keptAs) console.log(`The database it replaced is kept as ${keptAs}; remove it once the restored one is confirmed.`);
  console.log('Start the server (npm start): migrations run at start.');
} catch (error) {
  console.error(`Not restored: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
