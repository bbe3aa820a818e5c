/**
 * The fixed cast of the scale workspace: the regional bodies that are parties
 * to the partnerships, the partnerships (with the share of all organisations
 * each one takes in as stakeholders) and the users.
 *
 * Visibility by design: the OFFICER (Verband Region Rhein-Neckar, the hub
 * of the network) is officer of partnerships 0 and 1; their own organisation
 * recorded 48 % of the organisations, and each partnership takes in 500
 * stakeholders (the most a partnership's stakeholder list takes through the
 * API), drawn from all organisations. So the officer sees about half the
 * organisations (48 % plus the stakeholders of their two partnerships the
 * others recorded) at every size, and a partnership is as big at 10,000 as at
 * 100,000 organisations. The ADMIN sees all.
 */
import type { Language } from './words.js';

export interface AnchorOrganisation {
  name: string;
  shortName: string;
  kind: string;
  /** index into REGIONS */
  region: number;
  language: Language;
}

/** Organisations 0…5: the parties. Organisation 0 is the officer's. */
export const ANCHORS: readonly AnchorOrganisation[] = [
  { name: 'Verband Region Rhein-Neckar', shortName: 'VRRN', kind: 'regional_authority', region: 0, language: 'de' },
  { name: 'Provincie Vlaams-Brabant', shortName: 'PVB', kind: 'regional_authority', region: 6, language: 'nl' },
  { name: 'Wirtschaftsförderung Land Brandenburg', shortName: 'WFBB', kind: 'agency', region: 1, language: 'de' },
  { name: 'Provincie Noord-Brabant', shortName: 'PNB', kind: 'regional_authority', region: 9, language: 'nl' },
  { name: 'Regierungspräsidium Darmstadt', shortName: 'RPDA', kind: 'regional_authority', region: 2, language: 'de' },
  { name: 'Provincie Antwerpen', shortName: 'PA', kind: 'regional_authority', region: 7, language: 'nl' }
];

/** The officer's own organisation recorded this share of the organisations. */
export const OFFICER_RECORDS_SHARE = 0.48;

/** Stakeholders of every partnership (the API takes at most 500 in a partnership's list). */
export const STAKEHOLDERS_PER_PARTNERSHIP = 500;

export interface PartnershipCast {
  title: string;
  /** anchor organisations that are its parties, in order */
  parties: readonly number[];
  startsOn: string;
  endsOn: string;
  domains: readonly string[];
}

export const PARTNERSHIPS: readonly PartnershipCast[] = [
  { title: 'Rhein-Neckar – Flemish Brabant', parties: [0, 1], startsOn: '2025-01-01', endsOn: '2028-12-31', domains: ['innovation', 'mobility', 'health', 'digital'] },
  { title: 'Smart Region Rhein-Neckar – Südhessen', parties: [0, 4], startsOn: '2023-01-01', endsOn: '2026-12-31', domains: ['smart-region', 'digital', 'energy'] },
  { title: 'Regio.hub Berlin-Brandenburg', parties: [2, 3], startsOn: '2024-01-01', endsOn: '2027-12-31', domains: ['smart-region', 'regional-planning'] },
  { title: 'Brabant – Antwerpen Kennisas', parties: [3, 5], startsOn: '2022-01-01', endsOn: '2026-06-30', domains: ['innovation', 'energy', 'agriculture'] }
];

export type Role = 'admin' | 'officer' | 'editor' | 'viewer';

export interface UserCast {
  key: string;
  email: string;
  name: string;
  /** anchor organisation */
  organisation: number;
  isAdmin: boolean;
  memberships: readonly (readonly [partnership: number, role: Role])[];
  /** relative share of the interactions this user wrote */
  authorWeight: number;
  /** watches every call */
  watchesAllCalls: boolean;
}

export const USERS: readonly UserCast[] = [
  { key: 'officer', email: 'officer@scale.regiodesk.eu', name: 'Katrin Wellmann', organisation: 0, isAdmin: false, memberships: [[0, 'officer'], [1, 'officer']], authorWeight: 30, watchesAllCalls: true },
  { key: 'admin', email: 'admin@scale.regiodesk.eu', name: 'Scale Administrator', organisation: 0, isAdmin: true, memberships: [], authorWeight: 5, watchesAllCalls: true },
  { key: 'officerVb', email: 'officer.vb@scale.regiodesk.eu', name: 'Pieter Goossens', organisation: 1, isAdmin: false, memberships: [[0, 'officer'], [3, 'viewer']], authorWeight: 20, watchesAllCalls: false },
  { key: 'officerBb', email: 'officer.bb@scale.regiodesk.eu', name: 'Claudia Rettig', organisation: 2, isAdmin: false, memberships: [[2, 'officer']], authorWeight: 20, watchesAllCalls: false },
  { key: 'editorNb', email: 'editor.nb@scale.regiodesk.eu', name: 'Femke de Vries', organisation: 3, isAdmin: false, memberships: [[2, 'editor'], [3, 'officer']], authorWeight: 15, watchesAllCalls: false },
  { key: 'editorDa', email: 'editor.da@scale.regiodesk.eu', name: 'Sven Guntermann', organisation: 4, isAdmin: false, memberships: [[1, 'editor']], authorWeight: 10, watchesAllCalls: false }
];

/** Every user's password (hashed once, the same hash for all). */
export const SCALE_PASSWORD = 'regiodesk-scale-bench';

/** The partnerships the officer belongs to. */
export const OFFICER_PARTNERSHIPS = USERS[0]!.memberships.map(([p]) => p);
