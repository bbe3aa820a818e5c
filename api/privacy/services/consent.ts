/**
 * A person's consent (GDPR Art. 7(3)): its history, withdrawing it, and who
 * relied on it.
 *
 * - History: every "given" and "withdrawn" event, in order; the latest says
 *   the state. Consent is "given" when a person is recorded with lawful
 *   basis consent, or when a writer changes the consent date or source
 *   (people.ts calls `recordConsentGiven`); that is also how consent given
 *   again after a withdrawal is recorded.
 * - Withdrawing is one action for whoever may change the person (people.ts
 *   canWritePerson; readers get 403): it records the day and how, who and
 *   when, and is audited on the person. Refused (409) when the person is not
 *   kept on consent or consent is already withdrawn.
 * - No mails: RegioDesk e-mails users only (notifications); the one thing it
 *   hands out to be sent to a person is a feedback link, and a person whose
 *   consent is withdrawn gets none (feedback.ts, `withdrawnAmong`).
 * - Who relied on it, since the day consent was last given: the users who
 *   logged interactions with the person (count, latest), the activities the
 *   person took part in, and the partnerships of the person's organisation
 *   (their writers hold the record) — as far as the reader may see them.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { partnershipsByIds } from '../../../db/activities/activities.js';
import * as repo from '../../../db/crm/consents.js';
import { interactionAuthorsSince, participationsSince } from '../../../db/privacy/consent-reliance.js';
import { partnershipsOfOrganisation } from '../../../db/crm/organisations.js';
import { findVisiblePerson } from '../../../db/crm/people.js';
import type { Database, PersonRow } from '../../../db/schema.js';
import { Conflict, Forbidden, NotFound, ValidationFailed, canSeePartnership, recordChange, scopeOf, words, type Caller, type ProblemKey } from '../../platform/index.js';
import type { ConsentEvent, ConsentReliance, ConsentWithdrawal, PersonConsent } from '../schemas/consent.js';
import type { LawfulBasis } from '../../crm/schemas/people.js';
import { canWritePerson, latestToday } from '../../crm/index.js';
import { holdForWrite } from '../../../db/row-locks.js';

/** Why there is no consent to withdraw, for each other lawful basis (its name differs by language). */
const OTHER_BASIS = {
  legitimate_interest: 'problems_consent_otherBasis_legitimateInterest',
  public_task: 'problems_consent_otherBasis_publicTask',
  contract: 'problems_consent_otherBasis_contract'
} as const satisfies Record<Exclude<LawfulBasis, 'consent'>, ProblemKey>;

function toEvent(row: repo.ConsentEventRow): ConsentEvent {
  return {
    event: row.event,
    on: row.on_date,
    how: row.how,
    by: row.by_user_id ? { id: row.by_user_id, name: row.by_user_name ?? '' } : null,
    at: row.at
  };
}

/**
 * The history as kept, or for a person kept on consent since before the
 * history was kept (or written straight into the database, as the demo
 * seed does), the consent their record holds, recorded by no one known.
 */
function historyOf(rows: repo.ConsentEventRow[], person: PersonRow): ConsentEvent[] {
  if (rows.length || person.lawful_basis !== 'consent' || !person.consent_date || !person.consent_source) return rows.map(toEvent);
  return [{ event: 'given', on: person.consent_date, how: person.consent_source, by: null, at: person.created_at }];
}

function stateOf(history: ConsentEvent[]): PersonConsent['state'] {
  return history.at(-1)?.event ?? 'none';
}

export class ConsentService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  private async load(db: Kysely<Database>, caller: Caller, personId: string): Promise<PersonRow> {
    const row = await findVisiblePerson(db, scopeOf(caller), personId);
    if (!row) throw new NotFound('person');
    return row;
  }

  private async reliance(db: Kysely<Database>, caller: Caller, row: PersonRow, history: ConsentEvent[]): Promise<ConsentReliance> {
    const lastGiven = history.findLast((e) => e.event === 'given');
    const since = lastGiven?.on ?? null;
    const partnershipIds = row.organisation_id ? (await partnershipsOfOrganisation(db, row.organisation_id)).filter((id) => canSeePartnership(caller, id)) : [];
    const partnerships = (await partnershipsByIds(db, partnershipIds)).map((p) => ({ id: p.id, title: p.title }));
    if (since === null) return { since, interactions: [], activities: [], partnerships };
    const scope = scopeOf(caller);
    const [authors, activities] = await Promise.all([interactionAuthorsSince(db, scope, row.id, since), participationsSince(db, scope, row.id, since)]);
    return {
      since,
      interactions: authors.map((a) => ({ user: a.author_id ? { id: a.author_id, name: a.author_name ?? '' } : null, count: Number(a.count), latest: String(a.latest) })),
      activities: activities.map((a) => ({ id: a.id, title: a.title, startsAt: a.starts_at, role: a.role })),
      partnerships
    };
  }

  private async present(db: Kysely<Database>, caller: Caller, row: PersonRow): Promise<PersonConsent> {
    const history = historyOf(await repo.consentEventsOf(db, row.id), row);
    const state = stateOf(history);
    const mayWrite = await canWritePerson(db, caller, row);
    return {
      personId: row.id,
      lawfulBasis: row.lawful_basis as LawfulBasis,
      state,
      canWithdraw: mayWrite && row.lawful_basis === 'consent' && state !== 'withdrawn',
      history,
      reliedOn: await this.reliance(db, caller, row, history)
    };
  }

  async get(caller: Caller, personId: string): Promise<PersonConsent> {
    return this.present(this.db, caller, await this.load(this.db, caller, personId));
  }

  async withdraw(caller: Caller, personId: string, input: ConsentWithdrawal): Promise<PersonConsent> {
    const now = this.clock();
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'people', personId);
      const row = await this.load(trx, caller, personId);
      if (!(await canWritePerson(trx, caller, row))) throw new Forbidden('problems_consent_roleForbids');
      const kept = await repo.consentEventsOf(trx, personId);
      const history = historyOf(kept, row);
      const state = stateOf(history);
      if (state === 'withdrawn') throw new Conflict('problems_consent_withdrawnAlready', { date: history.at(-1)!.on });
      if (row.lawful_basis !== 'consent') throw new Conflict(words(OTHER_BASIS[row.lawful_basis as Exclude<LawfulBasis, 'consent'>]));
      const on = input.on ?? now.toISOString().slice(0, 10);
      if (on > latestToday(now)) throw new ValidationFailed([{ path: 'on', ...words('problems_consent_field_future') }]);
      const lastGiven = history.findLast((e) => e.event === 'given')?.on ?? null;
      if (lastGiven && on < lastGiven) throw new ValidationFailed([{ path: 'on', ...words('problems_consent_field_beforeGiven', { date: lastGiven }) }]);
      // consent known only from the record is kept as history first, so the withdrawal follows what it withdraws
      const fromRecord = !kept.length ? history[0] : undefined;
      if (fromRecord) await repo.insertConsentEvent(trx, { person_id: personId, event: 'given', on_date: fromRecord.on, how: fromRecord.how, by_user_id: null, at: fromRecord.at });
      await repo.insertConsentEvent(trx, { person_id: personId, event: 'withdrawn', on_date: on, how: input.how, by_user_id: caller.userId, at: now.toISOString() });
      await recordChange(trx, caller, 'person', personId, { consent: { state } }, { consent: { state: 'withdrawn', on, how: input.how } });
      return this.present(trx, caller, row);
    });
  }
}
