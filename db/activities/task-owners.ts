/**
 * The SQL behind the owners a task of a partnership may have: its members
 * with a writing role whose account is not disabled, and the parties'
 * contact persons with their e-mail addresses (to recognise their accounts).
 */
import type { Kysely } from 'kysely';
import { personJson, readNullable } from '../json-columns.js';
import type { Database } from '../schema.js';

/** Members holding one of `roles`, not disabled, with their organisation, by name. */
export function activeMembersIn(db: Kysely<Database>, partnershipId: string, roles: readonly string[]) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.name', 'users.email', 'users.organisation_id', 'organisations.name as organisation_name', 'memberships.role'])
    .where('memberships.partnership_id', '=', partnershipId)
    .where('memberships.role', 'in', [...roles])
    .where('users.disabled_at', 'is', null)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
}

/** The parties in order with their organisation and contact person (name, e-mail addresses; null without one). */
export async function partyContacts(db: Kysely<Database>, partnershipId: string) {
  const rows = await db
    .selectFrom('partnership_parties')
    .innerJoin('organisations', 'organisations.id', 'partnership_parties.organisation_id')
    .leftJoin('people', 'people.id', 'partnership_parties.contact_person_id')
    .select([
      'partnership_parties.organisation_id',
      'organisations.name as organisation_name',
      'organisations.short_name as organisation_short_name',
      'people.name as contact_person_name',
      'people.emails as contact_person_emails'
    ])
    .where('partnership_parties.partnership_id', '=', partnershipId)
    .orderBy('partnership_parties.position')
    .execute();
  return rows.map((row) => ({ ...row, contact_person_emails: readNullable(personJson.emails, row.contact_person_emails) ?? [] }));
}

/** The user's role in the partnership while their account is not disabled (undefined: none). */
export async function activeRoleOf(db: Kysely<Database>, userId: string, partnershipId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.role')
    .where('memberships.user_id', '=', userId)
    .where('memberships.partnership_id', '=', partnershipId)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row?.role;
}
