import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Files run in parallel workers. vitest's default (cores − 1) is a single worker on our 2-core
// machines, and most of the suite's wall time is waiting on other processes — PostgreSQL, Redis,
// spawned `apex` processes — so two or more workers overlap it, and the longest file (the F1DB
// import) no longer holds up every other file. Files share no state: each makes its own databases
// (copies of templates, see apps/server/test/helpers/templates.ts), temp folders, free ports and
// Redis key namespaces. APEX_TEST_WORKERS overrides the count (1 = one file at a time).
const workers = Number(process.env.APEX_TEST_WORKERS) || Math.max(2, availableParallelism());

export default defineConfig({
  resolve: {
    alias: {
      '@apexdata/livetiming': fileURLToPath(new URL('./packages/livetiming/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/server/test/**/*.test.ts', 'apps/web/{lib,app,components}/**/*.test.ts'],
    globalSetup: ['scripts/vitest-global-setup.mjs'],
    maxWorkers: workers,
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
  },
});
