/**
 * Cooperation domains: the twelve standard ones are visible to everyone;
 * a partnership's own domains to its members.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { findDomains, listDomains } from '../../../db/crm/domains.js';
import type { Database, DomainRow } from '../../../db/schema.js';
import { canSeePartnership, unknownReference, type Caller } from '../../platform/index.js';
import type { Domain } from '../schemas/domains.js';

export function toDomain(row: DomainRow): Domain {
  return { id: row.id, partnershipId: row.partnership_id, number: row.number, code: row.code, labels: { en: row.label_en, de: row.label_de, nl: row.label_nl } };
}

/** Throws a 400 naming `path.i` for any id that is unknown or belongs to a partnership the caller cannot see. */
export async function assertDomainsUsable(db: Kysely<Database>, caller: Caller, ids: string[], path: string): Promise<void> {
  const found = new Map((await findDomains(db, ids)).map((d) => [d.id, d]));
  ids.forEach((id, i) => {
    const domain = found.get(id);
    if (!domain || (domain.partnership_id !== null && !canSeePartnership(caller, domain.partnership_id))) throw unknownReference(`${path}.${i}`, 'cooperation domain');
  });
}

export class DomainService {
  constructor(private readonly db: DB) {}

  async list(caller: Caller): Promise<Domain[]> {
    const rows = await listDomains(this.db, caller.isAdmin ? null : Object.keys(caller.roles));
    return rows.map(toDomain);
  }
}
