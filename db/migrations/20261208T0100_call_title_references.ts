/**
 * Calls imported from the EU Funding & Tenders Portal before the import read
 * its titles as plain text kept the portal's HTML escapes ("Research &amp;
 * Innovation"). This decodes them in the calls already stored, as the import
 * now does (complete references only, once), and moves each repaired call's
 * version on so an open page sees the change. The search index follows by
 * its triggers. Only calls whose title holds a `&…;` are read.
 * Frozen in time: never import application code.
 */
import { decodeHTMLStrict } from 'entities';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const rows: { id: string; title: string }[] = await db.selectFrom('calls').select(['id', 'title']).where('title', 'like', '%&%;%').execute();
  for (const row of rows) {
    const title = decodeHTMLStrict(row.title).replace(/\s+/g, ' ').trim().slice(0, 500);
    if (title === row.title || title === '') continue;
    await db
      .updateTable('calls')
      .set((eb: any) => ({ title, version: eb('version', '+', 1) }))
      .where('id', '=', row.id)
      .execute();
  }
}

/** The escapes cannot be told from what was written by hand: nothing to undo. */
export async function down(): Promise<void> {}
