/**
 * What a proposal reads of its call (and the call's programme), through
 * the calls and programmes repositories: a summary for the proposal, the
 * funding terms for the consortium, the next deadline for the milestone
 * plan, and the domains and keywords for the consortium builder. Calls are
 * public reference data: every signed-in user may read them.
 */
import type { Kysely } from 'kysely';
import { deadlinesOf, domainsOfCalls, findCall } from '../../../db/funding/calls.js';
import { findProgramme } from '../../../db/funding/programmes.js';
import type { CallDeadlineRow, Database } from '../../../db/schema.js';
import { type FundingTerms, NO_TERMS } from '../rules/cofinancing.js';

export interface CallSummary {
  id: string;
  identifier: string;
  title: string;
  programmeId: string | null;
}

export async function callSummaries(db: Kysely<Database>, ids: string[]): Promise<Map<string, CallSummary>> {
  const calls = await Promise.all([...new Set(ids)].map((id) => findCall(db, id)));
  return new Map(calls.flatMap((c) => (c ? [[c.id, { id: c.id, identifier: c.identifier, title: c.title, programmeId: c.programme_id }] as [string, CallSummary]] : [])));
}

export async function callExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await findCall(db, id)) !== undefined;
}

/** The call's (and its programme's) rates and contribution limits; none without a call. */
export async function fundingTerms(db: Kysely<Database>, callId: string | null): Promise<FundingTerms> {
  const call = callId ? await findCall(db, callId) : undefined;
  if (!call) return NO_TERMS;
  const programme = call.programme_id ? await findProgramme(db, call.programme_id) : undefined;
  return {
    callRate: call.cofinancing_rate,
    programmeRate: programme?.cofinancing_rate ?? null,
    minContributionCents: call.min_contribution_cents,
    maxContributionCents: call.max_contribution_cents
  };
}

/** The call's first deadline at or after the instant `from`. */
export async function nextDeadline(db: Kysely<Database>, callId: string, from: string): Promise<CallDeadlineRow | null> {
  const upcoming = (await deadlinesOf(db, callId)).filter((d) => d.deadline_at >= from).sort((a, b) => a.deadline_at.localeCompare(b.deadline_at) || a.position - b.position);
  return upcoming[0] ?? null;
}

/** The call's domains and keywords (what the consortium builder matches against). */
export async function callMatchTerms(db: Kysely<Database>, callId: string | null): Promise<{ domainIds: string[]; keywords: string[] }> {
  const call = callId ? await findCall(db, callId) : undefined;
  if (!call) return { domainIds: [], keywords: [] };
  const domainIds = (await domainsOfCalls(db, [call.id])).map((d) => d.domain_id);
  return { domainIds, keywords: call.keywords.filter((k) => k.trim() !== '') };
}
