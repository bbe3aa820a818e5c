/**
 * One of several processes writing to one SQLite file at once (for
 * test/api/platform/concurrent-writers.test.ts): opens the file as the
 * server does, then runs `count` transactions that read before they write
 * (as the services' transactions do), and prints how many failed and why.
 *
 *   tsx test/support/write-burst.ts <file> <count> <name>
 */
import { sql } from 'kysely';
import { openDatabase } from '../../db/connection.js';

const [file, count, name] = process.argv.slice(2);
const opened = openDatabase(file!);
const failures: string[] = [];
for (let i = 0; i < Number(count); i++) {
  try {
    await opened.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from burst`.execute(trx);
      await sql`insert into burst (writer, seen) values (${name}, ${rows[0]!.n})`.execute(trx);
    });
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  }
  // let the other process in between
  await new Promise((resolve) => setImmediate(resolve));
}
await opened.close();
console.log(JSON.stringify({ failures }));
