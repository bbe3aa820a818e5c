/**
 * Follow-ups of an activity: "bring the stakeholders together again after
 * some time" (the 2017–2020 evaluation names weak follow-up of delegation
 * trips as a challenge).
 *
 * The rules (pure functions at the top, unit-tested)
 * - Dates come from an RFC 5545 RRULE read from the activity's last day in
 *   its own time zone (a trip ending at 00:30 on 1 September in Brussels
 *   ends on 1 September, although that is still 31 August in UTC). Dates,
 *   not instants: a DST change between the end and the follow-up moves
 *   nothing.
 * - The rule is the activity's own `follow_up_rule`, else that of the
 *   partnership the follow-ups go to, else FREQ=MONTHLY;INTERVAL=3;COUNT=2:
 *   reconvene 3 and 6 months after the end.
 * - The end itself is never a follow-up; COUNT is the number of follow-ups
 *   after it. A follow-up rule must end (COUNT or UNTIL) and proposes at
 *   most 12 dates.
 * - Month ends land where a person expects: 3 months after 31 August is
 *   30 November, 6 months after 31 August 2027 is 29 February 2028 (see
 *   recurrence.ts for how).
 *
 * The service
 * - The follow-ups of an activity belong to the first of its partnerships
 *   (in the order they are listed) in which the caller may write, else the
 *   first the caller can see; their subject is the activity.
 * - Reading the proposal needs the activity to be visible (404 otherwise,
 *   activity-access.ts). Creating follow-ups needs a writing role in one of
 *   its partnerships (403) and the activity to be done (409 while planned
 *   or cancelled). Dates fall after the activity's end; a date that already
 *   has an open or done follow-up of this activity is a 409 naming it.
 * - The default owner is the activity's creator while they may own tasks
 *   of that partnership, else the caller.
 * - The partnership default rule is set by the partnership's admins and
 *   officers (and system administrators); it changes the partnership's
 *   version (If-Match with the partnership's ETag) and is audited on it.
 * - Completion rate: follow-ups of the partnership due in the year;
 *   cancelled ones are left out of the total; overdue are open ones past
 *   their due date today; rate = done / total (null without follow-ups).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { findPartnership, updatePartnership } from '../../../db/crm/partnerships.js';
import * as tasksRepo from '../../../db/activities/tasks.js';
import type { ActivityRow, Database } from '../../../db/schema.js';
import { findUser } from '../../../db/platform/users.js';
import { m } from '../../../i18n/paraglide-server/messages.js';
import { accountLanguage, Conflict, Forbidden, NotFound, PreconditionFailed, RuleProblem, ValidationFailed, addYears, canSeePartnership, canWriteIn, daysCanMatch, occurrences, parseRule, recordChange, render, withoutCount, words, type Caller, type FieldError, type PartnershipRole, type Words } from '../../platform/index.js';
import type { Locale } from '../../../i18n/locales.js';
import type { FollowUpCreate, FollowUpProposal, FollowUpRate, FollowUpRateQuery, FollowUpRule, FollowUpRuleSet, RuleSource } from '../schemas/follow-ups.js';
import type { Task } from '../schemas/tasks.js';
import { canWriteActivity, readableActivity, writableActivity } from './activity-access.js';
import { dayOf } from '../../crm/index.js';
import { assertOwnerAllowed, insertTaskAudited, presentTasks } from './tasks.js';
import { holdForWrite } from '../../../db/row-locks.js';

export const DEFAULT_FOLLOW_UP_RULE = 'FREQ=MONTHLY;INTERVAL=3;COUNT=2';
export const MAX_FOLLOW_UPS = 12;
/** how far ahead a follow-up rule is read */
const HORIZON_YEARS = 50;

const RULE_SETTERS: PartnershipRole[] = ['admin', 'officer'];
const TASK_OWNERS: PartnershipRole[] = ['admin', 'officer', 'editor'];

/** The calendar date of an instant in an IANA time zone. */
export function dateInZone(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Which rule applies: the activity's own, else the partnership's, else the default. */
export function chooseRule(activityRule: string | null, partnershipRule: string | null): { rule: string; source: RuleSource } {
  if (activityRule) return { rule: activityRule, source: 'activity' };
  if (partnershipRule) return { rule: partnershipRule, source: 'partnership' };
  return { rule: DEFAULT_FOLLOW_UP_RULE, source: 'default' };
}

/**
 * The follow-up dates a rule proposes after an activity that ended on
 * `endOn`; throws RuleProblem for a rule that cannot be used for follow-ups.
 */
export function followUpDates(ruleText: string, endOn: string): string[] {
  const rule = parseRule(ruleText);
  if (rule.count === null && rule.until === null) throw new RuleProblem('problems_followUp_needsEnd');
  if (rule.count !== null && rule.count > MAX_FOLLOW_UPS) throw new RuleProblem('problems_followUp_countTooHigh', { max: MAX_FOLLOW_UPS });
  if (!daysCanMatch(rule)) throw new RuleProblem('problems_followUp_neverFalls');
  // read at most HORIZON_YEARS ahead, also when UNTIL is further (e.g. 9999)
  const ahead = addYears(endOn, HORIZON_YEARS);
  const horizon = rule.until !== null && rule.until < ahead ? rule.until : ahead;
  const wanted = rule.count ?? MAX_FOLLOW_UPS + 1;
  const dates = occurrences(withoutCount(rule), endOn, horizon, wanted + 1)
    .filter((date) => date > endOn)
    .slice(0, wanted);
  if (dates.length > MAX_FOLLOW_UPS) throw new RuleProblem('problems_followUp_tooManyDates', { max: MAX_FOLLOW_UPS });
  if (!dates.length) throw new RuleProblem('problems_followUp_noDate');
  return dates;
}

/**
 * What is wrong with `rule` as a follow-up rule for an activity ending on
 * `endOn` (it must end, propose 1–12 dates after the end), or null: for
 * checking an activity's own rule where it is stored.
 */
export function followUpRuleProblem(rule: string, endOn: string): Words | null {
  try {
    followUpDates(rule, endOn);
    return null;
  } catch (error) {
    if (error instanceof RuleProblem) return error.words;
    throw error;
  }
}

/** The rule in stored form (upper-case, no `RRULE:`); a 400 at `path` when it cannot be used for follow-ups. */
export function checkedFollowUpRule(ruleText: string, path: string, endOn: string): { rule: string; dueDates: string[] } {
  try {
    return { rule: parseRule(ruleText).text, dueDates: followUpDates(ruleText, endOn) };
  } catch (error) {
    if (error instanceof RuleProblem) throw new ValidationFailed([{ path, ...error.words }]);
    throw error;
  }
}

/**
 * 409: the rule stored on the activity or its partnership cannot propose
 * follow-ups; the detail names the rule and says why, the why in the
 * reader's language too (the rule's own problem, rendered inside).
 */
class StoredRuleUnusable extends Conflict {
  constructor(
    private readonly source: RuleSource,
    private readonly rule: string,
    private readonly reason: Words
  ) {
    super(StoredRuleUnusable.say(source, rule, reason, 'en'));
  }

  private static say(source: RuleSource, rule: string, reason: Words, locale: Locale): Words {
    const params = { rule, reason: render(reason, locale) };
    return source === 'activity' ? words('problems_followUp_activityRuleUnusable', params) : words('problems_followUp_partnershipRuleUnusable', params);
  }

  override detailIn(locale: Locale): string {
    return render(StoredRuleUnusable.say(this.source, this.rule, this.reason, locale), locale);
  }
}

/** The partnership follow-ups of an activity go to: the first the caller may write in, else the first they can see. */
export function followUpPartnership(caller: Caller, partnershipIds: string[]): string | null {
  return partnershipIds.find((id) => canWriteIn(caller, id)) ?? partnershipIds.find((id) => canSeePartnership(caller, id)) ?? null;
}

interface Plan {
  activity: ActivityRow;
  partnershipIds: string[];
  partnershipId: string | null;
  endsOn: string;
  rule: string;
  source: RuleSource;
}

export class FollowUpService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  private today(): string {
    return dayOf(this.clock());
  }

  private async plan(db: Kysely<Database>, caller: Caller, found: { activity: ActivityRow; partnershipIds: string[] }): Promise<Plan> {
    const partnershipId = followUpPartnership(caller, found.partnershipIds);
    const partnership = partnershipId ? await findPartnership(db, partnershipId) : undefined;
    const { rule, source } = chooseRule(found.activity.follow_up_rule, partnership?.follow_up_rule ?? null);
    return { ...found, partnershipId, endsOn: dateInZone(found.activity.ends_at, found.activity.time_zone), rule, source };
  }

  /** The dates of the stored rule; a stored rule that cannot be used is a 409 saying where to fix it. */
  private storedRuleDates(plan: Plan): string[] {
    try {
      return followUpDates(plan.rule, plan.endsOn);
    } catch (error) {
      if (!(error instanceof RuleProblem)) throw error;
      throw new StoredRuleUnusable(plan.source, plan.rule, error.words);
    }
  }

  private async defaultOwner(db: Kysely<Database>, caller: Caller, plan: Plan): Promise<{ id: string; name: string } | null> {
    const creator = plan.activity.created_by;
    if (creator && plan.partnershipId) {
      const role = await tasksRepo.roleOfUser(db, creator, plan.partnershipId);
      if (role && TASK_OWNERS.includes(role as PartnershipRole)) {
        const user = await tasksRepo.userName(db, creator);
        if (user) return user;
      }
    }
    return { id: caller.userId, name: caller.name };
  }

  private async existing(db: Kysely<Database>, caller: Caller, activityId: string): Promise<Task[]> {
    return presentTasks(db, caller, await tasksRepo.followUpsOfActivity(db, activityId), this.today());
  }

  async proposal(caller: Caller, activityId: string): Promise<FollowUpProposal> {
    const plan = await this.plan(this.db, caller, await readableActivity(this.db, caller, activityId));
    return {
      activityId,
      activityTitle: plan.activity.title,
      activityStatus: plan.activity.status,
      endsOn: plan.endsOn,
      timeZone: plan.activity.time_zone,
      rule: plan.rule,
      ruleSource: plan.source,
      partnershipId: plan.partnershipId,
      dueDates: this.storedRuleDates(plan),
      defaultOwner: await this.defaultOwner(this.db, caller, plan),
      canCreate: plan.activity.status === 'done' && canWriteActivity(caller, plan.partnershipIds),
      existing: await this.existing(this.db, caller, activityId)
    };
  }

  async create(caller: Caller, activityId: string, input: FollowUpCreate): Promise<{ items: Task[] }> {
    return this.db.transaction().execute(async (trx) => {
      const plan = await this.plan(trx, caller, await writableActivity(trx, caller, activityId));
      if (plan.partnershipId && !canWriteIn(caller, plan.partnershipId)) throw new Forbidden('problems_followUp_roleForbids');
      if (plan.activity.status !== 'done') {
        throw new Conflict(words(plan.activity.status === 'cancelled' ? 'problems_followUp_activityCancelled' : 'problems_followUp_activityPlanned'), { errors: [{ path: '', ...words('problems_followUp_field_activityNotDone') }] });
      }
      const owner = input.ownerId ?? (await this.defaultOwner(trx, caller, plan))!.id;
      await assertOwnerAllowed(trx, caller, owner, plan.partnershipId);
      const dueDates = input.dueDates ?? (input.rule ? checkedFollowUpRule(input.rule, 'rule', plan.endsOn).dueDates : this.storedRuleDates(plan));
      const early = dueDates.flatMap((date, i): FieldError[] => (date <= plan.endsOn ? [{ path: `dueDates.${i}`, ...words('problems_followUp_field_beforeEnd', { end: plan.endsOn }) }] : []));
      if (early.length) throw new ValidationFailed(early);
      const taken = new Set((await tasksRepo.followUpsOfActivity(trx, activityId)).filter((t) => t.status !== 'cancelled').map((t) => t.due_on));
      const twice = dueDates.flatMap((date, i): FieldError[] => (taken.has(date) ? [{ path: input.dueDates ? `dueDates.${i}` : 'dueDates', ...words('problems_followUp_field_dateTaken', { date }) }] : []));
      if (twice.length) throw new Conflict(words('problems_followUp_someExist'), { errors: twice });
      const now = this.clock().toISOString();
      // the task speaks its owner's language (a title given by the writer stays as written)
      const locale = accountLanguage((await findUser(trx, owner))?.locale);
      const title = input.title ?? m.serverTasks_followUpTitle({ activity: plan.activity.title }, { locale });
      const rows = [];
      for (const [i, dueOn] of [...dueDates].sort().entries()) {
        rows.push(
          await insertTaskAudited(trx, caller, {
            kind: 'follow_up',
            title,
            description: m.serverTasks_followUpDescription({ activity: plan.activity.title, number: i + 1, count: dueDates.length }, { locale }),
            owner_id: owner,
            due_on: dueOn,
            rrule: null,
            partnership_id: plan.partnershipId,
            subject_type: 'activity',
            subject_id: activityId,
            created_by: caller.userId,
            created_at: now,
            updated_at: now
          })
        );
      }
      return { items: await presentTasks(trx, caller, rows, this.today()) };
    });
  }

  private async visiblePartnership(db: Kysely<Database>, caller: Caller, id: string) {
    const row = await findPartnership(db, id);
    if (!row || !canSeePartnership(caller, id)) throw new NotFound('partnership');
    return row;
  }

  private ruleView(partnershipId: string, rule: string, version: number): FollowUpRule {
    const today = this.today();
    let dueDates: string[] = [];
    try {
      dueDates = followUpDates(rule, today);
    } catch (error) {
      if (!(error instanceof RuleProblem)) throw error;
    }
    return { partnershipId, rule, version, example: { endsOn: today, dueDates } };
  }

  async rule(caller: Caller, partnershipId: string): Promise<FollowUpRule> {
    const row = await this.visiblePartnership(this.db, caller, partnershipId);
    return this.ruleView(row.id, row.follow_up_rule, row.version);
  }

  async setRule(caller: Caller, partnershipId: string, input: FollowUpRuleSet, expected: number | null): Promise<FollowUpRule> {
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'partnerships', partnershipId);
      const row = await this.visiblePartnership(trx, caller, partnershipId);
      if (!canWriteIn(caller, partnershipId, RULE_SETTERS)) throw new Forbidden('problems_followUp_ruleSetters');
      const current = this.ruleView(row.id, row.follow_up_rule, row.version);
      if (expected !== null && expected !== row.version) throw new PreconditionFailed(current);
      const { rule } = checkedFollowUpRule(input.rule, 'rule', this.today());
      if (rule === row.follow_up_rule) return current;
      const updated = await updatePartnership(trx, partnershipId, row.version, { follow_up_rule: rule, updated_at: this.clock().toISOString() });
      if (!updated) throw new PreconditionFailed(current);
      await recordChange(trx, caller, 'partnership', partnershipId, { followUpRule: row.follow_up_rule }, { followUpRule: rule });
      return this.ruleView(updated.id, updated.follow_up_rule, updated.version);
    });
  }

  async rate(caller: Caller, query: FollowUpRateQuery): Promise<FollowUpRate> {
    await this.visiblePartnership(this.db, caller, query.partnershipId);
    const tally = await tasksRepo.followUpTally(this.db, query.partnershipId, `${query.year}-01-01`, `${query.year}-12-31`, this.today());
    const total = tally.open + tally.done;
    return {
      partnershipId: query.partnershipId,
      year: query.year,
      total,
      done: tally.done,
      open: tally.open,
      overdue: tally.overdue,
      cancelled: tally.cancelled,
      rate: total === 0 ? null : tally.done / total
    };
  }
}
