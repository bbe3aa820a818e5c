/** How the command palette matches typed letters against an action's or a page's words (web/lib/palette/matching.ts). */
import { describe, expect, it } from 'vitest';
import { foldedWords, matches } from '$lib/palette/matching.js';

describe('the palette’s matching', () => {
  it('folds accents and case into words', () => {
    expect(foldedWords('Löwen – Coördinator, Förderaufrufe')).toEqual(['lowen', 'coordinator', 'forderaufrufe']);
  });

  it('finds an entry when every typed word begins one of its words, accents folded', () => {
    expect(matches('lowen', 'Delegation nach Löwen')).toBe(true);
    expect(matches('FÖRDER', 'Förderaufrufe')).toBe(true);
    expect(matches('neue proj', 'Neue Projektidee')).toBe(true);
    expect(matches('reise', 'Delegationsreise erfassen')).toBe(false);
    expect(matches('neue person', 'Neue Projektidee')).toBe(false);
  });

  it('offers everything before anything is typed', () => {
    expect(matches('  ', 'Meine Aufgaben')).toBe(true);
  });
});
