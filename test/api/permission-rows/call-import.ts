/**
 * Permission rows for the portal import. Importing needs a writing role
 * somewhere: a viewer gets 403 before the body is read. The outsider (an
 * officer of P2) may import; the row sends `{}` as a dry run, which is no
 * portal file (400), so nothing is written.
 */
import type { PermissionRows } from './types.js';

const callImport: PermissionRows = {
  rows: {
    'POST /api/calls/import': { url: () => '/api/calls/import?dryRun=true', body: () => ({}), outsider: 400, viewer: 403 }
  }
};

export default callImport;
