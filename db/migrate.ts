/**
 * Runs the migrations at start-up. The provider lists them in code so the
 * bundled server finds them without reading a folder.
 */
import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import { storageFaultOf } from './storage-faults.js';
import * as foundation from './migrations/20261123T0600_foundation.js';
import * as activities from './migrations/20261123T0700_activities.js';
import * as activityLocalTimes from './migrations/20261123T0710_activity_local_times.js';
import * as funding from './migrations/20261123T0800_funding.js';
import * as programmeCatalogue from './migrations/20261123T0810_programme_catalogue.js';
import * as notificationDelivery from './migrations/20261123T0830_notification_delivery.js';
import * as regiowinScoringMatrix from './migrations/20261123T0850_regiowin_scoring_matrix.js';
import * as annualCycle from './migrations/20261123T0900_annual_cycle.js';
import * as workPlanAmendments from './migrations/20261123T0910_work_plan_amendments.js';
import * as deadlineIndexes from './migrations/20261207T0100_deadline_indexes.js';
import * as readPaths from './migrations/20261207T0200_read_paths.js';
import * as foldedNameIndexes from './migrations/20261207T0300_folded_name_indexes.js';
import * as personRights from './migrations/20261207T0500_person_rights.js';
import * as consentRetention from './migrations/20261207T0600_consent_retention.js';
import * as runOnce from './migrations/20261207T0700_run_once.js';
import * as sessionIdToken from './migrations/20261207T0800_session_id_token.js';
import * as postgresWordWalks from './migrations/20261207T0900_postgres_word_walks.js';
import * as callTitleReferences from './migrations/20261208T0100_call_title_references.js';
import * as withdrawalReasons from './migrations/20261208T0200_withdrawal_reasons.js';
import * as overviewVisits from './migrations/20261208T0300_overview_visits.js';

const migrations: Record<string, Migration> = {
  '20261123T0600_foundation': foundation,
  '20261123T0700_activities': activities,
  '20261123T0710_activity_local_times': activityLocalTimes,
  '20261123T0800_funding': funding,
  '20261123T0810_programme_catalogue': programmeCatalogue,
  '20261123T0830_notification_delivery': notificationDelivery,
  '20261123T0850_regiowin_scoring_matrix': regiowinScoringMatrix,
  '20261123T0900_annual_cycle': annualCycle,
  '20261123T0910_work_plan_amendments': workPlanAmendments,
  '20261207T0100_deadline_indexes': deadlineIndexes,
  '20261207T0200_read_paths': readPaths,
  '20261207T0300_folded_name_indexes': foldedNameIndexes,
  '20261207T0500_person_rights': personRights,
  '20261207T0600_consent_retention': consentRetention,
  '20261207T0700_run_once': runOnce,
  '20261207T0800_session_id_token': sessionIdToken,
  '20261207T0900_postgres_word_walks': postgresWordWalks,
  '20261208T0100_call_title_references': callTitleReferences,
  '20261208T0200_withdrawal_reasons': withdrawalReasons,
  '20261208T0300_overview_visits': overviewVisits
};

/** The names of every migration, in order (a built database is current when it ran exactly these). */
export const migrationNames = (): string[] => Object.keys(migrations);

class InCodeMigrationProvider implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  await migrate(db, (migrator) => migrator.migrateToLatest());
}

/** Runs the migrations up to and including `name`: the database an older version of RegioDesk left (tests start from one). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  if (!(name in migrations)) throw new Error(`No migration named ${name}.`);
  await migrate(db, (migrator) => migrator.migrateTo(name));
}

async function migrate(db: Kysely<any>, run: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<void> {
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider() });
  const { error, results } = await run(migrator);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const fault = storageFaultOf(error);
    if (fault) {
      const pending = results?.filter((r) => r.status !== 'Success').map((r) => r.migrationName) ?? [];
      const why = fault.kind === 'read-only' ? 'the database file is read-only' : fault.kind === 'disk-full' ? 'the disk is full' : `SQLite answered ${fault.code}`;
      throw new Error(
        `The database needs ${pending.length} migration${pending.length === 1 ? '' : 's'} this version brings (${pending.join(', ')}), and ${why}, so ${pending.length === 1 ? 'it' : 'they'} cannot be applied. ` +
          'Make the database file and its folder writable (or free space), or start the version of RegioDesk that matches the database.',
        { cause: error }
      );
    }
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
