/**
 * Funding programmes: shared reference data.
 *
 * - Every signed-in user reads them (there is nothing per partnership).
 * - Anyone with a writing role in some partnership (access.assertWriterSomewhere)
 *   adds programmes and changes them (If-Match); viewers get 403.
 * - Deleting is for system administrators, and refused (409) while calls
 *   or sub-programmes point at the programme.
 * - `code` is unique, case-insensitively (409 naming `code`). A parent must
 *   exist and must not be the programme itself or one of its sub-programmes
 *   (400 at `parentId`): the catalogue is a tree.
 * - The catalogue (db/migrations/…_programme_catalogue.ts) is seeded with
 *   stable ids (`programme-horizon-europe`, …).
 * - Every write leaves an audit event ('programme').
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId, nowIso } from '../../../db/ids.js';
import * as repo from '../../../db/funding/programmes.js';
import type { ProgrammeWithParentRow } from '../../../db/funding/programmes.js';
import type { Database } from '../../../db/schema.js';
import { Conflict, NotFound, PreconditionFailed, ValidationFailed, assertAdmin, assertWriterSomewhere, checkVersion, pageRequest, recordChange, words, type Caller, type Words } from '../../platform/index.js';
import { StillUsed } from '../../crm/index.js';
import type { Programme, ProgrammeCreate, ProgrammeFamily, ProgrammeListQuery, ProgrammePatch } from '../schemas/programmes.js';
import { holdForDelete, holdForWrite } from '../../../db/row-locks.js';

export function toProgramme(row: ProgrammeWithParentRow): Programme {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    family: row.family as ProgrammeFamily,
    parentId: row.parent_id,
    parentName: row.parent_name,
    period: row.period,
    cofinancingRate: row.cofinancing_rate,
    cofinancingNote: row.cofinancing_note,
    source: row.source,
    cutOffTime: row.cut_off_time,
    cutOffZone: row.cut_off_zone,
    historic: row.historic === 1,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

/** The programme and every programme below it in the tree. */
export function descendantsOf(tree: { id: string; parent_id: string | null }[], id: string): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const p of tree) if (p.parent_id === out[i] && !out.includes(p.id)) out.push(p.id);
  return out;
}

async function load(db: Kysely<Database>, id: string): Promise<ProgrammeWithParentRow> {
  const row = await repo.findProgramme(db, id);
  if (!row) throw new NotFound('programme');
  return row;
}

async function assertCodeFree(db: Kysely<Database>, code: string, self: string | null): Promise<void> {
  const other = await repo.findProgrammeByCode(db, code);
  if (other && other.id !== self) {
    throw new Conflict(words('problems_funding_programmeCodeTaken', { code, name: other.name }), { errors: [{ path: 'code', ...words('problems_funding_field_programmeCodeTaken', { name: other.name }) }], existingId: other.id });
  }
}

async function assertParentUsable(db: Kysely<Database>, parentId: string | null | undefined, self: string | null): Promise<void> {
  if (!parentId) return;
  const tree = await repo.programmeTree(db);
  if (!tree.some((p) => p.id === parentId)) throw new ValidationFailed([{ path: 'parentId', ...words('problems_notFound_programme') }]);
  if (self && descendantsOf(tree, self).includes(parentId)) {
    throw new ValidationFailed([{ path: 'parentId', ...words('problems_funding_field_parentLoop') }]);
  }
}

export class FundingProgrammeService {
  constructor(private readonly db: DB) {}

  async list(_caller: Caller, query: ProgrammeListQuery) {
    const { column, page } = pageRequest(query, { name: 'name', code: 'code', updatedAt: 'updated_at' } as const);
    const result = await repo.listProgrammes(this.db, { family: query.family, parentId: query.parentId, historic: query.historic, q: query.q }, column, page);
    return { items: result.items.map(toProgramme), nextCursor: result.nextCursor };
  }

  async get(_caller: Caller, id: string): Promise<Programme> {
    return toProgramme(await load(this.db, id));
  }

  async create(caller: Caller, input: ProgrammeCreate): Promise<Programme> {
    assertWriterSomewhere(caller);
    return this.db.transaction().execute(async (trx) => {
      await assertParentUsable(trx, input.parentId, null);
      await assertCodeFree(trx, input.code, null);
      const id = newId();
      await repo.insertProgramme(trx, {
        id,
        code: input.code,
        name: input.name,
        family: input.family,
        parent_id: input.parentId,
        period: input.period,
        cofinancing_rate: input.cofinancingRate,
        cofinancing_note: input.cofinancingNote,
        source: input.source,
        cut_off_time: input.cutOffTime,
        cut_off_zone: input.cutOffZone,
        historic: input.historic ? 1 : 0,
        created_by: caller.userId
      });
      const after = toProgramme(await load(trx, id));
      await recordChange(trx, caller, 'programme', id, null, after);
      return after;
    });
  }

  async update(caller: Caller, id: string, patch: ProgrammePatch, expected: number | null): Promise<Programme> {
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'programmes', id);
      const before = toProgramme(await load(trx, id));
      assertWriterSomewhere(caller);
      checkVersion(expected, before);
      // the new parent is held too: two programmes made each other's parent at once cannot both pass the loop check
      if (patch.parentId && patch.parentId !== before.parentId) await holdForWrite(trx, 'programmes', patch.parentId);
      await assertParentUsable(trx, patch.parentId, id);
      if (patch.code !== undefined) await assertCodeFree(trx, patch.code, id);
      const updated = await repo.updateProgramme(trx, id, before.version, {
        code: patch.code,
        name: patch.name,
        family: patch.family,
        parent_id: patch.parentId,
        period: patch.period,
        cofinancing_rate: patch.cofinancingRate,
        cofinancing_note: patch.cofinancingNote,
        source: patch.source,
        cut_off_time: patch.cutOffTime,
        cut_off_zone: patch.cutOffZone,
        historic: patch.historic === undefined ? undefined : patch.historic ? 1 : 0,
        updated_at: nowIso()
      });
      if (!updated) throw new PreconditionFailed(before);
      const after = toProgramme(await load(trx, id));
      await recordChange(trx, caller, 'programme', id, before, after);
      return after;
    });
  }

  async delete(caller: Caller, id: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await holdForDelete(trx, 'programmes', id);
      const before = toProgramme(await load(trx, id));
      assertAdmin(caller);
      checkVersion(expected, before);
      const usage = await repo.programmeUsage(trx, id);
      const uses: Words[] = [usage.calls ? words('problems_funding_use_calls', { count: usage.calls }) : null, usage.children ? words('problems_funding_use_children', { count: usage.children }) : null].filter((use) => use !== null);
      if (uses.length) throw new StillUsed('problems_funding_programmeInUse', uses, { usage });
      await repo.deleteProgramme(trx, id);
      await recordChange(trx, caller, 'programme', id, before, null);
    });
  }
}
