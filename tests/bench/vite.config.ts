// Vite config of the bench page (root tests/bench/): page, module worker and the MNIST files, built into
// node_modules/.cache/mnist-bench so neither git nor eslint sees the output.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mnistAssets } from '../../src/build/mnistAssets';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  plugins: [mnistAssets({ cacheDir: path.join(repo, 'node_modules/.cache/mnist-gz') })],
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: path.join(repo, 'node_modules/.cache/mnist-bench'), emptyOutDir: true },
  preview: { host: '127.0.0.1', port: 0, strictPort: false },
});
