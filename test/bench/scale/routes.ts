/**
 * What the scale benchmark measures: the reads issue 9 names, one write and
 * the server-rendered organisations page, each as a list of requests that
 * autocannon cycles through (several organisations for the timeline and the
 * write, so no single row stays hot).
 */
import type { ScaleWorkspace } from './workspace.js';

/** `feed`: a whole calendar of megabytes, measured with /api/health probed beside it (the client, not the server, limits its req/s) */
export type RouteKind = 'baseline' | 'read' | 'write' | 'page' | 'feed';

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** headers of this request only (e.g. If-None-Match) */
  headers?: Record<string, string>;
}

export interface BenchRoute {
  /** short name used in the table, the JSON and `--only` */
  key: string;
  kind: RouteKind;
  /** what a person does, e.g. "list organisations (50, by name)" */
  label: string;
  /** false for /api/health: no session */
  signedIn: boolean;
  requests: BenchRequest[];
  /** the status every answer should have (default: any 2xx) */
  status?: number;
  /** ms of the route's first answer, when it was asked before the measurement (the calendar feed is written then) */
  coldMs?: number;
}

/** The user-specific parts of the routes: the calendar feed token of each user, and its feed's current ETag. */
export interface RouteContext {
  workspace: ScaleWorkspace;
  calendarToken: string;
  calendarEtag: string;
  /** ms of the feed's first download, which wrote it */
  calendarWrittenMs?: number;
}

/** A common word ("tech": Technologiezentrum, Technische Hochschule, … Tech B.V.) and a rare place name. */
export const COMMON_WORD = 'tech';
export const RARE_WORD = 'wiesenburg';

const ROTATE = 20;

export function benchRoutes({ workspace, calendarToken, calendarEtag, calendarWrittenMs }: RouteContext): BenchRoute[] {
  const feed = `/api/calendar.ics?token=${encodeURIComponent(calendarToken)}`;
  const organisations = workspace.officerWritableSample.slice(0, ROTATE);
  const get = (path: string): BenchRequest[] => [{ method: 'GET', path }];
  return [
    { key: 'health', kind: 'baseline', label: 'GET /api/health (bare)', signedIn: false, requests: get('/api/health') },
    { key: 'organisations', kind: 'read', label: 'organisations list (50, by name)', signedIn: true, requests: get('/api/organisations?limit=50&sort=name') },
    { key: 'organisations-filter', kind: 'read', label: 'organisations by country and kind', signedIn: true, requests: get('/api/organisations?limit=50&sort=name&country=DE&kind=company') },
    { key: 'organisations-q', kind: 'read', label: `organisations ?q=${COMMON_WORD}`, signedIn: true, requests: get(`/api/organisations?limit=50&sort=name&q=${COMMON_WORD}`) },
    { key: 'organisations-q-rare', kind: 'read', label: `organisations ?q=${RARE_WORD}`, signedIn: true, requests: get(`/api/organisations?limit=50&sort=name&q=${RARE_WORD}`) },
    { key: 'search', kind: 'read', label: `/api/search?q=${COMMON_WORD}`, signedIn: true, requests: get(`/api/search?q=${COMMON_WORD}`) },
    { key: 'search-rare', kind: 'read', label: `/api/search?q=${RARE_WORD}`, signedIn: true, requests: get(`/api/search?q=${RARE_WORD}`) },
    {
      key: 'timeline',
      kind: 'read',
      label: `an organisation's timeline (${organisations.length} organisations in turn)`,
      signedIn: true,
      requests: organisations.map((id) => ({ method: 'GET', path: `/api/organisations/${id}/timeline?limit=20` }))
    },
    { key: 'interactions', kind: 'read', label: 'interactions list (50, newest first)', signedIn: true, requests: get('/api/interactions?limit=50') },
    { key: 'people', kind: 'read', label: 'people list (50, by name)', signedIn: true, requests: get('/api/people?limit=50') },
    { key: 'deadlines', kind: 'read', label: 'deadline dashboard (366 days, watched)', signedIn: true, requests: get('/api/deadlines?days=366&watched=true&zone=Europe/Berlin') },
    // calendar apps fetch their feed again every few minutes with the ETag they hold: unchanged, it answers 304 without a body
    {
      key: 'calendar',
      kind: 'read',
      label: 'calendar feed polled, unchanged (If-None-Match → 304)',
      signedIn: false,
      requests: [{ method: 'GET', path: feed, headers: { 'if-none-match': calendarEtag } }],
      status: 304
    },
    // …and download it whole when it changed, compressed (Google, Apple and Microsoft calendars send Accept-Encoding: gzip)
    {
      key: 'calendar-download',
      kind: 'feed',
      label: 'calendar feed downloaded whole, gzip (every watched call)',
      signedIn: false,
      requests: [{ method: 'GET', path: feed, headers: { 'accept-encoding': 'gzip' } }],
      coldMs: calendarWrittenMs
    },
    {
      key: 'interactions-post',
      kind: 'write',
      label: 'POST /api/interactions (with its audit event)',
      signedIn: true,
      requests: organisations.map((organisationId, i) => ({
        method: 'POST',
        path: '/api/interactions',
        body: JSON.stringify({ kind: 'note', occurredAt: `2026-0${1 + (i % 9)}-15T09:30:00Z`, summary: 'Scale benchmark: a note on the timeline.', organisationId })
      }))
    },
    { key: 'organisations-page', kind: 'page', label: 'the organisations page (server-rendered)', signedIn: true, requests: get('/organisations') }
  ];
}
