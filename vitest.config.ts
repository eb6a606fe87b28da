import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Failures show whole arrays and objects: a flaky run must say what it saw.
    chaiConfig: { truncateThreshold: 0 },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts its own server processes; two cores do not gain from running many at once.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'client',
          sequence: { groupOrder: 0 },
          include: ['client/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file starts a server and Chromium; on two cores they run one at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'container',
          sequence: { groupOrder: 3 },
          include: ['tests/container/**/*.test.ts'],
          environment: 'node',
          // Builds the base image (once, kept between runs) and the image: minutes, not seconds.
          testTimeout: 600_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
