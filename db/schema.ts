/**
 * Table types, written by hand (Kysely's "generating types" advice).
 * Dates are ISO strings: `YYYY-MM-DD` for calendar dates, full UTC
 * timestamps (`…Z`) for instants. JSON columns are `Json<T>`: their text is
 * made and read by the codecs of json-columns.ts, which check the value.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CoeditSnapshot, Decoded, DeadlineSnapshot, FrozenWorkPlan, ImportCounts, Json, JsonText, NetworkMemberships, ScoringLevels, StoredCriteria } from './json-columns.js';
import type { EvaluationFigures } from '../api/cycle/schemas/evaluations.js';
import type { CooperationForm } from '../api/crm/schemas/partnerships.js';

type Timestamp = ColumnType<string, string | undefined, string>;
/** The text of a JSON column that may be null. */
type NullableJson<T> = ColumnType<JsonText<T> | null, JsonText<T> | null | undefined, JsonText<T> | null>;

export interface RegionTable {
  id: string;
  name: string;
  country: string;
  nuts_codes: Json<string[]>;
  languages: Json<string[]>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganisationTable {
  id: string;
  name: string;
  short_name: string | null;
  kind: string;
  region_id: string | null;
  country: string;
  nuts_code: string | null;
  website: string | null;
  recorded_by_organisation_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  organisation_id: string | null;
  is_admin: Generated<number>;
  locale: Generated<string>;
  disabled_at: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** when the account last read the overview (its cockpit); null before the first time */
  overview_seen_at: string | null;
  /** where the current visit's "since your last visit" starts: the reading before the last gap of more than half an hour */
  overview_since: string | null;
}

export interface InvitationTable {
  id: string;
  user_id: string;
  token_hash: string;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: string;
  accepted_at: string | null;
}

export interface SessionTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  /** the OpenID provider's ID token of a session started by single sign-on (sent back at sign-out); null after a password sign-in */
  id_token: string | null;
}

export interface AccessTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Timestamp;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SignInFailureTable {
  id: Generated<number>;
  key: string;
  at: string;
}

export interface PersonTable {
  id: string;
  organisation_id: string | null;
  name: string;
  function: string | null;
  emails: Json<string[]>;
  phones: Json<string[]>;
  languages: Json<string[]>;
  lawful_basis: string;
  consent_date: string | null;
  consent_source: string | null;
  recorded_by_organisation_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Consent given or withdrawn, in order (`seq`); the latest event says whether consent stands. */
export interface PersonConsentTable {
  seq: Generated<number>;
  person_id: string;
  event: 'given' | 'withdrawn';
  /** the calendar day consent was given or withdrawn */
  on_date: string;
  /** how: where consent was given, or how it was withdrawn ("by e-mail of 3 Dec") */
  how: string;
  by_user_id: string | null;
  /** when it was recorded */
  at: string;
}

/** A writer kept a person past the retention review period, and why. */
export interface RetentionReviewTable {
  id: string;
  person_id: string;
  reason: string;
  by_user_id: string | null;
  decided_at: string;
}

export interface PartnershipTable {
  id: string;
  title: string;
  signed_on: string | null;
  starts_on: string | null;
  ends_on: string | null;
  notice_months: number | null;
  notice_sent_on: string | null;
  renewal_lead_months: Generated<number>;
  predecessor_id: string | null;
  forms: Json<CooperationForm[]>;
  visits_per_year: Generated<number>;
  evaluation_month: Generated<number>;
  work_plan_month: Generated<number>;
  first_to_inform: Generated<number>;
  /** RRULE proposing follow-ups after an activity (relative to its end) */
  follow_up_rule: Generated<string>;
  /** how many weeks ahead the cycle's steps (evaluation, work plan) become tasks */
  cycle_lead_weeks: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartnershipPartyTable {
  id: string;
  partnership_id: string;
  position: number;
  region_id: string;
  organisation_id: string;
  contact_person_id: string | null;
  networks: Json<NetworkMemberships>;
}

export interface DomainTable {
  id: string;
  /** null for the twelve standard domains of Art. 2.1 */
  partnership_id: string | null;
  number: number | null;
  code: string;
  label_en: string;
  label_de: string;
  label_nl: string;
}

export interface PartnershipDomainTable {
  partnership_id: string;
  domain_id: string;
}

export interface PartnershipStakeholderTable {
  partnership_id: string;
  organisation_id: string;
}

export interface OrganisationDomainTable {
  organisation_id: string;
  domain_id: string;
  maturity: number;
}

export interface PersonDomainTable {
  person_id: string;
  domain_id: string;
}

export interface MembershipTable {
  user_id: string;
  partnership_id: string;
  role: string;
  created_at: Timestamp;
}

export interface InteractionTable {
  id: string;
  kind: string;
  occurred_at: string;
  author_id: string | null;
  summary: string;
  organisation_id: string | null;
  person_id: string | null;
  partnership_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditEventTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: JsonText<unknown> | null;
  after: JsonText<unknown> | null;
}

export interface SearchIndexTable {
  /** the record's row number in search_entries */
  rowid: number;
  entity_type: string;
  entity_id: string;
  content: string;
}

/**
 * PostgreSQL only (migration 20261207T0900): each word of each search_index
 * entry, kept by a trigger, in byte order; `before` is the entry's word just
 * before this one ('' for its first).
 */
export interface SearchWordTable {
  word: string;
  /** the entry's row number (search_index.rowid) */
  rowid: number;
  entity_type: string | null;
  before: string;
}

/** One row number per searchable record: how a trigger or a query finds its search_index entry. */
export interface SearchEntryTable {
  rowid: Generated<number>;
  entity_type: string;
  entity_id: string;
}

export interface ActivityTable {
  id: string;
  type: string;
  title: string;
  description: string | null;
  /** UTC instants */
  starts_at: string;
  ends_at: string;
  /** the IANA zone the activity happens in */
  time_zone: string;
  /** the local wall times in `time_zone`, `YYYY-MM-DDTHH:mm` (year and month filters use these) */
  starts_local: string | null;
  ends_local: string | null;
  venue: string | null;
  city: string | null;
  country: string | null;
  host_region_id: string | null;
  direction: string | null;
  political_level: Generated<number>;
  status: Generated<string>;
  follow_up_rule: string | null;
  next_meeting_at: string | null;
  feedback_closed_at: string | null;
  recorded_by_organisation_id: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActivityPartnershipTable {
  activity_id: string;
  partnership_id: string;
}

export interface ActivityDomainTable {
  activity_id: string;
  domain_id: string;
}

export interface ActivityParticipantTable {
  id: string;
  activity_id: string;
  person_id: string | null;
  organisation_id: string | null;
  role: string;
  attendance: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  /** set when the person was erased: the participation stays, anonymous */
  erased_at: string | null;
}

export interface AgendaItemTable {
  id: string;
  activity_id: string;
  position: number;
  starts_at: string | null;
  place: string | null;
  counterpart_organisation_id: string | null;
  topic: string;
  presenter: string | null;
  notes: string | null;
  decisions: string | null;
  version: Generated<number>;
}

export interface OutcomeTable {
  id: string;
  activity_id: string;
  kind: string;
  text: string;
  proposal_id: string | null;
  created_at: Timestamp;
}

export interface CostItemTable {
  id: string;
  activity_id: string;
  category: string;
  description: string | null;
  amount_cents: number;
  currency: string;
  /** decimal string: EUR per unit of `currency` as entered */
  rate_to_eur: string;
  amount_eur_cents: number;
  /** planned, committed or spent */
  state: Generated<string>;
  paid_by_organisation_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface BudgetTable {
  id: string;
  partnership_id: string;
  organisation_id: string;
  year: number;
  amount_eur_cents: number;
  warn_at_percent: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FeedbackLinkTable {
  id: string;
  activity_id: string;
  participant_id: string;
  token_hash: string;
  rating: number | null;
  comment: string | null;
  answered_at: string | null;
  expires_at: string;
  created_at: Timestamp;
}

export interface TaskTable {
  id: string;
  /** follow_up, next_step, cycle_step, other */
  kind: string;
  title: string;
  description: string | null;
  owner_id: string | null;
  due_on: string;
  rrule: string | null;
  /** open, done, cancelled */
  status: Generated<string>;
  /** what came of it, recorded on completion */
  result: string | null;
  completed_at: string | null;
  partnership_id: string | null;
  /** the record it is about, e.g. ('activity', id) */
  subject_type: string | null;
  subject_id: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** the annual-cycle step occurrence the run made this task for (unique; null for every other task); written once, never updated */
  cycle_step_key: ColumnType<string | null, string | null | undefined, never>;
}

/** Who runs a periodic job across processes (`reminder-run`, `backup-run`), until when (ISO-8601 UTC). */
export interface RunLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface ProgrammeTable {
  id: string;
  code: string;
  name: string;
  /** interreg, horizon_europe, erasmus_plus, life, digital_europe, single_market, cosme, cerv, creative_europe, eafrd_leader, erdf, regional, other */
  family: string;
  parent_id: string | null;
  period: string | null;
  /** typical EU co-financing rate as a decimal string, e.g. "0.60" */
  cofinancing_rate: string | null;
  cofinancing_note: string | null;
  /** where the facts come from */
  source: string | null;
  /** the usual cut-off wall time and zone, e.g. 17:00:00 Europe/Brussels */
  cut_off_time: Generated<string>;
  cut_off_zone: Generated<string>;
  historic: Generated<number>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CallTable {
  id: string;
  identifier: string;
  title: string;
  programme_id: string | null;
  action_type: string | null;
  description: string | null;
  opening_at: string | null;
  /** single_stage, two_stage, multiple_cut_off */
  deadline_model: Generated<string>;
  budget_cents: number | null;
  expected_grants: number | null;
  min_contribution_cents: number | null;
  max_contribution_cents: number | null;
  cofinancing_rate: string | null;
  keywords: Json<string[]>;
  link: string | null;
  /** RRULE of a call that repeats, for its next expected round */
  rrule: string | null;
  /** manual or portal */
  source: Generated<string>;
  /** the portal's own status, kept for reference, never trusted */
  portal_status: string | null;
  imported_at: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CallDeadlineTable {
  id: string;
  call_id: string;
  position: number;
  label: string | null;
  /** UTC instant */
  deadline_at: string;
  /** the IANA zone it was published in */
  time_zone: string;
  /** 1 when the portal gave only a date and the programme's usual cut-off was assumed */
  assumed: Generated<number>;
}

export interface CallDomainTable {
  call_id: string;
  domain_id: string;
}

export interface CallDeadlineChangeTable {
  id: string;
  call_id: string;
  at: string;
  before: Json<DeadlineSnapshot[]>;
  after: Json<DeadlineSnapshot[]>;
  import_id: string | null;
}

export interface CallImportTable {
  id: string;
  user_id: string | null;
  format: string;
  dry_run: number;
  counts: Json<ImportCounts>;
  created_at: Timestamp;
}

export interface CallWatchTable {
  user_id: string;
  call_id: string;
  created_at: Timestamp;
}

export interface SavedSearchTable {
  id: string;
  user_id: string;
  name: string;
  criteria: Json<StoredCriteria>;
  last_digest_at: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReminderSettingsTable {
  user_id: string;
  offsets: Json<number[]>;
  email: Generated<number>;
  time_zone: Generated<string>;
}

export interface ReminderSentTable {
  id: string;
  user_id: string;
  deadline_id: string;
  deadline_at: string;
  offset_days: number;
  channel: string;
  sent_at: string;
  outcome: Generated<string>;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  /** deadline_reminder, deadline_changed, saved_search_digest, milestone_reminder */
  kind: string;
  text: string;
  link: string | null;
  created_at: Timestamp;
  read_at: string | null;
  /** the email copy: null (in the app only), pending, sending, sent, failed */
  email_status: string | null;
  email_attempts: Generated<number>;
  email_error: string | null;
  emailed_at: string | null;
  /** set when the notification must exist at most once per user */
  dedupe_key: string | null;
}

export interface CalendarFeedTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ProposalTable {
  id: string;
  acronym: string;
  title: string;
  description: string | null;
  call_id: string | null;
  partnership_id: string;
  /** idea, exploring, in_preparation, submitted, approved, rejected, withdrawn, running, closed */
  stage: Generated<string>;
  lead_organisation_id: string | null;
  scoring_matrix_id: string | null;
  scoring_locked_at: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProposalDomainTable {
  proposal_id: string;
  domain_id: string;
}

export interface ConsortiumMemberTable {
  id: string;
  proposal_id: string;
  organisation_id: string;
  /** lead, partner, associated */
  role: string;
  budget_cents: Generated<number>;
  /** null: the call's (or programme's) rate */
  cofinancing_rate: string | null;
  version: Generated<number>;
}

export interface MilestoneTable {
  id: string;
  proposal_id: string;
  /** descriptions_due, steering_group, committee_decision, submission, other */
  kind: string;
  title: string;
  due_on: string;
  due_time: string | null;
  owner_id: string | null;
  done_at: string | null;
  version: Generated<number>;
}

export interface InformLogTable {
  id: string;
  proposal_id: string;
  organisation_id: string | null;
  informed_on: string;
  /** 1 when this is the partner region (Art. 2.3: it must learn first) */
  partner_region: number;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ScoringMatrixTable {
  id: string;
  name: string;
  description: string | null;
  /** null: available to everyone (e.g. the RegioWIN example) */
  partnership_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ScoringCriterionTable {
  id: string;
  matrix_id: string;
  position: number;
  group_code: string;
  group_title: string;
  number: number | null;
  title: string;
  /** decimal string, e.g. "1.5" */
  weight: Generated<string>;
  /** JSON: [{ points, description }] */
  levels: Json<ScoringLevels>;
}

export interface ProposalScoreTable {
  id: string;
  proposal_id: string;
  criterion_id: string;
  reviewer_id: string;
  points: number;
  comment: string | null;
  scored_at: string;
}

/** draft, proposed, adopted */
export interface WorkPlanTable {
  id: string;
  partnership_id: string;
  year: number;
  status: Generated<string>;
  /** the revision being edited or adopted: 1, then one more per amendment */
  revision: Generated<number>;
  introduction: string | null;
  proposed_at: string | null;
  adopted_at: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkPlanItemTable {
  id: string;
  work_plan_id: string;
  /** fractional, so moving one item changes only that item */
  position: number;
  domain_id: string | null;
  title: string;
  description: string | null;
  form: string | null;
  responsible_party_id: string | null;
  responsible_person_id: string | null;
  target_date: string | null;
  target_quarter: number | null;
  indicator: string | null;
  target_value: string | null;
  /** planned, in_progress, done, dropped */
  status: Generated<string>;
  activity_ids: Json<string[]>;
  proposal_ids: Json<string[]>;
  /** removed items stay for history and restore */
  deleted_at: string | null;
  created_by: string | null;
  updated_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An adopted revision of a work plan, frozen: the plan and its items as JSON. */
export interface WorkPlanRevisionTable {
  id: string;
  work_plan_id: string;
  number: number;
  adopted_at: string;
  snapshot: Json<FrozenWorkPlan>;
}

/** Why a work plan was amended: the revision the amendment opened, its reason, who and when. */
export interface WorkPlanAmendmentTable {
  id: string;
  work_plan_id: string;
  revision: number;
  reason: string;
  amended_by: string | null;
  amended_at: string;
}

export interface EvaluationTable {
  id: string;
  partnership_id: string;
  year: number;
  status: Generated<string>;
  proposed_at: string | null;
  adopted_at: string | null;
  /** the figures as computed at adoption (null until then: computed live) */
  figures: NullableJson<EvaluationFigures>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** results, challenges, recommendations, next_steps */
export interface EvaluationSectionTable {
  id: string;
  evaluation_id: string;
  kind: string;
  body: Generated<string>;
  updated_by: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

/** rating: achieved, partly, not_achieved, dropped (null: not yet assessed) */
export interface EvaluationAssessmentTable {
  id: string;
  evaluation_id: string;
  work_plan_item_id: string;
  rating: string | null;
  comment: string | null;
  updated_by: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

/** One party's approval of a work plan or an evaluation; withdrawn, not deleted. */
export interface CycleApprovalTable {
  id: string;
  /** work_plan, evaluation */
  document_type: string;
  document_id: string;
  party_id: string;
  user_id: string | null;
  revision: Generated<number>;
  approved_at: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  /** free text, written before reasons were stored as a kind and values; shown as it is */
  withdrawn_reason: string | null;
  /** why it was withdrawn (api/cycle/rules/withdrawal-reasons.ts), worded when read; null on rows written before */
  withdrawn_reason_kind: string | null;
  withdrawn_reason_params: NullableJson<Record<string, string | number>>;
}

/**
 * One version of a co-edited record (work plan header, item, evaluation
 * section, assessment): the editable fields after the write. The base of
 * three-way merges and of restores, and the per-record history.
 */
export interface CoeditRevisionTable {
  /** work_plan, evaluation */
  document_type: string;
  document_id: string;
  /** work_plan, work_plan_item, evaluation_section, evaluation_assessment */
  entity_type: string;
  entity_id: string;
  version: number;
  /** create, update, merge, restore, move, delete */
  action: string;
  /** JSON array of the field names this write changed */
  fields: Json<string[]>;
  /** JSON object of the editable fields after this write */
  snapshot: Json<CoeditSnapshot>;
  /** the version the writer started from, when it was merged with later ones */
  merged_from: number | null;
  actor_id: string | null;
  at: string;
}

/** The access log: a user read a person's record (at most one row per user and person per window). */
export interface PersonReadTable {
  id: Generated<number>;
  person_id: string;
  user_id: string;
  at: string;
}

export interface Database {
  regions: RegionTable;
  organisations: OrganisationTable;
  users: UserTable;
  invitations: InvitationTable;
  sessions: SessionTable;
  access_tokens: AccessTokenTable;
  sign_in_failures: SignInFailureTable;
  people: PersonTable;
  person_consents: PersonConsentTable;
  retention_reviews: RetentionReviewTable;
  partnerships: PartnershipTable;
  partnership_parties: PartnershipPartyTable;
  domains: DomainTable;
  partnership_domains: PartnershipDomainTable;
  partnership_stakeholders: PartnershipStakeholderTable;
  organisation_domains: OrganisationDomainTable;
  person_domains: PersonDomainTable;
  person_reads: PersonReadTable;
  memberships: MembershipTable;
  interactions: InteractionTable;
  audit_events: AuditEventTable;
  search_index: SearchIndexTable;
  search_entries: SearchEntryTable;
  search_words: SearchWordTable;
  activities: ActivityTable;
  activity_partnerships: ActivityPartnershipTable;
  activity_domains: ActivityDomainTable;
  activity_participants: ActivityParticipantTable;
  agenda_items: AgendaItemTable;
  outcomes: OutcomeTable;
  cost_items: CostItemTable;
  budgets: BudgetTable;
  feedback_links: FeedbackLinkTable;
  tasks: TaskTable;
  run_leases: RunLeaseTable;
  programmes: ProgrammeTable;
  calls: CallTable;
  call_deadlines: CallDeadlineTable;
  call_domains: CallDomainTable;
  call_deadline_changes: CallDeadlineChangeTable;
  call_imports: CallImportTable;
  call_watches: CallWatchTable;
  saved_searches: SavedSearchTable;
  reminder_settings: ReminderSettingsTable;
  reminders_sent: ReminderSentTable;
  notifications: NotificationTable;
  calendar_feeds: CalendarFeedTable;
  proposals: ProposalTable;
  proposal_domains: ProposalDomainTable;
  consortium_members: ConsortiumMemberTable;
  milestones: MilestoneTable;
  inform_log: InformLogTable;
  scoring_matrices: ScoringMatrixTable;
  scoring_criteria: ScoringCriterionTable;
  proposal_scores: ProposalScoreTable;
  work_plans: WorkPlanTable;
  work_plan_items: WorkPlanItemTable;
  work_plan_revisions: WorkPlanRevisionTable;
  work_plan_amendments: WorkPlanAmendmentTable;
  evaluations: EvaluationTable;
  evaluation_sections: EvaluationSectionTable;
  evaluation_assessments: EvaluationAssessmentTable;
  cycle_approvals: CycleApprovalTable;
  coedit_revisions: CoeditRevisionTable;
}

export type RegionRow = Decoded<Selectable<RegionTable>>;
export type NewRegion = Decoded<Insertable<RegionTable>>;
export type RegionUpdate = Decoded<Updateable<RegionTable>>;
export type OrganisationRow = Decoded<Selectable<OrganisationTable>>;
export type NewOrganisation = Decoded<Insertable<OrganisationTable>>;
export type OrganisationUpdate = Decoded<Updateable<OrganisationTable>>;
export type PersonRow = Decoded<Selectable<PersonTable>>;
export type NewPerson = Decoded<Insertable<PersonTable>>;
export type PersonUpdate = Decoded<Updateable<PersonTable>>;
export type PartnershipRow = Decoded<Selectable<PartnershipTable>>;
export type NewPartnership = Decoded<Insertable<PartnershipTable>>;
export type PartnershipUpdate = Decoded<Updateable<PartnershipTable>>;
export type PartnershipPartyRow = Decoded<Selectable<PartnershipPartyTable>>;
export type UserRow = Decoded<Selectable<UserTable>>;
export type InteractionRow = Decoded<Selectable<InteractionTable>>;
export type DomainRow = Decoded<Selectable<DomainTable>>;
export type AuditEventRow = Decoded<Selectable<AuditEventTable>>;
export type ActivityRow = Decoded<Selectable<ActivityTable>>;
export type ActivityParticipantRow = Decoded<Selectable<ActivityParticipantTable>>;
export type CostItemRow = Decoded<Selectable<CostItemTable>>;
export type BudgetRow = Decoded<Selectable<BudgetTable>>;
export type TaskRow = Decoded<Selectable<TaskTable>>;
export type ProgrammeRow = Decoded<Selectable<ProgrammeTable>>;
export type CallRow = Decoded<Selectable<CallTable>>;
export type CallDeadlineRow = Decoded<Selectable<CallDeadlineTable>>;
export type ProposalRow = Decoded<Selectable<ProposalTable>>;
export type WorkPlanRow = Decoded<Selectable<WorkPlanTable>>;
export type WorkPlanItemRow = Decoded<Selectable<WorkPlanItemTable>>;
export type EvaluationRow = Decoded<Selectable<EvaluationTable>>;
export type EvaluationSectionRow = Decoded<Selectable<EvaluationSectionTable>>;
export type EvaluationAssessmentRow = Decoded<Selectable<EvaluationAssessmentTable>>;
export type CycleApprovalRow = Decoded<Selectable<CycleApprovalTable>>;
export type CoeditRevisionRow = Decoded<Selectable<CoeditRevisionTable>>;
