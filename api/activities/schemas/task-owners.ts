/**
 * Who may own a task of a partnership: its members who may change its
 * records, from both parties, with the party's contact person marked.
 */
import { z } from 'zod';
import { Role } from '../../platform/schemas/auth.js';
import { Id } from '../../platform/schemas/common.js';

export const TaskOwner = z
  .object({
    userId: Id,
    name: z.string(),
    /** the member's organisation (a party's, or another one) */
    organisationName: z.string().nullable(),
    role: Role,
    /** the party whose contact person this member is (their account matches the contact person), else null */
    contactPersonOf: z.string().nullable()
  })
  .meta({ id: 'TaskOwner' });
export type TaskOwner = z.infer<typeof TaskOwner>;

export const TaskOwnerList = z.object({ items: z.array(TaskOwner) }).meta({ id: 'TaskOwnerList' });
export type TaskOwnerList = z.infer<typeof TaskOwnerList>;
