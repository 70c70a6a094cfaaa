import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Tests share nothing but the built dist/ (made once by `pretest`).
    pool: 'forks',
  },
});
