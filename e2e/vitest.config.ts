import { defineConfig } from 'vitest/config';

// Browser tests: each file starts its own Accord server (child process) and Chromium, so files
// run one at a time to keep a 2-core machine responsive.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
