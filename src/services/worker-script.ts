import { Worker } from 'node:worker_threads';

/**
 * Starts the worker script `name` that sits beside the module at `base` (its import.meta.url).
 * Bundled, the script is a chunk beside that module. Run from the sources (the tests, tsx), it
 * is a TypeScript file, which a worker thread cannot load by itself: tsx loads it there.
 * @example startWorkerBeside(import.meta.url, 'title.worker', { options })
 */
export const startWorkerBeside = (base: string, name: string, workerData: unknown): Worker =>
  base.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(
          new URL(`./${name}.ts`, base).href,
        )}, ${JSON.stringify(base)}))`,
        { eval: true, workerData },
      )
    : new Worker(new URL(`./${name}.js`, base), { workerData });
