import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Generous: these guard against hangs, not speed (benchmarks measure speed), and the machines are shared.
    // Each file gets its own database; two workers fit the 2-core machines this runs on.
    pool: 'forks',
    maxWorkers: 2,
  },
});
