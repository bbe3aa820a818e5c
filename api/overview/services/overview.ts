/**
 * The overview: the officer's cockpit composed in one read from the
 * contexts' own services (handed in by api/services.ts), so every rule of
 * who sees what stays where it is kept:
 *
 * - tasks: the task service's list (the caller's own, open, due by a week
 *   from today; overdue ones first);
 * - approvals: the work plans and evaluations proposed for approval (this
 *   context's one query), their headers read through the work-plan and
 *   evaluation services' lists (a party in `canApproveFor` not yet
 *   approved) — only those partnerships' and years', since a header costs a
 *   few statements and most documents are drafts or adopted;
 * - obligations and the next cycle step: the obligation and cycle-step
 *   services, per partnership the caller is a member of (at most 12, the
 *   running ones), only amber and red obligations of this year;
 * - coming: late milestones (this context's one query: past their time, or
 *   the end of their day, in their call's zone, as the dashboard reads them,
 *   so each milestone is late here or coming there), then the deadline
 *   dashboard's next 30 days in the reader's zone;
 * - changed: unread notifications (the notification service), and edits to
 *   the co-edited documents by people outside the caller's organisation
 *   since the last visit (rules/visits.ts).
 *
 * The personal parts (obligations, steps, approvals, late milestones,
 * partner edits) are about the partnerships the caller is a member of: a
 * system administrator without memberships sees the workspace's deadlines
 * and her own tasks and notifications, not every partnership's duties.
 * Reading the cockpit records the visit (best-effort: a read-only database
 * still answers).
 */
import type { DB } from '../../../db/connection.js';
import * as repo from '../../../db/overview/overview.js';
import { addDays, dayOf, daysBetween } from '../../crm/index.js';
import { milestoneDue } from '../../funding/index.js';
import { bestEffort, isWriterSomewhere, type Caller } from '../../platform/index.js';
import type { Task, TaskListQuery } from '../../activities/schemas/tasks.js';
import type { Cycle } from '../../cycle/schemas/cycle.js';
import type { EvaluationList, EvaluationQuery } from '../../cycle/schemas/evaluations.js';
import type { Obligations, ObligationsQuery } from '../../cycle/schemas/obligations.js';
import { obligationsIn, type ObligationFacts } from '../../cycle/index.js';
import { BASE_LOCALE, type Locale } from '../../../i18n/locales.js';
import type { WorkPlan, WorkPlanQuery } from '../../cycle/schemas/work-plans.js';
import type { DeadlineDashboard, DeadlineDashboardQuery } from '../../deadlines/schemas/deadlines.js';
import type { NotificationListQuery, NotificationPage } from '../../funding/schemas/notifications.js';
import type { Overview, OverviewQuery } from '../schemas/overview.js';
import { visitAt } from '../rules/visits.js';

/** What the overview reads through the other contexts' services. */
export interface OverviewSources {
  tasks: { list(caller: Caller, query: TaskListQuery): Promise<{ items: Task[]; nextCursor: string | null }> };
  workPlans: { list(caller: Caller, query: WorkPlanQuery): Promise<{ items: WorkPlan[] }> };
  evaluations: { list(caller: Caller, query: EvaluationQuery): Promise<EvaluationList> };
  /** an agreement's obligations with their facts (worded here, in the reader's language) */
  obligations: { get(caller: Caller, partnershipId: string, query: ObligationsQuery): Promise<Omit<Obligations, 'items'> & { items: ObligationFacts[] }> };
  cycle: { get(caller: Caller, partnershipId: string): Promise<Cycle> };
  deadlines: { of(caller: Caller, query: DeadlineDashboardQuery): Promise<DeadlineDashboard> };
  notifications: { list(caller: Caller, query: NotificationListQuery): Promise<NotificationPage> };
}

const MAX_PARTNERSHIPS = 12;
const TASKS = 20;
const COMING = 20;
const COMING_DAYS = 30;
const LATE = 20;
const NOTIFICATIONS = 5;
const PARTNER_EDITS = 200;
/** a milestone is read in its call's zone, else here (as on the deadline dashboard) */
const DEFAULT_ZONE = 'Europe/Brussels';

const documentLink = (type: 'work_plan' | 'evaluation', partnershipId: string, year: number) =>
  `/partnerships/${partnershipId}/${type === 'work_plan' ? 'workplans' : 'evaluations'}/${year}`;

export class OverviewService {
  constructor(
    private readonly db: DB,
    private readonly sources: OverviewSources,
    private readonly clock: () => Date = () => new Date()
  ) {}

  /** The cockpit of `caller`, its words in `locale` (the reader's language). */
  async of(caller: Caller, query: OverviewQuery, locale: Locale = BASE_LOCALE): Promise<Overview> {
    const now = this.clock();
    const today = dayOf(now);
    const marks = await repo.visitMarks(this.db, caller.userId);
    const visit = visitAt({ seenAt: marks?.overview_seen_at ?? null, since: marks?.overview_since ?? null }, now);

    // the caller's partnerships whose agreement has not ended, by title
    const memberOf = (await repo.partnershipsByIds(this.db, Object.keys(caller.roles)))
      .filter((p) => p.ends_on === null || p.ends_on >= today)
      .slice(0, MAX_PARTNERSHIPS);
    const ids = memberOf.map((p) => p.id);
    const titleOf = new Map(memberOf.map((p) => [p.id, p.title]));
    const ref = (id: string) => ({ id, title: titleOf.get(id) ?? '' });

    const [tasks, proposed, perPartnership, late, coming, notifications, edits] = await Promise.all([
      this.sources.tasks.list(caller, { mine: true, status: 'open', dueTo: addDays(today, 6), limit: TASKS, sort: 'dueOn' }),
      repo.proposedDocuments(this.db, ids).then((found) => Promise.all(found.map((doc) => headerOf(this.sources, caller, doc)))),
      Promise.all(ids.map(async (id) => ({ id, obligations: obligationsIn(await this.sources.obligations.get(caller, id, {}), locale), cycle: await this.sources.cycle.get(caller, id) }))),
      repo.lateMilestones(this.db, ids, today, LATE),
      this.sources.deadlines.of(caller, { days: COMING_DAYS, zone: query.zone, watched: false, limit: COMING }),
      this.sources.notifications.list(caller, { unread: true, limit: NOTIFICATIONS }),
      repo.partnerEdits(this.db, caller, ids, visit.since, PARTNER_EDITS)
    ]);

    const approvals = proposed
      .flatMap((found) => (found.d && found.d.status === 'proposed' ? [{ type: found.type, d: found.d }] : []))
      .map(({ type, d }) => ({ type, d, waiting: d.approvals.filter((a) => !a.approved && d.canApproveFor.includes(a.partyId)) }))
      .filter(({ waiting }) => waiting.length > 0)
      .map(({ type, d, waiting }) => ({
        documentType: type,
        id: d.id,
        partnership: ref(d.partnershipId),
        year: d.year,
        parties: waiting.map((a) => ({ id: a.partyId, organisationName: a.organisationName })),
        link: documentLink(type, d.partnershipId, d.year)
      }));

    const running = perPartnership.filter((p) => p.obligations.inForce);
    const obligations = running.flatMap((p) =>
      p.obligations.items.filter((o) => o.state !== 'green').map((obligation) => ({ partnership: ref(p.id), year: p.obligations.year, obligation }))
    );
    // red before amber, then by partnership
    obligations.sort((a, b) => Number(b.obligation.state === 'red') - Number(a.obligation.state === 'red'));
    const nextSteps = running
      .flatMap((p) => {
        const step = [...p.cycle.steps].sort((a, b) => a.nextOn.localeCompare(b.nextOn))[0];
        return step ? [{ partnership: ref(p.id), kind: step.kind, nextOn: step.nextOn, subjectYear: step.subjectYear, link: documentLink(step.kind, p.id, step.subjectYear) }] : [];
      })
      .sort((a, b) => a.nextOn.localeCompare(b.nextOn));

    await bestEffort('the overview’s visit', () => repo.markVisit(this.db, caller.userId, visit.keep));

    return {
      today,
      timeZone: coming.timeZone,
      since: visit.since,
      firstVisit: visit.firstVisit,
      needsYou: { tasks: tasks.items, moreTasks: tasks.nextCursor !== null, approvals, obligations, nextSteps },
      coming: {
        late: late.filter((m) => Date.parse(milestoneDue(m.due_on, m.due_time, m.call_zone ?? DEFAULT_ZONE).at) <= now.getTime()).map((m) => ({
          id: m.id,
          title: m.title,
          kind: m.kind,
          dueOn: m.due_on,
          dueTime: m.due_time,
          daysLate: daysBetween(m.due_on, today),
          proposal: { id: m.proposal_id, acronym: m.acronym, title: m.proposal_title, partnershipId: m.partnership_id }
        })),
        items: coming.items,
        moreItems: coming.nextCursor !== null
      },
      changed: { unreadCount: notifications.unreadCount, notifications: notifications.items, partnerEdits: groupEdits(edits, ref) },
      mayWrite: isWriterSomewhere(caller)
    };
  }
}

/** A work plan's or an evaluation's header as its own service gives it to the caller (the lists: no items, no figures). */
async function headerOf(sources: OverviewSources, caller: Caller, doc: { type: 'work_plan' | 'evaluation'; id: string; partnershipId: string; year: number }) {
  const { items } = doc.type === 'work_plan' ? await sources.workPlans.list(caller, { partnershipId: doc.partnershipId, year: doc.year }) : await sources.evaluations.list(caller, { partnershipId: doc.partnershipId });
  return { type: doc.type, d: items.find((d) => d.id === doc.id) };
}

/** One line per document: who of the other party changed it, how often, and when last. */
function groupEdits(rows: repo.PartnerEditRow[], ref: (id: string) => { id: string; title: string }): Overview['changed']['partnerEdits'] {
  const byDocument = new Map<string, Overview['changed']['partnerEdits'][number]>();
  for (const row of rows) {
    const type = row.entity_type === 'work_plan' ? 'work_plan' : 'evaluation';
    const partnershipId = (type === 'work_plan' ? row.plan_partnership_id : row.evaluation_partnership_id) ?? '';
    const year = Number((type === 'work_plan' ? row.plan_year : row.evaluation_year) ?? 0);
    const found = byDocument.get(row.entity_id);
    if (found) {
      found.edits += 1;
      if (!found.editors.includes(row.actor_name)) found.editors.push(row.actor_name);
      continue;
    }
    byDocument.set(row.entity_id, { documentType: type, id: row.entity_id, partnership: ref(partnershipId), year, editors: [row.actor_name], edits: 1, lastAt: row.at, link: documentLink(type, partnershipId, year) });
  }
  return [...byDocument.values()];
}
