/**
 * Reader benchmark over a real O*NET release: opens it, streams every role, and reports the
 * time and the peak resident memory. No database is involved.
 *
 *   npx tsx bench/import/read-onet.ts [DIR]     (DIR defaults to ../shared/data/onet)
 */
import { existsSync } from 'node:fs';
import { openOnetRelease } from '../../src/importers/onet/index.js';
import { measureRead, report } from './measure.js';

const dir = process.argv[2] ?? '../shared/data/onet';
if (!existsSync(dir)) {
  console.error(`No O*NET release at ${dir}; pass its folder as the first argument.`);
  process.exit(2);
}
report(`O*NET ${dir}`, await measureRead(() => openOnetRelease(dir)));
