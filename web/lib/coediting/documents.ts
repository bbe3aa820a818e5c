/**
 * The co-edited documents of the annual cycle and where their API lives:
 * `/api/workplans/{id}` and `/api/evaluations/{id}` share one protocol
 * (If-Match on every write, 409 with conflicts, history, live events).
 */
import { apiClient } from '$lib/api/client.js';

export type DocumentType = 'workplans' | 'evaluations';

/** `/api/workplans/{id}` plus the rest of the path, each piece escaped */
export function documentPath(type: DocumentType, id: string, ...rest: string[]): string {
  return ['', 'api', type, id, ...rest].map((piece, i) => (i < 3 ? piece : encodeURIComponent(piece))).join('/');
}

/**
 * The typed client of one kind of co-edited document, for the calls both
 * kinds share (propose, approve, presence); its param is `{ id }`. The
 * event stream keeps `documentPath`: an EventSource takes a URL.
 */
export function documentApi(type: DocumentType) {
  const api = apiClient();
  return type === 'workplans' ? api.workplans[':id'] : api.evaluations[':id'];
}
