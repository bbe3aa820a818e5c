/**
 * Matchmaking: which stakeholders of the two (or more) partner regions are
 * worth bringing together, and why. Participants asked for matchmaking in
 * the 2017–2020 evaluation; the same evaluation warns that exchanges fail
 * when the two sides' maturity on a topic differs too much.
 *
 * Who is paired (one rule, `pairsAcross`, for the three ways to ask)
 * - The partner regions are the regions of the parties of the partnership
 *   (for an activity: of those of its partnerships the caller can see), in
 *   party order, or two regions chosen on the matchmaking page; a pair joins
 *   an organisation of an earlier region (A) with one of a later region (B).
 *   The parties themselves (the administrations that organise the
 *   cooperation: of the partnership, or for two regions of any partnership
 *   there) are not suggested.
 *
 * An introduction (`introduce`) turns a pair into a task: "Introduce A and
 * B", naming their regions and shared domains, about organisation A, in the
 * owner's account language, of the partnership given (its owner any member
 * who may own its tasks, task-owners.ts) or personal (the caller's); due in
 * two weeks unless a day is given. Both organisations must be visible to
 * the caller (400 at the field otherwise). The task service checks and
 * audits it as any task.
 * - Both must be visible to the caller and share at least one of the wanted
 *   domains (for an activity: its domains, unless `domains` is given; none
 *   at all means any shared domain counts). Domains of partnerships the
 *   caller cannot see are ignored.
 *
 * Contact, counted only from what the caller may see
 * - Joint contact: the last activity (ended, not cancelled) both took part
 *   in, not excused or absent. Within the last N months it is `recent`;
 *   earlier it is `worth_renewing`; never is `never_met`.
 * - Contact with each side: the later of its last interaction (on the
 *   organisation or its people) and its last activity.
 *
 * The score (rankPairs; hand-checkable)
 * - each shared domain: 10 points when the maturity levels are at most one
 *   apart, 2 points when they differ by more (flagged: `gapTooLarge`);
 * - never met: +5; worth renewing: +8; met recently: −10;
 * - each side we were in touch with in the last N months: +2 (a warm
 *   introduction is easier);
 * - ranked by score, then by the number of shared domains, then by names.
 * Every point comes with a sentence in `reasons`, in the caller's (account's)
 * language (the catalogue's `serverWords`).
 */
import { BASE_LOCALE, type Locale, TAGS } from '../../../i18n/locales.js';
import { m } from '../../../i18n/paraglide-server/messages.js';
import type { DB } from '../../../db/connection.js';
import { findDomains } from '../../../db/crm/domains.js';
import * as repo from '../../../db/activities/matchmaking.js';
import { domainsOfOrganisations } from '../../../db/crm/organisations.js';
import { findPartnership, partiesOf } from '../../../db/crm/partnerships.js';
import { NotFound, ValidationFailed, accountLanguage, canSeePartnership, dayIn, scopeOf, unknownReference, words, type Caller } from '../../platform/index.js';
import type { ContactState, IntroductionCreate, MatchmakingQuery, MatchmakingResult, MatchSuggestion } from '../schemas/matchmaking.js';
import type { Task } from '../schemas/tasks.js';
import { findVisibleOrganisation } from '../../../db/crm/organisations.js';
import { findUser } from '../../../db/platform/users.js';
import type { TaskService } from './tasks.js';
import { readableActivity } from './activity-access.js';
import { addDays, addMonths, assertDomainsUsable, dayOf } from '../../crm/index.js';
import { dateInZone } from './follow-ups.js';

export const POINTS = {
  compatibleDomain: 10,
  distantDomain: 2,
  neverMet: 5,
  worthRenewing: 8,
  metRecently: -10,
  warmSide: 2
} as const;

/** More than this many maturity levels apart, an exchange is likely to fail. */
export const MAX_MATURITY_GAP = 1;

export interface Candidate {
  id: string;
  name: string;
  kind: string;
  regionId: string;
  regionName: string;
  /** domain id → maturity 1–5 */
  maturity: Record<string, number>;
  /** last contact with us, `YYYY-MM-DD` */
  lastContactOn: string | null;
}

export interface JointContact {
  on: string;
  activityId: string;
  activityTitle: string;
}

export interface PairInput {
  candidates: Candidate[];
  /** the partner regions in order: A before B */
  regionOrder: string[];
  /** wanted domains; empty = any shared domain */
  domainIds: string[];
  jointContact: (a: string, b: string) => JointContact | null;
  today: string;
  months: number;
  /** a domain's name for the reasons, in `locale` */
  domainName: (domainId: string) => string;
  /** the language the reasons are written in (the caller's account's); English when not given */
  locale?: Locale;
}

export interface RankedPair {
  a: Candidate;
  b: Candidate;
  sharedDomains: { domainId: string; maturityA: number; maturityB: number; gap: number; gapTooLarge: boolean }[];
  maturityGap: number;
  maturityWarning: boolean;
  lastJointContact: JointContact | null;
  contact: ContactState;
  score: number;
  reasons: string[];
}

/** Words joined as a person writes them in `locale`: "a, b and c", "a, b und c", "a, b en c". */
export function list(items: string[], locale: Locale = BASE_LOCALE): string {
  return new Intl.ListFormat(TAGS[locale], { style: 'long', type: 'conjunction' }).format(items);
}

/** Scores one pair, or null when they share none of the wanted domains. */
export function scorePair(a: Candidate, b: Candidate, input: Omit<PairInput, 'candidates' | 'regionOrder'>): RankedPair | null {
  const wanted = input.domainIds.length ? input.domainIds : Object.keys(a.maturity);
  const sharedDomains = wanted
    .filter((d, i) => wanted.indexOf(d) === i && a.maturity[d] !== undefined && b.maturity[d] !== undefined)
    .map((domainId) => {
      const maturityA = a.maturity[domainId]!;
      const maturityB = b.maturity[domainId]!;
      const gap = Math.abs(maturityA - maturityB);
      return { domainId, maturityA, maturityB, gap, gapTooLarge: gap > MAX_MATURITY_GAP };
    });
  if (!sharedDomains.length) return null;
  const since = addMonths(input.today, -input.months);
  const reasons: string[] = [];
  let score = 0;

  const close = sharedDomains.filter((d) => !d.gapTooLarge);
  const distant = sharedDomains.filter((d) => d.gapTooLarge);
  const locale = input.locale ?? BASE_LOCALE;
  const at = { locale };
  const levels = (d: RankedPair['sharedDomains'][number]) => m.serverWords_matchmaking_domainLevels({ domain: input.domainName(d.domainId), a: d.maturityA, b: d.maturityB }, at);
  if (close.length) {
    score += close.length * POINTS.compatibleDomain;
    reasons.push(m.serverWords_matchmaking_share({ domains: list(close.map(levels), locale) }, at));
  }
  if (distant.length) {
    score += distant.length * POINTS.distantDomain;
    reasons.push(m.serverWords_matchmaking_distant({ domains: list(distant.map(levels), locale) }, at));
  }

  const joint = input.jointContact(a.id, b.id);
  let contact: ContactState;
  if (!joint) {
    contact = 'never_met';
    score += POINTS.neverMet;
    reasons.push(m.serverWords_matchmaking_neverMet({ a: a.name, b: b.name }, at));
  } else if (joint.on < since) {
    contact = 'worth_renewing';
    score += POINTS.worthRenewing;
    reasons.push(m.serverWords_matchmaking_worthRenewing({ title: joint.activityTitle, date: dayIn(locale, joint.on), months: input.months }, at));
  } else {
    contact = 'recent';
    score += POINTS.metRecently;
    reasons.push(m.serverWords_matchmaking_recent({ title: joint.activityTitle, date: dayIn(locale, joint.on) }, at));
  }
  for (const side of [a, b]) {
    if (side.lastContactOn && side.lastContactOn >= since) {
      score += POINTS.warmSide;
      reasons.push(m.serverWords_matchmaking_warm({ name: side.name, date: dayIn(locale, side.lastContactOn) }, at));
    } else {
      reasons.push(m.serverWords_matchmaking_cold({ name: side.name, months: input.months }, at));
    }
  }

  const maturityGap = Math.min(...sharedDomains.map((d) => d.gap));
  return { a, b, sharedDomains, maturityGap, maturityWarning: maturityGap > MAX_MATURITY_GAP, lastJointContact: joint, contact, score, reasons };
}

/** Every pair across the partner regions that shares a wanted domain, best first. */
export function rankPairs(input: PairInput): RankedPair[] {
  const rank = new Map(input.regionOrder.map((id, i) => [id, i]));
  const pairs: RankedPair[] = [];
  for (const a of input.candidates) {
    for (const b of input.candidates) {
      const ra = rank.get(a.regionId);
      const rb = rank.get(b.regionId);
      if (ra === undefined || rb === undefined || ra >= rb) continue;
      const pair = scorePair(a, b, input);
      if (pair) pairs.push(pair);
    }
  }
  return pairs.sort(
    (x, y) => y.score - x.score || y.sharedDomains.length - x.sharedDomains.length || x.a.name.localeCompare(y.a.name) || x.b.name.localeCompare(y.b.name) || x.a.id.localeCompare(y.a.id) || x.b.id.localeCompare(y.b.id)
  );
}

function latest(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a > b ? a : b;
}

/** Days from today an introduction is due when no day is given. */
export const INTRODUCTION_DAYS = 14;

export class MatchmakingService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date(),
    private readonly tasks: TaskService | null = null
  ) {}

  async suggest(caller: Caller, query: MatchmakingQuery): Promise<MatchmakingResult> {
    let partnershipIds: string[];
    let domainIds: string[];
    let regions: { id: string; name: string }[];
    let excluded: Set<string>;
    if (query.regionIds) {
      const found = new Map((await repo.regionsNamed(this.db, query.regionIds)).map((r) => [r.id, r]));
      query.regionIds.forEach((id, i) => {
        if (!found.has(id)) throw unknownReference(`query.regionIds.${i}`, 'region');
      });
      regions = query.regionIds.map((id) => found.get(id)!);
      partnershipIds = [];
      domainIds = query.domains ?? [];
      excluded = await repo.partyOrganisationsIn(this.db, query.regionIds);
    } else {
      if (query.activityId) {
        const found = await readableActivity(this.db, caller, query.activityId);
        partnershipIds = found.partnershipIds.filter((id) => canSeePartnership(caller, id));
        if (query.partnershipId) {
          if (!partnershipIds.includes(query.partnershipId)) throw new NotFound('partnership');
          partnershipIds = [query.partnershipId];
        }
        domainIds = query.domains ?? (await repo.domainsOfActivity(this.db, query.activityId));
      } else {
        const id = query.partnershipId!;
        if (!canSeePartnership(caller, id) || !(await findPartnership(this.db, id))) throw new NotFound('partnership');
        partnershipIds = [id];
        domainIds = query.domains ?? [];
      }
      const parties = await partiesOf(this.db, partnershipIds);
      regions = [...new Map(parties.map((p) => [p.region_id, { id: p.region_id, name: p.region_name }])).values()];
      excluded = new Set(parties.map((p) => p.organisation_id));
    }
    if (query.domains) await assertDomainsUsable(this.db, caller, query.domains, 'query.domains');
    const { ranked, labels } = await this.pairsAcross(caller, regions, excluded, domainIds, query.months);

    const side = (c: Candidate) => ({ id: c.id, name: c.name, kind: c.kind, regionId: c.regionId, regionName: c.regionName, lastContactOn: c.lastContactOn });
    const items: MatchSuggestion[] = ranked.slice(0, query.limit).map((p) => ({
      organisationA: side(p.a),
      organisationB: side(p.b),
      sharedDomains: p.sharedDomains.map((d) => ({ ...d, labels: labels.get(d.domainId) ?? { en: d.domainId, de: d.domainId, nl: d.domainId } })),
      maturityGap: p.maturityGap,
      maturityWarning: p.maturityWarning,
      lastJointContact: p.lastJointContact,
      contact: p.contact,
      score: p.score,
      reasons: p.reasons
    }));
    return { activityId: query.activityId ?? null, partnershipIds, regions, domainIds, months: query.months, items };
  }

  /** The one rule: every pair of visible organisations across the regions (in order), but for `excluded`, that shares a wanted domain, ranked. */
  private async pairsAcross(caller: Caller, regions: { id: string; name: string }[], excluded: Set<string>, domainIds: string[], months: number) {
    const scope = scopeOf(caller);
    const organisations = (await repo.organisationsInRegions(this.db, scope, regions.map((r) => r.id))).filter((o) => !excluded.has(o.id));
    const ids = organisations.map((o) => o.id);

    const domainRows = (await domainsOfOrganisations(this.db, ids)).filter((d) => d.partnership_id === null || canSeePartnership(caller, d.partnership_id));
    const now = this.clock();
    const until = now.toISOString();
    const interactions = await repo.lastInteractions(this.db, scope, ids, until);
    const attended = new Map<string, Map<string, JointContact>>();
    for (const p of await repo.participations(this.db, scope, ids, until)) {
      const byActivity = attended.get(p.organisation_id) ?? new Map<string, JointContact>();
      byActivity.set(p.activity_id, { on: dateInZone(p.ends_at, p.time_zone), activityId: p.activity_id, activityTitle: p.title });
      attended.set(p.organisation_id, byActivity);
    }
    const candidates: Candidate[] = organisations.map((o) => {
      const activities = [...(attended.get(o.id)?.values() ?? [])];
      const lastActivity = activities.reduce<string | null>((last, a) => latest(last, a.on), null);
      return {
        id: o.id,
        name: o.name,
        kind: o.kind,
        regionId: o.region_id!,
        regionName: o.region_name,
        maturity: Object.fromEntries(domainRows.filter((d) => d.organisation_id === o.id).map((d) => [d.domain_id, d.maturity])),
        lastContactOn: latest(interactions.get(o.id)?.slice(0, 10), lastActivity)
      };
    });
    const jointContact = (a: string, b: string): JointContact | null => {
      const mine = attended.get(a);
      const theirs = attended.get(b);
      if (!mine || !theirs) return null;
      let best: JointContact | null = null;
      for (const [activityId, contact] of mine) if (theirs.has(activityId) && (!best || contact.on > best.on)) best = contact;
      return best;
    };

    const labels = new Map(domainRows.map((d) => [d.domain_id, { en: d.label_en, de: d.label_de, nl: d.label_nl }]));
    for (const d of await findDomains(this.db, domainIds.filter((id) => !labels.has(id)))) labels.set(d.id, { en: d.label_en, de: d.label_de, nl: d.label_nl });
    const ranked = rankPairs({
      candidates,
      regionOrder: regions.map((r) => r.id),
      domainIds,
      jointContact,
      today: dayOf(now),
      months,
      domainName: (id) => labels.get(id)?.[caller.locale ?? BASE_LOCALE] ?? id,
      locale: caller.locale
    });
    return { ranked, labels };
  }

  /** Makes the task of introducing a pair to each other. */
  async introduce(caller: Caller, input: IntroductionCreate): Promise<Task> {
    if (!this.tasks) throw new Error('MatchmakingService needs the task service to make introductions');
    if (input.organisationAId === input.organisationBId) throw new ValidationFailed([{ path: 'organisationBId', ...words('problems_matchmaking_field_samePair') }]);
    const scope = scopeOf(caller);
    const [a, b] = await Promise.all([findVisibleOrganisation(this.db, scope, input.organisationAId), findVisibleOrganisation(this.db, scope, input.organisationBId)]);
    if (!a) throw unknownReference('organisationAId', 'organisation');
    if (!b) throw unknownReference('organisationBId', 'organisation');
    if (input.domainIds.length) await assertDomainsUsable(this.db, caller, input.domainIds, 'domainIds');
    const ownerId = input.ownerId ?? caller.userId;
    const locale = accountLanguage((await findUser(this.db, ownerId))?.locale ?? caller.locale);
    const domains = (await findDomains(this.db, input.domainIds)).map((d) => (locale === 'de' ? d.label_de : locale === 'nl' ? d.label_nl : d.label_en));
    const named = (name: string, region: string | null) => (region ? m.tasks_introduction_organisationIn({ name, region }, { locale }) : name);
    const pair = { a: named(a.name, a.region_name), b: named(b.name, b.region_name) };
    const description = [
      domains.length ? m.tasks_introduction_descriptionDomains({ ...pair, domains: domains.join(', ') }, { locale }) : m.tasks_introduction_description(pair, { locale }),
      m.tasks_introduction_how({}, { locale })
    ].join('\n');
    return this.tasks.create(caller, {
      kind: 'other',
      title: m.tasks_introduction_title({ a: a.name, b: b.name }, { locale }).slice(0, 300),
      description,
      ownerId,
      dueOn: input.dueOn ?? addDays(dayOf(this.clock()), INTRODUCTION_DAYS),
      rrule: null,
      partnershipId: input.partnershipId,
      subjectType: 'organisation',
      subjectId: a.id
    });
  }
}
