/**
 * People: contacts at organisations.
 *
 * - Visible when their organisation is visible, or when the caller's own
 *   organisation recorded them; a system administrator sees all.
 * - Changed by whoever may change a record recorded by the person's
 *   recorder and taking part in the partnerships of their organisation
 *   (access.canWriteRecord). Placing a person at an organisation (on create
 *   or by moving them) needs the right to change that organisation too.
 * - GDPR: with lawful basis `consent` we keep when (a calendar date, not in
 *   the future) and where (source) consent was given; both are required.
 *   "Not in the future" allows today in the earliest time zone (UTC+14), so a
 *   date typed at local midnight is never refused.
 * - When the person's organisation is not visible to the caller, the
 *   response shows neither its id nor its name.
 * - A person is removed only by erasure (person-rights.ts, GDPR Art. 17):
 *   DELETE /api/people/{id}.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId, nowIso } from '../../../db/ids.js';
import { findVisibleOrganisation, partnershipsOfOrganisation, visibleOrganisationNames } from '../../../db/crm/organisations.js';
import * as repo from '../../../db/crm/people.js';
import type { PersonDomainRow } from '../../../db/crm/people.js';
import type { Database, PersonRow } from '../../../db/schema.js';
import { Forbidden, NotFound, PreconditionFailed, ValidationFailed, assertWriterSomewhere, canSeePartnership, canWriteRecord, checkVersion, pageRequest, recordChange, scopeOf, unknownReference, words, type Caller, type FieldError } from '../../platform/index.js';
import type { LawfulBasis, Person, PersonCreate, PersonListItem, PersonListQuery, PersonPatch } from '../schemas/people.js';
import { recordConsentGiven } from './consent-events.js';
import { assertDomainsUsable } from './domains.js';
import { noteRead } from './person-reads.js';
import { holdForWrite } from '../../../db/row-locks.js';

const EARLIEST_ZONE_OFFSET_MS = 14 * 3_600_000;

/** The latest calendar date that is "today" somewhere on earth at `now`. */
export function latestToday(now: Date): string {
  return new Date(now.getTime() + EARLIEST_ZONE_OFFSET_MS).toISOString().slice(0, 10);
}

export interface ConsentRecord {
  lawfulBasis: LawfulBasis;
  consentDate: string | null;
  consentSource: string | null;
}

/** The GDPR rule on consent, as field errors (empty when the record keeps it). */
export function consentProblems(record: ConsentRecord, today: string): FieldError[] {
  const problems: FieldError[] = [];
  if (record.consentDate !== null && record.consentDate > today) problems.push({ path: 'consentDate', ...words('problems_crm_field_consentInFuture') });
  if (record.lawfulBasis !== 'consent') return problems;
  if (record.consentDate === null) problems.push({ path: 'consentDate', ...words('problems_crm_field_consentDate') });
  if (record.consentSource === null) problems.push({ path: 'consentSource', ...words('problems_crm_field_consentSource') });
  return problems;
}

/** Who reads: whether a partnership and an organisation may be shown to them. */
interface Reader {
  sees: (partnershipId: string) => boolean;
  organisationNames: Map<string, string>;
}

/** The person as a list shows them; `organisationName` null when the employer is not the reader's to see (then no id either). */
function toListItem(row: PersonRow, organisationName: string | null): PersonListItem {
  return {
    id: row.id,
    organisationId: organisationName !== null ? row.organisation_id : null,
    organisationName,
    name: row.name,
    function: row.function,
    emails: row.emails,
    phones: row.phones,
    languages: row.languages,
    lawfulBasis: row.lawful_basis as LawfulBasis,
    consentDate: row.consent_date,
    consentSource: row.consent_source,
    recordedByOrganisationId: row.recorded_by_organisation_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

function toPerson(row: PersonRow, domains: PersonDomainRow[], reader: Reader | null): Person {
  const organisationShown = row.organisation_id !== null && (reader === null || reader.organisationNames.has(row.organisation_id));
  return {
    ...toListItem(row, organisationShown && reader ? reader.organisationNames.get(row.organisation_id!)! : null),
    organisationId: organisationShown ? row.organisation_id : null,
    domains: domains
      .filter((d) => d.partnership_id === null || reader === null || reader.sees(d.partnership_id))
      .map((d) => ({ domainId: d.domain_id, labels: { en: d.label_en, de: d.label_de, nl: d.label_nl } }))
  };
}

/** The person as the audit trail keeps it: complete, with the organisation's id. */
function fullRecord(row: PersonRow, domains: PersonDomainRow[]): Person {
  return toPerson(row, domains, null);
}

async function readerFor(db: Kysely<Database>, caller: Caller, rows: PersonRow[]): Promise<Reader> {
  const organisationIds = [...new Set(rows.map((r) => r.organisation_id).filter((id) => id !== null))];
  return { sees: (id) => canSeePartnership(caller, id), organisationNames: await visibleOrganisationNames(db, scopeOf(caller), organisationIds) };
}

/** The people as the caller may see them (organisation name only where visible, domains of their partnerships). */
export async function present(db: Kysely<Database>, caller: Caller, rows: PersonRow[]): Promise<Person[]> {
  const [domains, reader] = await Promise.all([repo.domainsOfPeople(db, rows.map((r) => r.id)), readerFor(db, caller, rows)]);
  return rows.map((row) => toPerson(row, domains.filter((d) => d.person_id === row.id), reader));
}

/** The domains after a change: what was asked for, plus those of partnerships the caller cannot see. */
function domainsAfter(caller: Caller, current: PersonDomainRow[], requested: string[]): string[] {
  const hidden = current.filter((d) => d.partnership_id !== null && !canSeePartnership(caller, d.partnership_id) && !requested.includes(d.domain_id));
  return [...requested, ...hidden.map((d) => d.domain_id)];
}

export async function loadVisible(db: Kysely<Database>, caller: Caller, id: string): Promise<PersonRow> {
  const row = await repo.findVisiblePerson(db, scopeOf(caller), id);
  if (!row) throw new NotFound('person');
  return row;
}

/** May the caller change this person? Uses the partnerships of the person's organisation. */
export async function canWritePerson(db: Kysely<Database>, caller: Caller, row: PersonRow): Promise<boolean> {
  const partnerships = row.organisation_id ? await partnershipsOfOrganisation(db, row.organisation_id) : [];
  return canWriteRecord(caller, row.recorded_by_organisation_id, partnerships);
}

/** A person may be placed at an organisation the caller sees (else 400) and may change (else 403). */
async function assertCanPlaceAt(db: Kysely<Database>, caller: Caller, organisationId: string | null): Promise<void> {
  if (organisationId === null) return;
  const organisation = await findVisibleOrganisation(db, scopeOf(caller), organisationId);
  if (!organisation) throw unknownReference('organisationId', 'organisation');
  if (!canWriteRecord(caller, organisation.recorded_by_organisation_id, await partnershipsOfOrganisation(db, organisationId))) {
    throw new Forbidden('problems_crm_addPersonForbidden');
  }
}

export class PersonService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  /** Logs a read of the person's record in the access log (person-reads.ts); never throws. */
  noteRead(caller: Caller, personId: string): Promise<void> {
    return noteRead(this.db, caller, personId, this.clock());
  }

  private assertConsentKept(record: ConsentRecord): void {
    const problems = consentProblems(record, latestToday(this.clock()));
    if (problems.length) throw new ValidationFailed(problems);
  }

  async list(caller: Caller, query: PersonListQuery) {
    if (query.partnershipId && !canSeePartnership(caller, query.partnershipId)) return { items: [], nextCursor: null };
    const { column, page } = pageRequest(query, { name: 'name', updatedAt: 'updated_at' } as const);
    const filter = { organisationId: query.organisationId, domainId: query.domainId, partnershipId: query.partnershipId, q: query.q };
    const result = await repo.listPeople(this.db, scopeOf(caller), filter, column, page);
    return { items: result.items.map((row) => toListItem(row, row.employer_name)), nextCursor: result.nextCursor };
  }

  async get(caller: Caller, id: string): Promise<Person> {
    const [person] = await present(this.db, caller, [await loadVisible(this.db, caller, id)]);
    return person!;
  }

  async create(caller: Caller, input: PersonCreate): Promise<Person> {
    assertWriterSomewhere(caller);
    this.assertConsentKept(input);
    return this.db.transaction().execute(async (trx) => {
      await assertCanPlaceAt(trx, caller, input.organisationId);
      await assertDomainsUsable(trx, caller, input.domains, 'domains');
      const row = await repo.insertPerson(trx, {
        id: newId(),
        organisation_id: input.organisationId,
        name: input.name,
        function: input.function,
        emails: input.emails,
        phones: input.phones,
        languages: input.languages,
        lawful_basis: input.lawfulBasis,
        consent_date: input.consentDate,
        consent_source: input.consentSource,
        recorded_by_organisation_id: caller.organisationId
      });
      await repo.replacePersonDomains(trx, row.id, input.domains);
      await recordConsentGiven(trx, caller, null, row, this.clock());
      const domains = await repo.domainsOfPeople(trx, [row.id]);
      await recordChange(trx, caller, 'person', row.id, null, fullRecord(row, domains));
      return (await present(trx, caller, [row]))[0]!;
    });
  }

  async update(caller: Caller, id: string, patch: PersonPatch, expected: number | null): Promise<Person> {
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'people', id);
      const row = await loadVisible(trx, caller, id);
      if (!(await canWritePerson(trx, caller, row))) throw new Forbidden('problems_crm_changePersonForbidden');
      const before = (await present(trx, caller, [row]))[0]!;
      checkVersion(expected, before);
      this.assertConsentKept({
        lawfulBasis: patch.lawfulBasis ?? (row.lawful_basis as LawfulBasis),
        consentDate: patch.consentDate !== undefined ? patch.consentDate : row.consent_date,
        consentSource: patch.consentSource !== undefined ? patch.consentSource : row.consent_source
      });
      if (patch.organisationId !== undefined && patch.organisationId !== row.organisation_id) await assertCanPlaceAt(trx, caller, patch.organisationId);
      if (patch.domains) await assertDomainsUsable(trx, caller, patch.domains, 'domains');
      const domainsBefore = await repo.domainsOfPeople(trx, [id]);
      const updated = await repo.updatePerson(trx, id, row.version, {
        organisation_id: patch.organisationId,
        name: patch.name,
        function: patch.function,
        emails: patch.emails,
        phones: patch.phones,
        languages: patch.languages,
        lawful_basis: patch.lawfulBasis,
        consent_date: patch.consentDate,
        consent_source: patch.consentSource,
        updated_at: nowIso()
      });
      if (!updated) throw new PreconditionFailed(before);
      await recordConsentGiven(trx, caller, row, updated, this.clock());
      if (patch.domains) await repo.replacePersonDomains(trx, id, domainsAfter(caller, domainsBefore, patch.domains));
      const domainsAfterChange = await repo.domainsOfPeople(trx, [id]);
      await recordChange(trx, caller, 'person', id, fullRecord(row, domainsBefore), fullRecord(updated, domainsAfterChange));
      return (await present(trx, caller, [updated]))[0]!;
    });
  }
}
