/**
 * Whether the signed-in person may write — the rule the API applies
 * (api/platform/services/access.ts), read from `me` (the layout's data), so
 * a page offers no create, edit or delete action the role cannot take:
 * a viewer learns nothing from a 403 after filling a form.
 *
 * - in a partnership: a system administrator, or an admin, officer or
 *   editor of that partnership;
 * - anywhere: a system administrator, or a writing role in some partnership
 *   (what shared records — regions, organisations, people, calls — ask).
 *
 * A record's own rule may be narrower (an organisation is changed by the
 * writers of its partnerships or of the organisation that recorded it):
 * the API answers that one, and a page hides the action only when the
 * person cannot write at all.
 */
import type { Me } from '$api/platform/schemas/auth';

const WRITING_ROLES: readonly string[] = ['admin', 'officer', 'editor'];

type Reader = Pick<Me, 'isAdmin' | 'memberships'> | null | undefined;

export function mayWriteIn(me: Reader, partnershipId: string | null | undefined): boolean {
  if (!me) return false;
  return me.isAdmin || me.memberships.some((m) => m.partnershipId === partnershipId && WRITING_ROLES.includes(m.role));
}

export function mayWriteAnywhere(me: Reader): boolean {
  if (!me) return false;
  return me.isAdmin || me.memberships.some((m) => WRITING_ROLES.includes(m.role));
}
