// `npm run soak`: a long four-run comparison on the production build, checking that nothing grows
// without bound: the page's JS heap (after a forced GC), the worker's tensors and bytes (TensorFlow.js,
// through the page's test hooks) and the browser's GPU process (resident memory, sampled from /proc).
// Everything at the end must be within 10% of where it was after the first epoch, but the page's heap,
// which holds every recorded point so that each can be exported: it must stay under twice its size.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { captureConsole, launchBrowser, serve, withTimeout } from './lib.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE = `usage: npm run soak -- [--epochs=10] [--gpu]
  --epochs=N  epochs of the four-run comparison at batch 32 (10 is the full check; about 3 minutes
              an epoch with software WebGL on two cores)
  --gpu       use the browser's own WebGL judgement instead of forcing software WebGL`;
/** Allowed growth from the end of the first epoch to the end of the run. */
const MAX_GROWTH = 0.1;
/** The page's heap grows with the points it keeps (22 bytes each as columns): under 2× by the end. */
const MAX_GROWTH_BY_KEY = { heapMb: 1 };
const allowed = (k) => MAX_GROWTH_BY_KEY[k] ?? MAX_GROWTH;
const SAMPLE_MS = 10_000;
/** Wait after the end before the last measurement. */
const SETTLE_MS = 5_000;

const RUNS = [
  'SGD~0072B2~sgd~0.05~0.9~0.999~1e-7~0.9~0~',
  'Momentum~D55E00~momentum~0.01~0.9~0.999~1e-7~0.9~0~',
  'Adam~009E73~adam~0.001~0.9~0.999~1e-7~0.9~0~',
  'Adam%20b2~CC79A7~adam~0.001~0.9~0.99~1e-7~0.9~0~',
];

function parseArgs(argv) {
  const o = { epochs: 10, gpu: false };
  for (const a of argv) {
    const [k, v] = a.split('=');
    if (k === '--epochs' && Number(v) >= 2) o.epochs = Number(v);
    else if (k === '--gpu') o.gpu = true;
    else {
      console.log(USAGE);
      process.exit(a === '--help' ? 0 : 2);
    }
  }
  return o;
}

/** Resident memory (MB) of Chromium's GPU process, or null where /proc does not tell. */
function gpuProcessMb() {
  let total = null;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=gpu-process')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) total = (total ?? 0) + Number(rss[1]) / 1024;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}

async function snapshot(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  const worker = await page.evaluate(() => window.playgroundTestHooks?.memory() ?? null);
  return {
    step: Number(await page.getByRole('status').getAttribute('data-step')),
    heapMb: heap === null ? null : heap / 1e6,
    workerTensors: worker?.tensors ?? null,
    workerMb: worker ? worker.bytes / 1e6 : null,
    workerGpuMb: worker?.gpuBytes == null ? null : worker.gpuBytes / 1e6,
    gpuProcessMb: gpuProcessMb(),
  };
}

const growth = (a, b) => (a === null || b === null || a === 0 ? null : (b - a) / a);
const fmt = (x, d = 1) => (x === null ? '–' : x.toFixed(d));

async function main() {
  const o = parseArgs(process.argv.slice(2));
  await build({ root: repo, logLevel: 'error' });
  const server = await serve({ root: repo, configFile: path.join(repo, 'vite.config.ts') });
  const browser = await launchBrowser();
  const errors = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    captureConsole(page, 'soak', errors);
    const hash = `#bs=32&epochs=${o.epochs}&prep=scale&seed=1${o.gpu ? '' : '&webgl=software'}&${RUNS.map((r) => `run=${r}`).join('&')}`;
    await page.goto(`${server.url}?testhooks${hash}`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await withTimeout(
      (async () => {
        while (!(await start.isEnabled())) await page.waitForTimeout(200);
      })(),
      120_000,
      'the app never enabled Start',
    );
    await start.click();
    const state = () => page.getByRole('status').getAttribute('data-state');
    const epochSteps = Math.floor(55_000 / 32);
    const timeline = [];
    let afterFirst = null;
    const t0 = Date.now();
    for (;;) {
      await page.waitForTimeout(SAMPLE_MS);
      const step = Number(await page.getByRole('status').getAttribute('data-step'));
      timeline.push({ s: Math.round((Date.now() - t0) / 1000), step, gpuProcessMb: gpuProcessMb() });
      console.log(
        `[soak] ${timeline.at(-1).s} s: step ${step}, GPU process ${fmt(timeline.at(-1).gpuProcessMb, 0)} MB`,
      );
      // The worker reports memory after each validation; the epoch's last one is at epochSteps.
      if (!afterFirst && step >= epochSteps + 10) afterFirst = await snapshot(page, cdp);
      const s = await state();
      if (s === 'finished' || s === 'diverged' || s === 'error') break;
    }
    // At rest: a finished run is kept for the next visit (IndexedDB), and the copies made for that are
    // garbage once it is written; measured mid-write they would count as growth.
    await page.waitForTimeout(SETTLE_MS);
    const end = await snapshot(page, cdp);
    const keys = ['heapMb', 'workerTensors', 'workerMb', 'workerGpuMb', 'gpuProcessMb'];
    const result = {
      epochs: o.epochs,
      state: await state(),
      minutes: Math.round((Date.now() - t0) / 600) / 100,
      afterFirstEpoch: afterFirst,
      end,
      growth: Object.fromEntries(keys.map((k) => [k, growth(afterFirst?.[k] ?? null, end[k])])),
      gpuProcessTimeline: timeline.map(({ s, gpuProcessMb: mb }) => [s, mb === null ? null : Math.round(mb)]),
      errors,
    };
    console.log(`SOAK ${JSON.stringify(result)}`);
    console.log(`soak: ${o.epochs} epochs, four runs, ${result.minutes} min, ended ${result.state}`);
    for (const k of keys) {
      const g = result.growth[k];
      const verdict = g === null ? 'N/A ' : g <= allowed(k) ? 'PASS' : 'FAIL';
      console.log(
        `  ${verdict}  ${k}: ${fmt(afterFirst?.[k] ?? null)} after epoch 1 → ${fmt(end[k])} at the end (${g === null ? '–' : `${(g * 100).toFixed(1)}%`}, want ≤ ${allowed(k) * 100}%)`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
