/**
 * Regions are shared reference data: every signed-in user reads them; users
 * with a writing role anywhere add and change them; only a system
 * administrator deletes one, and only while nothing points at it.
 */
import type { DB } from '../../../db/connection.js';
import { newId, nowIso } from '../../../db/ids.js';
import * as repo from '../../../db/crm/regions.js';
import type { RegionRow } from '../../../db/schema.js';
import { Conflict, NotFound, PreconditionFailed, assertAdmin, assertWriterSomewhere, checkVersion, pageRequest, recordChange, type Caller } from '../../platform/index.js';
import type { Region, RegionCreate, RegionListQuery, RegionPatch } from '../schemas/regions.js';
import { holdForDelete, holdForWrite } from '../../../db/row-locks.js';

export function toRegion(row: RegionRow): Region {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    nutsCodes: row.nuts_codes,
    languages: row.languages,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

export class RegionService {
  constructor(private readonly db: DB) {}

  async list(_caller: Caller, query: RegionListQuery) {
    const { column, page } = pageRequest(query, { name: 'name', updatedAt: 'updated_at' } as const);
    const result = await repo.listRegions(this.db, { country: query.country, q: query.q }, column, page);
    return { items: result.items.map(toRegion), nextCursor: result.nextCursor };
  }

  async get(_caller: Caller, id: string): Promise<Region> {
    const row = await repo.findRegion(this.db, id);
    if (!row) throw new NotFound('region');
    return toRegion(row);
  }

  async create(caller: Caller, input: RegionCreate): Promise<Region> {
    assertWriterSomewhere(caller);
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.insertRegion(trx, {
        id: newId(),
        name: input.name,
        country: input.country,
        nuts_codes: input.nutsCodes,
        languages: input.languages
      });
      const region = toRegion(row);
      await recordChange(trx, caller, 'region', region.id, null, region);
      return region;
    });
  }

  async update(caller: Caller, id: string, patch: RegionPatch, expected: number | null): Promise<Region> {
    assertWriterSomewhere(caller);
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'regions', id);
      const row = await repo.findRegion(trx, id);
      if (!row) throw new NotFound('region');
      const before = toRegion(row);
      checkVersion(expected, before);
      const updated = await repo.updateRegion(trx, id, row.version, {
        name: patch.name,
        country: patch.country,
        nuts_codes: patch.nutsCodes,
        languages: patch.languages,
        updated_at: nowIso()
      });
      if (!updated) throw new PreconditionFailed(before);
      const after = toRegion(updated);
      await recordChange(trx, caller, 'region', id, before, after);
      return after;
    });
  }

  async delete(caller: Caller, id: string, expected: number | null): Promise<void> {
    assertAdmin(caller);
    await this.db.transaction().execute(async (trx) => {
      await holdForDelete(trx, 'regions', id);
      const row = await repo.findRegion(trx, id);
      if (!row) throw new NotFound('region');
      const before = toRegion(row);
      checkVersion(expected, before);
      const usage = await repo.regionUsage(trx, id);
      if (usage > 0) throw new Conflict('problems_crm_regionInUse', { count: usage });
      await repo.deleteRegion(trx, id);
      await recordChange(trx, caller, 'region', id, before, null);
    });
  }
}
