/**
 * The figures of a yearly evaluation, counted from what was logged (never
 * typed): a pure function from the rows of db/cycle/evaluation-figures.ts
 * (which says what belongs to a year) to `EvaluationFigures`.
 *
 * Definitions
 * - Activities: the held activities of the year (not cancelled and ended
 *   by the time of counting, see the repository), by type,
 *   by domain (an activity with two domains counts under each), by host
 *   region ("No host region" when none); political: those with the
 *   political level involved, share = political ÷ total.
 * - Participants: participations of these activities except those marked
 *   excused or no-show (a person at three activities counts three times),
 *   by their organisation's kind and region ("No organisation"/"No region"
 *   when unknown); organisations: the distinct organisations among them.
 * - Feedback: the answers given through the feedback links of these
 *   activities; average rating with two decimals.
 * - Follow-ups: the completion rate of services/follow-ups.ts (follow-ups
 *   due in the year, cancelled ones left out): done ÷ (open + done).
 * - Costs: the committed and spent cost items of these activities (planned
 *   ones are estimates and left out), against the sum of the partnership's
 *   budget lines for the year; share = spent ÷ budget.
 * - Proposals: by current stage and by programme (of the call; "No
 *   programme" without one); decided = those decided in the year (approved
 *   + rejected, where running and closed count as approved), so a decision
 *   counts once, in the year it was taken; approval rate = approved ÷ decided.
 * Every share, average and rate is null when its denominator is 0.
 * Tallies are sorted by count (highest first), then (English) label. A
 * tally whose key has known translations (types, domains, kinds, stages,
 * the "none" keys) carries them as `labels` (en, de, nl; the domains' from
 * the domains table, the rest from the documents' words in
 * the catalogue, api/cycle/schemas/document-words.ts), so the web and the documents show each reader's
 * language; region and programme names stay as they are.
 */
import type { FigureRows } from '../../../db/cycle/evaluation-figures.js';
import type { ActivityType } from '../../activities/schemas/activities.js';
import type { EvaluationFigures, Tally, TallyLabels } from '../schemas/evaluations.js';
import type { OrganisationKind } from '../../crm/schemas/organisations.js';
import type { ProposalStage } from '../../proposals/schemas/proposals.js';
import { englishLabels, labelsOf } from '../schemas/document-words.js';
import { average } from '../../activities/index.js';

/** English labels of the tallies' keys (the report documents' own English labels, where they have them). */
export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = englishLabels('activityType');

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = englishLabels('organisationKind');

export const PROPOSAL_STAGE_LABELS: Record<ProposalStage, string> = englishLabels('stage');

const NONE = 'none';
const ABSENT = new Set(['excused', 'no_show']);
const APPROVED = new Set(['approved', 'running', 'closed']);
const COUNTED_COSTS = new Set(['committed', 'spent']);

/** `part ÷ whole`, null when the whole is 0. */
export function share(part: number, whole: number | null): number | null {
  return whole ? part / whole : null;
}

/** Counts keys with their labels; highest count first, then by label. */
export class Tallies {
  private readonly counts = new Map<string, Tally>();

  /** `label`: the name, or the label in each language (its English one is the tally's `label`). */
  add(key: string, label: string | TallyLabels, by = 1): void {
    const named = typeof label === 'string' ? { label } : { label: label.en, labels: label };
    const tally = this.counts.get(key) ?? { key, ...named, count: 0 };
    tally.count += by;
    this.counts.set(key, tally);
  }

  list(): Tally[] {
    return [...this.counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
  }
}

/** The key's labels in `group`, the key itself for an unknown one. */
function labelOf(group: 'activityType' | 'organisationKind' | 'stage', key: string): string | TallyLabels {
  return labelsOf(group, key) ?? key;
}

/** The labels of a "none" key. */
function noValue(what: 'hostRegion' | 'region' | 'organisation' | 'programme'): TallyLabels {
  return labelsOf('noValue', what)!;
}

function activityFigures(rows: FigureRows): EvaluationFigures['activities'] {
  const byType = new Tallies();
  const byDomain = new Tallies();
  const byHostRegion = new Tallies();
  let political = 0;
  for (const activity of rows.activities) {
    byType.add(activity.type, labelOf('activityType', activity.type));
    if (activity.host_region_id) byHostRegion.add(activity.host_region_id, activity.host_region_name ?? activity.host_region_id);
    else byHostRegion.add(NONE, noValue('hostRegion'));
    if (activity.political_level) political += 1;
  }
  const held = new Set(rows.activities.map((a) => a.id));
  const seen = new Set<string>();
  for (const domain of rows.domains) {
    const pair = `${domain.activity_id} ${domain.domain_id}`;
    if (!held.has(domain.activity_id) || seen.has(pair)) continue;
    seen.add(pair);
    byDomain.add(domain.domain_id, { en: domain.label_en, de: domain.label_de, nl: domain.label_nl });
  }
  const total = rows.activities.length;
  return { total, byType: byType.list(), byDomain: byDomain.list(), byHostRegion: byHostRegion.list(), political: { count: political, share: share(political, total) } };
}

function participantFigures(rows: FigureRows): EvaluationFigures['participants'] {
  const byKind = new Tallies();
  const byRegion = new Tallies();
  const organisations = new Map<string, { kind: string; regionId: string | null; regionName: string | null }>();
  let total = 0;
  for (const participant of rows.participants) {
    if (ABSENT.has(participant.attendance)) continue;
    total += 1;
    if (participant.organisation_id) {
      byKind.add(participant.organisation_kind ?? NONE, participant.organisation_kind ? labelOf('organisationKind', participant.organisation_kind) : noValue('organisation'));
      organisations.set(participant.organisation_id, { kind: participant.organisation_kind ?? NONE, regionId: participant.region_id, regionName: participant.region_name });
    } else {
      byKind.add(NONE, noValue('organisation'));
    }
    if (participant.region_id) byRegion.add(participant.region_id, participant.region_name ?? participant.region_id);
    else byRegion.add(NONE, noValue('region'));
  }
  const organisationsByKind = new Tallies();
  const organisationsByRegion = new Tallies();
  for (const organisation of organisations.values()) {
    organisationsByKind.add(organisation.kind, organisation.kind === NONE ? noValue('organisation') : labelOf('organisationKind', organisation.kind));
    if (organisation.regionId) organisationsByRegion.add(organisation.regionId, organisation.regionName ?? organisation.regionId);
    else organisationsByRegion.add(NONE, noValue('region'));
  }
  return {
    total,
    byKind: byKind.list(),
    byRegion: byRegion.list(),
    organisations: { total: organisations.size, byKind: organisationsByKind.list(), byRegion: organisationsByRegion.list() }
  };
}

function proposalFigures(rows: FigureRows): EvaluationFigures['proposals'] {
  const byStage = new Tallies();
  const byProgramme = new Tallies();
  let approved = 0;
  let rejected = 0;
  for (const proposal of rows.proposals) {
    byStage.add(proposal.stage, labelOf('stage', proposal.stage));
    if (proposal.programme_id) byProgramme.add(proposal.programme_id, proposal.programme_name ?? proposal.programme_code ?? proposal.programme_id);
    else byProgramme.add(NONE, noValue('programme'));
    if (!proposal.decided_at?.startsWith(String(rows.year).padStart(4, '0'))) continue;
    if (APPROVED.has(proposal.stage)) approved += 1;
    else if (proposal.stage === 'rejected') rejected += 1;
  }
  const decided = approved + rejected;
  return { total: rows.proposals.length, byStage: byStage.list(), byProgramme: byProgramme.list(), decided, approved, approvalRate: share(approved, decided) };
}

export function evaluationFigures(rows: FigureRows): EvaluationFigures {
  const activities = activityFigures(rows);
  const followUpTotal = rows.followUps.open + rows.followUps.done;
  const spentCents = rows.costs.filter((c) => COUNTED_COSTS.has(c.state)).reduce((sum, c) => sum + c.amount_eur_cents, 0);
  return {
    partnershipId: rows.partnershipId,
    year: rows.year,
    activities,
    participants: participantFigures(rows),
    feedback: { responses: rows.ratings.length, average: average(rows.ratings) },
    followUps: { total: followUpTotal, done: rows.followUps.done, rate: share(rows.followUps.done, followUpTotal) },
    costs: { spentCents, budgetCents: rows.budgetCents, share: share(spentCents, rows.budgetCents) },
    proposals: proposalFigures(rows)
  };
}
