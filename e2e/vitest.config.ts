import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the web app if needed, starts one Kehu server for the whole run and stops it after.
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The files drive one server and share its data: one at a time, in one process.
    fileParallelism: false,
    pool: 'forks',
    maxWorkers: 1,
  },
});
