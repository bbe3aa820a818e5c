/**
 * Whom a task of a partnership can be given to: its members who may change
 * its records. The member list is open to the partnership's admins only;
 * for everyone else the choice is the caller and the people already known
 * (e.g. the proposal's default owner), and the API checks the rest.
 */
import type { Me } from '$api/platform/schemas/auth';
import { ApiProblem, apiClient, read } from '$lib/api/client.js';

export interface OwnerOption {
  id: string;
  name: string;
}

const OWNERS = ['admin', 'officer', 'editor'];

export async function ownerOptions(partnershipId: string | null, me: Me | null, known: (OwnerOption | null | undefined)[] = []): Promise<OwnerOption[]> {
  const options = new Map<string, string>();
  if (me) options.set(me.id, me.name);
  for (const k of known) if (k) options.set(k.id, k.name);
  // only the partnership's admins may list its members
  const admin = !!me && (me.isAdmin || me.memberships.some((m) => m.partnershipId === partnershipId && m.role === 'admin'));
  if (partnershipId && admin) {
    try {
      const members = await read(await apiClient().partnerships[':id'].members.$get({ param: { id: partnershipId } }));
      for (const m of members.items) if (OWNERS.includes(m.role)) options.set(m.userId, m.name);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
    }
  }
  return [...options].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
