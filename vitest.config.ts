import { defineConfig } from 'vitest/config';

// Three suites, each named for what it needs to run:
// unit: the engine and the hosts' pure parts under Node, with inputs made by the tests;
// conformance: the real export samples in ../shared/fixtures;
// e2e: the built renderer in Debian's Chromium, driven by playwright-core, against `serve`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // A guard against hangs, not a speed goal: tests that start the CLI or worker threads
          // take seconds on a busy two-core machine.
          testTimeout: 30_000,
          globalSetup: ['test/support/build-node.ts'],
          env: { TZ: 'UTC' },
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          globalSetup: ['test/support/build-node.ts'],
          env: { TZ: 'UTC' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          env: { TZ: 'UTC' },
        },
      },
    ],
  },
});
