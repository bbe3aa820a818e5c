/**
 * The co-edited documents of the annual cycle and where their API lives:
 * `/api/workplans/{id}` and `/api/evaluations/{id}` share one protocol
 * (If-Match on every write, 409 with conflicts, history, live events).
 */
export type DocumentType = 'workplans' | 'evaluations';

/** `/api/workplans/{id}` plus the rest of the path, each piece escaped */
export function documentPath(type: DocumentType, id: string, ...rest: string[]): string {
  return ['', 'api', type, id, ...rest].map((piece, i) => (i < 3 ? piece : encodeURIComponent(piece))).join('/');
}
