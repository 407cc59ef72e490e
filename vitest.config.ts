import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/fixtures/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: at most two test files (and so two Chromiums) at once.
    maxWorkers: 2,
  },
});
