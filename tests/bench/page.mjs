// Page section of the bench: what a user feels on the production build (dist/), every section on the
// page. Per scenario (four runs, then one, at 1366×768 and in the projector view at 1280×720, and four
// runs idle) it presses Start, measures a quiet stretch of training, then drags and arrow-keys the
// "Learning rate" slider until the window ends; pageProbes.mjs says what is observed.
import { captureConsole, withTimeout } from './lib.mjs';
import { interactUntil } from './pageInput.mjs';
import { OBSERVERS, readProbes, summarizeProbes } from './pageProbes.mjs';

export const VIEWPORT = { width: 1366, height: 768 };

// run=<name>~<colour>~<opt>~<lr>~<b1>~<b2>~<eps>~<mom>~<nesterov>~<timeline> (src/experiment/link.ts).
export const RUN = {
  sgd: 'SGD~0072B2~sgd~0.05~0.9~0.999~1e-7~0.9~0~',
  momentum: 'Momentum~D55E00~momentum~0.01~0.9~0.999~1e-7~0.9~0~',
  adam: 'Adam~009E73~adam~0.001~0.9~0.999~1e-7~0.9~0~',
  adamB2: 'Adam%20b2~CC79A7~adam~0.001~0.9~0.99~1e-7~0.9~0~',
};
const BATCH_SIZE = 32;
/** Steps before the quiet window, as the worker-only window's warm-up (and then some, for the page). */
const WARMUP_STEPS = 50;

const FOUR = [RUN.sgd, RUN.momentum, RUN.adam, RUN.adamB2];
/** The optimizers of FOUR, for the worker-only figure trained beside it (run.mjs). */
export const FOUR_OPTIMIZERS = ['sgd', 'momentum', 'adam', 'adam'];
const PROJECTOR = { width: 1280, height: 720 };

/** `train: false`: nothing trains (the idle baseline of the same page and input). */
export const SCENARIOS = [
  { id: '4 runs', runs: FOUR, viewport: VIEWPORT, train: true },
  { id: '1 run', runs: [RUN.adam], viewport: VIEWPORT, train: true },
  { id: '4 runs, projector', runs: FOUR, viewport: PROJECTOR, view: 'projector', train: true },
  { id: '1 run, projector', runs: [RUN.adam], viewport: PROJECTOR, view: 'projector', train: true },
  { id: '4 runs, idle', runs: FOUR, viewport: VIEWPORT, train: false },
];

/** The app link of a scenario; software WebGL is a shared key, so it joins the hash like the others. */
export function scenarioHash(scenario, software) {
  const runs = scenario.runs.map((r) => `run=${r}`).join('&');
  const view = scenario.view ? `&view=${scenario.view}` : '';
  return `#bs=${BATCH_SIZE}&epochs=10&prep=scale&seed=1&${runs}${view}${software ? '&webgl=software' : ''}`;
}

/** Loading, first step and the closing acknowledgements, beyond the window itself. */
const scenarioTimeoutMs = (seconds) => seconds * 1000 + 360_000;

const perSecond = (from, to, ms) => ((to - from) * 1000) / ms;

async function waitUntil(page, what, ms, done) {
  await withTimeout(
    (async () => {
      while (!(await done())) await page.waitForTimeout(100);
    })(),
    ms,
    what,
  );
}

/** The status line as numbers: the step (data-step) and the app's own Samples/s reading. */
function readStatus(page) {
  return page.evaluate(() => {
    const status = document.querySelector('[role="status"]');
    // The figures are in the status panel (the standard view's); the live region holds only the state.
    const panel = document.querySelector('section.status');
    const item = (label) =>
      [...(panel?.querySelectorAll('dt') ?? [])].find((dt) => dt.textContent === label)?.nextElementSibling
        ?.textContent ?? null;
    const shown = Number((item('Samples/s') ?? '').replace(/,/g, ''));
    return {
      now: performance.now(),
      step: Number(status?.getAttribute('data-step') ?? 0),
      state: status?.getAttribute('data-state') ?? null,
      shownSamplesPerSec: Number.isFinite(shown) && shown > 0 ? shown : null,
      backendText: item('Backend'),
      curves: document.querySelectorAll('path.plot-curve').length,
    };
  });
}

/** Every scenario in turn, each printed as a PAGE line; a failed one is a failure, not the end. */
export async function pageSection(browser, appUrl, { software, seconds, errors, failures }) {
  const scenarios = [];
  for (const scenario of SCENARIOS) {
    // A fresh context per scenario; closing it also stops a scenario that ran out of time.
    const context = await browser.newContext({ viewport: scenario.viewport });
    try {
      const r = await withTimeout(
        pageScenario(context, appUrl, scenario, { software, seconds, errors }),
        scenarioTimeoutMs(seconds),
        `page scenario ${scenario.id}`,
      );
      console.log(`PAGE ${JSON.stringify(r)}`);
      scenarios.push(r);
    } catch (e) {
      failures.push(`page ${scenario.id}: ${e.message}`);
      console.log(`PAGE-FAILED ${scenario.id}: ${e.message}`);
    } finally {
      await context.close().catch(() => {});
    }
  }
  return { seconds, scenarios };
}

/** One scenario: `seconds` from pressing Start, the first ~15 % quiet, the rest interacting. */
async function pageScenario(context, baseUrl, scenario, { software, seconds, errors }) {
  await context.addInitScript({ content: OBSERVERS });
  const page = await context.newPage();
  captureConsole(page, `app ${scenario.id}`, errors);
  await page.goto(baseUrl + scenarioHash(scenario, software));
  const start = page.getByRole('button', { name: 'Start', exact: true });
  await waitUntil(page, 'the app never enabled Start (MNIST loading or the worker failed?)', 120_000, () =>
    start.isEnabled().catch(() => false),
  );
  const status = page.getByRole('status');
  const batchSize = BATCH_SIZE; // every scenario's link sets it (the projector view has no field for it)
  const backend = await status.getAttribute('data-backend');
  const from = await page.evaluate(() => performance.now());
  const startedAt = Date.now();
  if (scenario.train) {
    await start.click();
    await waitUntil(page, 'training did not start after clicking Start', 120_000, async () => {
      return Number(await status.getAttribute('data-step')) >= 1;
    });
  }
  const samplesPerStep = batchSize * scenario.runs.length;
  // As the worker-only figure, the quiet window starts after a warm-up (programs compiled, pools full).
  if (scenario.train)
    await waitUntil(page, 'training stalled in its first steps', 120_000, async () => {
      return Number(await status.getAttribute('data-step')) >= WARMUP_STEPS;
    });
  const quietMs = Math.min(10_000, Math.max(3_000, seconds * 150));
  const q0 = await readStatus(page);
  await page.waitForTimeout(quietMs);
  const q1 = await readStatus(page);
  const slider = page.getByRole('slider', { name: 'Learning rate η', exact: true });
  const untilMs = Math.max(startedAt + seconds * 1000, Date.now() + 5_000);
  const done = await interactUntil(page, slider, untilMs);
  const i1 = await readStatus(page);
  await page.waitForTimeout(1_000); // the last acknowledgements
  const raw = await readProbes(page, from);
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  if (await pause.isVisible()) await pause.click();
  return {
    id: scenario.id,
    runs: scenario.runs.length,
    trains: scenario.train,
    viewport: scenario.viewport,
    backend,
    renderer: q1.backendText,
    batchSize,
    windowS: Math.round((Date.now() - startedAt) / 100) / 10,
    quietS: Math.round((q1.now - q0.now) / 100) / 10,
    interactS: Math.round((i1.now - q1.now) / 100) / 10,
    ...done,
    samplesPerSecQuiet: Math.round(perSecond(q0.step, q1.step, q1.now - q0.now) * samplesPerStep),
    samplesPerSecInteracting: Math.round(perSecond(q1.step, i1.step, i1.now - q1.now) * samplesPerStep),
    shownSamplesPerSec: { quiet: q1.shownSamplesPerSec, interacting: i1.shownSamplesPerSec },
    ...summarizeProbes(raw, { ...done, interactFrom: q1.now }),
    stepsTrained: i1.step,
    chartCurves: i1.curves,
    state: i1.state,
  };
}
