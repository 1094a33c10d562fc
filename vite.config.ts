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
        // The app shell, the worker (and its CPU-fallback chunk), and MNIST: the manifest plus the ten
        // gzip files it lists (the training images in parts), ~11.5 MB.
        globPatterns: ['**/*.{js,css,html,svg,woff2}', 'data/mnist/*.{json,bin}'],
        // Hashed names (Vite's assets, MNIST files named by content) are fetched without a cache-busting
        // query, so the precache, which starts once the page has all of MNIST (src/client/serviceWorker.ts),
        // revalidates what the worker just downloaded instead of downloading it a second time.
        dontCacheBustURLsMatching: /^(assets\/|data\/mnist\/.+\.[0-9a-f]{8}\.gz\.bin$)/,
        // No MNIST file is above ~1.7 MB gzip; Workbox skips anything above this.
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
  // No asset becomes a data: URI: the CSP's font-src and img-src allow the page's origin, not data:
  // (KaTeX's smallest font is under Vite's 4 kB inlining limit).
  build: { target: 'es2022', assetsInlineLimit: 0 },
});
