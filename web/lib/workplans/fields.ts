/**
 * The work-plan item's fields as a person reads them: each field's label and
 * a value written out (a domain's label, a party's name, a status's name),
 * for the conflict resolver, the history and the revision diff. Also the
 * choices the item form offers.
 */
import type { CooperationForm } from '$api/crm/schemas/partnerships';
import { type WorkPlanItem, type WorkPlanItemStatus, WORK_PLAN_ITEM_FIELDS } from '$api/cycle/schemas/work-plans';
import type { Translator } from '$lib/i18n/index.js';
import { m } from '$i18n/paraglide/messages.js';
import { partnershipsForm } from '$lib/i18n/labels/partnerships.js';
import { workplansFields, workplansStatus } from '$lib/i18n/labels/workplans.js';
import { hasWords } from '$lib/i18n/lookup.js';

export const STATUSES: WorkPlanItemStatus[] = ['planned', 'in_progress', 'done', 'dropped'];
export const QUARTERS = [1, 2, 3, 4] as const;
export type ItemField = (typeof WORK_PLAN_ITEM_FIELDS)[number];
export type ItemValues = Pick<WorkPlanItem, ItemField>;

/** What the labels of linked things and choices are looked up in */
export interface PlanVocabulary {
  domains: { id: string; labels: { en: string; de: string; nl: string } }[];
  parties: { id: string; organisationName: string }[];
  /** names seen so far, by id: people, activities, proposals */
  names: Map<string, string>;
}

export function fieldLabel(field: string): string {
  return hasWords(workplansFields, field) ? workplansFields[field]() : field;
}

export function formatValue(i18n: Translator, vocabulary: PlanVocabulary, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return m.coediting_conflict_empty();
  switch (field) {
    case 'domainId': {
      const domain = vocabulary.domains.find((d) => d.id === value);
      return domain ? domain.labels[i18n.locale] : String(value);
    }
    case 'responsiblePartyId':
      return vocabulary.parties.find((p) => p.id === value)?.organisationName ?? String(value);
    case 'responsiblePersonId':
      return vocabulary.names.get(String(value)) ?? String(value);
    case 'form':
      return partnershipsForm[value as CooperationForm]();
    case 'status':
      return workplansStatus[value as WorkPlanItemStatus]();
    case 'targetDate':
      return i18n.date(String(value));
    case 'targetQuarter':
      return m.workplans_quarter({ quarter: value });
    case 'activityIds':
    case 'proposalIds':
      return (value as string[]).map((id) => vocabulary.names.get(id) ?? id).join(', ');
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** the editable values of an item, copied so a form can change them */
export function valuesOf(item: ItemValues): ItemValues {
  const out = {} as Record<ItemField, unknown>;
  for (const field of WORK_PLAN_ITEM_FIELDS) {
    const value = item[field];
    out[field] = Array.isArray(value) ? [...value] : value;
  }
  return out as ItemValues;
}

export function emptyValues(): ItemValues {
  return {
    domainId: null,
    title: '',
    description: null,
    form: null,
    responsiblePartyId: null,
    responsiblePersonId: null,
    targetDate: null,
    targetQuarter: null,
    indicator: null,
    targetValue: null,
    status: 'planned',
    activityIds: [],
    proposalIds: []
  };
}

const same = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b);

/** only the fields `draft` changed against `base` (what a PATCH sends) */
export function changedFields(base: ItemValues, draft: ItemValues): Partial<ItemValues> {
  const out: Record<string, unknown> = {};
  for (const field of WORK_PLAN_ITEM_FIELDS) if (!same(base[field], draft[field])) out[field] = draft[field];
  return out as Partial<ItemValues>;
}

/** "Q2 2027", "15 Mar 2027" or null */
export function targetOf(i18n: Translator, item: Pick<WorkPlanItem, 'targetDate' | 'targetQuarter'>, year: number): string | null {
  if (item.targetDate) return i18n.date(item.targetDate);
  if (item.targetQuarter) return m.workplans_quarterOfYear({ quarter: item.targetQuarter, year });
  return null;
}

/** The target's problem before sending (the API says the same): a date in the plan's year, and a date or a quarter, not both. */
export function targetProblem(i18n: Translator, values: Pick<ItemValues, 'targetDate' | 'targetQuarter'>, year: number): { field: 'targetDate' | 'targetQuarter'; message: string } | null {
  if (values.targetDate && !values.targetDate.startsWith(`${year}-`)) return { field: 'targetDate', message: m.workplans_targetOutsideYear({ year }) };
  if (values.targetDate && values.targetQuarter) return { field: 'targetDate', message: m.workplans_targetDateOrQuarter() };
  return null;
}
