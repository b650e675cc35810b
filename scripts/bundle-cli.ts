import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { build } from 'esbuild';

/*
 * The CLI and the server start as one bundle: Node's loader spends most of a start resolving and
 * reading the thousand files of the dependencies one by one, and a command such as `rolebook
 * normalize` is started once per batch, by people and by the test suite hundreds of times.
 * Modules loaded on first use stay apart (split chunks), so a command that never serves still does
 * not parse the HTTP layer. Native packages, and those loaded by `require` at run time, stay in
 * node_modules.
 */

// Chunks are named by their content; the old ones would pile up and count in the index's format.
await rm('dist/cli/chunks', { recursive: true, force: true });

const { metafile } = await build({
  entryPoints: {
    main: 'src/cli/main.ts',
    'chunks/title.worker': 'src/services/normalize/title.worker.ts',
    'chunks/analysis.worker': 'src/services/analysis/analysis.worker.ts',
  },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  chunkNames: 'chunks/[name]-[hash]',
  // Also kept out: packages that find their own files (static assets, worker scripts) beside
  // their code through __dirname, which a bundle does not have.
  external: [
    'better-sqlite3',
    'pg-native',
    'cli-progress',
    'ajv',
    'ajv-formats',
    '@fastify/swagger',
    '@fastify/swagger-ui',
    'pino',
    'thread-stream',
  ],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
  metafile: true,
});

// The modules that start workers name their scripts (`./title.worker.js`) beside their own code,
// so the chunk that holds each must sit in the folder the workers are written to.
for (const starter of [
  'src/services/normalize/title-worker-pool.ts',
  'src/services/analysis/analysis-thread.ts',
]) {
  const holder = Object.entries(metafile.outputs).find(([, output]) => starter in output.inputs);
  if (holder === undefined || dirname(holder[0]) !== 'dist/cli/chunks') {
    throw new Error(
      `${starter} was bundled into ${holder?.[0] ?? 'no output'}, not beside the worker`,
    );
  }
}
