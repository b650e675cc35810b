import { defineConfig } from 'vitest/config';

/** The probes of the built server (`npm run test:probe`): slow and large, run in their own step. */
export default defineConfig({
  test: {
    include: ['test/probe/**/*.probe.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
