import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'core/**/*.test.ts', 'scripts/**/*.test.ts', 'plugins/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/corpora/**', '**/node_modules/**', '.cache/**'],
    testTimeout: 30_000,
  },
});
