import { defineConfig } from 'vitest/config';

// Unit and integration tests of shared/, server/ and client/. e2e/ runs separately (pnpm test:e2e)
// because it needs the built client.
export default defineConfig({
  test: {
    projects: ['shared', 'server', 'client'].map((name) => ({
      test: {
        name,
        root: `./${name}`,
        include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
        testTimeout: 30_000,
        setupFiles: name === 'client' ? ['./test/setup-i18n.ts'] : [],
      },
    })),
  },
});
