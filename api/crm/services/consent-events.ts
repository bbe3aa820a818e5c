/**
 * The consent events other services write or ask about, kept apart from
 * consent.ts so the people and feedback services can use them without a
 * cycle: consent given (when a person is written with lawful basis
 * consent) and who withdrew it (they get nothing sent).
 */
import type { Kysely } from 'kysely';
import * as repo from '../../../db/crm/consents.js';
import type { Database, PersonRow } from '../../../db/schema.js';
import type { Caller } from '../../platform/index.js';

type ConsentFields = Pick<PersonRow, 'id' | 'lawful_basis' | 'consent_date' | 'consent_source'>;

/**
 * Records consent as given when the person is (now) kept on consent and it
 * is newly so, or its date or source changed. Called by the people service
 * in the transaction that writes the person.
 */
export async function recordConsentGiven(db: Kysely<Database>, caller: Caller, before: ConsentFields | null, after: ConsentFields, at: Date): Promise<void> {
  if (after.lawful_basis !== 'consent' || after.consent_date === null || after.consent_source === null) return;
  const unchanged = before !== null && before.lawful_basis === 'consent' && before.consent_date === after.consent_date && before.consent_source === after.consent_source;
  if (unchanged) return;
  await repo.insertConsentEvent(db, { person_id: after.id, event: 'given', on_date: after.consent_date, how: after.consent_source, by_user_id: caller.userId, at: at.toISOString() });
}

/** Of these people, those who withdrew their consent: RegioDesk sends them nothing. */
export function withdrawnAmong(db: Kysely<Database>, personIds: string[]): Promise<Set<string>> {
  return repo.peopleWithWithdrawnConsent(db, personIds);
}
