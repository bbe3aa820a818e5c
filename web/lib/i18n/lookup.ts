/**
 * Looking up words by a value that comes as plain text (a field name in a
 * history entry, a code in an answer): the words when the map has the value,
 * else nothing. Values typed as the domain's own union index the maps of
 * labels/ directly, so a new value without words fails the type check there.
 */
export function hasWords<T extends object>(map: T, value: PropertyKey | null | undefined): value is keyof T {
  return value !== null && value !== undefined && Object.hasOwn(map, value);
}
