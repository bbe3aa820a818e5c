/**
 * A person's rights, as one service the routes call:
 * - `reads`: the access log, for system administrators;
 * - `rights`: what the caller may do on the person's page;
 * - `export` / `exportDocx`: everything held about the person
 *   (person-export.ts), for whoever may change the person (the writers of
 *   their organisation's partnerships, or of the organisation that recorded
 *   them; access.canWriteRecord); each export is an audit event `exported`
 *   on the person, carrying only the format;
 * - `erase`: GDPR erasure (person-erasure.ts), by the same writers.
 * A person the caller cannot see is 404; one they see but may not change is
 * 403 for export and erasure.
 */
import type { DB } from '../../../db/connection.js';
import type { Locale } from '../../../i18n/locales.js';
import { insertAuditEvent } from '../../../db/platform/audit.js';
import type { PersonRow } from '../../../db/schema.js';
import { Forbidden, assertAdmin, checkVersion, words, type Caller, type WordFile, type Words } from '../../platform/index.js';
import type { PersonExport, PersonReads, PersonRights } from '../schemas/person-rights.js';
import { canWritePerson, loadVisible, present } from '../../crm/index.js';
import { erasePerson } from './person-erasure.js';
import { personExport, readsOf } from './person-export.js';
import { exportFilename, personExportDocument } from '../documents/person-export-document.js';
import { holdForWrite } from '../../../db/row-locks.js';

export class PersonRightsService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  /** Logs that the caller read the person (best-effort, never throws). */
  async reads(caller: Caller, personId: string): Promise<PersonReads> {
    await loadVisible(this.db, caller, personId);
    assertAdmin(caller);
    return readsOf(this.db, personId);
  }

  async rights(caller: Caller, personId: string): Promise<PersonRights> {
    const row = await loadVisible(this.db, caller, personId);
    const writer = await canWritePerson(this.db, caller, row);
    return { export: writer, erase: writer, accessLog: caller.isAdmin };
  }

  private async writable(caller: Caller, personId: string, refusal: Words): Promise<PersonRow> {
    const row = await loadVisible(this.db, caller, personId);
    if (!(await canWritePerson(this.db, caller, row))) throw new Forbidden(refusal);
    return row;
  }

  async export(caller: Caller, personId: string, format: 'json' | 'docx' = 'json'): Promise<{ data: PersonExport; filename: string }> {
    const row = await this.writable(caller, personId, words('problems_privacy_exportForbidden'));
    const now = this.clock();
    return this.db.transaction().execute(async (trx) => {
      const data = await personExport(trx, caller, row, now);
      await insertAuditEvent(trx, { actorId: caller.userId, action: 'exported', entityType: 'person', entityId: personId, before: null, after: { format } });
      return { data, filename: `${exportFilename(row.name, now)}.json` };
    });
  }

  /** In the language asked for, else the reader's account language. */
  async exportDocx(caller: Caller, personId: string, asked?: Locale): Promise<WordFile> {
    const { data } = await this.export(caller, personId, 'docx');
    return personExportDocument(data, asked ?? caller.locale ?? 'en');
  }

  async erase(caller: Caller, personId: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'people', personId);
      const row = await loadVisible(trx, caller, personId);
      if (!(await canWritePerson(trx, caller, row))) throw new Forbidden('problems_privacy_eraseForbidden');
      checkVersion(expected, (await present(trx, caller, [row]))[0]!);
      await erasePerson(trx, caller, row, this.clock());
    });
  }
}
