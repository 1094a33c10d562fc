// Vite config: React page, ES-module worker, the plugin that publishes the MNIST files and the
// one that gives the built page its Content-Security-Policy, and the service worker that keeps the
// app and its data offline after one visit.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { cspMeta } from './src/build/csp';
import { mnistAssets } from './src/build/mnistAssets';

export default defineConfig({
  // Relative base so the static build (data/mnist/ included) works from any sub-path.
  base: './',
  plugins: [
    react(),
    mnistAssets(),
    cspMeta(),
    VitePWA({
      registerType: 'autoUpdate',
      // src/main.tsx registers dist/sw.js itself (production only): the plugin's inline script would
      // break the CSP, which allows no inline script.
      injectRegister: null,
      manifest: false,
      workbox: {
        // The app shell, the worker, and MNIST (manifest plus the four gzip files, ~11 MB).
        globPatterns: ['**/*.{js,css,html,svg}', 'data/mnist/*.{json,bin}'],
        // The training images file alone is ~9.5 MB gzip; Workbox skips anything above this.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // A missing hash-named file must never answer index.html; only navigations fall back to it.
        navigateFallback: 'index.html',
      },
    }),
  ],
  // The training worker uses `import`, which needs module workers.
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
  build: { target: 'es2022' },
});
