/**
 * A writer process for the backup tests: starts RegioDesk on DATABASE_URL
 * (migrate, demo seed), signs in as the demo administrator and posts
 * interactions through the app from a few concurrent loops, printing
 * `ack <id> <epoch ms>` for each one answered 201 (committed). Prints
 * `ready` before the first write; SIGTERM stops it after the writes in
 * flight, then it closes the database and exits.
 *
 *   node --import tsx test/support/interaction-writer.ts
 */
import { bootstrap } from '../../api/bootstrap.js';
import { DEMO_SIGN_IN } from '../../fixtures/users.js';

const LOOPS = 4;
const started = await bootstrap({ ...process.env, REGIODESK_DEMO: '1' });
const admin = DEMO_SIGN_IN.accounts.find((account) => account.email.startsWith('admin'))!;
const signIn = await started.app.request('/api/auth/sign-in', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: admin.email, password: DEMO_SIGN_IN.password })
});
if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
const organisations = (await (await started.app.request('/api/organisations?limit=20', { headers: { Cookie: cookie } })).json()) as { items: { id: string }[] };

let stopping = false;
process.on('SIGTERM', () => (stopping = true));

async function writeLoop(loop: number): Promise<void> {
  for (let i = 0; !stopping; i++) {
    const response = await started.app.request('/api/interactions', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: 'http://localhost' },
      body: JSON.stringify({
        kind: 'note',
        occurredAt: '2026-12-07T09:30:00Z',
        summary: `Backup under load: loop ${loop}, write ${i}.`,
        organisationId: organisations.items[(loop + i) % organisations.items.length]!.id
      })
    });
    const body = (await response.json()) as { id?: string };
    if (response.status !== 201) throw new Error(`POST /api/interactions answered ${response.status}: ${JSON.stringify(body)}`);
    process.stdout.write(`ack ${body.id} ${Date.now()}\n`);
    // the app answers in microtasks only (SQLite is synchronous here): give the event loop, and SIGTERM, a turn
    await new Promise((resolve) => setImmediate(resolve));
  }
}

console.log('ready');
await Promise.all(Array.from({ length: LOOPS }, (_, loop) => writeLoop(loop)));
await started.close();
console.log('done');
