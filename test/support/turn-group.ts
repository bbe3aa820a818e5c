/**
 * A group of processes writing to one SQLite file, as the server's group
 * does (for test/api/platform/write-turns.test.ts): this process forks
 * `workers` copies of itself (Node's cluster) and keeps their turns at the
 * write lock (`WriteTurnKeeper`); each copy opens the file as the server
 * does, with turns or without, with SQLite's busy timeout at 0 (a
 * transaction that finds the lock taken fails at once instead of sleeping),
 * runs `count` transactions that read before they write, and reports its
 * failures. The copies start together, once every one has opened the
 * file. The copy named by `dies` ends in the middle of its fifth
 * transaction, holding its turn. Prints the reports as one JSON line.
 *
 *   tsx test/support/turn-group.ts <file> <workers> <count> <turns|no-turns> [dies]
 */
import cluster from 'node:cluster';
import { sql } from 'kysely';
import { openDatabase } from '../../db/connection.js';
import { isTurnMessage, processWriteTurns, WriteTurnKeeper } from '../../api/platform/processes/write-turns.js';

const [file, workers, count, mode, dies] = process.argv.slice(2);

if (cluster.isPrimary) {
  cluster.setupPrimary({ serialization: 'advanced' });
  const keeper = new WriteTurnKeeper();
  const reports: { name: string; failures: string[] }[] = [];
  let ready = 0;
  for (let i = 0; i < Number(workers); i++) {
    const worker = cluster.fork({ TURN_GROUP_NAME: `w${i}` });
    worker.on('message', (message: unknown) => {
      if (isTurnMessage(message)) keeper.heard(worker, message);
      else if (message === 'ready') {
        if (++ready === Number(workers)) for (const w of Object.values(cluster.workers ?? {})) w?.send('go');
      } else reports.push(message as { name: string; failures: string[] });
    });
  }
  cluster.on('exit', (worker) => {
    keeper.gone(worker);
    if (!Object.keys(cluster.workers ?? {}).length) console.log(JSON.stringify(reports));
  });
} else {
  const name = process.env.TURN_GROUP_NAME!;
  const opened = openDatabase(file!, { writeTurns: mode === 'turns' ? processWriteTurns() : null });
  opened.sqlite.pragma('busy_timeout = 0');
  await new Promise<void>((resolve) => {
    process.on('message', (message) => message === 'go' && resolve());
    process.send!('ready');
  });
  const failures: string[] = [];
  for (let i = 0; i < Number(count); i++) {
    try {
      await opened.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ n: number }>`select count(*) as n from burst`.execute(trx);
        if (name === dies && i === 4) process.exit(3);
        await sql`insert into burst (writer, seen) values (${name}, ${rows[0]!.n})`.execute(trx);
      });
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  await opened.close();
  process.send!({ name, failures }, () => process.disconnect());
}
