/** Privacy's services, the GDPR duties: a person's rights (access log, export, erasure), consent, the retention review and the record of processing. */
import type { DB } from '../../../db/connection.js';
import type { ContextEnv, Settings } from '../../platform/index.js';
import { ConsentService } from './consent.js';
import { PersonRightsService } from './person-rights.js';
import { ProcessingRecordService } from './processing-record.js';
import { RetentionService } from './retention.js';

export function privacyServices(db: DB, settings: Settings, clock?: () => Date) {
  const personRights = new PersonRightsService(db, clock);
  return {
    personRights,
    consent: new ConsentService(db, clock),
    // the retention review erases as DELETE /api/people/{id} does
    retention: new RetentionService(db, settings, personRights, clock),
    processingRecord: new ProcessingRecordService(db, settings, clock)
  };
}

export type PrivacyServices = ReturnType<typeof privacyServices>;
export type PrivacyEnv = ContextEnv<PrivacyServices>;
