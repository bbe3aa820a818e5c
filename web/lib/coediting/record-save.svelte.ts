/**
 * Saving one co-edited record from a form (an evaluation's section or
 * assessment): the write (the typed client's PATCH) goes out with If-Match
 * of the version the form started from; a stored write is handed to `stored`, a same-field clash
 * is kept as `conflict` for the ConflictResolver, and any other problem
 * becomes `failure` (the problem's text). `busy` is true while a save runs,
 * `done` holds what the writer is told after it (see `savedText`).
 */
import type { MergeConflictProblem, WriteNotes } from '$api/cycle/schemas/coediting';
import { ApiProblem } from '$lib/api/client.js';
import { type Answer, coeditWrite } from './write.js';

export class RecordSave<W, B> {
  busy = $state(false);
  done = $state('');
  failure = $state('');
  conflict = $state<MergeConflictProblem | null>(null);

  constructor(
    /** the typed client's PATCH of `body` on top of `version` (with ifMatch) */
    private readonly write: (body: B, version: number) => Promise<Answer<W>>,
    private readonly stored: (write: W) => void,
    private readonly errorText: () => string
  ) {}

  /** PATCHes `body` on top of `version`: true when stored, false when it conflicts (the resolver opens). Other problems throw. */
  async send(body: B, version: number): Promise<boolean> {
    const result = await coeditWrite(this.write(body, version));
    if (!result.ok) {
      this.conflict = result.conflict;
      return false;
    }
    this.conflict = null;
    this.stored(result.value);
    return true;
  }

  /** The form's save: `busy` while it runs, earlier messages cleared, a problem shown as `failure`. */
  async save(body: B, version: number): Promise<boolean> {
    this.busy = true;
    this.failure = '';
    this.done = '';
    try {
      return await this.send(body, version);
    } catch (e) {
      this.failure = this.problemText(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** The resolver's choice sent on top of the version now stored: null when stored, else what to tell the writer. */
  async resolve(body: B, version: number, again: string): Promise<string | null> {
    try {
      return (await this.send(body, version)) ? null : again;
    } catch (e) {
      return this.problemText(e);
    }
  }

  /** a 400 says each field's message (worded by the API), not the technical detail line */
  private problemText(e: unknown): string {
    if (!(e instanceof ApiProblem)) return this.errorText();
    if (e.errors.length) return e.errors.map((err) => err.message).join(' ');
    return e.detail || e.title;
  }
}

/** What a writer is told after a save: saved (or merged with others' changes), and any approvals it withdrew. */
export function savedText(notes: WriteNotes, saved: string, merged: string, withdrawn: (parties: string) => string): string {
  return [notes.mergedFields.length ? merged : saved, notes.approvalsWithdrawn.length ? withdrawn(notes.approvalsWithdrawn.join(', ')) : ''].filter(Boolean).join(' ');
}
