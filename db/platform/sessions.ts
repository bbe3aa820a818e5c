/** Every SQL statement about sign-in: sessions, access tokens, failed attempts. */
import { type ExpressionBuilder, type Insertable, type Kysely, sql } from 'kysely';
import { compiledOnce } from '../compiled-once.js';
import { perEngine } from '../engine-sql.js';
import type { AccessTokenTable, Database, SessionTable } from '../schema.js';

export async function insertSession(db: Kysely<Database>, values: Insertable<SessionTable>) {
  await db.insertInto('sessions').values(values).execute();
}

/** What identifying a caller needs of a session (or token) and its user, in one statement. */
const CALLER_COLUMNS = ['users.id', 'users.name', 'users.email', 'users.organisation_id', 'users.is_admin', 'users.disabled_at', 'users.locale'] as const;

/** The user's roles in the same statement: a JSON object, partnership id → role (`{}` without memberships). */
function rolesJson(eb: ExpressionBuilder<Database, 'users'>) {
  return eb
    .selectFrom('memberships')
    .select(
      perEngine(
        sql<string>`json_group_object(memberships.partnership_id, memberships.role)`,
        sql<string>`coalesce(json_object_agg(memberships.partnership_id, memberships.role), '{}')::text`
      ).as('roles')
    )
    .whereRef('memberships.user_id', '=', 'users.id')
    .as('roles_json');
}

// read on every request: compiled once (db/compiled-once.ts)
const sessionWithUser = compiledOnce((db, id: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.last_seen_at', 'sessions.expires_at', ...CALLER_COLUMNS])
    .select(rolesJson)
    .where('sessions.id', '=', id)
);

const accessTokenWithUser = compiledOnce((db, tokenHash: string) =>
  db
    .selectFrom('access_tokens')
    .innerJoin('users', 'users.id', 'access_tokens.user_id')
    .select(['access_tokens.id as token_id', 'access_tokens.last_used_at', 'access_tokens.revoked_at', ...CALLER_COLUMNS])
    .select(rolesJson)
    .where('access_tokens.token_hash', '=', tokenHash)
);

export async function findSessionWithUser(db: Kysely<Database>, id: string) {
  return (await sessionWithUser(db, id))[0];
}

export async function findAccessTokenWithUser(db: Kysely<Database>, tokenHash: string) {
  return (await accessTokenWithUser(db, tokenHash))[0];
}

/** The ID token of a session started by single sign-on (null for a password session or an unknown one). */
export async function idTokenOfSession(db: Kysely<Database>, id: string): Promise<string | null> {
  const row = await db.selectFrom('sessions').select('id_token').where('id', '=', id).executeTakeFirst();
  return row?.id_token ?? null;
}

export async function touchSession(db: Kysely<Database>, id: string, at: string) {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOf(db: Kysely<Database>, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, idleBefore: string, now: string) {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('expires_at', '<', now)]))
    .execute();
}

export async function insertAccessToken(db: Kysely<Database>, values: Insertable<AccessTokenTable>) {
  return db.insertInto('access_tokens').values(values).returningAll().executeTakeFirstOrThrow();
}

export function listAccessTokens(db: Kysely<Database>, userId: string) {
  return db.selectFrom('access_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
}

export async function touchAccessToken(db: Kysely<Database>, id: string, at: string) {
  await db.updateTable('access_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export function revokeAccessToken(db: Kysely<Database>, userId: string, id: string, at: string) {
  return db
    .updateTable('access_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function recordSignInFailure(db: Kysely<Database>, keys: string[], at: string) {
  if (keys.length) await db.insertInto('sign_in_failures').values(keys.map((key) => ({ key, at }))).execute();
}

export async function countSignInFailures(db: Kysely<Database>, key: string, since: string): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
    .where('key', '=', key)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: (row.oldest as string | null) ?? null };
}

export async function clearSignInFailures(db: Kysely<Database>, key: string) {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}
