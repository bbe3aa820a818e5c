/**
 * A call as its form holds it (strings, one date and one time input per
 * deadline) and the body the API reads from it. An assumed deadline (only
 * a date was published) goes back as a date alone, so it stays assumed,
 * until a person changes its time or confirms it.
 */
import type { z } from 'zod';
import type { Call, CallCreate, DeadlineModel } from '$api/funding/schemas/calls';
import type { Locale } from '$lib/i18n/index.js';
import { splitEntries } from '$lib/crm/entries.js';
import { rateForApi, rateForInput } from '$lib/programmes/catalogue.js';
import { amountForApi, amountForInput } from '$lib/ui/money.js';
import { wallParts } from './times.js';

export const DEADLINE_MODELS = ['single_stage', 'two_stage', 'multiple_cut_off'] as const satisfies readonly DeadlineModel[];

export interface DeadlineRow {
  /** stable key for the editor's list */
  key: string;
  label: string;
  date: string;
  time: string;
  zone: string;
  /** stored as assumed: only a date was known */
  assumed: boolean;
  /** the person confirms the assumed time as it stands */
  confirmed: boolean;
  /** the row as loaded, to tell whether it was touched */
  original: { date: string; time: string; zone: string } | null;
}

export interface CallValues {
  identifier: string;
  title: string;
  programmeId: string;
  actionType: string;
  deadlineModel: DeadlineModel;
  deadlines: DeadlineRow[];
  openingDate: string;
  openingTime: string;
  budget: string;
  expectedGrants: string;
  minContribution: string;
  maxContribution: string;
  cofinancingPercent: string;
  domainIds: string[];
  keywords: string;
  link: string;
  rrule: string;
  description: string;
}

let counter = 0;
const nextKey = () => `d${++counter}`;

export function blankDeadline(zone: string): DeadlineRow {
  return { key: nextKey(), label: '', date: '', time: '', zone, assumed: false, confirmed: false, original: null };
}

export function blankValues(zone: string): CallValues {
  return {
    identifier: '',
    title: '',
    programmeId: '',
    actionType: '',
    deadlineModel: 'single_stage',
    deadlines: [blankDeadline(zone)],
    openingDate: '',
    openingTime: '',
    budget: '',
    expectedGrants: '',
    minContribution: '',
    maxContribution: '',
    cofinancingPercent: '',
    domainIds: [],
    keywords: '',
    link: '',
    rrule: '',
    description: ''
  };
}

export function valuesOf(call: Call, locale: Locale, fallbackZone: string): CallValues {
  const openingZone = call.deadlines[0]?.timeZone ?? fallbackZone;
  const opening = call.openingAt ? wallParts(call.openingAt, openingZone) : { date: '', time: '' };
  return {
    identifier: call.identifier,
    title: call.title,
    programmeId: call.programmeId ?? '',
    actionType: call.actionType ?? '',
    deadlineModel: call.deadlineModel,
    deadlines: call.deadlines.map((d) => {
      const [date = '', time = ''] = d.local.split('T');
      const row = { date, time: time.slice(0, 5), zone: d.timeZone };
      return { key: nextKey(), label: d.label ?? '', ...row, assumed: d.assumed, confirmed: false, original: row };
    }),
    openingDate: opening.date,
    openingTime: opening.time === '00:00' ? '' : opening.time,
    budget: call.budget === null ? '' : amountForInput(locale, call.budget),
    expectedGrants: call.expectedGrants === null ? '' : String(call.expectedGrants),
    minContribution: call.minContribution === null ? '' : amountForInput(locale, call.minContribution),
    maxContribution: call.maxContribution === null ? '' : amountForInput(locale, call.maxContribution),
    cofinancingPercent: rateForInput(locale, call.cofinancingRate),
    domainIds: call.domains.map((d) => d.domainId),
    keywords: call.keywords.join(', '),
    link: call.link ?? '',
    rrule: call.rrule ?? '',
    description: call.description ?? ''
  };
}

/** Whether an assumed deadline still stands as loaded (neither touched nor confirmed). */
export function stillAssumed(row: DeadlineRow): boolean {
  const o = row.original;
  return row.assumed && !row.confirmed && o !== null && o.date === row.date && o.time === row.time && o.zone === row.zone;
}

/** What a deadline row sends as `at`: a date alone keeps (or makes) the time assumed. */
export function deadlineAt(row: DeadlineRow): string {
  if (stillAssumed(row)) return row.date;
  if (!row.time) return row.date;
  return `${row.date}T${row.time}`;
}

const money = (typed: string) => (typed.trim() ? amountForApi(typed) : null);

/** The body for POST/PATCH, and problems found before asking (paths as the API names them). */
/** What POST /api/calls takes (money and rates as decimal strings). */
export type CallBody = z.input<typeof CallCreate>;

export function bodyOf(values: CallValues): { body: CallBody; problems: Record<string, 'percent' | 'wholeNumber'> } {
  const problems: Record<string, 'percent' | 'wholeNumber'> = {};
  const rate = rateForApi(values.cofinancingPercent);
  if (rate !== null && typeof rate === 'object') problems.cofinancingRate = 'percent';
  const grants = values.expectedGrants.trim();
  if (grants && !/^\d{1,6}$/.test(grants)) problems.expectedGrants = 'wholeNumber';
  const body: CallBody = {
    identifier: values.identifier,
    title: values.title,
    programmeId: values.programmeId || null,
    actionType: values.actionType,
    description: values.description,
    openingAt: values.openingDate || values.openingTime ? (values.openingTime ? `${values.openingDate}T${values.openingTime}` : values.openingDate) : null,
    deadlineModel: values.deadlineModel,
    deadlines: values.deadlines.map((row) => ({ label: row.label.trim() || null, at: deadlineAt(row), timeZone: row.zone })),
    budget: money(values.budget),
    expectedGrants: grants && !problems.expectedGrants ? Number(grants) : null,
    minContribution: money(values.minContribution),
    maxContribution: money(values.maxContribution),
    cofinancingRate: typeof rate === 'string' ? rate : null,
    domainIds: values.domainIds,
    keywords: splitEntries(values.keywords),
    link: values.link.trim() || null,
    rrule: values.rrule.trim() || null
  };
  return { body, problems };
}
