// Page metrics on the real app (production build in dist/): live-change latency (the page's
// performance measures, seen by an observer because the page clears them) and the longest main-thread
// long task while training with charts updating.
import { readFileSync } from 'node:fs';
import { captureConsole, median, quantile, withTimeout } from './lib.mjs';

// The page names its measures in src/shared/perfMarks.ts; Node cannot import TypeScript, so read it there.
const LIVE_CHANGE_MEASURE = (() => {
  const source = readFileSync(new URL('../../src/shared/perfMarks.ts', import.meta.url), 'utf8');
  const m = /LIVE_CHANGE_MEASURE = '([^']+)'/.exec(source);
  if (!m) throw new Error('bench: LIVE_CHANGE_MEASURE not found in src/shared/perfMarks.ts');
  return m[1];
})();

const LONGTASKS = `
  const LIVE_CHANGE_MEASURE = ${JSON.stringify(LIVE_CHANGE_MEASURE)};
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    window.__benchLongTasks = null;
  }
  window.__benchLiveChanges = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === LIVE_CHANGE_MEASURE) window.__benchLiveChanges.push(e.duration);
  }).observe({ type: 'measure' });
`;

/** Opens the app, starts training and changes the learning rate every `everyMs` for `durationMs`. */
export async function pageMetrics(
  browser,
  baseUrl,
  { software, durationMs = 20_000, everyMs = 400, errors },
) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    await context.addInitScript({ content: LONGTASKS });
    const page = await context.newPage();
    captureConsole(page, 'app', errors);
    await page.goto(baseUrl + (software ? '#webgl=software' : ''));
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await withTimeout(
      (async () => {
        await start.waitFor({ timeout: 120_000 });
        while (!(await start.isEnabled())) await page.waitForTimeout(200);
      })(),
      120_000,
      'the app never enabled Start (MNIST loading or the worker failed?)',
    );
    const status = page.getByRole('status');
    const batchSize = Number(await page.getByLabel('Batch size', { exact: true }).inputValue());
    const backend = await status.getAttribute('data-backend');
    const trainingFrom = await page.evaluate(() => performance.now());
    await start.click();
    await withTimeout(
      (async () => {
        while (Number(await status.getAttribute('data-step')) < 1) await page.waitForTimeout(100);
      })(),
      60_000,
      'training did not start after clicking Start',
    );
    const lr = page.getByLabel('Learning rate value', { exact: true });
    const stepAt0 = Number(await status.getAttribute('data-step'));
    const t0 = Date.now();
    let sent = 0;
    while (Date.now() - t0 < durationMs) {
      const due = t0 + (sent + 1) * everyMs;
      if (due > Date.now()) await page.waitForTimeout(due - Date.now());
      await lr.fill(sent % 2 === 0 ? '0.002' : '0.001');
      await lr.press('Enter');
      sent++;
    }
    await page.waitForTimeout(1_000); // the last acknowledgements
    const m = await page.evaluate((from) => {
      const tasks = window.__benchLongTasks;
      return {
        latencies: window.__benchLiveChanges,
        longTasks: tasks === null ? null : tasks.filter((t) => t.start >= from).map((t) => t.duration),
        step: Number(document.querySelector('[role="status"]')?.getAttribute('data-step') ?? 0),
        curves: document.querySelectorAll('path.recharts-curve').length,
        state: document.querySelector('[role="status"]')?.getAttribute('data-state') ?? null,
      };
    }, trainingFrom);
    const elapsedS = (Date.now() - t0) / 1000;
    const pause = page.getByRole('button', { name: 'Pause', exact: true });
    if (await pause.isVisible()) await pause.click();
    return {
      backend,
      batchSize,
      editsCommitted: sent,
      changesAcked: m.latencies.length,
      liveChangeP50Ms: median(m.latencies),
      liveChangeP95Ms: quantile(m.latencies, 0.95),
      liveChangeMaxMs: m.latencies.length ? Math.max(...m.latencies) : null,
      longTasks: m.longTasks === null ? null : m.longTasks.length,
      longestTaskMs: m.longTasks === null ? null : m.longTasks.length ? Math.max(...m.longTasks) : 0,
      stepsTrained: m.step,
      stepsPerSecDuringChanges: (m.step - stepAt0) / elapsedS,
      chartCurves: m.curves,
      state: m.state,
    };
  } finally {
    await context.close();
  }
}
