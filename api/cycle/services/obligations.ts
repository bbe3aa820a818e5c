/**
 * The agreement's obligations as pure rules: the inputs of one partnership
 * and one year, and today (a `YYYY-MM-DD` calendar date) → green, amber or
 * red, each with the facts behind it and the web page that fixes it (worded
 * in the reader's language by rules/obligation-words.ts). Nothing is stored; the service (obligations.ts)
 * gathers the inputs.
 *
 * Year boundaries (a year runs 1 Jan – 31 Dec; "over" means today is after 31 Dec of it)
 * - Visits (Art. 2.2 §3): an administrative visit counts for the year its
 *   local start day falls in. Held = marked done. N or more held → green.
 *   Fewer: red once the year is over (31 Dec still amber, 1 Jan red); amber
 *   while it is not (the rest still planned, or time left to plan them).
 *   Visits still marked planned whose day has passed are named: mark them
 *   done if they took place. No visits required (N = 0) → green.
 * - Evaluation of year Y, in its month M of Y (Art. 2.5: November evaluates
 *   the current year): adopted by the last day of M → green; adopted later →
 *   amber (done, but late). Not adopted: before M begins → green ("due in
 *   November"); inside M (1st to last day) → amber; from the day after → red.
 * - Work plan for Y+1, drafted in its month M of Y: drafted = proposed to
 *   the parties (or adopted); the first day it was proposed counts. By the
 *   last day of M → green; later → amber; not yet: before M → green, inside
 *   M → amber (a draft that still needs proposing, or none started), after
 *   M → red.
 * - Contact persons: about now, whatever the year: every party names one →
 *   green, else red naming the parties without one.
 * - First to inform (Art. 2.3): only when the agreement's rule is on. A
 *   candidate project belongs to the year of its first contact with another
 *   potential partner (as the partnership's report counts it); any flagged
 *   one of the year → red, else green.
 * - Agreement end, notice and renewal: about today, whatever the year, from
 *   agreement-dates.ts. End: not in force yet → amber; ended → red unless a
 *   successor agreement exists (green); in notice → amber; ending within
 *   183 days → amber unless renewed; else green. Notice: no notice period,
 *   notice sent, ended, or the last notice day passed (the agreement then
 *   runs to its end) → green; last notice day within 90 days → amber.
 *   Renewal: open-ended or renewed → green; ended, or the renewal decision
 *   day passed, without a successor → red; decision day within 90 days →
 *   amber; else green.
 *
 * The agreement's term: a year is in force when one of its days lies from the
 * start day to the effective end (notice shortens it); without a start day no
 * year is. A year outside the term has no visits, evaluation, work plan or
 * first-to-inform to watch: only contact persons and the agreement's dates
 * are listed, and `inForce` says why. In the term's last year, the work plan
 * for the year after is watched only when a successor agreement continues it.
 */
import type { DB } from '../../../db/connection.js';
import { proposalsWithLog, proposalsWithoutLog } from '../../../db/proposals/inform-log.js';
import { administrativeVisits, evaluationOfYear, workPlanOfYear } from '../../../db/cycle/obligations.js';
import { findPartnership, findSuccessor, partiesOf } from '../../../db/crm/partnerships.js';
import { NotFound, canSeePartnership, type Caller } from '../../platform/index.js';
import type { Obligation, ObligationState, Obligations, ObligationsQuery } from '../schemas/obligations.js';
import type { ObligationFacts } from '../rules/obligation-words.js';
import { agreementGlance, dayOf, daysInMonth, effectiveEndOn, type AgreementDates } from '../../crm/index.js';
import { informStates, SUBMITTED_STAGES } from '../../proposals/index.js';

/** an agreement ending within this many days wants attention */
export const END_SOON_DAYS = 183;
/** notice and renewal days within this many days want attention */
export const DECISION_SOON_DAYS = 90;

export interface VisitInput {
  id: string;
  title: string;
  /** the local start day */
  startsOn: string;
  status: 'planned' | 'done' | 'cancelled';
}

export interface PartyInput {
  organisationName: string;
  contactPersonName: string | null;
  contactPersonId: string | null;
}

export interface FlaggedProposal {
  id: string;
  acronym: string;
}

export interface ObligationInputs {
  partnershipId: string;
  year: number;
  visitsPerYear: number;
  evaluationMonth: number;
  workPlanMonth: number;
  firstToInformRule: boolean;
  parties: PartyInput[];
  /** administrative visits of the partnership that start in `year` */
  visits: VisitInput[];
  /** the evaluation of `year` */
  evaluation: { status: string; adoptedOn: string | null } | null;
  /** the work plan for `year + 1` */
  workPlan: { status: string; proposedOn: string | null; adoptedOn: string | null } | null;
  /** proposals with a first-to-inform log whose first other contact fell in `year`, and which of them were flagged */
  proposalsChecked: number;
  flaggedProposals: FlaggedProposal[];
  /** proposals recorded in `year`, submitted (or further) with an empty first-to-inform log */
  unloggedProposals: FlaggedProposal[];
  agreement: AgreementDates;
  successorId: string | null;
}

type Facts = Obligation['facts'];

function item(code: Obligation['code'], state: ObligationState, link: string, facts: Facts): ObligationFacts {
  return { code, state, link, facts };
}

export function monthStart(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

export function monthEnd(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

export function visitsObligation(i: ObligationInputs, today: string): ObligationFacts {
  const base = `/partnerships/${i.partnershipId}`;
  const required = i.visitsPerYear;
  const counted = i.visits.filter((v) => v.status !== 'cancelled');
  const held = counted.filter((v) => v.status === 'done');
  const planned = counted.filter((v) => v.status === 'planned' && v.startsOn >= today);
  const unconfirmed = counted.filter((v) => v.status === 'planned' && v.startsOn < today);
  const yearEnd = `${i.year}-12-31`;
  const over = today > yearEnd;
  const facts: Facts = { required, held: held.length, planned: planned.length, unconfirmed: unconfirmed.length, yearEndsOn: yearEnd };
  const newVisit = `/activities/new?type=administrative_visit&partnershipId=${i.partnershipId}`;
  if (required === 0) return item('visits', 'green', base, facts);
  if (held.length >= required) {
    return item('visits', 'green', `/activities/${held[0]!.id}`, facts);
  }
  const link = unconfirmed.length ? `/activities/${unconfirmed[0]!.id}` : newVisit;
  if (over) return item('visits', 'red', link, facts);
  const missing = required - held.length - planned.length;
  if (missing <= 0) {
    return item('visits', 'amber', unconfirmed.length ? link : `/activities/${planned[0]!.id}`, facts);
  }
  return item('visits', 'amber', link, facts);
}

export function evaluationObligation(i: ObligationInputs, today: string): ObligationFacts {
  const month = i.evaluationMonth;
  const opensOn = monthStart(i.year, month);
  const dueOn = monthEnd(i.year, month);
  const link = `/partnerships/${i.partnershipId}/evaluations/${i.year}`;
  const status = i.evaluation?.status ?? null;
  const adoptedOn = i.evaluation?.adoptedOn ?? null;
  const facts: Facts = { month, opensOn, dueOn, status, adoptedOn };
  if (adoptedOn !== null) {
    if (adoptedOn <= dueOn) return item('evaluation', 'green', link, facts);
    return item('evaluation', 'amber', link, facts);
  }
  if (today < opensOn) return item('evaluation', 'green', link, facts);
  if (today <= dueOn) return item('evaluation', 'amber', link, facts);
  return item('evaluation', 'red', link, facts);
}

export function workPlanObligation(i: ObligationInputs, today: string): ObligationFacts {
  const month = i.workPlanMonth;
  const planYear = i.year + 1;
  const opensOn = monthStart(i.year, month);
  const dueOn = monthEnd(i.year, month);
  const link = `/partnerships/${i.partnershipId}/workplans/${planYear}`;
  const status = i.workPlan?.status ?? null;
  const dates = [i.workPlan?.proposedOn ?? null, i.workPlan?.adoptedOn ?? null].filter((d): d is string => d !== null).sort();
  const draftedOn = dates[0] ?? null;
  const facts: Facts = { month, planYear, opensOn, dueOn, status, draftedOn };
  if (draftedOn !== null) {
    if (draftedOn <= dueOn) return item('work_plan', 'green', link, facts);
    return item('work_plan', 'amber', link, facts);
  }
  if (today < opensOn) return item('work_plan', 'green', link, facts);
  if (today <= dueOn) return item('work_plan', 'amber', link, facts);
  return item('work_plan', 'red', link, facts);
}

export function contactPersonsObligation(i: ObligationInputs): ObligationFacts {
  const link = `/partnerships/${i.partnershipId}/edit`;
  const missing = i.parties.filter((p) => p.contactPersonId === null);
  const facts: Facts = { parties: i.parties.length, named: i.parties.length - missing.length, missing: missing.map((p) => p.organisationName).join(', ') || null };
  if (i.parties.length === 0) return item('contact_persons', 'red', link, facts);
  if (missing.length) return item('contact_persons', 'red', link, facts);
  return item('contact_persons', 'green', link, facts);
}

/**
 * Art. 2.3. Red for a breach the log shows (another potential partner
 * before the partner region). Amber for a candidate project submitted with
 * an empty log: it is no proof of a breach (the partners may have told each
 * other and not written it down), but nothing shows they did, and the
 * evaluation cannot count it; logging the entry turns it green. Such a
 * project counts in the year it was recorded (an empty log has no day of a
 * first contact to count it by). A breach outweighs it.
 */
export function firstToInformObligation(i: ObligationInputs): ObligationFacts {
  const unlogged = i.unloggedProposals;
  const facts: Facts = {
    applies: i.firstToInformRule,
    checked: i.proposalsChecked,
    flagged: i.flaggedProposals.length,
    flaggedAcronyms: i.flaggedProposals.map((p) => p.acronym).join(', ') || null,
    unlogged: unlogged.length,
    unloggedAcronyms: unlogged.map((p) => p.acronym).join(', ') || null
  };
  if (!i.firstToInformRule) return item('first_to_inform', 'green', `/partnerships/${i.partnershipId}/edit`, facts);
  const flagged = i.flaggedProposals;
  if (flagged.length) return item('first_to_inform', 'red', `/proposals/${flagged[0]!.id}`, facts);
  if (unlogged.length) return item('first_to_inform', 'amber', `/proposals/${unlogged[0]!.id}`, facts);
  return item('first_to_inform', 'green', `/partnerships/${i.partnershipId}`, facts);
}

export function agreementObligations(i: ObligationInputs, today: string): ObligationFacts[] {
  const a = i.agreement;
  const g = agreementGlance(a, today);
  const edit = `/partnerships/${i.partnershipId}/edit`;
  const renewed = i.successorId !== null;
  const successor = renewed ? `/partnerships/${i.successorId}` : edit;
  const facts: Facts = {
    status: g.status,
    endsOn: a.endsOn,
    effectiveEndOn: g.effectiveEndOn,
    daysUntilEnd: g.daysUntilEnd,
    lastNoticeDay: g.lastNoticeDay,
    daysUntilLastNoticeDay: g.daysUntilLastNoticeDay,
    noticeSentOn: a.noticeSentOn,
    renewalDecisionDay: g.renewalDecisionDay,
    daysUntilRenewalDecision: g.daysUntilRenewalDecision,
    renewed
  };
  const end = g.effectiveEndOn;

  let endItem: ObligationFacts;
  if (g.status === 'draft') endItem = item('agreement_end', 'amber', edit, facts);
  else if (end === null) endItem = item('agreement_end', 'green', edit, facts);
  else if (g.status === 'ended') {
    endItem = renewed
      ? item('agreement_end', 'green', successor, facts)
      : item('agreement_end', 'red', edit, facts);
  } else if (g.status === 'in_notice') endItem = item('agreement_end', 'amber', renewed ? successor : edit, facts);
  else if (!renewed && g.daysUntilEnd! <= END_SOON_DAYS) endItem = item('agreement_end', 'amber', edit, facts);
  else endItem = item('agreement_end', 'green', renewed ? successor : edit, facts);

  let noticeItem: ObligationFacts;
  if (g.lastNoticeDay === null) noticeItem = item('notice', 'green', edit, facts);
  else if (a.noticeSentOn !== null) noticeItem = item('notice', 'green', edit, facts);
  else if (g.status === 'ended') noticeItem = item('notice', 'green', edit, facts);
  else if (g.daysUntilLastNoticeDay! < 0) noticeItem = item('notice', 'green', edit, facts);
  else if (g.daysUntilLastNoticeDay! <= DECISION_SOON_DAYS) {
    noticeItem = item('notice', 'amber', edit, facts);
  } else noticeItem = item('notice', 'green', edit, facts);

  let renewalItem: ObligationFacts;
  if (g.renewalDecisionDay === null) renewalItem = item('renewal', 'green', edit, facts);
  else if (renewed) renewalItem = item('renewal', 'green', successor, facts);
  else if (g.status === 'ended') renewalItem = item('renewal', 'red', edit, facts);
  else if (g.daysUntilRenewalDecision! < 0) {
    renewalItem = item('renewal', 'red', edit, facts);
  } else if (g.daysUntilRenewalDecision! <= DECISION_SOON_DAYS) {
    renewalItem = item('renewal', 'amber', edit, facts);
  } else renewalItem = item('renewal', 'green', edit, facts);

  return [endItem, noticeItem, renewalItem];
}

/** The agreement's term: its start day and the last day in force (null: not recorded, or open-ended). */
export function termOf(a: AgreementDates): { startsOn: string | null; endsOn: string | null } {
  return { startsOn: a.startsOn, endsOn: effectiveEndOn(a) };
}

/** Whether any day of `year` lies in the agreement's term (never without a start day). */
export function inForceIn(a: AgreementDates, year: number): boolean {
  const term = termOf(a);
  return term.startsOn !== null && term.startsOn <= `${year}-12-31` && (term.endsOn === null || term.endsOn >= `${year}-01-01`);
}

/** Every obligation of the year, in the order of the agreement; outside the agreement's term only what applies whatever the year. */
export function obligationsOf(i: ObligationInputs, today: string): ObligationFacts[] {
  if (!inForceIn(i.agreement, i.year)) return [contactPersonsObligation(i), ...agreementObligations(i, today)];
  const planYearCovered = i.successorId !== null || inForceIn(i.agreement, i.year + 1);
  return [
    visitsObligation(i, today),
    evaluationObligation(i, today),
    ...(planYearCovered ? [workPlanObligation(i, today)] : []),
    contactPersonsObligation(i),
    firstToInformObligation(i),
    ...agreementObligations(i, today)
  ];
}

/** The calendar day (UTC) of a stored instant, or null. */
function dayOfInstant(instant: string | null): string | null {
  return instant === null ? null : dayOf(new Date(instant));
}

export class ObligationService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  async get(caller: Caller, partnershipId: string, query: ObligationsQuery): Promise<Omit<Obligations, 'items'> & { items: ObligationFacts[] }> {
    const partnership = await findPartnership(this.db, partnershipId);
    if (!partnership || !canSeePartnership(caller, partnershipId)) throw new NotFound('partnership');
    const today = dayOf(this.clock());
    const year = query.year ?? Number(today.slice(0, 4));
    const [parties, visits, evaluation, workPlan, withLog, withoutLog, successor] = await Promise.all([
      partiesOf(this.db, [partnershipId]),
      administrativeVisits(this.db, partnershipId, year),
      evaluationOfYear(this.db, partnershipId, year),
      workPlanOfYear(this.db, partnershipId, year + 1),
      proposalsWithLog(this.db, partnershipId),
      proposalsWithoutLog(this.db, partnershipId, SUBMITTED_STAGES, year),
      findSuccessor(this.db, partnershipId)
    ]);
    const states = await informStates(this.db, caller, withLog.map((p) => ({ id: p.id, partnership_id: partnershipId, stage: p.stage })));
    const ofYear = withLog.filter((p) => (states.get(p.id)!.state.firstOtherContactOn ?? '').startsWith(`${year}-`));
    const inputs: ObligationInputs = {
      partnershipId,
      year,
      visitsPerYear: partnership.visits_per_year,
      evaluationMonth: partnership.evaluation_month,
      workPlanMonth: partnership.work_plan_month,
      firstToInformRule: partnership.first_to_inform === 1,
      parties: parties.map((p) => ({ organisationName: p.organisation_name, contactPersonId: p.contact_person_id, contactPersonName: p.contact_person_name })),
      visits: visits.map((v) => ({ id: v.id, title: v.title, startsOn: v.starts_on, status: v.status as VisitInput['status'] })),
      evaluation: evaluation ? { status: evaluation.status, adoptedOn: dayOfInstant(evaluation.adopted_at) } : null,
      workPlan: workPlan ? { status: workPlan.status, proposedOn: dayOfInstant(workPlan.proposed_at), adoptedOn: dayOfInstant(workPlan.adopted_at) } : null,
      proposalsChecked: ofYear.length,
      flaggedProposals: ofYear.filter((p) => !states.get(p.id)!.state.ok).map((p) => ({ id: p.id, acronym: p.acronym })),
      unloggedProposals: withoutLog.map((p) => ({ id: p.id, acronym: p.acronym })),
      agreement: {
        signedOn: partnership.signed_on,
        startsOn: partnership.starts_on,
        endsOn: partnership.ends_on,
        noticeMonths: partnership.notice_months,
        noticeSentOn: partnership.notice_sent_on,
        renewalLeadMonths: partnership.renewal_lead_months
      },
      successorId: successor?.id ?? null
    };
    return { partnershipId, year, checkedOn: today, inForce: inForceIn(inputs.agreement, year), term: termOf(inputs.agreement), items: obligationsOf(inputs, today) };
  }
}
