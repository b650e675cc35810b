/**
 * Write benchmark: imports a full-size ESCO download (3,000 occupations, 14,000 skills,
 * 130,000 relations; the synthetic one is generated first when the folder is absent) into a
 * fresh SQLite file through the import service, and reports the wall time and the peak
 * resident memory against the targets (under 30 s and 300 MB).
 *
 *   npx tsx bench/import/write-esco.ts [DIR]     (DIR defaults to $TMPDIR/rolebook-esco)
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importEscoRelease } from '../../src/services/index.js';
import { fullSize, generateEsco } from './generate-esco.js';
import { measureWrite } from './measure-write.js';

const dir = process.argv[2] ?? join(tmpdir(), 'rolebook-esco');
if (!existsSync(dir)) await generateEsco(dir, fullSize);
await measureWrite(`ESCO ${dir}`, { ms: 30_000, mb: 300 }, (ctx, actor) =>
  importEscoRelease(ctx, actor, dir),
);
