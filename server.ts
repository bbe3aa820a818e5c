/**
 * One Node process: Hono answers /api/*, SvelteKit's adapter-node handler
 * everything else. The API app is created once (one database handle) and
 * handed to SvelteKit's server hooks through globalThis, because the bundled
 * SvelteKit server holds its own copy of every module.
 *
 * With REGIODESK_PROCESSES above 1, this process migrates and seeds the
 * database, then starts that many processes of this same program, which
 * share the port and serve (api/platform/processes/process-group.ts).
 */
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { bootstrap } from './api/bootstrap.js';
import { answerClientErrors, frontHeaders, limitUrlLength, RunLease, runProcessGroup, startBackupRuns } from './api/platform/index.js';
import { startReminderRuns } from './api/deadlines/index.js';
import { databaseTarget } from './db/connection.js';
import { DEMO_SIGN_IN } from './fixtures/users.js';

declare global {
  // eslint-disable-next-line no-var
  var __regiodeskApi: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> } | undefined;
}

const root = dirname(fileURLToPath(import.meta.url));
const handlerFile = join(root, 'build', 'handler.js');
if (!existsSync(handlerFile)) {
  console.error('The web app is not built yet: run `npm run build` (or `npm start`, which builds when needed).');
  process.exit(1);
}

// a database that cannot be opened or migrated (read-only with migrations pending, a full disk): say why in words and stop
const started = await bootstrap().catch((error: unknown) => {
  console.error(`RegioDesk cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

/** The address and, on a new demo database, who can sign in: said once, by the process that started the others when there are several. */
function welcome(processes: number) {
  console.log(`RegioDesk is running at http://localhost:${port}${processes > 1 ? ` (${processes} processes)` : ''}`);
  if (started.seeded.demo) {
    console.log('Demo workspace seeded. Sign in as one of:');
    for (const user of DEMO_SIGN_IN.accounts) console.log(`  ${user.email}  (${user.description})`);
    console.log(`  password for all: ${DEMO_SIGN_IN.password}`);
  } else if (process.env.REGIODESK_DEMO !== '0') {
    console.log(`Demo sign-in (if this database holds the demo): ${DEMO_SIGN_IN.accounts[0]?.email} / ${DEMO_SIGN_IN.password}`);
  }
  if (started.seeded.admin) console.log(`Administrator created: ${started.seeded.admin}`);
}

if (cluster.isPrimary && started.settings.processes > 1) {
  // the database is migrated and seeded once, here; the processes find it ready
  await started.close();
  const code = await runProcessGroup(started.settings.processes, { listening: welcome, say: (line) => console.warn(line) });
  process.exit(code);
}

globalThis.__regiodeskApi = started.app;
const { handler } = (await import(pathToFileURL(handlerFile).href)) as {
  handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: () => void) => void;
};
const api = getRequestListener(started.app.fetch);

// the built files and static/ are served before SvelteKit's hooks: they get the security headers here (api/platform/http/security-headers.ts)
const front = Object.entries(frontHeaders(started.settings.publicOrigin));

// a URL over 8 KB gets 414 and oversized headers 431, as problem+json (http-limits.ts)
const server = createServer(
  limitUrlLength((req, res) => {
    if (req.url === '/api' || req.url?.startsWith('/api/') || req.url?.startsWith('/api?')) void api(req, res);
    else {
      for (const [name, value] of front) res.setHeader(name, value);
      handler(req, res);
    }
  })
);
answerClientErrors(server);

// reminders before deadlines, digests of saved searches, queued emails and the cycle's tasks, every few minutes by the app's own service,
// in the one process of those on this database that holds the lease (api/platform/services/run-lease.ts)
const { settings } = started;
const warn = (line: string) => console.warn(line);
const reminderRuns =
  settings.reminderIntervalMinutes > 0 ? startReminderRuns(started.services.reminders, settings.reminderIntervalMinutes, warn, new RunLease(started.db, 'reminder-run', 'The reminder run')) : null;
// backups into REGIODESK_BACKUP_DIR, each in a child process of its own (api/platform/services/backup-runs.ts: SQLite's online backup, or
// pg_dump on PostgreSQL), likewise in one process of those on this database
const target = databaseTarget(process.env);
const backupRuns = settings.backup
  ? startBackupRuns(target.engine === 'postgres' ? target.url : target.location, settings.backup, undefined, undefined, new RunLease(started.db, 'backup-run', 'The scheduled backup'))
  : null;

server.on('error', async (error: NodeJS.ErrnoException) => {
  const reason = error.code === 'EADDRINUSE' ? `port ${port} is already in use (another RegioDesk?); set PORT to another port` : error.message;
  console.error(`RegioDesk cannot listen on ${host}:${port}: ${reason}.`);
  await reminderRuns?.stop();
  await backupRuns?.stop();
  await started.close();
  process.exit(1);
});
server.listen(port, host, () => {
  if (cluster.isPrimary) welcome(1);
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing RegioDesk`);
  server.close();
  server.closeAllConnections();
  await reminderRuns?.stop();
  await backupRuns?.stop();
  await started.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
