/**
 * A row that must exist is not there: read back inside the transaction that
 * wrote or checked it, or named by a record that points at it. The app's
 * `onError` answers it as the 404 of `what` ("No work plan with this id."),
 * the answer a missing record gets everywhere else. Repositories throw it
 * from `executeTakeFirstOrThrow(missing('work plan'))`.
 */
export class RowMissing extends Error {
  constructor(readonly what: string) {
    super(`No ${what} with this id.`);
    this.name = 'RowMissing';
  }
}

/** The error of a must-exist read, for `executeTakeFirstOrThrow`. */
export function missing(what: string): () => RowMissing {
  return () => new RowMissing(what);
}
