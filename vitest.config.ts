import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{common,infra,main,renderer,sync-server,content-packs,tests}/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', '**/node_modules/**'],
          env: { LIONLEARN_LOG_LEVEL: 'silent' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          env: { LIONLEARN_LOG_LEVEL: 'silent' },
        },
      },
    ],
  },
});
