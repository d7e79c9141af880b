import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Plain `vitest run` gets a scratch TMPDIR of its own, as `npm test` does.
    globalSetup: ['tests/support/scratch-tmpdir.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{common,infra,main,renderer,sync-server,content-packs,tests}/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'tests/sandbox/**', 'tests/sync/**/*.sync.test.ts', '**/node_modules/**'],
          // Servers and scrypt run here on two cores beside the other projects: vitest's 5 s / 10 s defaults
          // failed healthy tests at load 25. A hang still fails, only later.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { LIONLEARN_LOG_LEVEL: 'silent' },
        },
      },
      {
        test: {
          // The real Docker engine and sandbox image: .ci/run starts dockerd and builds the image.
          name: 'sandbox',
          include: ['tests/sandbox/**/*.sandbox.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          env: { LIONLEARN_LOG_LEVEL: 'silent' },
        },
      },
      {
        test: {
          // Crashes of the built server and property-based convergence: minutes, not seconds (npm run build first).
          name: 'sync',
          include: ['tests/sync/**/*.sync.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          env: { LIONLEARN_LOG_LEVEL: 'silent' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Many apps run at once here: each keeps two sandboxes started, not the host-sized pool.
          env: { LIONLEARN_LOG_LEVEL: 'silent', LIONLEARN_SANDBOX_POOL: '2' },
        },
      },
    ],
  },
});
