/**
 * Builds one scale workspace into a file, for looking at plans by hand:
 *   npx tsx test/bench/scale/build.ts --size=large --out=/tmp/scale.db
 * (`npm run bench:scale` builds its own into a temporary folder.)
 */
import { parseArgs } from 'node:util';
import { SIZES, type SizeName, buildScaleWorkspace } from './workspace.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'large' }, out: { type: 'string' }, today: { type: 'string' } } });
const size = values.size as SizeName;
if (!(size in SIZES) || !values.out) {
  console.error(`usage: build.ts --size=${Object.keys(SIZES).join('|')} --out=FILE [--today=YYYY-MM-DD]`);
  process.exit(2);
}
const workspace = await buildScaleWorkspace(values.out, SIZES[size], { today: values.today });
console.log(`built ${size} workspace in ${workspace.seconds.toFixed(1)} s: ${workspace.file}`);
console.log(JSON.stringify({ counts: workspace.counts, officerVisibleOrganisations: workspace.officerVisibleOrganisations, users: workspace.users, password: workspace.password }, null, 2));
