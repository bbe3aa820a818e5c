/**
 * The deadline dashboard's order and where one of its pages ends.
 *
 * Items come by instant, then kind (a call deadline before a milestone at
 * the same instant), then id (compared as SQLite compares text). A cursor
 * is the instant, kind and id of the last item handed out, opaque like the
 * other lists' cursors; the next page continues strictly after it.
 */
import { BadCursor, decodeCursor, encodeCursor } from '../../../db/platform/pagination.js';

export const DEADLINE_KINDS = ['call_deadline', 'milestone'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface DashboardPosition {
  /** UTC instant (ISO 8601) */
  at: string;
  kind: DeadlineKind;
  id: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;

export function encodePosition(position: DashboardPosition): string {
  return encodeCursor(position.at, `${position.kind}/${position.id}`);
}

/** The position a cursor of this dashboard carries; BadCursor (a 400 at `query.cursor`) for anything else. */
export function decodePosition(cursor: string): DashboardPosition {
  const [at, key] = decodeCursor(cursor);
  const slash = key.indexOf('/');
  const kind = key.slice(0, slash) as DeadlineKind;
  const id = key.slice(slash + 1);
  if (typeof at !== 'string' || !INSTANT.test(at) || Number.isNaN(Date.parse(at)) || !DEADLINE_KINDS.includes(kind) || id === '') {
    throw new BadCursor('The cursor is not one this API handed out.');
  }
  return { at, kind, id };
}

/** Negative when `a` comes first on the dashboard, positive when `b` does. */
export function compareByPosition(a: DashboardPosition, b: DashboardPosition): number {
  return Date.parse(a.at) - Date.parse(b.at) || DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
