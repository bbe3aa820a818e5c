/**
 * Every SQL statement about coedit_revisions: one row per version of a
 * co-edited record (work-plan header and items, evaluation sections and
 * assessments), holding the editable fields after that write.
 */
import type { Insertable, Kysely } from 'kysely';
import { coeditRevisionJson, type Decoded, decodeRow, encodeRow } from '../json-columns.js';
import type { CoeditRevisionTable, Database } from '../schema.js';

export async function insertRevision(db: Kysely<Database>, row: Decoded<Insertable<CoeditRevisionTable>>): Promise<void> {
  await db.insertInto('coedit_revisions').values(encodeRow(coeditRevisionJson, row)).execute();
}

/** The row of one version of a record. */
export async function findRevision(db: Kysely<Database>, entityType: string, entityId: string, version: number) {
  const row = await db
    .selectFrom('coedit_revisions')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && decodeRow(coeditRevisionJson, row);
}

/** Every version of a record, oldest first, with the actor's name. */
export async function revisionsOf(db: Kysely<Database>, entityType: string, entityId: string) {
  const rows = await db
    .selectFrom('coedit_revisions')
    .leftJoin('users', 'users.id', 'coedit_revisions.actor_id')
    .selectAll('coedit_revisions')
    .select('users.name as actor_name')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('version')
    .execute();
  return rows.map((row) => decodeRow(coeditRevisionJson, row));
}

export type RevisionRow = Awaited<ReturnType<typeof revisionsOf>>[number];

/** Every version of every record of a document, in the order written. */
export async function revisionsOfDocument(db: Kysely<Database>, documentType: string, documentId: string) {
  const rows = await db
    .selectFrom('coedit_revisions')
    .selectAll()
    .where('document_type', '=', documentType)
    .where('document_id', '=', documentId)
    .orderBy('at')
    .orderBy('entity_id')
    .orderBy('version')
    .execute();
  return rows.map((row) => decodeRow(coeditRevisionJson, row));
}
