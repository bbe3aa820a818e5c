/**
 * The two file forms of the EU Funding & Tenders Portal, read one record at a
 * time into one plain shape (`PortalTopic`). Pure: no database, no clock.
 *
 * - Bulk `grantsTenders.json`: `fundingData.GrantTenderObj[]`; dates are
 *   epoch milliseconds (`deadlineDatesLong`, several for two-stage and
 *   multiple cut-off topics, missing or empty for forthcoming ones;
 *   `plannedOpeningDateLong`); `status` is an object; the budget sits in
 *   `budgetOverviewJSONItem.budgetTopicActionMap`.
 * - Search API response: `results[].metadata`, every value wrapped in a
 *   list; dates as `2027-04-15T00:00:00.000+0000`; `status` a numeric code
 *   (31094501 forthcoming, 31094502 open, 31094503 closed);
 *   `frameworkProgramme` a numeric id; `budgetOverview` a JSON string to be
 *   parsed again.
 *
 * Rules:
 * - Only grant topics (`type` 1) are read; tenders and every other type are
 *   `skipped` with the reason. A record whose identifier, title or dates
 *   cannot be read is `invalid`, with the path inside the file and what
 *   is wrong as catalogue words (worded in the reader's language when the
 *   summary is written). Things that do not stop a record (an unreadable budget, an
 *   unknown deadline model) are `warnings`.
 * - The portal's status is kept for reference only (`portalStatus`); a
 *   call's status is derived from its dates elsewhere.
 * - A date without a time of day — a midnight value, in UTC or in Brussels
 *   (the portal writes both), or a bare `YYYY-MM-DD` — is a `date`; the
 *   import places it at the programme's usual cut-off (`deadlineAt`) and
 *   marks it assumed. A value with a real time keeps its instant.
 * - A deadline model that does not fit the number of deadlines (two-stage
 *   with one date) is read as the one that does, with a warning.
 * - `link` is the topic's page on the portal, built from the identifier
 *   (the search API's `url` points at a JSON document, not a page).
 */
import { DateTime } from 'luxon';
import { eachLanguage, render, words, type Words } from '../../platform/index.js';
import { type DeadlineModel, deadlineCountProblem, deadlineInstant, normaliseCutOff } from './call-dates.js';
import { plainTextOf } from './html-text.js';

export type { DeadlineModel };

export type PortalFormat = 'grants-tenders' | 'search-api';

/** The zone the portal publishes its dates in. */
export const PORTAL_ZONE = 'Europe/Brussels';

/** Where each form keeps its records, as a path inside the file. */
export const RECORDS_PATH: Record<PortalFormat, string> = {
  'grants-tenders': 'fundingData.GrantTenderObj',
  'search-api': 'results'
};

export type PortalStatus = 'forthcoming' | 'open' | 'closed';

/** A moment from the file: an instant, and the calendar date when the portal gave only a date. */
export interface PortalMoment {
  /** UTC, `…T…:…:….000Z` */
  instant: string;
  /** `YYYY-MM-DD` when no time of day was given, else null */
  date: string | null;
}

export interface PortalTopic {
  identifier: string;
  title: string;
  callIdentifier: string | null;
  callTitle: string | null;
  /** the framework programme as the file names it: numeric id and/or abbreviation */
  programme: { id: string | null; abbreviation: string | null };
  deadlineModel: DeadlineModel;
  /** ascending, without repeats; empty for a forthcoming topic */
  deadlines: PortalMoment[];
  opening: PortalMoment | null;
  actionType: string | null;
  budgetCents: number | null;
  expectedGrants: number | null;
  minContributionCents: number | null;
  maxContributionCents: number | null;
  keywords: string[];
  link: string;
  /** the portal's own word, for reference only: never decides a call's status */
  portalStatus: PortalStatus | null;
}

export interface RecordIssue {
  /** the record's position in its list */
  index: number;
  identifier: string | null;
  /** where in the file, e.g. `results.3.metadata.deadlineDate.0` */
  path: string;
  /** what is wrong, as catalogue words: worded in the reader's language when the summary is written */
  said: Words;
}

export type PortalOutcome =
  | { kind: 'topic'; index: number; topic: PortalTopic; warnings: RecordIssue[] }
  | ({ kind: 'skipped' | 'invalid' } & RecordIssue);

// ---------------------------------------------------------------- moments

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

function isMidnight(dt: DateTime): boolean {
  return dt.hour === 0 && dt.minute === 0 && dt.second === 0 && dt.millisecond === 0;
}

/**
 * The moment an instant stands for. Midnight in UTC, in the value's own
 * offset or in Brussels means "a date, no time".
 */
export function momentOf(dt: DateTime): PortalMoment {
  const utc = dt.toUTC();
  const instant = utc.toISO()!;
  for (const local of [dt, utc, dt.setZone(PORTAL_ZONE)]) if (isMidnight(local)) return { instant, date: local.toISODate()! };
  return { instant, date: null };
}

/** Epoch milliseconds (a number or a string of digits) as a moment, or null when it is not one. */
export function momentFromEpochMs(value: unknown): PortalMoment | null {
  const ms = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(ms) || ms < EARLIEST || ms >= LATEST) return null;
  return momentOf(DateTime.fromMillis(ms, { zone: 'utc' }));
}

/** `2027-04-15T00:00:00.000+0000`, `2027-04-15T17:00:00+02:00`, `…Z` or a bare `2027-04-15`, or null. */
export function momentFromText(value: unknown): PortalMoment | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = DateTime.fromISO(text, { zone: 'utc' });
    return day.isValid ? { instant: day.toISO()!, date: text } : null;
  }
  // an instant must say where it is: a bare local time would be a guess
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return null;
  const dt = DateTime.fromISO(text.replace(' ', 'T'), { setZone: true });
  if (!dt.isValid || dt.toMillis() < EARLIEST || dt.toMillis() >= LATEST) return null;
  return momentOf(dt);
}

export interface CutOff {
  /** `HH:MM` or `HH:MM:SS` */
  time: string;
  /** IANA zone */
  zone: string;
}

export const PORTAL_CUT_OFF: CutOff = { time: '17:00:00', zone: PORTAL_ZONE };

export interface ResolvedDeadline {
  position: number;
  /** UTC instant */
  at: string;
  zone: string;
  /** the file gave only a date: the programme's usual cut-off was assumed */
  assumed: boolean;
}

/** Where a moment lands as a deadline: a date at the cut-off in its zone (assumed), an instant as it is. */
export function deadlineAt(moment: PortalMoment, cutOff: CutOff): { at: string; zone: string; assumed: boolean } {
  if (moment.date === null) return { at: moment.instant, zone: cutOff.zone, assumed: false };
  const { at } = deadlineInstant(moment.date, cutOff.zone, normaliseCutOff(cutOff.time) ?? PORTAL_CUT_OFF.time);
  return { at, zone: cutOff.zone, assumed: true };
}

export function resolveDeadlines(moments: PortalMoment[], cutOff: CutOff): ResolvedDeadline[] {
  const resolved = moments.map((m) => deadlineAt(m, cutOff)).sort((a, b) => a.at.localeCompare(b.at));
  const once = resolved.filter((d, i) => i === 0 || d.at !== resolved[i - 1]!.at);
  return once.map((d, position) => ({ position, ...d }));
}

/** The model that fits the number of deadlines (the calls API refuses a two-stage call with three deadlines). */
export function fittedModel(model: DeadlineModel, count: number): DeadlineModel {
  if (!deadlineCountProblem(model, count)) return model;
  return count === 1 ? 'single_stage' : 'multiple_cut_off';
}

const MODEL_WORDS = {
  single_stage: 'problems_funding_import_model_single_stage',
  two_stage: 'problems_funding_import_model_two_stage',
  multiple_cut_off: 'problems_funding_import_model_multiple_cut_off'
} as const;

/** A deadline model as a sentence names it ("two stage"), in each language. */
function modelWords(model: DeadlineModel) {
  return eachLanguage((locale) => render(words(MODEL_WORDS[model]), locale));
}

// ---------------------------------------------------------------- programmes

/** Framework programme ids of the search API, for when the identifier's prefix names no programme. */
const PORTAL_PROGRAMME_IDS: Record<string, string> = { '43108390': 'HORIZON' };

/**
 * Finds a topic's programme in the catalogue: the longest programme code
 * the identifier starts with (`HORIZON-JTI-CLEANH2-2027-01-02` → the Clean
 * Hydrogen Partnership, `LIFE-2027-…` → LIFE), else the framework programme
 * the file names (`HORIZON`, `ERASMUS2027` → ERASMUS, id 43108390 →
 * HORIZON). Null when neither is in the catalogue.
 */
export function programmeMatcher<P extends { code: string }>(catalogue: P[]): (topic: PortalTopic) => P | null {
  const byCode = new Map(catalogue.map((p) => [p.code.toUpperCase(), p]));
  return (topic) => {
    const segments = topic.identifier.toUpperCase().split('-');
    for (let n = segments.length; n >= 1; n--) {
      const hit = byCode.get(segments.slice(0, n).join('-'));
      if (hit) return hit;
    }
    const id = topic.programme.id;
    for (const name of [topic.programme.abbreviation, id ? PORTAL_PROGRAMME_IDS[id] : null]) {
      if (!name) continue;
      const upper = name.toUpperCase();
      const hit = byCode.get(upper) ?? byCode.get(upper.replace(/\d+$/, ''));
      if (hit) return hit;
    }
    return null;
  };
}

/** How a warning names the framework programme of a topic: `EDF (44181033)`. */
export function programmeName(topic: PortalTopic): string {
  const { id, abbreviation } = topic.programme;
  const name = abbreviation ?? topic.identifier.split('-')[0]!;
  return id ? `${name} (${id})` : name;
}

// ---------------------------------------------------------------- small readers

/** Trimmed text with HTML references decoded (the portal escapes its titles) and runs of white space folded, or null when empty. */
function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const folded = plainTextOf(value).replace(/\s+/g, ' ').trim();
  return folded === '' ? null : folded;
}

function number(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

export function deadlineModelOf(value: string | null): DeadlineModel | null {
  if (value === null) return null;
  const key = value.toLowerCase().replace(/[^a-z0-9]+/g, '');
  if (key === 'singlestage') return 'single_stage';
  if (key === 'twostage') return 'two_stage';
  if (key === 'multiplecutoff' || key === 'multiplecutoffs') return 'multiple_cut_off';
  return null;
}

/** Status codes of the search API and words of the bulk file, kept for reference only. */
export function portalStatusOf(value: unknown): PortalStatus | null {
  const word = text(value)?.toLowerCase() ?? null;
  if (word === '31094501' || word === 'forthcoming') return 'forthcoming';
  if (word === '31094502' || word === 'open') return 'open';
  if (word === '31094503' || word === 'closed') return 'closed';
  return null;
}

export function topicLink(identifier: string): string {
  return `https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/${encodeURIComponent(identifier.toLowerCase())}`;
}

/** Keywords and tags together, each once (the first spelling wins). */
function keywordsOf(...lists: unknown[][]): string[] {
  const seen = new Map<string, string>();
  for (const value of lists.flat()) {
    const word = text(value);
    if (word && word.length <= 200 && !seen.has(word.toLowerCase())) seen.set(word.toLowerCase(), word);
  }
  return [...seen.values()];
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

const cents = (eur: number | null) => (eur === null ? null : Math.round(eur * 100));

// ---------------------------------------------------------------- budget

interface Budget {
  budgetCents: number | null;
  expectedGrants: number | null;
  minContributionCents: number | null;
  maxContributionCents: number | null;
}

const NO_BUDGET: Budget = { budgetCents: null, expectedGrants: null, minContributionCents: null, maxContributionCents: null };

/**
 * The topic's share of a `budgetTopicActionMap`, which covers the whole call
 * keyed by topic (ccm2 id): the entries under the topic's own key, else
 * those whose `action` starts with its identifier, else the only entry.
 */
export function budgetOf(overview: unknown, identifier: string, ccm2Id: string | null): { budget: Budget; problem: Words | null } {
  if (overview === undefined || overview === null) return { budget: NO_BUDGET, problem: null };
  const map = typeof overview === 'object' ? (overview as { budgetTopicActionMap?: unknown }).budgetTopicActionMap : undefined;
  if (map === undefined || map === null) return { budget: NO_BUDGET, problem: null };
  if (typeof map !== 'object' || Array.isArray(map)) return { budget: NO_BUDGET, problem: words('problems_funding_import_budgetMapNotObject') };
  const entries = Object.entries(map as Record<string, unknown>);
  const actionsOf = (value: unknown) => list(value).filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null);
  const byKey = ccm2Id !== null ? entries.filter(([key]) => key === ccm2Id) : [];
  let actions = byKey.flatMap(([, value]) => actionsOf(value));
  if (!actions.length) {
    const prefix = identifier.toUpperCase();
    actions = entries.flatMap(([, value]) => actionsOf(value)).filter((a) => (text(a.action) ?? '').toUpperCase().startsWith(prefix));
  }
  if (!actions.length && entries.length === 1) actions = actionsOf(entries[0]![1]);
  if (!actions.length) return { budget: NO_BUDGET, problem: entries.length ? words('problems_funding_import_budgetNoAction') : null };

  let total: number | null = null;
  let grants: number | null = null;
  let min: number | null = null;
  let max: number | null = null;
  for (const action of actions) {
    const years = action.budgetYearMap;
    if (years !== undefined && years !== null) {
      if (typeof years !== 'object') return { budget: NO_BUDGET, problem: words('problems_funding_import_budgetYearsNotObject') };
      for (const [year, amount] of Object.entries(years as Record<string, unknown>)) {
        const value = number(amount);
        if (value === null || value < 0) return { budget: NO_BUDGET, problem: words('problems_funding_import_budgetYearNotAmount', { year }) };
        total = (total ?? 0) + value;
      }
    }
    const expected = number(action.expectedGrants);
    if (expected !== null && expected >= 0) grants = (grants ?? 0) + Math.round(expected);
    const low = number(action.minContribution);
    if (low !== null && low >= 0) min = min === null ? low : Math.min(min, low);
    const high = number(action.maxContribution);
    if (high !== null && high >= 0) max = max === null ? high : Math.max(max, high);
  }
  return { budget: { budgetCents: cents(total), expectedGrants: grants, minContributionCents: cents(min), maxContributionCents: cents(max) }, problem: null };
}

// ---------------------------------------------------------------- one record

interface Fields {
  type: unknown;
  typePath: string;
  identifier: unknown;
  identifierPath: string;
  title: unknown;
  titlePath: string;
  callIdentifier: unknown;
  callTitle: unknown;
  ccm2Id: unknown;
  status: unknown;
  programmeId: unknown;
  programmeAbbreviation: unknown;
  deadlineModel: unknown;
  deadlineModelPath: string;
  /** each value with its path */
  deadlines: { value: unknown; path: string }[];
  readDeadline: (value: unknown) => PortalMoment | null;
  opening: { value: unknown; path: string } | null;
  readOpening: (value: unknown) => PortalMoment | null;
  actionType: unknown;
  keywords: unknown[];
  tags: unknown[];
  budget: unknown;
  budgetPath: string;
}

function outcome(index: number, base: string, f: Fields): PortalOutcome {
  const identifier = text(f.identifier);
  const issue = (kind: 'skipped' | 'invalid', path: string, said: Words): PortalOutcome => ({
    kind,
    index,
    identifier,
    path: `${base}.${path}`,
    said
  });

  const typeText = text(f.type);
  if (typeText === null) return issue('invalid', f.typePath, words('problems_funding_import_noType'));
  if (typeText !== '1') {
    return issue('skipped', f.typePath, typeText === '2' ? words('problems_funding_import_tender') : words('problems_funding_import_otherType', { type: typeText }));
  }
  if (identifier === null) return issue('invalid', f.identifierPath, words('problems_funding_import_noIdentifier'));
  if (identifier.length > 200) return issue('invalid', f.identifierPath, words('problems_funding_import_identifierTooLong', { max: 200 }));
  const title = text(f.title);
  if (title === null) return issue('invalid', f.titlePath, words('problems_funding_import_noTitle'));

  const deadlines: PortalMoment[] = [];
  for (const { value, path } of f.deadlines) {
    const moment = f.readDeadline(value);
    if (!moment) return issue('invalid', path, words('problems_funding_import_notDeadline', { value: JSON.stringify(value) }));
    deadlines.push(moment);
  }
  deadlines.sort((a, b) => a.instant.localeCompare(b.instant));
  const distinct = deadlines.filter((d, i) => i === 0 || d.instant !== deadlines[i - 1]!.instant);

  let opening: PortalMoment | null = null;
  if (f.opening && f.opening.value !== null && f.opening.value !== undefined && f.opening.value !== '') {
    opening = f.readOpening(f.opening.value);
    if (!opening) return issue('invalid', f.opening.path, words('problems_funding_import_notOpening', { value: JSON.stringify(f.opening.value) }));
  }

  const warnings: RecordIssue[] = [];
  const modelText = text(f.deadlineModel);
  let deadlineModel: DeadlineModel | null = deadlineModelOf(modelText);
  if (deadlineModel === null) {
    deadlineModel = distinct.length > 1 ? 'multiple_cut_off' : 'single_stage';
    if (modelText !== null) {
      warnings.push({
        index,
        identifier,
        path: `${base}.${f.deadlineModelPath}`,
        said: words('problems_funding_import_unknownModel', { model: modelText, readAs: modelWords(deadlineModel) })
      });
    }
  }

  const fitted = fittedModel(deadlineModel, distinct.length);
  if (fitted !== deadlineModel) {
    warnings.push({
      index,
      identifier,
      path: `${base}.${f.deadlineModelPath}`,
      said: words('problems_funding_import_modelMismatch', { count: distinct.length, model: modelWords(deadlineModel), readAs: modelWords(fitted) })
    });
    deadlineModel = fitted;
  }

  const { budget, problem } = budgetOf(f.budget, identifier, text(f.ccm2Id));
  if (problem) warnings.push({ index, identifier, path: `${base}.${f.budgetPath}`, said: problem });

  return {
    kind: 'topic',
    index,
    warnings,
    topic: {
      identifier,
      title: title.slice(0, 500),
      callIdentifier: text(f.callIdentifier),
      callTitle: text(f.callTitle),
      programme: { id: text(f.programmeId), abbreviation: text(f.programmeAbbreviation) },
      deadlineModel,
      deadlines: distinct,
      opening,
      actionType: text(f.actionType),
      ...budget,
      keywords: keywordsOf(f.keywords, f.tags),
      link: topicLink(identifier),
      portalStatus: portalStatusOf(f.status)
    }
  };
}

function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function notAnObject(index: number, path: string, identifier: string | null = null): PortalOutcome {
  return { kind: 'invalid', index, identifier, path, said: words('problems_funding_import_notAnObject') };
}

/** One entry of `fundingData.GrantTenderObj`. */
export function readGrantsTendersRecord(raw: unknown, index: number): PortalOutcome {
  const base = `${RECORDS_PATH['grants-tenders']}.${index}`;
  const r = asObject(raw);
  if (!r) return notAnObject(index, base);
  const programme = asObject(r.frameworkProgramme) ?? {};
  const status = asObject(r.status)?.abbreviation ?? r.status;
  const typesOfAction = list(r.typesOfAction).map((t) => (typeof t === 'object' && t !== null ? (t as Record<string, unknown>).typeOfAction : t));
  if (r.deadlineDatesLong !== undefined && r.deadlineDatesLong !== null && !Array.isArray(r.deadlineDatesLong)) {
    return { kind: 'invalid', index, identifier: text(r.identifier), path: `${base}.deadlineDatesLong`, said: words('problems_funding_import_deadlinesNotList') };
  }
  return outcome(index, base, {
    type: r.type,
    typePath: 'type',
    identifier: r.identifier,
    identifierPath: 'identifier',
    title: r.title,
    titlePath: 'title',
    callIdentifier: r.callIdentifier,
    callTitle: r.callTitle,
    ccm2Id: r.ccm2Id,
    status,
    programmeId: programme.id,
    programmeAbbreviation: programme.abbreviation,
    deadlineModel: r.deadlineModel,
    deadlineModelPath: 'deadlineModel',
    deadlines: list(r.deadlineDatesLong).map((value, i) => ({ value, path: `deadlineDatesLong.${i}` })),
    readDeadline: momentFromEpochMs,
    opening: { value: r.plannedOpeningDateLong, path: 'plannedOpeningDateLong' },
    readOpening: momentFromEpochMs,
    actionType: typesOfAction[0],
    keywords: list(r.keywords),
    tags: list(r.tags),
    budget: r.budgetOverviewJSONItem,
    budgetPath: 'budgetOverviewJSONItem'
  });
}

/** The first value of a list-wrapped metadata field (a bare value is taken as it is). */
function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** One entry of the search API's `results`. */
export function readSearchApiRecord(raw: unknown, index: number): PortalOutcome {
  const base = `${RECORDS_PATH['search-api']}.${index}`;
  const r = asObject(raw);
  if (!r) return notAnObject(index, base);
  const m = asObject(r.metadata);
  if (!m) return { kind: 'invalid', index, identifier: text(r.reference), path: `${base}.metadata`, said: words('problems_funding_import_noMetadata') };
  const warnings: RecordIssue[] = [];
  let budget: unknown = first(m.budgetOverview);
  if (typeof budget === 'string') {
    try {
      budget = JSON.parse(budget);
    } catch {
      warnings.push({ index, identifier: text(first(m.identifier)), path: `${base}.metadata.budgetOverview.0`, said: words('problems_funding_import_budgetNotJson') });
      budget = null;
    }
  }
  const result = outcome(index, base, {
    type: first(m.type),
    typePath: 'metadata.type.0',
    identifier: first(m.identifier),
    identifierPath: 'metadata.identifier.0',
    title: first(m.title) ?? r.title,
    titlePath: 'metadata.title.0',
    callIdentifier: first(m.callIdentifier),
    callTitle: first(m.callTitle),
    ccm2Id: first(m.ccm2Id),
    status: first(m.status),
    programmeId: first(m.frameworkProgramme),
    programmeAbbreviation: null,
    deadlineModel: first(m.deadlineModel),
    deadlineModelPath: 'metadata.deadlineModel.0',
    deadlines: list(m.deadlineDate).map((value, i) => ({ value, path: `metadata.deadlineDate.${i}` })),
    readDeadline: momentFromText,
    opening: { value: first(m.startDate), path: 'metadata.startDate.0' },
    readOpening: momentFromText,
    actionType: first(m.typesOfAction),
    keywords: list(m.keywords),
    tags: list(m.tags),
    budget,
    budgetPath: 'metadata.budgetOverview.0'
  });
  if (result.kind === 'topic') result.warnings.unshift(...warnings);
  return result;
}

export function readRecord(format: PortalFormat, raw: unknown, index: number): PortalOutcome {
  return format === 'grants-tenders' ? readGrantsTendersRecord(raw, index) : readSearchApiRecord(raw, index);
}
