/**
 * What the signed-in person may do, as far as the UI needs to know to offer
 * a button (the API decides in the end): the same roles as
 * api/activities/services/activity-access.ts and api/activities/services/budgets.ts.
 */
import { page } from '$app/state';
import type { Me } from '$api/platform/schemas/auth';

const WRITERS = ['admin', 'officer', 'editor'];
const BUDGET_SETTERS = ['admin', 'officer'];

/** The caller, from the signed-in layout's data. */
export function currentMe(): Me | null {
  return (page.data.me as Me | null | undefined) ?? null;
}

function roleIn(me: Me | null, partnershipId: string): string | null {
  return me?.memberships.find((m) => m.partnershipId === partnershipId)?.role ?? null;
}

/** Writers of any of the activity's partnerships change its costs, feedback, follow-ups and participants. */
export function mayChangeActivity(me: Me | null, partnershipIds: string[]): boolean {
  return !!me && (me.isAdmin || partnershipIds.some((id) => WRITERS.includes(roleIn(me, id) ?? '')));
}

/** Admins and officers of a partnership set its budgets. */
export function maySetBudgets(me: Me | null, partnershipId: string): boolean {
  return !!me && (me.isAdmin || BUDGET_SETTERS.includes(roleIn(me, partnershipId) ?? ''));
}

/** The first of the partnerships in which the caller may write (tasks of an activity go there), else the first. */
export function writablePartnership(me: Me | null, partnershipIds: string[]): string | null {
  return partnershipIds.find((id) => me?.isAdmin || WRITERS.includes(roleIn(me, id) ?? '')) ?? partnershipIds[0] ?? null;
}
