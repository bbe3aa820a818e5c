/** Funding's services: programmes, calls and their import, watched calls, saved searches and notifications of changed deadlines. */
import type { DB } from '../../../db/connection.js';
import type { ContextEnv, Settings } from '../../platform/index.js';
import { CallImportService } from './call-import.js';
import { CallService } from './calls.js';
import { NotificationService } from './notifications.js';
import { FundingProgrammeService } from './programmes.js';
import { SavedSearchService } from './saved-searches.js';
import { WatchService } from './watches.js';

export function fundingServices(db: DB, settings: Settings, clock?: () => Date) {
  return {
    programmes: new FundingProgrammeService(db),
    calls: new CallService(db, clock),
    callImports: new CallImportService(db, settings, clock),
    watches: new WatchService(db, clock),
    savedSearches: new SavedSearchService(db, clock),
    notifications: new NotificationService(db, clock)
  };
}

export type FundingServices = ReturnType<typeof fundingServices>;
export type FundingEnv = ContextEnv<FundingServices>;
export { fundingAuditedRecords } from './audited-records.js';
