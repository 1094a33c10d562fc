// Lab part of the page section (`npm run bench -- --lab` alone): the 2-D lab on the production build at
// 1366×768 with four runs × 2,000 steps per surface, MNIST loaded but not training. It drags the selected
// run's "Learning rate η" (and the quadratic's "Condition number") with real mouse moves and measures
// each input's time to the paint that shows the new paths (labProbes.mjs) against the 100 ms budget.
import { captureConsole, withTimeout } from './lib.mjs';
import { labComputeTimes } from './labCompute.mjs';
import { LAB_BUDGET_MS } from './labReport.mjs';
import { dragEvents, LAB_PROBE, readLabProbes, summarizeFrames, summarizeInputs } from './labProbes.mjs';
import { RUN, VIEWPORT } from './page.mjs';
import { drag } from './pageInput.mjs';
import { durations, interactionLatency, OBSERVERS, readProbes } from './pageProbes.mjs';

export const LAB_STEPS = 2000;
/** The run whose η is dragged: Adam's steps stay near η long, so its path never runs away. */
const SELECTED = 'Adam';
const ETA = 'Learning rate η';
const KAPPA = 'Condition number';

/**
 * The page section's four runs with learning rates at which every path walks all 2,000 steps over the
 * whole drag (κ up to about 150 on the quadratic): a path that runs away stops early, and a short path
 * would make the redraw cheaper than the budget's case. Adam keeps the page section's η.
 */
const QUADRATIC_LR = { sgd: 0.005, momentum: 0.005 };
const ROSENBROCK_LR = { sgd: 0.0005, momentum: 0.0002 };

export const LAB_CASES = [
  { id: 'quadratic κ=50', surface: 'quadratic', kappa: 50, lr: QUADRATIC_LR, sliders: [ETA, KAPPA] },
  { id: 'rosenbrock', surface: 'rosenbrock', kappa: 50, lr: ROSENBROCK_LR, sliders: [ETA] },
  { id: 'saddle', surface: 'saddle', kappa: 50, lr: QUADRATIC_LR, sliders: [ETA] },
  { id: 'noisy-quadratic', surface: 'noisy-quadratic', kappa: 50, lr: QUADRATIC_LR, sliders: [ETA] },
];

/** The four run items of a case: page.mjs's RUN rows with the case's learning rates (field 3). */
function caseRuns(c) {
  return [RUN.sgd, RUN.momentum, RUN.adam, RUN.adamB2].map((item) => {
    const f = item.split('~');
    if (c.lr[f[2]] !== undefined) f[3] = String(c.lr[f[2]]);
    return f;
  });
}

export function labHash(c, software) {
  const runs = caseRuns(c).map((f) => `run=${f.join('~')}`);
  const lab = `surface=${c.surface}&kappa=${c.kappa}&steps=${LAB_STEPS}&view=lab`;
  return `#bs=32&epochs=10&prep=scale&seed=1&${runs.join('&')}&${lab}${software ? '&webgl=software' : ''}`;
}

/** The same runs as settings, for the Node timing of the lab's arithmetic (labCompute.mjs). */
const computeCase = (c) => ({
  id: c.id,
  surface: c.surface,
  kappa: c.kappa,
  steps: LAB_STEPS,
  runs: caseRuns(c).map((f) => ({
    optimizer: f[2],
    learningRate: Number(f[3]),
    beta1: Number(f[4]),
    beta2: Number(f[5]),
    epsilon: Number(f[6]),
    momentum: Number(f[7]),
    nesterov: f[8] === '1',
  })),
});

/** A page load (MNIST included, so its parsing does not share the drags) plus the drags and readback. */
const caseTimeoutMs = (seconds, sliders) => 150_000 + sliders * (seconds * 1000 + 30_000);
const DRAG_PAUSE_MS = 300;

/** Drags `slider` back and forth from its thumb until `untilMs` (Date.now() clock). */
async function dragUntil(page, slider, untilMs) {
  let drags = 0;
  for (; Date.now() < untilMs; drags++) {
    await drag(page, slider, drags % 2 === 0 ? -1 : 1);
    await page.waitForTimeout(DRAG_PAUSE_MS);
  }
  return drags;
}

/** Points per drawn path (each `.lab-line` d has one M or L per point) and how much of the plot is on screen. */
function readPlot(page) {
  return page.evaluate(() => {
    const points = [...document.querySelectorAll('svg.lab-plot .lab-line')].map(
      (l) => (l.getAttribute('d') ?? '').match(/[ML]/g)?.length ?? 0,
    );
    const box = document.querySelector('svg.lab-plot')?.getBoundingClientRect();
    const shown = box ? Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, 0)) : 0;
    return { points, inView: box && box.height > 0 ? Math.round((100 * shown) / box.height) / 100 : 0 };
  });
}

async function labCase(context, baseUrl, c, { software, seconds, errors }) {
  await context.addInitScript({ content: OBSERVERS + LAB_PROBE });
  const page = await context.newPage();
  captureConsole(page, `lab ${c.id}`, errors);
  await page.goto(baseUrl + labHash(c, software));
  const start = page.getByRole('button', { name: 'Start', exact: true });
  await withTimeout(start.waitFor({ state: 'visible' }), 60_000, 'the app did not render');
  await withTimeout(
    (async () => {
      while (!(await start.isEnabled())) await page.waitForTimeout(200);
    })(),
    120_000,
    'the app never enabled Start (MNIST loading or the worker failed?)',
  );
  await page.getByRole('radio', { name: `Edit ${SELECTED}`, exact: true }).check();
  await page.waitForFunction(
    (n) => {
      const lines = [...document.querySelectorAll('svg.lab-plot .lab-line')];
      return lines.length === 4 && lines.every((l) => l.getAttribute('d')?.match(/[ML]/g)?.length === n);
    },
    LAB_STEPS + 1,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(1_000); // the deferred loss chart and the link settle
  const rows = [];
  for (const label of c.sliders) {
    const slider = page.getByRole('slider', { name: label, exact: true });
    // The whole plot on screen (the paths must be painted, not culled), then the slider if it is not.
    await page.locator('svg.lab-plot').scrollIntoViewIfNeeded();
    await slider.scrollIntoViewIfNeeded();
    const before = await readPlot(page);
    const from = await page.evaluate(() => performance.now());
    const drags = await dragUntil(page, slider, Date.now() + seconds * 1000);
    await page.waitForTimeout(500); // the last paint
    const raw = await readProbes(page, from);
    const lab = await readLabProbes(page, from);
    const after = await readPlot(page);
    rows.push({
      id: `${c.id} · ${label === ETA ? 'η' : 'κ'}`,
      surface: c.surface,
      slider: label,
      drags,
      plotInView: before.inView,
      minPoints: Math.min(...before.points, ...after.points),
      ...summarizeInputs(lab.inputs, LAB_BUDGET_MS),
      pointer: interactionLatency(raw.events ?? [], 'pointer', drags),
      dragEvents: dragEvents(raw.events),
      longTasks: durations(raw.longTasks),
      longFrames: summarizeFrames(lab.frames),
    });
  }
  return rows;
}

/** Every case in a fresh context, each row printed as a LAB line; a failed case is a failure, not the end. */
export async function labSection(browser, appUrl, { repo, software, seconds, errors, failures }) {
  const compute = await labComputeTimes(repo, LAB_CASES.map(computeCase)).catch((e) => {
    failures.push(`lab compute timing: ${e.message}`);
    return {};
  });
  const rows = [];
  for (const c of LAB_CASES) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const caseRows = await withTimeout(
        labCase(context, appUrl, c, { software, seconds, errors }),
        caseTimeoutMs(seconds, c.sliders.length),
        `lab case ${c.id}`,
      );
      for (const r of caseRows) {
        // The bands are redrawn only when κ changes.
        const node = compute[c.id] ?? null;
        const row = { ...r, nodeMs: node && (r.slider === KAPPA ? node : { ...node, bandsMs: null }) };
        console.log(`LAB ${JSON.stringify(row)}`);
        rows.push(row);
      }
    } catch (e) {
      failures.push(`lab ${c.id}: ${e.message}`);
      console.log(`LAB-FAILED ${c.id}: ${e.message}`);
    } finally {
      await context.close().catch(() => {});
    }
  }
  return { viewport: VIEWPORT, seconds, steps: LAB_STEPS, runs: 4, rows };
}
