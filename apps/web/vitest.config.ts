import { defineConfig } from 'vitest/config';

// Unit tests for data shaping (pure functions beside their code). The root config runs these too.
export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts'],
    env: { TZ: 'UTC' },
  },
});
