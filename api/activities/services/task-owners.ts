/**
 * Who may own a task of a partnership (a next step, a follow-up, an
 * introduction from matchmaking; proposal milestones offer the same people):
 * its members with a writing role (admin, officer, editor) whose account is
 * not disabled, from both parties and any other organisation. A viewer could
 * never complete the task, so is not offered and is refused (tasks.ts,
 * `assertOwnerAllowed`, reads the same rule).
 *
 * The parties' contact persons (CRM people) are marked where a member's
 * account is theirs: one of the person's e-mail addresses, else the same
 * name at the party's organisation (the CRM often keeps a work address other
 * than the account's). A contact person without such an account cannot own
 * a task (they could not see it) and is not listed.
 *
 * Who may list them: whoever may create tasks there, the partnership's
 * writers and system administrators; viewers get 403, anyone else 404 (as
 * for a partnership that does not exist).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { findPartnership } from '../../../db/crm/partnerships.js';
import { activeMembersIn, activeRoleOf, partyContacts } from '../../../db/activities/task-owners.js';
import type { Database } from '../../../db/schema.js';
import { Forbidden, NotFound, canSeePartnership, canWriteIn, type Caller, type PartnershipRole } from '../../platform/index.js';
import type { TaskOwner } from '../schemas/task-owners.js';

/** The roles that may own (and so complete) a task of a partnership. */
export const TASK_OWNER_ROLES: readonly PartnershipRole[] = ['admin', 'officer', 'editor'];

function sameName(a: string | null, b: string | null): boolean {
  const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
  return a !== null && b !== null && fold(a) === fold(b);
}

/** Whether the user may own a task of the partnership (a member with a writing role, account not disabled). */
export async function mayOwnTask(db: Kysely<Database>, userId: string, partnershipId: string): Promise<boolean> {
  const role = await activeRoleOf(db, userId, partnershipId);
  return role !== undefined && TASK_OWNER_ROLES.includes(role as PartnershipRole);
}

/** The people who may own a task of the partnership, by name, each party's contact person marked. */
export async function taskOwnersOf(db: Kysely<Database>, partnershipId: string): Promise<TaskOwner[]> {
  const [members, parties] = await Promise.all([activeMembersIn(db, partnershipId, TASK_OWNER_ROLES), partyContacts(db, partnershipId)]);
  return members.map((member) => {
    const email = member.email.toLowerCase();
    const party =
      parties.find((p) => p.contact_person_emails.some((e) => e.trim().toLowerCase() === email)) ??
      parties.find((p) => p.organisation_id === member.organisation_id && sameName(p.contact_person_name, member.name));
    return {
      userId: member.id,
      name: member.name,
      organisationName: member.organisation_name,
      role: member.role as PartnershipRole,
      contactPersonOf: party ? (party.organisation_short_name ?? party.organisation_name) : null
    };
  });
}

export class TaskOwnerService {
  constructor(private readonly db: DB) {}

  async list(caller: Caller, partnershipId: string): Promise<TaskOwner[]> {
    if (!canSeePartnership(caller, partnershipId) || !(await findPartnership(this.db, partnershipId))) throw new NotFound('partnership');
    if (!canWriteIn(caller, partnershipId, [...TASK_OWNER_ROLES])) throw new Forbidden('problems_task_roleForbidsPartnership');
    return taskOwnersOf(this.db, partnershipId);
  }
}
