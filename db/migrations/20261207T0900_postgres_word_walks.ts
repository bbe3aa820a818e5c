/**
 * PostgreSQL only (SQLite's schema and plans stay as they are): two reads of
 * a common word ("tech" in 8,400 of 100,000 organisation names, 18,500
 * entries of the search) that cost PostgreSQL more than twice what they cost
 * SQLite.
 *
 * - `organisations_name` carries `short_name` too (INCLUDE), so every column
 *   the name list's word test and visibility read is in the index: the list
 *   reads its page's ids in an index-only scan, where PostgreSQL takes the
 *   folded text (`search_fold`) from the index entry instead of computing it
 *   again from the row (2,250 rows walked for a page of an officer's
 *   matches: 26 ms → 3 ms), and reads the page's rows after.
 * - `search_words`: every word of every search entry (the lexemes of
 *   `search_index.document`, kept by a trigger on search_index), in a btree
 *   in byte order (COLLATE "C"), so the entries whose words start with a
 *   prefix are a range of it, read in order, a few at a time. The GIN index
 *   hands out every match of a prefix at once (a bitmap of 18,500 entries
 *   for "tech", 6–20 ms) before a LIMIT can stop it: the search's window and
 *   the lists' "few or many matches?" count read the range instead and stop
 *   at their limit. `before` is the entry's word just before this one (in
 *   the same order; '' for its first), so "the first of the entry's words in
 *   the range" is `before < prefix` and each entry is counted once, however
 *   many of its words start with the prefix.
 * - `search_longest_word(text)`: the longest word of a text as the search
 *   folds it (the configuration `search_folded`, as `to_tsquery` folds what
 *   was typed): every match of a search has a word starting with it.
 *
 * Frozen in time: never import application code.
 */
import { type Kysely, sql } from 'kysely';
import { dialect } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  if (dialect(db).engine !== 'postgres') return;

  await sql`DROP INDEX organisations_name`.execute(db);
  await sql`CREATE INDEX organisations_name ON organisations (name, id, recorded_by_organisation_id, search_fold(coalesce(name, '') || ' ' || coalesce(short_name, ''))) INCLUDE (short_name)`.execute(db);

  await sql`CREATE FUNCTION search_longest_word(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT word FROM unnest(tsvector_to_array(to_tsvector('search_folded', coalesce($1, '')))) AS word ORDER BY length(word) DESC, word LIMIT 1
  $$`.execute(db);

  await sql`CREATE TABLE search_words (
    word text COLLATE "C" NOT NULL,
    rowid integer NOT NULL,
    entity_type text,
    before text COLLATE "C" NOT NULL,
    PRIMARY KEY (word, rowid) INCLUDE (before))`.execute(db);
  await sql`CREATE INDEX search_words_type ON search_words (entity_type, word) INCLUDE (before)`.execute(db);

  await sql`CREATE FUNCTION search_index_words() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND OLD.document = NEW.document THEN
        RETURN NULL;
      END IF;
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM search_words WHERE word = ANY (tsvector_to_array(OLD.document)::text[]) AND rowid = OLD.rowid;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO search_words (word, rowid, entity_type, before)
          SELECT word, NEW.rowid, NEW.entity_type, coalesce(lag(word) OVER (ORDER BY word), '')
          FROM (SELECT lexeme COLLATE "C" AS word FROM unnest(tsvector_to_array(NEW.document)) AS lexeme) AS words;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER search_index_words AFTER INSERT OR DELETE OR UPDATE OF content ON search_index FOR EACH ROW EXECUTE FUNCTION search_index_words()`.execute(db);

  await sql`INSERT INTO search_words (word, rowid, entity_type, before)
    SELECT word, rowid, entity_type, coalesce(lag(word) OVER (PARTITION BY rowid ORDER BY word), '')
    FROM (SELECT lexeme COLLATE "C" AS word, i.rowid, i.entity_type FROM search_index i, unnest(tsvector_to_array(i.document)) AS lexeme) AS words`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialect(db).engine !== 'postgres') return;
  await sql`DROP TRIGGER search_index_words ON search_index`.execute(db);
  await sql`DROP FUNCTION search_index_words()`.execute(db);
  await sql`DROP TABLE search_words`.execute(db);
  await sql`DROP FUNCTION search_longest_word(text)`.execute(db);
  await sql`DROP INDEX organisations_name`.execute(db);
  await sql`CREATE INDEX organisations_name ON organisations (name, id, recorded_by_organisation_id, search_fold(coalesce(name, '') || ' ' || coalesce(short_name, '')))`.execute(db);
}
