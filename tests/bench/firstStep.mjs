// First-step section of the bench (`npm run bench -- --first-step`): how long a first visit waits for
// its first training step, and how many bytes cross the network before it, on an unthrottled link and
// on links throttled with Chrome's network emulation (CDP Network.emulateNetworkConditions).
import { readFileSync } from 'node:fs';
import { captureConsole, median, withTimeout } from './lib.mjs';

// The page names its marks in src/shared/perfMarks.ts; Node cannot import TypeScript, so read it there.
const FIRST_STEP_MARK = (() => {
  const source = readFileSync(new URL('../../src/shared/perfMarks.ts', import.meta.url), 'utf8');
  const m = /FIRST_STEP_MARK = '([^']+)'/.exec(source);
  if (!m) throw new Error('bench: FIRST_STEP_MARK not found in src/shared/perfMarks.ts');
  return m[1];
})();

/** Throughput in kbit/s (null: no emulation); the latency is a typical Wi-Fi round trip. */
export const LINKS = [
  { id: 'unthrottled', kbps: null },
  { id: '10 Mbit/s', kbps: 10_000 },
  { id: '1 Mbit/s', kbps: 1_000 },
];
const LATENCY_MS = 20;
/** 1 Mbit/s moved all of MNIST (11.5 MB) before the first step, before streaming: about 100 s. */
const MEASURE_TIMEOUT_MS = 400_000;
/** A visit ends its downloads once the service worker has precached the app and MNIST (offline ready). */
const OFFLINE_TIMEOUT_MS = 400_000;

// Clicks Start the moment it is enabled (a class presses it as soon as it can), and reports the
// first-step mark to the bench the moment it is set.
const PAGE_SCRIPT = `
  (() => {
    const timer = setInterval(() => {
      const start = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Start');
      if (!start || start.disabled) return;
      clearInterval(timer);
      performance.mark('bench-start-enabled');
      start.click();
    }, 5);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === ${JSON.stringify(FIRST_STEP_MARK)}) window.__benchFirstStep?.(e.startTime);
    }).observe({ type: 'mark' });
  })();
`;

/**
 * Throttles the page and every target it starts (the training worker inherits the page's conditions;
 * the service worker gets its own, as CDP throttles per target) and counts the bytes each receives.
 * Child targets are reached through the page's session (non-flattened auto-attach), since Playwright
 * gives no CDP session for workers.
 */
async function watchNetwork(cdp, link) {
  const conditions = link.kbps && {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: (link.kbps * 1000) / 8,
    uploadThroughput: (link.kbps * 1000) / 8,
  };
  /** target type → requestId → bytes received (body bytes while loading, the total once finished). */
  const bytes = { page: new Map() };
  const types = new Map();
  const track = (type, method, params) => {
    const map = (bytes[type] ??= new Map());
    if (method === 'Network.dataReceived')
      map.set(params.requestId, (map.get(params.requestId) ?? 0) + params.encodedDataLength);
    else if (method === 'Network.loadingFinished') map.set(params.requestId, params.encodedDataLength);
  };
  for (const m of ['Network.dataReceived', 'Network.loadingFinished'])
    cdp.on(m, (params) => track('page', m, params));
  let id = 0;
  cdp.on('Target.attachedToTarget', async ({ sessionId, targetInfo }) => {
    types.set(sessionId, targetInfo.type);
    const send = (method, params = {}) =>
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: ++id, method, params }),
        })
        .catch(() => {});
    await send('Network.enable');
    // Refused ("Not supported") by a dedicated worker, whose requests the page's conditions already cover.
    if (conditions) await send('Network.emulateNetworkConditions', conditions);
    await send('Runtime.runIfWaitingForDebugger');
  });
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const m = JSON.parse(message);
    if (m.method) track(types.get(sessionId) ?? 'other', m.method, m.params);
  });
  await cdp.send('Network.enable');
  if (conditions) await cdp.send('Network.emulateNetworkConditions', conditions);
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return () =>
    Object.fromEntries(
      Object.entries(bytes).map(([type, map]) => [type, [...map.values()].reduce((a, b) => a + b, 0)]),
    );
}

async function measure(browser, appUrl, link, { software, errors }) {
  const context = await browser.newContext(); // a fresh profile: empty HTTP cache, no service worker yet
  try {
    const page = await context.newPage();
    captureConsole(page, `first-step ${link.id}`, errors);
    const cdp = await context.newCDPSession(page);
    const received = await watchNetwork(cdp, link);
    let atFirstStep = null;
    const firstStep = new Promise((resolve) =>
      page.exposeFunction('__benchFirstStep', (ms) => {
        atFirstStep ??= received();
        resolve(ms);
      }),
    );
    await page.addInitScript({ content: PAGE_SCRIPT });
    await page.goto(`${appUrl}#bs=32&epochs=10&prep=scale&seed=1${software ? '&webgl=software' : ''}`);
    const firstStepMs = await withTimeout(firstStep, MEASURE_TIMEOUT_MS, `first step (${link.id})`);
    const startEnabledMs = await page.evaluate(
      () => performance.getEntriesByName('bench-start-enabled')[0]?.startTime ?? null,
    );
    // The worker's script reaches no CDP session we hold (it loads before the worker can be attached
    // to); the page's resource timing has its size.
    const workerScript = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\/assets\/worker-[^/]*\.js$/.test(e.name))
        .reduce((sum, e) => sum + e.transferSize, 0),
    );
    atFirstStep.workerScript = workerScript;
    const total = (bytes) => Object.values(bytes).reduce((a, b) => a + b, 0);
    // Everything a visit downloads: the rest of MNIST, then the service worker's precache.
    const offlineMs = await withTimeout(
      page.evaluate(() => navigator.serviceWorker.ready.then(() => performance.now())),
      OFFLINE_TIMEOUT_MS,
      `service worker ready (${link.id})`,
    );
    await page.waitForTimeout(2000); // the precache's last responses
    const all = { ...received(), workerScript };
    return {
      link: link.id,
      firstStepS: round(firstStepMs / 1000, 2),
      startEnabledS: startEnabledMs === null ? null : round(startEnabledMs / 1000, 2),
      bytesBeforeFirstStep: total(atFirstStep),
      byTarget: atFirstStep,
      offlineReadyS: round(offlineMs / 1000, 1),
      bytesTotal: total(all),
      totalByTarget: all,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

const round = (x, d) => Number(x.toFixed(d));

/** Every link `reps` times (medians reported); a failed measurement is a failure, not the end. */
export async function firstStepSection(browser, appUrl, { software, reps, errors, failures }) {
  const results = [];
  for (const link of LINKS) {
    const runs = [];
    for (let rep = 1; rep <= reps; rep++) {
      console.log(`[bench] first step, ${link.id} #${rep} …`);
      try {
        const r = await measure(browser, appUrl, link, { software, errors });
        console.log(`FIRST-STEP ${JSON.stringify(r)}`);
        runs.push(r);
      } catch (e) {
        failures.push(`first step ${link.id}: ${e.message}`);
        console.log(`FIRST-STEP-FAILED ${link.id}: ${e.message}`);
      }
    }
    if (runs.length)
      results.push({
        link: link.id,
        n: runs.length,
        firstStepS: median(runs.map((r) => r.firstStepS)),
        startEnabledS: median(runs.map((r) => r.startEnabledS)),
        bytesBeforeFirstStep: median(runs.map((r) => r.bytesBeforeFirstStep)),
        byTarget: runs[0].byTarget,
        offlineReadyS: median(runs.map((r) => r.offlineReadyS)),
        bytesTotal: median(runs.map((r) => r.bytesTotal)),
        totalByTarget: runs[0].totalByTarget,
      });
  }
  return results;
}

export function printFirstStep(results) {
  const mb = (b) => (b / 1e6).toFixed(2);
  const lines = [
    '',
    'Time to first step on a first visit (Start pressed as soon as it is enabled), and the whole visit',
    'until the service worker holds everything for offline use:',
    `${'link'.padEnd(13)}${'n'.padStart(3)}${'Start enabled'.padStart(15)}${'first step'.padStart(12)}${'MB before'.padStart(11)}${'offline at'.padStart(12)}${'MB in all'.padStart(11)}`,
  ];
  const byTarget = (bytes) =>
    Object.entries(bytes)
      .map(([t, b]) => `${t} ${mb(b)}`)
      .join(', ');
  for (const r of results)
    lines.push(
      `${r.link.padEnd(13)}${String(r.n).padStart(3)}${`${r.startEnabledS} s`.padStart(15)}${`${r.firstStepS} s`.padStart(12)}${mb(r.bytesBeforeFirstStep).padStart(11)}${`${r.offlineReadyS} s`.padStart(12)}${mb(r.bytesTotal).padStart(11)}`,
      `${''.padEnd(16)}before the first step: ${byTarget(r.byTarget)}; in all: ${byTarget(r.totalByTarget)}`,
    );
  console.log(lines.join('\n'));
}
