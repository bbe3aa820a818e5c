/** The overview's service: the cockpit, composed from the other contexts' services handed in by api/services.ts. */
import type { DB } from '../../../db/connection.js';
import type { ContextEnv } from '../../platform/index.js';
import { OverviewService, type OverviewSources } from './overview.js';

export function overviewServices(db: DB, sources: OverviewSources, clock?: () => Date) {
  return { overview: new OverviewService(db, sources, clock) };
}

export type OverviewServices = ReturnType<typeof overviewServices>;
export type OverviewEnv = ContextEnv<OverviewServices>;
export type { OverviewSources };
