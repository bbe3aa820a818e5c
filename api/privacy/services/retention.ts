/**
 * The retention review (GDPR Art. 5(1)(e), storage limitation).
 *
 * - A person comes up for review when their last contact — recorded, an
 *   interaction with them, the end of an activity they took part in, or a
 *   decision to keep them — lies more than REGIODESK_RETENTION_MONTHS
 *   (settings.retentionMonths) calendar months before now. Exactly at the
 *   boundary they are not yet listed.
 * - The list holds only people of organisations in the partnerships where
 *   the caller writes (a system administrator: everyone), oldest contact
 *   first, a keyset page like every list.
 * - Keeping needs a reason; the decision is stored with its moment and who
 *   took it, audited on the person, and counts as contact: the person
 *   leaves the list for another period. Every person named must be one the
 *   caller may change (people.ts canWritePerson), else nothing is kept.
 * - Erasing calls the erasure of services/person-rights.ts for each person,
 *   so it is exactly what erasing from the person's page does; a person it refuses
 *   (409, e.g. the contact person of a partnership party; 403 without the
 *   right) is reported with why and the others are erased. A person the
 *   caller cannot see is a 400 at `personIds.i` and nothing is erased.
 */
import { DateTime } from 'luxon';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import { findVisiblePerson } from '../../../db/crm/people.js';
import * as repo from '../../../db/privacy/retention.js';
import { Forbidden, Problem, ValidationFailed, canWriteIn, isWriterSomewhere, recordChange, scopeOf, words, type Caller, type FieldError, type Settings } from '../../platform/index.js';
import { BASE_LOCALE, type Locale } from '../../../i18n/locales.js';
import type { LawfulBasis } from '../../crm/schemas/people.js';
import type { RetentionErase, RetentionErased, RetentionKeep, RetentionKept, RetentionReviewPage, RetentionReviewQuery } from '../schemas/retention.js';
import { canWritePerson } from '../../crm/index.js';

/** The instant `months` calendar months before `now` (UTC; the 31st becomes the month's last day). */
export function reviewCutoff(now: Date, months: number): string {
  return DateTime.fromJSDate(now, { zone: 'utc' }).minus({ months }).toJSDate().toISOString();
}

/** Who erases a person (the GDPR erasure of services/person-rights.ts). */
export interface PersonEraser {
  erase(caller: Caller, id: string, expected: number | null): Promise<void>;
}

export class RetentionService {
  constructor(
    private readonly db: DB,
    private readonly settings: Pick<Settings, 'retentionMonths'>,
    private readonly people: PersonEraser,
    private readonly clock: () => Date = () => new Date()
  ) {}

  private scope(caller: Caller): repo.ReviewScope {
    if (caller.isAdmin) return { all: true };
    return { all: false, partnershipIds: Object.keys(caller.roles).filter((id) => canWriteIn(caller, id)) };
  }

  async list(caller: Caller, query: RetentionReviewQuery): Promise<RetentionReviewPage> {
    const months = this.settings.retentionMonths;
    const cutoff = reviewCutoff(this.clock(), months);
    const page = await repo.peopleDueForReview(this.db, this.scope(caller), cutoff, { partnershipId: query.partnershipId }, { limit: query.limit, cursor: query.cursor ?? null, direction: 'asc' });
    return {
      months,
      cutoff,
      nextCursor: page.nextCursor,
      items: page.items.map((r) => ({
        personId: r.id,
        name: r.name,
        function: r.function,
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        lawfulBasis: r.lawful_basis as LawfulBasis,
        lastContact: r.last_contact,
        lastKeptReason: r.kept_reason
      }))
    };
  }

  async keep(caller: Caller, input: RetentionKeep): Promise<RetentionKept> {
    if (!isWriterSomewhere(caller)) throw new Forbidden('problems_privacy_viewersCannotKeep');
    const now = this.clock();
    const decidedAt = now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const rows = [];
      const unknown: FieldError[] = [];
      for (const [i, id] of input.personIds.entries()) {
        const row = await findVisiblePerson(trx, scopeOf(caller), id);
        if (!row) unknown.push({ path: `personIds.${i}`, ...words('problems_notFound_person') });
        else rows.push(row);
      }
      if (unknown.length) throw new ValidationFailed(unknown);
      for (const row of rows) {
        if (!(await canWritePerson(trx, caller, row))) throw new Forbidden('problems_privacy_keepForbidden', { name: row.name });
      }
      await repo.insertKeepDecisions(trx, rows.map((row) => ({ id: newId(), person_id: row.id, reason: input.reason, by_user_id: caller.userId, decided_at: decidedAt })));
      for (const row of rows) await recordChange(trx, caller, 'person', row.id, { retention: null }, { retention: { kept: decidedAt, reason: input.reason } });
      return { kept: rows.length, decidedAt, reviewAgainAfter: DateTime.fromJSDate(now, { zone: 'utc' }).plus({ months: this.settings.retentionMonths }).toJSDate().toISOString() };
    });
  }

  /** Erases each person named; those refused are listed with why, in `locale` (the reader's language). */
  async erase(caller: Caller, input: RetentionErase, locale: Locale = BASE_LOCALE): Promise<RetentionErased> {
    if (!isWriterSomewhere(caller)) throw new Forbidden('problems_privacy_viewersCannotKeep');
    // every person named must be one the caller sees, as for keeping; the erasure itself decides the rest
    const unknown: FieldError[] = [];
    for (const [i, id] of input.personIds.entries()) {
      if (!(await findVisiblePerson(this.db, scopeOf(caller), id))) unknown.push({ path: `personIds.${i}`, ...words('problems_notFound_person') });
    }
    if (unknown.length) throw new ValidationFailed(unknown);
    const erased: string[] = [];
    const refused: RetentionErased['refused'] = [];
    for (const id of input.personIds) {
      try {
        await this.people.erase(caller, id, null);
        erased.push(id);
      } catch (error) {
        if (!(error instanceof Problem) || error.status >= 500) throw error;
        refused.push({ personId: id, message: error.detailIn(locale) });
      }
    }
    return { erased, refused };
  }
}
