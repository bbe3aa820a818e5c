/**
 * What the signed-in person may do with a partnership's candidate projects,
 * as far as the UI needs to know to offer a button (the API decides in the
 * end): the roles of api/proposals/services/proposal-access.ts.
 */
import type { Me } from '$api/platform/schemas/auth';

const WRITERS = ['admin', 'officer', 'editor'];
const LOCKERS = ['admin', 'officer'];

function roleIn(me: Me | null, partnershipId: string): string {
  return me?.memberships.find((m) => m.partnershipId === partnershipId)?.role ?? '';
}

/** Writers of the partnership change its proposals, consortia, milestones and inform logs, and score them. */
export function mayChangeProposals(me: Me | null, partnershipId: string): boolean {
  return !!me && (me.isAdmin || WRITERS.includes(roleIn(me, partnershipId)));
}

/** Admins and officers of the partnership lock and unlock scoring. */
export function mayLockScoring(me: Me | null, partnershipId: string): boolean {
  return !!me && (me.isAdmin || LOCKERS.includes(roleIn(me, partnershipId)));
}
