/**
 * Work plans as the API shows them, and as the co-editing core sees them:
 * rows → WorkPlan / WorkPlanItem, the item's editable fields as a snapshot
 * (the merge and history speak field names of the API), the columns each
 * field is stored in, and the checks of an item's references (domain,
 * responsible party and person, linked activities and proposals).
 */
import type { Kysely } from 'kysely';
import { visiblePersonIds } from '../../../db/crm/partnerships.js';
import type { ApprovingPartyRow } from '../../../db/cycle/cycle-approvals.js';
import * as repo from '../../../db/cycle/work-plans.js';
import type { Database, WorkPlanItemTable } from '../../../db/schema.js';
import { canWriteIn, scopeOf, words, type Caller, type FieldError } from '../../platform/index.js';
import type { Approval, DocumentStatus } from '../schemas/coediting.js';
import type { CooperationForm } from '../../crm/schemas/partnerships.js';
import type { ProposalStage } from '../../proposals/schemas/proposals.js';
import { WORK_PLAN_ITEM_FIELDS, WORK_PLAN_ITEM_SET_FIELDS, WORK_PLAN_ITEM_TEXT_FIELDS, type WorkPlan, type WorkPlanItem, type WorkPlanItemStatus } from '../schemas/work-plans.js';
import { approvalsIn, partiesApprovableBy } from '../coediting/approvals.js';
import type { FieldSpec, Snapshot } from '../coediting/merge.js';

/** The item's co-edited fields; `description` merges by paragraph, the id lists as sets. */
export const ITEM_SPEC: FieldSpec = { fields: WORK_PLAN_ITEM_FIELDS, text: WORK_PLAN_ITEM_TEXT_FIELDS, sets: WORK_PLAN_ITEM_SET_FIELDS };
/** A move changes the position only. */
export const POSITION_SPEC: FieldSpec = { fields: ['position'] };
/** The plan's own co-edited field. */
export const PLAN_SPEC: FieldSpec = { fields: ['introduction'], text: ['introduction'] };

const COLUMNS: Record<string, keyof WorkPlanItemTable> = {
  domainId: 'domain_id',
  title: 'title',
  description: 'description',
  form: 'form',
  responsiblePartyId: 'responsible_party_id',
  responsiblePersonId: 'responsible_person_id',
  targetDate: 'target_date',
  targetQuarter: 'target_quarter',
  indicator: 'indicator',
  targetValue: 'target_value',
  status: 'status',
  activityIds: 'activity_ids',
  proposalIds: 'proposal_ids',
  position: 'position'
};

/** The editable fields of an item as stored, plus its position and whether it is removed (history shows both). */
export function itemSnapshot(row: repo.WorkPlanItemRow): Snapshot {
  return {
    domainId: row.domain_id,
    title: row.title,
    description: row.description,
    form: row.form,
    responsiblePartyId: row.responsible_party_id,
    responsiblePersonId: row.responsible_person_id,
    targetDate: row.target_date,
    targetQuarter: row.target_quarter,
    indicator: row.indicator,
    targetValue: row.target_value,
    status: row.status,
    activityIds: row.activity_ids,
    proposalIds: row.proposal_ids,
    position: row.position,
    removed: row.deleted_at !== null
  };
}

/** Field values (API names) → column values. */
export function itemColumns(values: Snapshot): repo.WorkPlanItemUpdate {
  const columns: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    const column = COLUMNS[field];
    if (column) columns[column] = value;
  }
  return columns as repo.WorkPlanItemUpdate;
}

export interface LinkedRecords {
  activities: Map<string, WorkPlanItem['activities'][number]>;
  proposals: Map<string, WorkPlanItem['proposals'][number]>;
}

/** The summaries of every activity and proposal the rows link to (of the partnership only). */
export async function linkedRecords(db: Kysely<Database>, partnershipId: string, rows: repo.WorkPlanItemRow[]): Promise<LinkedRecords> {
  const activityIds = [...new Set(rows.flatMap((r) => r.activity_ids))];
  const proposalIds = [...new Set(rows.flatMap((r) => r.proposal_ids))];
  const [activities, proposals] = await Promise.all([repo.activitySummaries(db, partnershipId, activityIds), repo.proposalSummaries(db, partnershipId, proposalIds)]);
  return {
    activities: new Map(activities.map((a) => [a.id, { id: a.id, title: a.title, startsAt: a.starts_at, type: a.type }])),
    proposals: new Map(proposals.map((p) => [p.id, { id: p.id, acronym: p.acronym, stage: p.stage as ProposalStage }]))
  };
}

export function toItem(row: repo.WorkPlanItemRow, linked: LinkedRecords): WorkPlanItem {
  const activityIds = row.activity_ids;
  const proposalIds = row.proposal_ids;
  return {
    id: row.id,
    workPlanId: row.work_plan_id,
    position: row.position,
    domainId: row.domain_id,
    domainLabel: row.domain_id && row.domain_en !== null ? { en: row.domain_en, de: row.domain_de ?? row.domain_en, nl: row.domain_nl ?? row.domain_en } : null,
    title: row.title,
    description: row.description,
    form: row.form as CooperationForm | null,
    responsiblePartyId: row.responsible_party_id,
    responsiblePartyName: row.responsible_party_id ? row.party_name : null,
    responsiblePersonId: row.responsible_person_id,
    responsiblePersonName: row.responsible_person_id ? row.person_name : null,
    targetDate: row.target_date,
    targetQuarter: row.target_quarter,
    indicator: row.indicator,
    targetValue: row.target_value,
    status: row.status as WorkPlanItemStatus,
    activityIds,
    proposalIds,
    activities: activityIds.flatMap((id) => linked.activities.get(id) ?? []),
    proposals: proposalIds.flatMap((id) => linked.proposals.get(id) ?? []),
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by ? { id: row.updated_by, name: row.updater_name ?? '' } : null
  };
}

/** Items of a plan in order, as the API shows them. */
export async function itemsView(db: Kysely<Database>, partnershipId: string, rows: repo.WorkPlanItemRow[]): Promise<WorkPlanItem[]> {
  const linked = await linkedRecords(db, partnershipId, rows);
  return rows.map((row) => toItem(row, linked));
}

/** The plan's header as a given caller sees it (canEdit, canApproveFor). */
export function toWorkPlan(row: repo.WorkPlanRow, parties: ApprovingPartyRow[], approvals: Approval[], caller: Caller): WorkPlan {
  const status = row.status as DocumentStatus;
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    partnershipTitle: row.partnership_title,
    year: row.year,
    status,
    revision: row.revision,
    introduction: row.introduction,
    parties: parties.map((p) => ({ id: p.id, organisationId: p.organisation_id, organisationName: p.organisation_name, regionName: p.region_name, languages: p.languages })),
    languages: [...new Set(parties.flatMap((p) => p.languages))],
    approvals: approvalsIn(approvals, caller.locale),
    itemCount: Number(row.item_count ?? 0),
    proposedAt: row.proposed_at,
    adoptedAt: row.adopted_at,
    canEdit: status !== 'adopted' && canWriteIn(caller, row.partnership_id),
    canRecordProgress: canWriteIn(caller, row.partnership_id),
    canApproveFor: status === 'proposed' ? partiesApprovableBy(caller, row.partnership_id, parties) : [],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

/**
 * 400 problems of an item's target, for the values being written on top of
 * the stored ones (null: a new item): a target date lies in the plan's year,
 * and an item has a target date or a quarter, not both. Only checked when
 * the write touches either, so an older item can still change otherwise.
 */
export function targetProblems(year: number, values: Snapshot, stored: Snapshot | null, prefix = ''): FieldError[] {
  if (!('targetDate' in values) && !('targetQuarter' in values)) return [];
  const date = ('targetDate' in values ? values.targetDate : stored?.targetDate) as string | null | undefined;
  const quarter = ('targetQuarter' in values ? values.targetQuarter : stored?.targetQuarter) as number | null | undefined;
  const path = (field: string) => (prefix ? `${prefix}.${field}` : field);
  if (date && !date.startsWith(`${year}-`)) return [{ path: path('targetDate'), ...words('problems_cycle_field_dateInPlanYear', { year }) }];
  if (date && quarter) {
    const field = 'targetDate' in values && values.targetDate ? 'targetDate' : 'targetQuarter';
    return [{ path: path(field), ...words('problems_cycle_field_dateOrQuarter') }];
  }
  return [];
}

/**
 * 400 problems of an item's references, for the values being written:
 * the domain is standard or the partnership's own, the responsible party
 * is one of its parties, the person is visible, linked activities and
 * proposals are the partnership's. Ids already stored are not checked again.
 */
export async function referenceProblems(db: Kysely<Database>, caller: Caller, partnershipId: string, values: Snapshot, stored: Snapshot | null): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const domainId = values.domainId as string | null | undefined;
  if (domainId && !(await repo.usableDomainIds(db, partnershipId, [domainId])).has(domainId)) {
    errors.push({ path: 'domainId', ...words('problems_cycle_field_domainOfPartnership') });
  }
  const partyId = values.responsiblePartyId as string | null | undefined;
  if (partyId && !(await repo.partyIdsOf(db, partnershipId)).has(partyId)) {
    errors.push({ path: 'responsiblePartyId', ...words('problems_cycle_field_partyOfPartnership') });
  }
  const personId = values.responsiblePersonId as string | null | undefined;
  if (personId && !(await visiblePersonIds(db, scopeOf(caller), [personId])).has(personId)) {
    errors.push({ path: 'responsiblePersonId', ...words('problems_notFound_person') });
  }
  const newIds = (field: 'activityIds' | 'proposalIds') => {
    const list = values[field] as string[] | undefined;
    const known = new Set((stored?.[field] as string[] | undefined) ?? []);
    return (list ?? []).map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
  };
  const activities = newIds('activityIds');
  if (activities.length) {
    const found = new Set((await repo.activitySummaries(db, partnershipId, activities.map((a) => a.id))).map((a) => a.id));
    for (const { id, i } of activities) if (!found.has(id)) errors.push({ path: `activityIds.${i}`, ...words('problems_cycle_field_noSuchActivity') });
  }
  const proposals = newIds('proposalIds');
  if (proposals.length) {
    const found = new Set((await repo.proposalSummaries(db, partnershipId, proposals.map((p) => p.id))).map((p) => p.id));
    for (const { id, i } of proposals) if (!found.has(id)) errors.push({ path: `proposalIds.${i}`, ...words('problems_cycle_field_noSuchProposal') });
  }
  return errors;
}
