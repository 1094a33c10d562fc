// Unit tests run in Node against the tfjs CPU backend; browser tests live in tests/e2e.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A worker per core: the slow files train real MNIST on one core each, and Vitest's default (cores
    // − 1) runs them one after another on a two-core machine while the main process idles.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
