/**
 * How the command palette matches what is typed against the words of an
 * action or page: accents folded and case ignored ("lowen" finds "Löwen",
 * "reise" finds "Reise erfassen"), every typed word found at the start of a
 * word of the entry, in the reader's language.
 */

/** Text without accents, in lower case, as words. */
export function foldedWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** True when every word typed begins a word of the entry's text (an empty query matches everything). */
export function matches(query: string, text: string): boolean {
  const wanted = foldedWords(query);
  if (wanted.length === 0) return true;
  const words = foldedWords(text);
  return wanted.every((w) => words.some((word) => word.startsWith(w)));
}
