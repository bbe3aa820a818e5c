/**
 * What a visit to the overview is. Each reading of the cockpit is recorded
 * (`seenAt`); a reading more than half an hour after the one before starts a
 * new visit, whose "since your last visit" window starts at that earlier
 * reading. Readings within the half hour (a reload, coming back from a
 * record) keep the window, so what changed does not vanish on the second
 * look. Before the first reading the window is the last seven days.
 */

export const VISIT_GAP_MS = 30 * 60 * 1000;
export const FIRST_VISIT_DAYS = 7;

export interface VisitMarks {
  /** the last reading, null before the first */
  seenAt: string | null;
  /** the current visit's window start */
  since: string | null;
}

/** The window to show now and the marks to keep after this reading. */
export function visitAt(marks: VisitMarks, now: Date): { since: string; firstVisit: boolean; keep: { seenAt: string; since: string } } {
  const nowIso = now.toISOString();
  if (marks.seenAt === null) {
    const since = new Date(now.getTime() - FIRST_VISIT_DAYS * 86_400_000).toISOString();
    return { since, firstVisit: true, keep: { seenAt: nowIso, since } };
  }
  const newVisit = now.getTime() - Date.parse(marks.seenAt) > VISIT_GAP_MS;
  const since = newVisit || marks.since === null ? marks.seenAt : marks.since;
  return { since, firstVisit: false, keep: { seenAt: nowIso, since } };
}
