/** The shape of one feature's permission rows (see core.ts). */
import type { ApiHarness } from '../../support/api.js';

export type Ids = Record<string, string>;

/** a status code, 'ok' (< 400) or 'skip' (not tried) */
export type Expect = number | 'ok' | 'skip';

export interface Row {
  url: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** anonymous: 401 unless given */
  anonymous?: Expect;
  /** a signed-in user of another partnership */
  outsider: Expect;
  /** a viewer of P1 (writes answering 'ok' are not tried: they would change data) */
  viewer: Expect;
  /** an officer of P1, for administration routes */
  officer?: Expect;
  /** the outsider's answer must not mention this id (lists) */
  hides?: (ids: Ids) => string;
}

export interface PermissionRows {
  /** creates the P1 records the rows point at; gets the ids of earlier files' setups */
  setup?: (h: ApiHarness, ids: Ids) => Promise<Ids>;
  rows: Record<string, Row>;
}
