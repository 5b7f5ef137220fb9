import { defineConfig } from 'vitest/config';

// Unit, database and HTTP tests. Browser flows live in vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two forks on this 2-core machine (Vitest's default is one fewer than the cores): most files wait on PostgreSQL,
    // servers or child processes, so two at once halve the run (12.9 → 6.2 min, every file still passing).
    maxWorkers: 2,
  },
});
