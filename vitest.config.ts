import { defineConfig } from 'vitest/config';

/**
 * Integration tests: real databases, servers, CLIs and a browser, each file in a process of its
 * own. Unit tests run by vitest.unit.config.ts; the probes by vitest.probe.config.ts.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A test that starts the CLI four times over PostgreSQL took over 30 s while the static
    // checks and three other files shared the two cores; a hang still fails, a minute later.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Much of an integration test's time is spent in other processes (the CLI it starts,
    // Chromium, PostgreSQL), so more files than cores keep both cores busy.
    maxWorkers: 4,
    // As many kept as started: a pool that retires idle workers mid-run rejects with
    // "Terminating worker thread" and fails a run whose tests all passed.
    minWorkers: 4,
    // Each file opens its own databases and servers; the modules themselves hold nothing a
    // file could leak to the next, so a worker loads them once for all its files.
    isolate: false,
  },
});
