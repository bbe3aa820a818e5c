/**
 * Every SQL statement about proposals and their domains. A proposal is
 * visible to the members of its partnership (a scope with `all` sees every
 * one); who may write is decided in api/proposals/services/proposal-access.ts. Calls
 * and programmes are read through their own repositories.
 */
import { type ExpressionBuilder, type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database, ProposalRow, ProposalTable } from '../schema.js';
import type { Scope } from '../scope.js';
import { type PageRequest, paginate } from '../platform/pagination.js';
import { ftsMatchExpression, matchingIds } from '../crm/search.js';
import { missing } from '../row-missing.js';

const NONE = '\u0000none';

/** A condition on `column` (a partnership id): true when the scope may see proposals of that partnership. */
export function proposalVisible(scope: Scope, column = 'proposals.partnership_id') {
  return (eb: ExpressionBuilder<Database, any>) => {
    if (scope.all) return sql<boolean>`1 = 1`;
    return eb(eb.ref(column), 'in', scope.partnershipIds.length ? scope.partnershipIds : [NONE]);
  };
}

export function findProposal(db: Kysely<Database>, id: string) {
  return db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A proposal that must exist (read back in the transaction that checked or wrote it). */
export function getProposal(db: Kysely<Database>, id: string) {
  return db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow(missing('proposal'));
}

/** The proposal when it exists and the scope may see it. */
export function findVisibleProposal(db: Kysely<Database>, scope: Scope, id: string) {
  return db.selectFrom('proposals').selectAll().where('proposals.id', '=', id).where(proposalVisible(scope)).executeTakeFirst();
}

export interface ProposalFilter {
  partnershipId?: string;
  stage?: string;
  callId?: string;
  programmeId?: string;
  /** words typed by a person, matched by full-text search */
  q?: string;
}

export type ProposalSort = 'acronym' | 'updated_at' | 'created_at';

export function listProposals(db: Kysely<Database>, scope: Scope, filter: ProposalFilter, sort: ProposalSort, page: PageRequest) {
  let query = db.selectFrom('proposals').selectAll('proposals').where(proposalVisible(scope));
  if (filter.partnershipId) query = query.where('proposals.partnership_id', '=', filter.partnershipId);
  if (filter.stage) query = query.where('proposals.stage', '=', filter.stage);
  if (filter.callId) query = query.where('proposals.call_id', '=', filter.callId);
  if (filter.programmeId) {
    const programmeId = filter.programmeId;
    query = query.where('proposals.call_id', 'in', (eb) => eb.selectFrom('calls').select('calls.id').where('calls.programme_id', '=', programmeId));
  }
  const match = filter.q ? ftsMatchExpression(filter.q) : null;
  if (match) query = query.where((eb) => eb('proposals.id', 'in', matchingIds(eb, 'proposal', match)));
  return paginate(query, page, `proposals.${sort}`, 'proposals.id', (r) => r[sort], (r) => r.id);
}

/** Every proposal of a partnership, for the board (acronym order). */
export function proposalsOfPartnership(db: Kysely<Database>, partnershipId: string): Promise<ProposalRow[]> {
  return db.selectFrom('proposals').selectAll().where('partnership_id', '=', partnershipId).orderBy('acronym').orderBy('id').execute();
}

export function insertProposal(db: Kysely<Database>, values: Insertable<ProposalTable>) {
  return db.insertInto('proposals').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; returns undefined when it does not. */
export function updateProposal(db: Kysely<Database>, id: string, version: number, values: Updateable<ProposalTable>) {
  return db
    .updateTable('proposals')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteProposal(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('proposals').where('id', '=', id).execute();
}

/** Domains of several proposals, with the partnership a domain belongs to (null for the standard twelve). */
export function domainsOfProposals(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('proposal_domains')
    .innerJoin('domains', 'domains.id', 'proposal_domains.domain_id')
    .select(['proposal_domains.proposal_id', 'proposal_domains.domain_id', 'domains.partnership_id'])
    .where('proposal_domains.proposal_id', 'in', ids)
    .orderBy(sql`domains.number IS NULL`)
    .orderBy('domains.number')
    .orderBy('domains.label_en')
    .execute();
}

export async function replaceProposalDomains(db: Kysely<Database>, id: string, domainIds: string[]): Promise<void> {
  await db.deleteFrom('proposal_domains').where('proposal_id', '=', id).execute();
  if (!domainIds.length) return;
  await db
    .insertInto('proposal_domains')
    .values(domainIds.map((domainId) => ({ proposal_id: id, domain_id: domainId })))
    .execute();
}

/** The first-to-inform rule (Art. 2.3) of several partnerships. */
export async function firstToInformRules(db: Kysely<Database>, partnershipIds: string[]): Promise<Map<string, boolean>> {
  if (!partnershipIds.length) return new Map();
  const rows = await db.selectFrom('partnerships').select(['id', 'first_to_inform']).where('id', 'in', partnershipIds).execute();
  return new Map(rows.map((r) => [r.id, r.first_to_inform === 1]));
}

/** Organisations that are parties of the partnership. */
export async function partyOrganisationIds(db: Kysely<Database>, partnershipId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('partnership_parties').select('organisation_id').where('partnership_id', '=', partnershipId).execute();
  return new Set(rows.map((r) => r.organisation_id));
}

/** Is the user a member of the partnership (any role)? */
export async function isMember(db: Kysely<Database>, userId: string, partnershipId: string): Promise<boolean> {
  const row = await db.selectFrom('memberships').select('user_id').where('user_id', '=', userId).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return row !== undefined;
}
