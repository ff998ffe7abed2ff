import { defineConfig } from 'vitest/config';

/** Tests that build sites or drive Chromium: slower, run by `npm run test:e2e` and CI. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
