import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // End-to-end tests spawn the built CLI; slow solvers are bounded by work, never by time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The browser tests wait for what the page shows (a run simulated, a report computed).
    expect: { poll: { timeout: 60_000, interval: 100 } },
  },
});
