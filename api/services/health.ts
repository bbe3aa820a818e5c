/** Reports whether the database answers. */
import type { DB } from '../../db/connection.js';
import { databaseHealth } from '../../db/repositories/health.js';
import type { Health } from '../schemas/health.js';

const VERSION = process.env.npm_package_version ?? '0.1.0';

export class HealthService {
  constructor(private readonly db: DB) {}

  async check(): Promise<Health> {
    try {
      const { migrations } = await databaseHealth(this.db);
      return { status: 'ok', database: { ok: true, migrations }, version: VERSION };
    } catch (error) {
      return { status: 'unavailable', database: { ok: false, migrations: 0, detail: String(error) }, version: VERSION };
    }
  }
}
