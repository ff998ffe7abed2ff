import { defineConfig } from 'vitest/config';

/**
 * Tests over the shared real corpora (../shared/corpora), which exist only
 * beside this repository's own CI: `npm run test:corpora`, called by
 * .ci/run. `npm test` never reads outside the repository.
 */
export default defineConfig({
  test: {
    include: ['tests/corpora/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
