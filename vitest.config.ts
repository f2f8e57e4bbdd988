import { defineConfig } from 'vitest/config';

// Three projects: fast unit tests (pure core in Node, DOM code in happy-dom) and end-to-end tests with
// the built extension in a real Chromium (`e2e`) and Firefox ESR (`firefox`). E2E files run one at a
// time: each launches a browser and the machine has two cores.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'firefox',
          include: ['test/e2e-firefox/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
