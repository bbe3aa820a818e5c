import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection.js';
import { ftsMatchExpression } from '../../../db/crm/search.js';

describe('ftsMatchExpression', () => {
  it('quotes and prefix-matches every word, all words required', () => {
    expect(ftsMatchExpression('KU Leuven')).toBe('"KU"* "Leuven"*');
    expect(ftsMatchExpression('  Universität   Heidelberg ')).toBe('"Universität"* "Heidelberg"*');
  });

  it('keeps FTS5 operators and punctuation out of the expression', () => {
    expect(ftsMatchExpression('univ* OR NOT "heid"')).toBe('"univ"* "OR"* "NOT"* "heid"*');
    expect(ftsMatchExpression('content:heid NEAR(a b) ^x -y')).toBe('"content"* "heid"* "NEAR"* "a"* "b"* "x"* "y"*');
    expect(ftsMatchExpression('Rhein-Neckar')).toBe('"Rhein"* "Neckar"*');
  });

  it('answers null when nothing searchable was typed', () => {
    expect(ftsMatchExpression('')).toBeNull();
    expect(ftsMatchExpression('   ')).toBeNull();
    expect(ftsMatchExpression('"*()-:^')).toBeNull();
  });

  it('joins decomposed accents back to their letter', () => {
    expect(ftsMatchExpression('Lo\u0308wen')).toBe('"L\u00f6wen"*');
  });

  it('uses at most twelve words', () => {
    expect(ftsMatchExpression('a b c d e f g h i j k l m n')!.split(' ')).toHaveLength(12);
  });

  it('never produces an expression SQLite FTS5 refuses, whatever is typed', () => {
    const { sqlite } = openDatabase(':memory:');
    sqlite.exec("CREATE VIRTUAL TABLE t USING fts5(content, tokenize = 'unicode61 remove_diacritics 2')");
    sqlite.exec("INSERT INTO t (content) VALUES ('Katholieke Universiteit Löwen')");
    const query = sqlite.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (typed) => {
        const match = ftsMatchExpression(typed);
        if (match !== null) expect(() => query.get(match)).not.toThrow();
      }),
      { numRuns: 500 }
    );
    expect(query.get(ftsMatchExpression('lowen univ')!)).toEqual({ n: 1 });
    sqlite.close();
  });
});
