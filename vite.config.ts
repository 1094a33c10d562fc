// Vite config: React page, ES-module worker, the plugin that publishes the MNIST files and the
// one that gives the built page its Content-Security-Policy.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { cspMeta } from './src/build/csp';
import { mnistAssets } from './src/build/mnistAssets';

export default defineConfig({
  // Relative base so the static build (data/mnist/ included) works from any sub-path.
  base: './',
  plugins: [react(), mnistAssets(), cspMeta()],
  // The training worker uses `import`, which needs module workers.
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
  build: { target: 'es2022' },
});
