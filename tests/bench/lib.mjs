// Node-side helpers of the bench: Chromium lookup and launch (as tests/e2e/harness.ts), vite preview on a
// free 127.0.0.1 port, timeouts with clear messages, and console capture of a page.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createServer, preview } from 'vite';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromePath() {
  const found = CANDIDATES.find((p) => !!p && existsSync(p));
  if (!found)
    throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROME_PATH');
  return found;
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: chromePath(), args: FLAGS, headless: true });
}

/** Serves a built folder with vite preview; `config` is passed to vite's preview(). Returns { url, close }. */
export async function serve(config) {
  const server = await preview({
    ...config,
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'error',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.httpServer.close(() => resolve())),
  };
}

/** Rejects with "Timed out after Ns: what" unless `promise` settles first. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${Math.round(ms / 1000)} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Prints browser console errors, page errors, failed requests and `[bench …]` progress lines; collects errors. */
export function captureConsole(page, label, errors) {
  page.on('console', (m) => {
    const text = m.text();
    if (m.type() === 'error') {
      errors.push(`${label}: ${text}`);
      console.log(`[browser error ${label}] ${text}`);
    } else if (m.type() === 'warning' || text.startsWith('[bench')) {
      console.log(`[browser ${m.type()} ${label}] ${text}`);
    }
  });
  page.on('pageerror', (e) => {
    errors.push(`${label}: ${String(e)}`);
    console.log(`[page error ${label}] ${String(e)}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) {
      errors.push(`${label}: HTTP ${r.status()} ${r.url()}`);
      console.log(`[http ${label}] ${r.status()} ${r.url()}`);
    }
  });
}

export const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

export const quantile = (xs, q) => {
  const v = [...xs].sort((a, b) => a - b);
  if (v.length === 0) return null;
  return v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)] ?? v[0];
};

/** A Vite server that loads the project's TypeScript modules into Node (pure parts, timed alone). */
export function moduleLoader(repo) {
  return createServer({
    root: repo,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
}
