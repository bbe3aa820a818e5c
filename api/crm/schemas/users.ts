/** Users and their partnership roles, managed by administrators. */
import { z } from 'zod';
import { Role } from '../../platform/schemas/auth.js';
import { Id, NonEmptyText, says } from '../../platform/schemas/common.js';

export const MembershipInput = z.strictObject({ partnershipId: Id, role: Role });

export const UserInvite = z.strictObject({
  email: z.email(says('problems_crm_field_enterEmail')).max(200),
  name: NonEmptyText(200),
  organisationId: Id.nullable().default(null),
  isAdmin: z.boolean().default(false),
  memberships: z.array(MembershipInput).max(100).default([])
});
export type UserInvite = z.infer<typeof UserInvite>;

export const UserPatch = z.strictObject({
  name: NonEmptyText(200).optional(),
  organisationId: Id.nullable().optional(),
  isAdmin: z.boolean().optional(),
  disabled: z.boolean().optional(),
  memberships: z.array(MembershipInput).max(100).optional()
});
export type UserPatch = z.infer<typeof UserPatch>;

export const User = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    organisationId: z.string().nullable(),
    isAdmin: z.boolean(),
    disabled: z.boolean(),
    invitationPending: z.boolean(),
    memberships: z.array(z.object({ partnershipId: Id, title: z.string(), role: Role })),
    version: z.number().int()
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const UserList = z.object({ items: z.array(User) });

/** The invitation link is returned to the administrator to pass on. */
export const InvitedUser = z.object({ user: User, invitationUrl: z.string(), expiresAt: z.string() });

export const Member = z.object({ userId: Id, name: z.string(), email: z.string(), organisationName: z.string().nullable(), role: Role });
export const MemberList = z.object({ items: z.array(Member) });
export const MemberSet = z.strictObject({ userId: Id, role: Role.nullable() });
