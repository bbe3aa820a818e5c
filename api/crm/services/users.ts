/**
 * User administration: a system administrator invites users (they set their
 * own password through the link), assigns their organisation and their role
 * in each partnership, and can disable an account (its sessions end).
 * Roles change through the same rule as on a partnership's members
 * (memberships.ts): a partnership's last admin is neither removed nor
 * demoted here either (409).
 */
import type { DB } from '../../../db/connection.js';
import { findOrganisation } from '../../../db/crm/organisations.js';
import { findPartnership } from '../../../db/crm/partnerships.js';
import { deleteSessionsOf } from '../../../db/platform/sessions.js';
import * as users from '../../../db/platform/users.js';
import type { Kysely } from 'kysely';
import { newId, nowIso } from '../../../db/ids.js';
import type { Database, UserRow } from '../../../db/schema.js';
import { Conflict, NotFound, assertAdmin, checkVersion, digest, newSecret, recordChange, unknownReference, words, type Caller, type PartnershipRole, type Settings } from '../../platform/index.js';
import type { User, UserInvite, UserPatch } from '../schemas/users.js';
import { holdForWrite } from '../../../db/row-locks.js';
import { changeRole, keepsAdmins } from './memberships.js';

async function toUser(db: Kysely<Database>, row: UserRow): Promise<User> {
  const memberships = await users.membershipsOf(db, row.id);
  const pending = row.password_hash === null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    organisationId: row.organisation_id,
    isAdmin: row.is_admin === 1,
    disabled: row.disabled_at !== null,
    invitationPending: pending,
    memberships: memberships.map((m) => ({ partnershipId: m.partnership_id, title: m.title, role: m.role as PartnershipRole })),
    version: row.version
  };
}

async function checkReferences(db: Kysely<Database>, organisationId: string | null | undefined, memberships: { partnershipId: string }[] | undefined) {
  if (organisationId && !(await findOrganisation(db, organisationId))) throw unknownReference('organisationId', 'organisation');
  for (const [i, m] of (memberships ?? []).entries()) {
    if (!(await findPartnership(db, m.partnershipId))) throw unknownReference(`memberships.${i}.partnershipId`, 'partnership');
  }
}

export class UserService {
  constructor(
    private readonly db: DB,
    private readonly settings: Settings
  ) {}

  async list(caller: Caller): Promise<User[]> {
    assertAdmin(caller);
    const rows = await users.listUsers(this.db);
    return Promise.all(rows.map((r) => toUser(this.db, r)));
  }

  async get(caller: Caller, id: string): Promise<User> {
    assertAdmin(caller);
    const row = await users.findUser(this.db, id);
    if (!row) throw new NotFound('user');
    return toUser(this.db, row);
  }

  async invite(caller: Caller, input: UserInvite, baseUrl: string): Promise<{ user: User; invitationUrl: string; expiresAt: string }> {
    assertAdmin(caller);
    return this.db.transaction().execute(async (trx) => {
      if (await users.findUserByEmail(trx, input.email)) throw new Conflict(words('problems_userEmailTaken'), { errors: [{ path: 'email', ...words('problems_field_emailRegistered') }] });
      await checkReferences(trx, input.organisationId, input.memberships);
      const row = await users.insertUser(trx, {
        id: newId(),
        email: input.email.toLowerCase(),
        name: input.name,
        password_hash: null,
        organisation_id: input.organisationId,
        is_admin: input.isAdmin ? 1 : 0,
        disabled_at: null
      });
      for (const m of input.memberships) await users.setMembership(trx, row.id, m.partnershipId, m.role);
      const token = newSecret();
      const expiresAt = new Date(Date.now() + this.settings.invitationDays * 86_400_000).toISOString();
      await users.insertInvitation(trx, { id: newId(), user_id: row.id, token_hash: digest(token), invited_by: caller.userId, expires_at: expiresAt, accepted_at: null });
      const user = await toUser(trx, row);
      await recordChange(trx, caller, 'user', row.id, null, user);
      return { user, invitationUrl: `${baseUrl}/invite/${token}`, expiresAt };
    });
  }

  /** Issues a fresh invitation link for a user who has not set a password yet. */
  async reinvite(caller: Caller, id: string, baseUrl: string) {
    assertAdmin(caller);
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'users', id);
      const row = await users.findUser(trx, id);
      if (!row) throw new NotFound('user');
      if (row.password_hash !== null) throw new Conflict('problems_crm_passwordSetAlready');
      const token = newSecret();
      const expiresAt = new Date(Date.now() + this.settings.invitationDays * 86_400_000).toISOString();
      await users.insertInvitation(trx, { id: newId(), user_id: row.id, token_hash: digest(token), invited_by: caller.userId, expires_at: expiresAt, accepted_at: null });
      return { user: await toUser(trx, row), invitationUrl: `${baseUrl}/invite/${token}`, expiresAt };
    });
  }

  /**
   * The user's roles as `wanted` lists them (a partnership left out: no role there), each changed through the rule every membership change
   * keeps (memberships.ts: the last admin stays), partnership by partnership in the order of their ids; a refusal names the membership's
   * place in the request (`memberships.<n>.role`), or `memberships` for one left out.
   */
  private async changeRoles(trx: Kysely<Database>, userId: string, held: { partnershipId: string }[], wanted: { partnershipId: string; role: PartnershipRole }[]): Promise<void> {
    const changes = new Map<string, { role: PartnershipRole | null; path: string }>();
    for (const m of held) changes.set(m.partnershipId, { role: null, path: 'memberships' });
    for (const [i, m] of wanted.entries()) changes.set(m.partnershipId, { role: m.role, path: `memberships.${i}.role` });
    for (const partnershipId of [...changes.keys()].sort()) {
      const { role, path } = changes.get(partnershipId)!;
      await changeRole(trx, { partnershipId, userId, role }, path);
    }
  }

  async update(caller: Caller, id: string, patch: UserPatch, expected: number | null): Promise<User> {
    assertAdmin(caller);
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'users', id);
      const row = await users.findUser(trx, id);
      if (!row) throw new NotFound('user');
      const before = await toUser(trx, row);
      checkVersion(expected, before);
      await checkReferences(trx, patch.organisationId, patch.memberships);
      if (id === caller.userId && (patch.isAdmin === false || patch.disabled === true)) {
        throw new Conflict('problems_crm_ownAdminRights');
      }
      if (patch.disabled === true && row.disabled_at === null) await keepsAdmins(trx, id, 'disabled');
      const updated = await users.updateUser(trx, id, {
        name: patch.name,
        organisation_id: patch.organisationId,
        is_admin: patch.isAdmin === undefined ? undefined : patch.isAdmin ? 1 : 0,
        disabled_at: patch.disabled === undefined ? undefined : patch.disabled ? (row.disabled_at ?? nowIso()) : null,
        updated_at: nowIso()
      });
      if (patch.memberships) await this.changeRoles(trx, id, before.memberships, patch.memberships);
      if (patch.disabled) await deleteSessionsOf(trx, id);
      const after = await toUser(trx, updated);
      await recordChange(trx, caller, 'user', id, before, after);
      return after;
    });
  }
}
