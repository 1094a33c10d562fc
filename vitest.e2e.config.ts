// Browser tests: the production build served by `vite preview`, driven in the system Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One browser at a time: software WebGL is CPU-bound and the machine may have two cores.
    fileParallelism: false,
  },
});
