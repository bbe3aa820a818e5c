/**
 * Whom a task of a partnership can be given to: its members who may change
 * its records, from both parties, the parties' contact persons marked
 * (`GET /api/partnerships/{id}/task-owners`, open to the partnership's
 * writers: api/activities/services/task-owners.ts). Without a partnership,
 * or for someone who may not list them, the choice is the caller and the
 * people already known (e.g. the proposal's default owner); the API checks
 * the rest.
 */
import type { Me } from '$api/platform/schemas/auth';
import { ApiProblem, apiClient, read } from '$lib/api/client.js';
import { m } from '$i18n/paraglide/messages.js';

export interface OwnerOption {
  id: string;
  name: string;
  organisationName?: string | null;
  /** the party whose contact person this is */
  contactPersonOf?: string | null;
}

const WRITERS = ['admin', 'officer', 'editor'];

/** Whether the signed-in person may list the partnership's task owners. */
function mayList(me: Me | null, partnershipId: string | null): boolean {
  return !!me && !!partnershipId && (me.isAdmin || me.memberships.some((m) => m.partnershipId === partnershipId && WRITERS.includes(m.role)));
}

export async function ownerOptions(partnershipId: string | null, me: Me | null, known: (OwnerOption | null | undefined)[] = []): Promise<OwnerOption[]> {
  const options = new Map<string, OwnerOption>();
  if (me) options.set(me.id, { id: me.id, name: me.name });
  for (const k of known) if (k) options.set(k.id, k);
  if (partnershipId && mayList(me, partnershipId)) {
    try {
      const owners = await read(await apiClient().partnerships[':id']['task-owners'].$get({ param: { id: partnershipId } }));
      for (const o of owners.items) options.set(o.userId, { id: o.userId, name: o.name, organisationName: o.organisationName, contactPersonOf: o.contactPersonOf });
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
    }
  }
  return [...options.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** An owner as the picker names them: "(you)", their organisation, and whether they are a party's contact person. */
export function ownerLabel(owner: OwnerOption, me: Me | null): string {
  if (owner.id === me?.id) return m.tasks_ownerMe({ name: owner.name });
  if (owner.contactPersonOf) return m.tasks_ownerContactPerson({ name: owner.name, organisation: owner.contactPersonOf });
  if (owner.organisationName) return m.tasks_ownerOf({ name: owner.name, organisation: owner.organisationName });
  return owner.name;
}
