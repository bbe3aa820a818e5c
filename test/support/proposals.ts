/**
 * Candidate projects created through the API, and calls (with the terms a
 * consortium is checked against) written straight into the database, for
 * the tests of proposals, consortia, milestones, scores and the builder.
 */
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { newId } from '../../db/ids.js';
import type { Database } from '../../db/schema.js';
import type { Client } from './http.js';
import { jsonText } from '../../db/json-columns.js';

/** Records a proposal through POST /api/proposals; answers the body. */
export async function createProposal(as: Client, fields: Record<string, unknown>) {
  const reply = await as.post('/api/proposals', { acronym: 'TEST', title: 'A test proposal', ...fields });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

export interface CallTerms {
  identifier?: string;
  title?: string;
  programmeRate?: string | null;
  rate?: string | null;
  minContributionCents?: number | null;
  maxContributionCents?: number | null;
  keywords?: string[];
  domainIds?: string[];
  /** UTC instants with their zone */
  deadlines?: { at: string; zone?: string; assumed?: boolean }[];
}

let counter = 0;

/** A call (with its own programme when `programmeRate` is given) written straight into the database. */
export async function insertFundingCall(db: Kysely<Database>, terms: CallTerms = {}): Promise<{ id: string; programmeId: string | null }> {
  counter += 1;
  let programmeId: string | null = null;
  if (terms.programmeRate !== undefined) {
    programmeId = newId();
    await db
      .insertInto('programmes')
      .values({ id: programmeId, code: `TEST-PROG-${counter}-${programmeId.slice(-6)}`, name: `Test programme ${counter}`, family: 'other', parent_id: null, period: null, cofinancing_rate: terms.programmeRate, cofinancing_note: null, source: null, created_by: null })
      .execute();
  }
  const id = newId();
  await db
    .insertInto('calls')
    .values({
      id,
      identifier: terms.identifier ?? `TEST-FUND-${counter}-${id.slice(-6)}`,
      title: terms.title ?? `Funding call ${counter}`,
      programme_id: programmeId,
      action_type: null,
      description: null,
      opening_at: null,
      budget_cents: null,
      expected_grants: null,
      min_contribution_cents: terms.minContributionCents ?? null,
      max_contribution_cents: terms.maxContributionCents ?? null,
      cofinancing_rate: terms.rate ?? null,
      keywords: jsonText(terms.keywords ?? []),
      link: null,
      rrule: null,
      portal_status: null,
      imported_at: null,
      created_by: null
    })
    .execute();
  for (const [position, d] of (terms.deadlines ?? []).entries()) {
    await db
      .insertInto('call_deadlines')
      .values({ id: newId(), call_id: id, position, label: null, deadline_at: new Date(d.at).toISOString(), time_zone: d.zone ?? 'Europe/Brussels', assumed: d.assumed ? 1 : 0 })
      .execute();
  }
  if (terms.domainIds?.length) await db.insertInto('call_domains').values(terms.domainIds.map((domain_id) => ({ call_id: id, domain_id }))).execute();
  return { id, programmeId };
}
