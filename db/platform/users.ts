/** Every SQL statement about users, their memberships and invitations. */
import { type Insertable, type Kysely, type Updateable, sql } from 'kysely';
import type { Database, InvitationTable, UserTable } from '../schema.js';
import { compiledOnce } from '../compiled-once.js';
import { perEngine } from '../engine-sql.js';
import { unreadOfUser } from './notifications.js';

export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export function findUser(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * What the signed-in user sees of themselves (`/api/auth/me`), in one
 * statement: the user, their memberships with the partnership's title (a
 * JSON array ordered as `membershipsOf` orders them) and their unread
 * notifications (`countUnread`). Every page asks for it: compiled once
 * (db/compiled-once.ts).
 */
const me = compiledOnce((db, id: string) =>
  db
    .selectFrom('users')
    .select(['users.id', 'users.name', 'users.email', 'users.organisation_id', 'users.is_admin', 'users.locale'])
    .select((eb) => [
      eb
        .selectFrom('memberships')
        .innerJoin('partnerships', 'partnerships.id', 'memberships.partnership_id')
        .select(
          perEngine(
            sql<string>`json_group_array(json_object('partnershipId', memberships.partnership_id, 'title', partnerships.title, 'role', memberships.role) order by partnerships.title, partnerships.id)`,
            sql<string>`coalesce(json_agg(json_build_object('partnershipId', memberships.partnership_id, 'title', partnerships.title, 'role', memberships.role) order by partnerships.title, partnerships.id), '[]')::text`
          ).as('memberships')
        )
        .whereRef('memberships.user_id', '=', 'users.id')
        .as('memberships_json'),
      unreadOfUser(eb)
    ])
    .where('users.id', '=', id)
);

export async function findMe(db: Kysely<Database>, id: string) {
  return (await me(db, id))[0];
}

export function listUsers(db: Kysely<Database>) {
  return db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();
}

export function countUsers(db: Kysely<Database>) {
  return db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
}

export function insertUser(db: Kysely<Database>, values: Insertable<UserTable>) {
  return db.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();
}

/**
 * Inserts the user unless one with the e-mail exists by now (made at the
 * same moment by another sign-in, in another process): undefined then, and
 * nothing written. On PostgreSQL the insert waits for that other
 * transaction to end before it decides.
 */
export function insertUserUnlessRegistered(db: Kysely<Database>, values: Insertable<UserTable>) {
  return db.insertInto('users').values(values).onConflict((oc) => oc.column('email').doNothing()).returningAll().executeTakeFirst();
}

export function updateUser(db: Kysely<Database>, id: string, values: Updateable<UserTable>) {
  return db
    .updateTable('users')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The caller's role in each partnership (no titles, no order: what a permission check needs). */
export function rolesOf(db: Kysely<Database>, userId: string) {
  return db.selectFrom('memberships').select(['partnership_id', 'role']).where('user_id', '=', userId).execute();
}

export function membershipsOf(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('partnerships', 'partnerships.id', 'memberships.partnership_id')
    .select(['memberships.partnership_id', 'memberships.role', 'partnerships.title'])
    .where('memberships.user_id', '=', userId)
    .orderBy('partnerships.title')
    .orderBy('partnerships.id')
    .execute();
}

export function membersOf(db: Kysely<Database>, partnershipId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.name', 'users.email', 'memberships.role', 'organisations.name as organisation_name'])
    .where('memberships.partnership_id', '=', partnershipId)
    .orderBy('users.name')
    .execute();
}

/** The user's role in the partnership (null: none) and how many admins it has: what the last-admin rule reads (api/crm/services/memberships.ts). */
/** The user's role in the partnership, whether the user may sign in, and how many of its admins may (a disabled admin administers nothing). */
export async function roleAndAdmins(db: Kysely<Database>, partnershipId: string, userId: string): Promise<{ role: string | null; active: boolean; admins: number }> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.user_id', 'memberships.role', 'users.disabled_at'])
    .where('memberships.partnership_id', '=', partnershipId)
    .where((eb) => eb.or([eb('memberships.user_id', '=', userId), eb('memberships.role', '=', 'admin')]))
    .execute();
  const own = rows.find((r) => r.user_id === userId);
  return { role: own?.role ?? null, active: own ? own.disabled_at === null : true, admins: rows.filter((r) => r.role === 'admin' && r.disabled_at === null).length };
}

/** The partnerships where the user is admin, in the order of their ids. */
export function adminPartnershipsOf(db: Kysely<Database>, userId: string) {
  return db.selectFrom('memberships').select('partnership_id').where('user_id', '=', userId).where('role', '=', 'admin').orderBy('partnership_id').execute();
}

export async function setMembership(db: Kysely<Database>, userId: string, partnershipId: string, role: string | null) {
  if (role === null) {
    await db.deleteFrom('memberships').where('user_id', '=', userId).where('partnership_id', '=', partnershipId).execute();
    return;
  }
  await db
    .insertInto('memberships')
    .values({ user_id: userId, partnership_id: partnershipId, role })
    .onConflict((oc) => oc.columns(['user_id', 'partnership_id']).doUpdateSet({ role }))
    .execute();
}

export function insertInvitation(db: Kysely<Database>, values: Insertable<InvitationTable>) {
  return db.insertInto('invitations').values(values).returningAll().executeTakeFirstOrThrow();
}

/** The invitation with the invited user's e-mail, name and whether they have a password already (`has_password` 1/0: set through another link of theirs). */
export function findInvitationByHash(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.user_id')
    .select(['invitations.id', 'invitations.user_id', 'invitations.expires_at', 'invitations.accepted_at', 'users.email', 'users.name'])
    .select((eb) => eb.case().when('users.password_hash', 'is not', null).then(1).else(0).end().as('has_password'))
    .where('invitations.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the invitation used, once: false when it was used already (a second submit of the same link). */
export async function markInvitationAccepted(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('invitations').set({ accepted_at: at }).where('id', '=', id).where('accepted_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
