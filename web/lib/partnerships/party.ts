/** The editable shape of one party row in the partnership form. */
import type { Party } from '$api/crm/schemas/partnerships';

export interface NetworkRow {
  key: number;
  name: string;
  since: number | null;
}

export interface PartyRow {
  key: number;
  regionId: string;
  organisationId: string;
  organisationName: string;
  contactPersonId: string;
  contactPersonName: string;
  networks: NetworkRow[];
}

let next = 0;
/** a stable key for {#each} so rows keep their inputs when one is removed */
export function rowKey(): number {
  return ++next;
}

export function partyRow(party?: Party): PartyRow {
  return {
    key: rowKey(),
    regionId: party?.regionId ?? '',
    organisationId: party?.organisationId ?? '',
    organisationName: party?.organisationName ?? '',
    contactPersonId: party?.contactPersonId ?? '',
    contactPersonName: party?.contactPersonName ?? '',
    networks: (party?.networks ?? []).map((n) => ({ key: rowKey(), name: n.name, since: n.since }))
  };
}

/** The row as the API takes it. */
export function partyInput(row: PartyRow) {
  return {
    regionId: row.regionId,
    organisationId: row.organisationId,
    contactPersonId: row.contactPersonId || null,
    networks: row.networks.map((n) => ({ name: n.name, since: n.since ?? null }))
  };
}

/** Errors under `prefix` (the path itself or below it) that `placed` does not show. */
export function errorsUnder(errors: Record<string, string>, prefix: string, placed: (path: string) => boolean = () => false): string[] {
  return Object.entries(errors)
    .filter(([path]) => (path === prefix || path.startsWith(`${prefix}.`)) && !placed(path))
    .map(([, message]) => message);
}
