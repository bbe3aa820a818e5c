/** Every SQL statement about partnerships. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export function findPartnership(db: Kysely<Database>, id: string) {
  return db.selectFrom('partnerships').selectAll().where('id', '=', id).executeTakeFirst();
}
