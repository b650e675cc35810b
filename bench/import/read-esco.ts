/**
 * Reader benchmark over a full-size ESCO download: generates the synthetic one first if the
 * folder is absent, then opens it, streams every role, and reports the time and the peak
 * resident memory. No database is involved.
 *
 *   npx tsx bench/import/read-esco.ts [DIR]     (DIR defaults to $TMPDIR/rolebook-esco)
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEscoRelease } from '../../src/importers/esco/index.js';
import { fullSize, generateEsco } from './generate-esco.js';
import { measureRead, report } from './measure.js';

const dir = process.argv[2] ?? join(tmpdir(), 'rolebook-esco');
if (!existsSync(dir)) await generateEsco(dir, fullSize);
report(`ESCO ${dir}`, await measureRead(() => openEscoRelease(dir)));
