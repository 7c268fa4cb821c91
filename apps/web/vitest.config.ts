import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests for data shaping (pure functions beside their code). The root config runs these too.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: {
      // Tests shape real sessions built by our engine (from source, as the root config does).
      '@apexdata/livetiming': fileURLToPath(new URL('../../packages/livetiming/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts'],
    env: { TZ: 'UTC' },
  },
});
