/**
 * Ordering of work-plan items: by their fractional `position`, and where an
 * item goes when moved (the API takes the id of the item it goes after).
 */
export function byPosition<T extends { position: number; id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

/** The `after` for moving `ordered[from]` to index `to` (null: to the top). */
export function afterFor<T extends { id: string }>(ordered: T[], from: number, to: number): string | null {
  const rest = ordered.filter((_, i) => i !== from);
  return to <= 0 ? null : (rest[Math.min(to, rest.length) - 1]?.id ?? null);
}
