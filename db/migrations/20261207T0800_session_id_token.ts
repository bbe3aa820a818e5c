/**
 * Single sign-on (issue 12): a session started through an OpenID provider
 * keeps the ID token the provider gave, so signing out can end the
 * provider's session too (RP-initiated logout sends it as `id_token_hint`).
 * Null for sessions started with a password. Frozen in time: never import
 * application code.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('id_token', 'text').execute();
}
