/**
 * Write benchmark: imports the full O*NET release into a fresh SQLite file through the import
 * service and reports the wall time and the peak resident memory against the targets
 * (under 10 s and 300 MB). Skips, exit 0, when the release is absent.
 *
 *   npx tsx bench/import/write-onet.ts [DIR]     (DIR defaults to ../shared/data/onet)
 */
import { existsSync } from 'node:fs';
import { importOnetRelease } from '../../src/services/index.js';
import { measureWrite } from './measure-write.js';

const dir = process.argv[2] ?? '../shared/data/onet';
if (!existsSync(dir)) {
  console.log(`No O*NET release at ${dir}; skipped. Pass its folder as the first argument.`);
} else {
  await measureWrite(`O*NET ${dir}`, { ms: 10_000, mb: 300 }, (ctx, actor) =>
    importOnetRelease(ctx, actor, dir),
  );
}
