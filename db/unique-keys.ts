/**
 * Every unique key of the schema by one name on both engines: the name
 * PostgreSQL gives its constraint or index (what node-postgres reports as
 * `constraint`), with the table and columns SQLite names instead
 * ("UNIQUE constraint failed: budgets.partnership_id, budgets.organisation_id,
 * budgets.year"; for a key on expressions it names the index:
 * "… failed: index 'activity_participants_once'"). A table's own `id` is
 * `<table>_pkey` and needs no entry. test/api/platform/unique-collisions.test.ts
 * holds this list against both engines' catalogues, so a new key without an
 * entry (and without words for its 409) fails there.
 */

export interface UniqueKey {
  table: string;
  /** the key's columns as SQLite names them; null for a key on expressions (SQLite names the index) */
  columns: readonly string[] | null;
}

export const UNIQUE_KEYS = {
  access_tokens_token_hash_key: { table: 'access_tokens', columns: ['token_hash'] },
  activity_domains_pk: { table: 'activity_domains', columns: ['activity_id', 'domain_id'] },
  activity_participants_once: { table: 'activity_participants', columns: null },
  activity_partnerships_pk: { table: 'activity_partnerships', columns: ['activity_id', 'partnership_id'] },
  budgets_once: { table: 'budgets', columns: ['partnership_id', 'organisation_id', 'year'] },
  calendar_feeds_token_hash_key: { table: 'calendar_feeds', columns: ['token_hash'] },
  call_domains_pk: { table: 'call_domains', columns: ['call_id', 'domain_id'] },
  call_watches_pk: { table: 'call_watches', columns: ['user_id', 'call_id'] },
  calls_identifier_key: { table: 'calls', columns: ['identifier'] },
  coedit_revisions_pk: { table: 'coedit_revisions', columns: ['entity_type', 'entity_id', 'version'] },
  consortium_members_once: { table: 'consortium_members', columns: ['proposal_id', 'organisation_id'] },
  evaluation_assessments_item: { table: 'evaluation_assessments', columns: ['evaluation_id', 'work_plan_item_id'] },
  evaluation_sections_kind: { table: 'evaluation_sections', columns: ['evaluation_id', 'kind'] },
  evaluations_partnership_year: { table: 'evaluations', columns: ['partnership_id', 'year'] },
  feedback_links_once: { table: 'feedback_links', columns: ['participant_id'] },
  feedback_links_token_hash_key: { table: 'feedback_links', columns: ['token_hash'] },
  invitations_token_hash_key: { table: 'invitations', columns: ['token_hash'] },
  memberships_pk: { table: 'memberships', columns: ['user_id', 'partnership_id'] },
  notifications_once: { table: 'notifications', columns: ['user_id', 'dedupe_key'] },
  organisation_domains_pk: { table: 'organisation_domains', columns: ['organisation_id', 'domain_id'] },
  person_consents_pkey: { table: 'person_consents', columns: ['seq'] },
  partnership_domains_pk: { table: 'partnership_domains', columns: ['partnership_id', 'domain_id'] },
  partnership_stakeholders_pk: { table: 'partnership_stakeholders', columns: ['partnership_id', 'organisation_id'] },
  person_domains_pk: { table: 'person_domains', columns: ['person_id', 'domain_id'] },
  programmes_code_key: { table: 'programmes', columns: ['code'] },
  proposal_domains_pk: { table: 'proposal_domains', columns: ['proposal_id', 'domain_id'] },
  proposal_scores_once: { table: 'proposal_scores', columns: ['proposal_id', 'criterion_id', 'reviewer_id'] },
  reminder_settings_pkey: { table: 'reminder_settings', columns: ['user_id'] },
  reminders_sent_once: { table: 'reminders_sent', columns: ['user_id', 'deadline_id', 'deadline_at', 'offset_days', 'channel'] },
  run_leases_pkey: { table: 'run_leases', columns: ['name'] },
  search_entries_pkey: { table: 'search_entries', columns: ['rowid'] },
  search_entries_entity_type_entity_id_key: { table: 'search_entries', columns: ['entity_type', 'entity_id'] },
  tasks_cycle_step_once: { table: 'tasks', columns: ['cycle_step_key'] },
  users_email_key: { table: 'users', columns: ['email'] },
  work_plan_amendments_plan_revision: { table: 'work_plan_amendments', columns: ['work_plan_id', 'revision'] },
  work_plan_revisions_number: { table: 'work_plan_revisions', columns: ['work_plan_id', 'number'] },
  work_plans_partnership_year: { table: 'work_plans', columns: ['partnership_id', 'year'] }
} as const satisfies Record<string, UniqueKey>;

export type UniqueKeyName = keyof typeof UNIQUE_KEYS;

/** A name `<table>_pkey`: a table's own id (or, for the tables above, its primary key). */
export type PrimaryKeyName = `${string}_pkey`;

const BY_SQLITE_SPELLING = new Map<string, UniqueKeyName | PrimaryKeyName>(
  (Object.entries(UNIQUE_KEYS) as [UniqueKeyName, UniqueKey][]).map(([name, key]) => [
    key.columns ? key.columns.map((column) => `${key.table}.${column}`).join(', ') : `index '${name}'`,
    name
  ])
);

/**
 * The key's one name from what the engine named: PostgreSQL's constraint
 * (as it is), SQLite's columns or index; null when the engine named none or
 * one this list does not know.
 */
export function uniqueKeyNamed(engine: 'sqlite' | 'postgres', names: string | null): UniqueKeyName | PrimaryKeyName | null {
  if (names === null) return null;
  if (engine === 'postgres') return names in UNIQUE_KEYS || names.endsWith('_pkey') ? (names as UniqueKeyName | PrimaryKeyName) : null;
  const known = BY_SQLITE_SPELLING.get(names);
  if (known) return known;
  const id = /^([a-z_]+)\.id$/.exec(names);
  return id ? `${id[1]}_pkey` : null;
}
