/**
 * Text folded the way the search index's tokenizer folds it (FTS5 unicode61
 * with remove_diacritics 2): accents dropped, lower case, words of letters
 * and digits, everything else a separator. `foldedWords` answers the words
 * with a space before each, so "does a word start with w" is
 * `instr(folded, ' ' || w) > 0`.
 *
 * A list that walks its own order asks this of each row instead of probing
 * the full-text index per row (a prefix probe costs ~25 µs, this ~1 µs);
 * the connection registers it as the SQL function `search_fold`.
 */
import type SQLite from 'better-sqlite3';

export const SEARCH_FOLD = 'search_fold';

const PLAIN = /^[\x00-\x7f]*$/;
const NOT_ASCII_WORD = /[^a-z0-9]+/g;

export function foldedWords(text: string): string {
  // most names are plain ASCII: no accents to drop, only ASCII letters and digits form words
  if (PLAIN.test(text)) {
    const words = text.toLowerCase().replace(NOT_ASCII_WORD, ' ').trim();
    return words ? ` ${words}` : '';
  }
  const words = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{Co}]+/u)
    .filter((word) => word.length > 0);
  return words.length ? ` ${words.join(' ')}` : '';
}

export function registerSearchFold(sqlite: SQLite.Database): void {
  sqlite.function(SEARCH_FOLD, { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldedWords(text) : ''));
}
