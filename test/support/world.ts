/**
 * A small, known world for API tests: two partnerships with their regions,
 * party organisations and users in every role, each with a Bearer token.
 *
 * - P1 "Rhein-Neckar – Flemish Brabant": parties VRRN (Rhein-Neckar) and PFB
 *   (Flemish Brabant); users admin/officer/editor/viewer of P1.
 * - P2 "Regio.hub Berlin-Brandenburg": party WFBB; user `outsider` (officer of P2).
 * - `sysadmin` is a system administrator with no memberships.
 */
import type { Kysely } from 'kysely';
import { digest } from '../../api/platform/auth/secrets.js';
import { hashPassword } from '../../api/platform/auth/passwords.js';
import { newId } from '../../db/ids.js';
import type { Database } from '../../db/schema.js';
import { jsonText } from '../../db/json-columns.js';

export const PASSWORD = 'test-password-123';

export type UserKey = 'sysadmin' | 'admin' | 'officer' | 'editor' | 'viewer' | 'outsider';

export interface World {
  regions: { rheinNeckar: string; flemishBrabant: string; berlin: string };
  organisations: { vrrn: string; pfb: string; wfbb: string };
  partnerships: { p1: string; p2: string };
  users: Record<UserKey, { id: string; email: string; token: string }>;
}

let passwordHash: Promise<string> | null = null;

export async function buildWorld(db: Kysely<Database>): Promise<World> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const regions = { rheinNeckar: newId(), flemishBrabant: newId(), berlin: newId() };
  await db
    .insertInto('regions')
    .values([
      { id: regions.rheinNeckar, name: 'Rhein-Neckar', country: 'DE', nuts_codes: jsonText(['DE12', 'DE71', 'DEB3']), languages: jsonText(['de']) },
      { id: regions.flemishBrabant, name: 'Vlaams-Brabant', country: 'BE', nuts_codes: jsonText(['BE24']), languages: jsonText(['nl']) },
      { id: regions.berlin, name: 'Berlin-Brandenburg', country: 'DE', nuts_codes: jsonText(['DE3', 'DE4']), languages: jsonText(['de']) }
    ])
    .execute();
  const organisations = { vrrn: newId(), pfb: newId(), wfbb: newId() };
  await db
    .insertInto('organisations')
    .values([
      { id: organisations.vrrn, name: 'Verband Region Rhein-Neckar', short_name: 'VRRN', kind: 'regional_authority', region_id: regions.rheinNeckar, country: 'DE', nuts_code: 'DE12', website: null, recorded_by_organisation_id: null },
      { id: organisations.pfb, name: 'Provincie Vlaams-Brabant', short_name: 'PFB', kind: 'regional_authority', region_id: regions.flemishBrabant, country: 'BE', nuts_code: 'BE24', website: null, recorded_by_organisation_id: null },
      { id: organisations.wfbb, name: 'Wirtschaftsförderung Land Brandenburg', short_name: 'WFBB', kind: 'agency', region_id: regions.berlin, country: 'DE', nuts_code: 'DE4', website: null, recorded_by_organisation_id: null }
    ])
    .execute();
  const partnerships = { p1: newId(), p2: newId() };
  await db
    .insertInto('partnerships')
    .values([
      { id: partnerships.p1, title: 'Rhein-Neckar – Flemish Brabant', signed_on: '2020-12-01', starts_on: '2021-01-01', ends_on: '2024-12-31', notice_months: 6, notice_sent_on: null, predecessor_id: null, forms: jsonText([]) },
      { id: partnerships.p2, title: 'Regio.hub Berlin-Brandenburg', signed_on: null, starts_on: '2023-01-01', ends_on: '2026-12-31', notice_months: null, notice_sent_on: null, predecessor_id: null, forms: jsonText([]) }
    ])
    .execute();
  await db
    .insertInto('partnership_parties')
    .values([
      { id: newId(), partnership_id: partnerships.p1, position: 0, region_id: regions.rheinNeckar, organisation_id: organisations.vrrn, contact_person_id: null, networks: jsonText([]) },
      { id: newId(), partnership_id: partnerships.p1, position: 1, region_id: regions.flemishBrabant, organisation_id: organisations.pfb, contact_person_id: null, networks: jsonText([]) },
      { id: newId(), partnership_id: partnerships.p2, position: 0, region_id: regions.berlin, organisation_id: organisations.wfbb, contact_person_id: null, networks: jsonText([]) }
    ])
    .execute();

  const spec: [UserKey, string | null, string | null, string | null, boolean][] = [
    ['sysadmin', null, null, null, true],
    ['admin', organisations.vrrn, partnerships.p1, 'admin', false],
    ['officer', organisations.vrrn, partnerships.p1, 'officer', false],
    ['editor', organisations.pfb, partnerships.p1, 'editor', false],
    ['viewer', organisations.pfb, partnerships.p1, 'viewer', false],
    ['outsider', organisations.wfbb, partnerships.p2, 'officer', false]
  ];
  const users = {} as World['users'];
  for (const [key, organisationId, partnershipId, role, isAdmin] of spec) {
    const id = newId();
    const email = `${key}@test.regiodesk.eu`;
    await db.insertInto('users').values({ id, email, name: key[0]!.toUpperCase() + key.slice(1), password_hash: hash, organisation_id: organisationId, is_admin: isAdmin ? 1 : 0, disabled_at: null }).execute();
    if (partnershipId && role) await db.insertInto('memberships').values({ user_id: id, partnership_id: partnershipId, role }).execute();
    const token = `rd_test_${key}_${id}`;
    await db.insertInto('access_tokens').values({ id: newId(), user_id: id, name: 'tests', token_hash: digest(token), prefix: token.slice(0, 9) }).execute();
    users[key] = { id, email, token };
  }
  return { regions, organisations, partnerships, users };
}
