/**
 * Permission decisions. A system administrator sees and changes everything.
 * Otherwise access is per partnership and role:
 * - admin: everything in the partnership, including its members;
 * - officer: the partnership record and everything hanging off it;
 * - editor: the CRM records (organisations, people, interactions) of it;
 * - viewer: reads only (writes answer 403).
 * Things the caller may not see answer 404, never 403.
 */
import type { Scope } from '../../../db/scope.js';
import type { Caller, PartnershipRole } from '../http/caller.js';
import { type FieldError, Forbidden, NotFound, type ProblemKey, type Thing, ValidationFailed, words } from '../http/errors.js';

const WRITERS: PartnershipRole[] = ['admin', 'officer', 'editor'];

export function scopeOf(caller: Caller): Scope {
  if (caller.isAdmin) return { all: true };
  return { all: false, organisationId: caller.organisationId, partnershipIds: Object.keys(caller.roles) };
}

export function roleIn(caller: Caller, partnershipId: string): PartnershipRole | null {
  return caller.roles[partnershipId] ?? null;
}

export function canSeePartnership(caller: Caller, partnershipId: string): boolean {
  return caller.isAdmin || roleIn(caller, partnershipId) !== null;
}

/** Throws 404 when the partnership is not the caller's. */
export function assertSeesPartnership(caller: Caller, partnershipId: string, what: Thing = 'partnership'): void {
  if (!canSeePartnership(caller, partnershipId)) throw new NotFound(what);
}

export function canWriteIn(caller: Caller, partnershipId: string, roles: PartnershipRole[] = WRITERS): boolean {
  if (caller.isAdmin) return true;
  const role = roleIn(caller, partnershipId);
  return role !== null && roles.includes(role);
}

/** True when the caller holds a writing role in at least one partnership. */
export function isWriterSomewhere(caller: Caller): boolean {
  return caller.isAdmin || Object.values(caller.roles).some((r) => WRITERS.includes(r));
}

export function assertWriterSomewhere(caller: Caller): void {
  if (!isWriterSomewhere(caller)) throw new Forbidden('problems_viewerCannotWrite');
}

/**
 * May the caller change a CRM record (organisation, person, interaction)?
 * `recordedBy` is the organisation that recorded it; `partnershipIds` the
 * partnerships it takes part in.
 */
export function canWriteRecord(caller: Caller, recordedBy: string | null, partnershipIds: string[]): boolean {
  if (caller.isAdmin) return true;
  if (partnershipIds.some((p) => canWriteIn(caller, p))) return true;
  return recordedBy !== null && recordedBy === caller.organisationId && isWriterSomewhere(caller);
}

export function assertCanWriteRecord(caller: Caller, recordedBy: string | null, partnershipIds: string[]): void {
  if (!canWriteRecord(caller, recordedBy, partnershipIds)) throw new Forbidden('problems_roleForbidsRecord');
}

export function assertAdmin(caller: Caller): void {
  if (!caller.isAdmin) throw new Forbidden('problems_adminOnly');
}

/**
 * The partnership links of a record (an organisation's stakeholderships, an
 * activity's partnerships) after the caller asks for `requested`: unknown or
 * invisible partnerships newly named are a 400 at `partnershipIds.i`; adding
 * or removing one without a writing role in it is a 403 saying `refusal`;
 * links to partnerships the caller cannot see are kept untouched.
 */
export function partnershipLinksAfter(
  caller: Caller,
  current: string[],
  requested: string[],
  exists: (id: string) => boolean,
  refusal: ProblemKey
): string[] {
  const added = requested.filter((id) => !current.includes(id));
  const unknown: FieldError[] = requested
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => added.includes(id) && (!canSeePartnership(caller, id) || !exists(id)))
    .map(({ i }) => ({ path: `partnershipIds.${i}`, ...words('problems_notFound_partnership') }));
  if (unknown.length) throw new ValidationFailed(unknown);
  const removed = current.filter((id) => !requested.includes(id) && canSeePartnership(caller, id));
  if ([...added, ...removed].some((id) => !canWriteIn(caller, id))) throw new Forbidden({ key: refusal, params: {} });
  const hidden = current.filter((id) => !canSeePartnership(caller, id));
  return [...requested, ...hidden];
}
