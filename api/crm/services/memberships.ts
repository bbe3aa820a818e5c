/**
 * A user's role in a partnership, changed through either door: by the
 * partnership's admins on its members (PUT /api/partnerships/{id}/members)
 * or by a system administrator on the user (PATCH /api/users/{id} with
 * `memberships`). Both go through `changeRole`, which keeps the rule that a
 * partnership keeps at least one admin who can sign in: the last one is
 * neither removed nor demoted (409), nor disabled through PATCH
 * /api/users/{id} (`keepsAdmins`); make someone else admin first. A disabled
 * admin counts for none.
 *
 * The partnership's row is held first (db/row-locks.ts), so two changes of
 * its members at the same moment, through either door, take turns on
 * PostgreSQL and the second counts the admins the first left (SQLite runs
 * one write at a time). A transaction that also holds the user (the users
 * service) holds it before the partnerships, and those in the order of
 * their ids, so two such transactions never wait for each other in a ring.
 */
import type { Kysely } from 'kysely';
import { findPartnership } from '../../../db/crm/partnerships.js';
import { adminPartnershipsOf, roleAndAdmins, setMembership } from '../../../db/platform/users.js';
import { holdForWrite } from '../../../db/row-locks.js';
import type { Database } from '../../../db/schema.js';
import { Conflict, type PartnershipRole, words } from '../../platform/index.js';

export interface RoleChange {
  partnershipId: string;
  userId: string;
  /** null: no role any more (removed from the partnership) */
  role: PartnershipRole | null;
}

/**
 * Sets the user's role in the partnership inside the caller's transaction;
 * answers the role before (null: none), and changes nothing when it is the
 * same. Refused with 409 when the user is its last admin and would not be
 * any more; `path` names the request's field in the refusal ('role' on the
 * members endpoint, the membership's place on a user).
 */
export async function changeRole(trx: Kysely<Database>, change: RoleChange, path: string): Promise<PartnershipRole | null> {
  await holdForWrite(trx, 'partnerships', change.partnershipId);
  const { role, active, admins } = await roleAndAdmins(trx, change.partnershipId, change.userId);
  const before = role as PartnershipRole | null;
  if (before === change.role) return before;
  if (before === 'admin' && active && admins === 1) throw await lastAdmin(trx, change.partnershipId, path, 'problems_crm_field_lastAdmin');
  await setMembership(trx, change.userId, change.partnershipId, change.role);
  return before;
}

/**
 * Refuses (409) to disable a user who is the last admin able to sign in of
 * any partnership, holding those partnerships in the order of their ids
 * (after the user, as the users service holds it).
 */
export async function keepsAdmins(trx: Kysely<Database>, userId: string, path: string): Promise<void> {
  for (const { partnership_id: partnershipId } of await adminPartnershipsOf(trx, userId)) {
    await holdForWrite(trx, 'partnerships', partnershipId);
    const { active, admins } = await roleAndAdmins(trx, partnershipId, userId);
    if (active && admins === 1) throw await lastAdmin(trx, partnershipId, path, 'problems_crm_field_lastAdminDisabled');
  }
}

async function lastAdmin(trx: Kysely<Database>, partnershipId: string, path: string, field: 'problems_crm_field_lastAdmin' | 'problems_crm_field_lastAdminDisabled'): Promise<Conflict> {
  const title = (await findPartnership(trx, partnershipId))?.title;
  return new Conflict(title ? words('problems_crm_lastAdmin', { title }) : words('problems_crm_lastAdmin_untitled'), { errors: [{ path, ...words(field) }] });
}
