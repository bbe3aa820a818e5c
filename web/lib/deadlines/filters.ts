/** The dashboard's choices as GET parameters: `?days=30|90|180&watched=true`. */
export const PERIODS = [30, 90, 180] as const;
export type Period = (typeof PERIODS)[number];

/** Items per page of the dashboard (the API's default) */
export const DASHBOARD_PAGE_SIZE = '50';

export interface DashboardFilters {
  days: Period;
  watched: boolean;
}

export function dashboardFilters(url: URL): DashboardFilters {
  const days = Number(url.searchParams.get('days'));
  return {
    days: (PERIODS as readonly number[]).includes(days) ? (days as Period) : 90,
    watched: url.searchParams.get('watched') === 'true'
  };
}

/** Items grouped by how soon they come: within a week, within 30 days, later. */
export function bucketOf(secondsLeft: number): 'week' | 'month' | 'later' {
  if (secondsLeft < 7 * 86_400) return 'week';
  return secondsLeft < 30 * 86_400 ? 'month' : 'later';
}
