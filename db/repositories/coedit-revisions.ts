/**
 * Every SQL statement about coedit_revisions: one row per version of a
 * co-edited record (work-plan header and items, evaluation sections and
 * assessments), holding the editable fields after that write.
 */
import type { Insertable, Kysely } from 'kysely';
import type { CoeditRevisionTable, Database } from '../schema.js';

export async function insertRevision(db: Kysely<Database>, row: Insertable<CoeditRevisionTable>): Promise<void> {
  await db.insertInto('coedit_revisions').values(row).execute();
}

/** The row of one version of a record. */
export function findRevision(db: Kysely<Database>, entityType: string, entityId: string, version: number) {
  return db
    .selectFrom('coedit_revisions')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Every version of a record, oldest first, with the actor's name. */
export function revisionsOf(db: Kysely<Database>, entityType: string, entityId: string) {
  return db
    .selectFrom('coedit_revisions')
    .leftJoin('users', 'users.id', 'coedit_revisions.actor_id')
    .selectAll('coedit_revisions')
    .select('users.name as actor_name')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('version')
    .execute();
}

export type RevisionRow = Awaited<ReturnType<typeof revisionsOf>>[number];

/** Every version of every record of a document, in the order written. */
export function revisionsOfDocument(db: Kysely<Database>, documentType: string, documentId: string) {
  return db
    .selectFrom('coedit_revisions')
    .selectAll()
    .where('document_type', '=', documentType)
    .where('document_id', '=', documentId)
    .orderBy('at')
    .orderBy('entity_id')
    .orderBy('version')
    .execute();
}
