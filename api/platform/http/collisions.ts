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

/** a field error as errors.ts's FieldError (not imported: errors.ts imports this file) */
interface FieldError {
  path: string;
  message: string;
}

interface Collision {
  detail: string;
  /** the field of the request the collision is about, when there is one */
  error?: FieldError;
}

const CHOSEN_DOMAIN = 'This cooperation domain is chosen already.';
const NEW_SECRET = 'Two secrets came out the same, against all odds; nothing was saved. Try again.';

const COLLISIONS: Record<UniqueKeyName, Collision> = {
  access_tokens_token_hash_key: { detail: NEW_SECRET },
  activity_domains_pk: { detail: CHOSEN_DOMAIN, error: { path: 'domainIds', message: 'Listed already.' } },
  activity_participants_once: {
    detail: 'This participant already takes part in this role.',
    error: { path: 'role', message: 'Already taking part in this role; change the attendance of that entry instead.' }
  },
  activity_partnerships_pk: { detail: 'The activity belongs to this partnership already.', error: { path: 'partnershipIds', message: 'Listed already.' } },
  budgets_once: {
    detail: 'This organisation already has a budget for this year in this partnership; change that one.',
    error: { path: 'year', message: 'This organisation has a budget for this year already.' }
  },
  calendar_feeds_token_hash_key: { detail: NEW_SECRET },
  call_domains_pk: { detail: CHOSEN_DOMAIN, error: { path: 'domainIds', message: 'Listed already.' } },
  call_watches_pk: { detail: 'You watch this call already.' },
  calls_identifier_key: {
    detail: 'A call with this identifier is already recorded.',
    error: { path: 'identifier', message: 'Already recorded; open that call instead.' }
  },
  coedit_revisions_pk: { detail: 'Someone else saved this record at the same moment. Reload it and apply your change again.' },
  consortium_members_once: {
    detail: 'This organisation is in the consortium already; change its role or budget instead.',
    error: { path: 'organisationId', message: 'Already a member of this consortium.' }
  },
  evaluation_assessments_item: { detail: 'This work plan item is assessed in this evaluation already.' },
  evaluation_sections_kind: { detail: 'This evaluation has this section already.' },
  evaluations_partnership_year: {
    detail: 'There is an evaluation of this year for this partnership already; open it instead.',
    error: { path: 'year', message: 'Evaluated already.' }
  },
  feedback_links_once: { detail: 'This participant has a feedback link already.', error: { path: 'participantIds', message: 'Has a link already.' } },
  feedback_links_token_hash_key: { detail: NEW_SECRET },
  invitations_token_hash_key: { detail: NEW_SECRET },
  memberships_pk: { detail: 'This user is a member of this partnership already.', error: { path: 'userId', message: 'A member already.' } },
  notifications_once: { detail: 'This notice was given already.' },
  organisation_domains_pk: { detail: CHOSEN_DOMAIN, error: { path: 'domains', message: 'Listed already.' } },
  partnership_domains_pk: { detail: CHOSEN_DOMAIN, error: { path: 'domainIds', message: 'Listed already.' } },
  partnership_stakeholders_pk: { detail: 'This organisation is a stakeholder of this partnership already.' },
  person_consents_pkey: { detail: 'This consent event was recorded at the same moment; nothing was saved. Try again.' },
  person_domains_pk: { detail: CHOSEN_DOMAIN, error: { path: 'domains', message: 'Listed already.' } },
  programmes_code_key: { detail: 'A programme with this code exists already.', error: { path: 'code', message: 'Already used by another programme.' } },
  proposal_domains_pk: { detail: CHOSEN_DOMAIN, error: { path: 'domainIds', message: 'Listed already.' } },
  proposal_scores_once: { detail: 'This reviewer has scored this criterion of the proposal already.' },
  reminder_settings_pkey: { detail: 'Your reminder settings were saved at the same moment; look at them and save again.' },
  reminders_sent_once: { detail: 'This reminder was sent already.' },
  run_leases_pkey: { detail: 'Another process took this periodic run at the same moment.' },
  search_entries_pkey: { detail: 'This record is in the search index already.' },
  search_entries_entity_type_entity_id_key: { detail: 'This record is in the search index already.' },
  tasks_cycle_step_once: { detail: 'The task of this annual-cycle step exists already.' },
  users_email_key: { detail: 'A user with this email already exists.', error: { path: 'email', message: 'Already registered.' } },
  work_plan_amendments_plan_revision: { detail: 'This work plan was amended at the same moment; reload it.' },
  work_plan_revisions_number: { detail: 'This revision of the work plan was adopted at the same moment; reload it.' },
  work_plans_partnership_year: { detail: 'This partnership has a work plan for this year already.', error: { path: 'year', message: 'Planned already.' } }
};

const REFERENCE_GONE = 'Something this change refers to was removed at the same moment, or something it removes is still referred to; nothing was saved. Reload and try again.';

/** What a 409 for a write a key refused says: its detail and the field it is about (problemOf makes it the Conflict). */
export function collisionWords(violation: ConstraintViolation): { detail: string; errors: FieldError[] } {
  if (violation.kind === 'foreign-key') return { detail: REFERENCE_GONE, errors: [] };
  const key = violation.key;
  const words = key && key in COLLISIONS ? COLLISIONS[key as UniqueKeyName] : null;
  if (words) return { detail: words.detail, errors: words.error ? [words.error] : [] };
  if (key?.endsWith('_pkey')) return { detail: `A record with this id exists already (${key.slice(0, -'_pkey'.length).replaceAll('_', ' ')}); nothing was saved.`, errors: [] };
  return { detail: `This would be a second ${violation.names ?? 'record'} where only one may exist; nothing was saved.`, errors: [] };
}
