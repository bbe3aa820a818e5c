/** The database's own health: a round trip and the applied migrations. */
import { type Kysely, sql } from 'kysely';

export async function databaseHealth(db: Kysely<any>): Promise<{ migrations: number }> {
  await sql`SELECT 1`.execute(db);
  const row = await db.selectFrom('kysely_migration').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { migrations: Number(row.n) };
}
