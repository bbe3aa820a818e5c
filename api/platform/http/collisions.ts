/**
 * A write refused by a key, as a 409 that says what collided.
 *
 * Services check before they write ("a user with this e-mail exists
 * already") and answer that themselves. The key is the last word when two
 * writers check at the same moment and both find nothing — on PostgreSQL,
 * where transactions run side by side, the second insert then meets the
 * first one's row. That writer is told the same thing in the same words
 * (field and all), instead of a 500. Every unique key of the schema has
 * its words here (UNIQUE_KEYS: a key without words does not compile);
 * keys only the server's own runs write (reminders, notifications, leases,
 * the search index) get words too, as nothing should ever answer 500 for a
 * key.
 *
 * A foreign key refusing a write means that what the write refers to was
 * removed at the same moment (or that what it removes is still referred
 * to): also a 409, in words that say so.
 */
import type { ConstraintViolation } from '../../../db/constraint-violations.js';
import type { UniqueKeyName } from '../../../db/unique-keys.js';
import { type FieldProblem, type Words, words } from './problem-words.js';

interface Collision {
  detail: Words;
  /** the field of the request the collision is about, when there is one */
  error?: FieldProblem;
}

const CHOSEN_DOMAIN = words('problems_collision_chosenDomain');
const NEW_SECRET = words('problems_collision_newSecret');
const listedAlready = (path: string): FieldProblem => ({ path, ...words('problems_field_listedAlready') });

const COLLISIONS: Record<UniqueKeyName, Collision> = {
  access_tokens_token_hash_key: { detail: NEW_SECRET },
  activity_domains_pk: { detail: CHOSEN_DOMAIN, error: listedAlready('domainIds') },
  activity_participants_once: { detail: words('problems_participantTwice'), error: { path: 'role', ...words('problems_field_participantTwice') } },
  activity_partnerships_pk: { detail: words('problems_collision_activityPartnership'), error: listedAlready('partnershipIds') },
  budgets_once: { detail: words('problems_collision_budget'), error: { path: 'year', ...words('problems_field_budgetYearTaken') } },
  calendar_feeds_token_hash_key: { detail: NEW_SECRET },
  call_domains_pk: { detail: CHOSEN_DOMAIN, error: listedAlready('domainIds') },
  call_watches_pk: { detail: words('problems_collision_callWatched') },
  calls_identifier_key: { detail: words('problems_collision_callIdentifier'), error: { path: 'identifier', ...words('problems_field_callIdentifierTaken') } },
  coedit_revisions_pk: { detail: words('problems_collision_coeditRevision') },
  consortium_members_once: { detail: words('problems_consortiumMemberTwice'), error: { path: 'organisationId', ...words('problems_field_consortiumMemberTwice') } },
  evaluation_assessments_item: { detail: words('problems_collision_assessment') },
  evaluation_sections_kind: { detail: words('problems_collision_evaluationSection') },
  evaluations_partnership_year: { detail: words('problems_collision_evaluationYear'), error: { path: 'year', ...words('problems_field_evaluatedAlready') } },
  feedback_links_once: { detail: words('problems_collision_feedbackLink'), error: { path: 'participantIds', ...words('problems_field_hasLinkAlready') } },
  feedback_links_token_hash_key: { detail: NEW_SECRET },
  invitations_token_hash_key: { detail: NEW_SECRET },
  memberships_pk: { detail: words('problems_collision_membership'), error: { path: 'userId', ...words('problems_field_memberAlready') } },
  notifications_once: { detail: words('problems_collision_notification') },
  organisation_domains_pk: { detail: CHOSEN_DOMAIN, error: listedAlready('domains') },
  partnership_domains_pk: { detail: CHOSEN_DOMAIN, error: listedAlready('domainIds') },
  partnership_stakeholders_pk: { detail: words('problems_collision_stakeholder') },
  person_consents_pkey: { detail: words('problems_collision_consent') },
  person_domains_pk: { detail: CHOSEN_DOMAIN, error: listedAlready('domains') },
  programmes_code_key: { detail: words('problems_collision_programmeCode'), error: { path: 'code', ...words('problems_field_programmeCodeTaken') } },
  proposal_domains_pk: { detail: CHOSEN_DOMAIN, error: listedAlready('domainIds') },
  proposal_scores_once: { detail: words('problems_collision_score') },
  reminder_settings_pkey: { detail: words('problems_collision_reminderSettings') },
  reminders_sent_once: { detail: words('problems_collision_reminderSent') },
  run_leases_pkey: { detail: words('problems_collision_runLease') },
  search_entries_pkey: { detail: words('problems_collision_searchEntry') },
  search_entries_entity_type_entity_id_key: { detail: words('problems_collision_searchEntry') },
  tasks_cycle_step_once: { detail: words('problems_collision_cycleStepTask') },
  users_email_key: { detail: words('problems_userEmailTaken'), error: { path: 'email', ...words('problems_field_emailRegistered') } },
  work_plan_amendments_plan_revision: { detail: words('problems_collision_amendment') },
  work_plan_revisions_number: { detail: words('problems_collision_workPlanRevision') },
  work_plans_partnership_year: { detail: words('problems_collision_workPlanYear'), error: { path: 'year', ...words('problems_field_plannedAlready') } }
};

/** What a 409 for a write a key refused says: its detail and the field it is about (problemOf makes it the Conflict). */
export function collisionWords(violation: ConstraintViolation): { detail: Words; errors: FieldProblem[] } {
  if (violation.kind === 'foreign-key') return { detail: words('problems_collision_referenceGone'), errors: [] };
  const key = violation.key;
  const said = key && key in COLLISIONS ? COLLISIONS[key as UniqueKeyName] : null;
  if (said) return { detail: said.detail, errors: said.error ? [said.error] : [] };
  if (key?.endsWith('_pkey')) return { detail: words('problems_collision_idTaken', { table: key.slice(0, -'_pkey'.length).replaceAll('_', ' ') }), errors: [] };
  return { detail: words('problems_collision_secondOne', { what: violation.names ?? 'record' }), errors: [] };
}
