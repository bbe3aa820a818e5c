/** Every SQL statement about organisations. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export function findOrganisation(db: Kysely<Database>, id: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}
