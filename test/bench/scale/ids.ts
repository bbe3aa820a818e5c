/**
 * Ids of the scale workspace, derived from the record's kind and index, shaped
 * like the UUIDs the application mints (36 characters, version 8 "custom"):
 * `5ca1e001-0000-8000-8000-00000000002a` is organisation 42. Ids of one kind
 * grow with the index, so rows are appended in primary-key order.
 */
const KIND_CODES = {
  region: 1,
  organisation: 2,
  person: 3,
  partnership: 4,
  party: 5,
  user: 6,
  interaction: 7,
  call: 8,
  deadline: 9
} as const;

export type ScaleKind = keyof typeof KIND_CODES;

export function scaleId(kind: ScaleKind, index: number): string {
  const code = KIND_CODES[kind].toString(16).padStart(3, '0');
  return `5ca1e${code}-0000-8000-8000-${index.toString(16).padStart(12, '0')}`;
}
