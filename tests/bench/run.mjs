// `npm run bench`: builds the bench page and the app, serves both, drives the system Chromium through the
// training runs (ours vs a tf.layers peer), the page scenarios and the 2-D lab's drags, then prints RUN,
// PAGE and LAB lines, BENCH json and a table. Sections: `--page-only` (the page section: its scenarios
// and the lab), `--skip-page`, `--lab` (only the lab: input→paint while dragging η and κ over 4 runs ×
// 2,000 steps per surface, against issue 10's 100 ms budget), `--optimizers-only` (each optimizer's
// step time against SGD's, then dropout's against none), `--dropout-only` (only dropout's),
// `--first-step`, `--profile`, `--insight`; see USAGE.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { captureConsole, launchBrowser, serve, withTimeout } from './lib.mjs';
import { firstStepSection, LINKS, printFirstStep } from './firstStep.mjs';
import { LAB_CASES, labSection } from './labPage.mjs';
import { labOnlySummary, printLabOnly } from './labReport.mjs';
import { optimizerSummary, printOptimizersOnly } from './optimizersReport.mjs';
import { dropoutSummary, printDropoutOnly } from './dropoutReport.mjs';
import { FOUR_OPTIMIZERS, pageSection, SCENARIOS } from './page.mjs';
import { printTable, summarize } from './report.mjs';
import { seriesCosts } from './seriesCost.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const USAGE = `usage: npm run bench -- [--full] [--gpu] [--reps=3] [--window=20] [--batches=32,128]
                        [--skip-page | --page-only | --lab] [--page-seconds=60] [--lab-seconds=8]
                        [--models=cnn,mlp-256-128 | --models-only] [--optimizers-only | --dropout-only]
  --full       also train ours 10 epochs at batch 32 and report its test accuracy (target ≥ 0.977)
  --gpu        use the browser's own WebGL judgement instead of forcing software WebGL (SwiftShader)
  --reps=N     A/B repetitions per batch size; the first at batch 32 is a full epoch, the rest windows
  --window=S   seconds per time-boxed window (after 20 warm-up steps)
  --only=ours|peer  run one implementation only
  --skip-page  skip the page section (the production app: four runs, then one, at 1366×768 and in the
               projector view at 1280×720, and four runs idle; slider drags, key bursts and single keys;
               beside it the same runs trained by the worker alone)
  --page-only  only the page section: no ours/peer training runs, no --full
  --page-seconds=S  seconds per page scenario, from pressing Start (default 60; 20 for a quick look)
               (the page section ends with the lab: 4 runs × 2,000 steps per surface, MNIST not training)
  --lab        only the lab: drag η (and κ on the quadratic) per surface, input→paint against 100 ms
  --lab-seconds=S  seconds of drags per lab slider (default 8)
  --models=A,B  other networks trained by ours and by the peer built the same way, one window each at
               batch 32 (default cnn,mlp-256-128; --models= for none)
  --models-only  only those windows: no reference runs, no page section
  --optimizers-only  only the step time of each optimizer at batch 32 (six, plus Adam with L2 λ 1e-4
               and AdamW with λ 0.01) against SGD's: one worker, 24 interleaved rounds of 40 steps each,
               medians; then dropout's step time as --dropout-only measures it (about three minutes
               for both; both also part of the default bench)
  --dropout-only  only the step time with dropout against without (Adam, batch 32): mlp-128 at p 0,
               0.2, 0.5 and mlp-256-128 at p 0, 0.5, one worker, 20 interleaved rounds of 40 steps,
               medians of the ratios to the same network's p 0 (under two minutes)
  --ablations  also train ours with each feature turned off (host batches; no checkpoints)
               (ours without the optimizer's instruments runs at batch 32 always: their cost)
  --profile    only time the parts of one Adam step at each batch size (where the time goes)
  --insight    only the training pause of predictions: each model of --models (default mlp-128,cnn)
               trains at batch 32 while a pass over the test set runs between its steps
  --first-step only the first visit: time to the first training step and bytes before it, unthrottled and
               at 10 and 1 Mbit/s (CDP network emulation); --reps=N repeats each (default 1)`;

function parseArgs(argv) {
  const o = {
    full: false,
    gpu: false,
    reps: 3,
    windowS: 20,
    batches: [32, 128],
    page: true,
    pageOnly: false,
    pageSeconds: 60,
    lab: false,
    labSeconds: 8,
    only: null,
    profile: false,
    insight: false,
    ablations: false,
    firstStep: false,
    repsGiven: false,
    models: ['cnn', 'mlp-256-128'],
    modelsOnly: false,
    optimizersOnly: false,
    dropoutOnly: false,
  };
  for (const a of argv) {
    const [k, v] = a.split('=');
    if (k === '--full') o.full = true;
    else if (k === '--gpu') o.gpu = true;
    else if (k === '--skip-page') o.page = false;
    else if (k === '--page-only') o.pageOnly = true;
    else if (k === '--page-seconds' && Number(v) >= 5) o.pageSeconds = Number(v);
    else if (k === '--lab') o.lab = true;
    else if (k === '--lab-seconds' && Number(v) >= 1) o.labSeconds = Number(v);
    else if (k === '--ablations') o.ablations = true;
    else if (k === '--profile') Object.assign(o, { profile: true, page: false });
    else if (k === '--insight') Object.assign(o, { insight: true, page: false });
    else if (k === '--first-step') o.firstStep = true;
    else if (k === '--reps' && Number(v) >= 1) Object.assign(o, { reps: Number(v), repsGiven: true });
    else if (k === '--window' && Number(v) > 0) o.windowS = Number(v);
    else if (k === '--batches' && v) o.batches = v.split(',').map(Number);
    else if (k === '--only' && (v === 'ours' || v === 'peer')) o.only = v;
    else if (k === '--models' && v !== undefined)
      Object.assign(o, { models: v.split(',').filter(Boolean), modelsGiven: true });
    else if (k === '--models-only') Object.assign(o, { modelsOnly: true, page: false });
    else if (k === '--optimizers-only') Object.assign(o, { optimizersOnly: true, page: false });
    else if (k === '--dropout-only') Object.assign(o, { dropoutOnly: true, page: false });
    else {
      console.log(USAGE);
      process.exit(a === '--help' ? 0 : 2);
    }
  }
  if (o.optimizersOnly && o.dropoutOnly) {
    console.log(`--optimizers-only already includes --dropout-only's section\n${USAGE}`);
    process.exit(2);
  }
  if (o.pageOnly && !o.page) {
    console.log(
      `--page-only and --skip-page (or --profile, --insight, --models-only, --optimizers-only, --dropout-only) exclude each other\n${USAGE}`,
    );
    process.exit(2);
  }
  return o;
}

function buildApp() {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['vite', 'build'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`npx vite build failed (exit ${code}):\n${out.slice(-4000)}`)),
    );
  });
}

/** The run plan: per batch size and repetition, ours then peer (then ours with SGD at batch 32). */
function plan(o) {
  const jobs = [];
  const base = { warmupSteps: 20, windowMs: o.windowS * 1000, softwareWebgl: !o.gpu };
  if (o.insight) {
    const models = o.modelsGiven ? o.models : ['mlp-128', 'cnn'];
    return models.map((model) => ({
      ...base,
      id: `insight/${model}`,
      impl: 'insight',
      optimizer: 'adam',
      model,
      batchSize: 32,
      mode: 'window',
      epochs: 1,
      minLeakSteps: 0,
    }));
  }
  if (o.profile) {
    return o.batches.map((b) => ({
      ...base,
      id: `profile-adam/${b}`,
      impl: 'profile',
      optimizer: 'adam',
      batchSize: b,
      mode: 'window',
      epochs: 1,
      minLeakSteps: 0,
    }));
  }
  if (o.optimizersOnly || o.dropoutOnly) return [];
  for (const b of o.modelsOnly ? [] : o.batches) {
    for (let rep = 1; rep <= o.reps; rep++) {
      const epoch = b === 32 && rep === 1;
      const mode = epoch ? 'epoch' : 'window';
      const common = { ...base, batchSize: b, mode, epochs: epoch ? 1 : 10, minLeakSteps: 0 };
      jobs.push({
        ...common,
        id: `ours-adam/${b}#${rep}`,
        impl: 'ours',
        optimizer: 'adam',
        minLeakSteps: epoch ? 2000 : 0,
      });
      jobs.push({ ...common, id: `peer/${b}#${rep}`, impl: 'peer', optimizer: 'adam' });
      if (b === 32)
        jobs.push(
          {
            ...common,
            id: `ours-sgd/${b}#${rep}`,
            impl: 'ours',
            optimizer: 'sgd',
            mode: 'window',
            epochs: 10,
          },
          // The instruments' cost: the same windows as ours-adam with them turned off.
          {
            ...common,
            id: `ours-adam-no-internals/${b}#${rep}`,
            impl: 'ours',
            optimizer: 'adam',
            mode: 'window',
            epochs: 10,
            ablation: 'no-internals',
          },
        );
      if (o.ablations)
        for (const ablation of ['host-batches', 'no-checkpoints'])
          jobs.push({
            ...common,
            id: `ours-adam-${ablation}/${b}#${rep}`,
            impl: 'ours',
            optimizer: 'adam',
            mode: 'window',
            epochs: 10,
            ablation,
          });
      // A three-run comparison: samples/s per run against the single run's (goal: at least a third).
      jobs.push({
        ...common,
        id: `ours-adam×3/${b}#${rep}`,
        impl: 'ours',
        optimizer: 'adam',
        mode: 'window',
        epochs: 10,
        lanes: 3,
      });
    }
  }
  // Other networks, ours against the peer built the same way: one window each at batch 32.
  for (const model of o.models) {
    const common = { ...base, batchSize: 32, mode: 'window', epochs: 10, minLeakSteps: 0, model };
    jobs.push(
      { ...common, id: `ours-adam[${model}]/32#1`, impl: 'ours', optimizer: 'adam' },
      { ...common, id: `peer[${model}]/32#1`, impl: 'peer', optimizer: 'adam' },
    );
  }
  return o.only ? jobs.filter((j) => j.impl === o.only) : jobs;
}

/** Each optimizer's step time at batch 32 (optimizerSteps.ts): ours, in one worker. */
const optimizersJob = (o) => ({
  id: 'optimizers/32',
  impl: 'optimizers',
  optimizer: 'sgd',
  batchSize: 32,
  mode: 'window',
  epochs: 10,
  warmupSteps: 60,
  windowMs: 0,
  minLeakSteps: 0,
  softwareWebgl: !o.gpu,
});
/** Dropout's step time against none (dropoutSteps.ts): Adam at batch 32, ours, in one worker. */
const dropoutJob = (o) => ({ ...optimizersJob(o), id: 'dropout/32', impl: 'dropout', optimizer: 'adam' });
/** Whether a bench run includes the optimizers' step times: alone, or in the default bench. */
const withOptimizers = (o) =>
  o.optimizersOnly ||
  !(o.dropoutOnly || o.pageOnly || o.modelsOnly || o.profile || o.insight || o.only === 'peer');
/** Whether it includes dropout's: wherever the optimizers' are, or alone. */
const withDropout = (o) => o.dropoutOnly || withOptimizers(o);

const jobTimeout = (j) =>
  j.impl === 'optimizers' || j.impl === 'dropout'
    ? 600_000
    : j.mode === 'window'
      ? j.windowMs + 240_000
      : j.epochs * 900_000 + 300_000;

/** Serves the bench page and returns runJob(job): one run there, a fresh page after a failure. */
async function benchRunner(browser, { errors, failures, cleanups }) {
  const benchServer = await serve({ configFile: path.join(here, 'vite.config.ts') });
  cleanups.push(benchServer.close);
  const context = await browser.newContext();
  const openBench = async () => {
    const p = await context.newPage();
    captureConsole(p, 'bench', errors);
    await p.goto(benchServer.url);
    await withTimeout(
      p.waitForFunction(() => typeof window.runBenchJob === 'function'),
      30_000,
      'the bench page did not load',
    );
    return p;
  };
  let benchPage = await openBench();
  return async (job) => {
    console.log(
      `[bench] ${job.id}: ${job.mode === 'epoch' ? `${job.epochs} epoch(s)` : job.windowMs ? `${job.windowMs / 1000} s window` : 'timed blocks'} …`,
    );
    try {
      const r = await withTimeout(
        benchPage.evaluate((j) => window.runBenchJob(j), job),
        jobTimeout(job),
        `bench run ${job.id}`,
      );
      console.log(`RUN ${JSON.stringify(r)}`);
      return r;
    } catch (e) {
      const msg = `${job.id}: ${e.message.split('\n').slice(0, 6).join('\n  ')}`;
      failures.push(msg);
      console.log(`RUN-FAILED ${msg}`);
      await benchPage.close().catch(() => {}); // also ends a stuck worker
      benchPage = await openBench();
      return null;
    }
  };
}

/** A section alone (--first-step, --lab): the production build served by vite preview; `run` measures. */
async function sectionAlone(what, run, print) {
  const errors = [];
  const failures = [];
  const cleanups = [];
  let results = null;
  try {
    console.log('[bench] building the app (npx vite build)…');
    await withTimeout(buildApp(), 300_000, 'npx vite build of the app');
    const browser = await withTimeout(launchBrowser(), 60_000, 'launching Chromium');
    cleanups.push(() => browser.close());
    const appServer = await serve({ root: repo, configFile: path.join(repo, 'vite.config.ts') });
    cleanups.push(appServer.close);
    console.log(`[bench] ${what} …`);
    results = await run(browser, appServer.url, { errors, failures });
  } catch (e) {
    console.log(`[bench] FAILED: ${e.message}`);
    process.exitCode = 1;
  } finally {
    for (const c of cleanups.reverse()) await c().catch((e) => console.log(`cleanup: ${e.message}`));
  }
  if (errors.length)
    console.log(`[bench] browser errors (${errors.length}):\n  ${errors.slice(0, 20).join('\n  ')}`);
  print(results, failures);
}

const firstStepAlone = (o) =>
  sectionAlone(
    `first step: ${LINKS.map((l) => l.id).join(', ')}`,
    (browser, url, { errors, failures }) =>
      firstStepSection(browser, url, { software: !o.gpu, reps: o.repsGiven ? o.reps : 1, errors, failures }),
    (results, failures) => {
      console.log(`BENCH ${JSON.stringify({ firstStep: results ?? [], failures })}`);
      printFirstStep(results ?? []);
      if (failures.length) console.log(`failed: ${failures.length}`, ...failures.map((f) => `\n  ${f}`));
    },
  );

const labAlone = (o) =>
  sectionAlone(
    labWhat(o),
    (browser, url, { errors, failures }) => labSection(browser, url, labOptions(o, errors, failures)),
    (lab, failures) => {
      const summary = labOnlySummary(lab, failures);
      console.log(`BENCH ${JSON.stringify(summary)}`);
      printLabOnly(summary);
    },
  );

const labWhat = (o) =>
  `lab: ${LAB_CASES.map((c) => c.id).join(', ')}; ${o.labSeconds} s of drags per slider (η; κ on the quadratic)`;
const labOptions = (o, errors, failures) => ({
  repo,
  software: !o.gpu,
  seconds: o.labSeconds,
  errors,
  failures,
});

/**
 * The runs of the page scenarios trained by the same engine in a worker of the bench page, nothing
 * else on it: samples/s of all lanes together, by lane count, to set beside the page's.
 */
async function workerFigures(runJob, o) {
  const figures = {};
  for (const lanes of [1, 4]) {
    const r = await runJob({
      id: `worker-only/${lanes} run${lanes > 1 ? 's' : ''}`,
      impl: 'ours',
      optimizer: 'adam',
      ...(lanes > 1 ? { lanes, laneOptimizers: FOUR_OPTIMIZERS } : {}),
      batchSize: 32,
      mode: 'window',
      epochs: 10,
      warmupSteps: 20,
      windowMs: Math.min(o.windowS, 20) * 1000,
      minLeakSteps: 0,
      softwareWebgl: !o.gpu,
    });
    if (r) figures[lanes] = r.samplesPerSec * lanes; // per run in a comparison: all lanes here
  }
  return figures;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true'; // our configs import TS without extensions
  if (o.firstStep) return firstStepAlone(o);
  if (o.lab) return labAlone(o);
  const t0 = Date.now();
  const cleanups = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse())
      await c().catch((e) => console.log(`cleanup: ${e.message}`));
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  const errors = [];
  const runs = [];
  const failures = [];
  let page = null;
  let lab = null;
  let full = null;
  let optimizers = null;
  let dropout = null;
  try {
    {
      // Also for --page-only: the page's samples/s is compared with the worker-only figure.
      console.log('[bench] building the bench page (vite build)…');
      await withTimeout(
        build({ configFile: path.join(here, 'vite.config.ts'), logLevel: 'warn' }),
        300_000,
        'vite build of the bench page',
      );
    }
    if (o.page) {
      console.log('[bench] building the app (npx vite build)…');
      await withTimeout(buildApp(), 300_000, 'npx vite build of the app');
    }
    const browser = await withTimeout(launchBrowser(), 60_000, 'launching Chromium');
    cleanups.push(() => browser.close());
    const runJob = await benchRunner(browser, { errors, failures, cleanups });
    for (const job of o.pageOnly ? [] : plan(o)) {
      const r = await runJob(job);
      if (r) runs.push(r);
    }
    // Kept out of `runs`: its result is a table of its own, not a run to group with the others.
    if (withOptimizers(o)) optimizers = await runJob(optimizersJob(o));
    if (withDropout(o)) dropout = await runJob(dropoutJob(o));
    if (o.profile || o.insight) {
      for (const r of runs) {
        console.log(
          o.insight
            ? `\nPredictions while ${r.model} trains at batch ${r.batchSize} (ms):`
            : `\nWhere the time goes, ${r.id} (ms, each part timed alone):`,
        );
        for (const [part, ms] of Object.entries(r.breakdown ?? {}))
          console.log(`  ${ms.toFixed(2).padStart(7)}  ${part}`);
      }
      return;
    }

    if (o.page) {
      const software = !o.gpu;
      console.log(
        `[bench] page: the production app${software ? ', software WebGL' : ''}, ` +
          `${o.pageSeconds} s per scenario (${SCENARIOS.map((s) => s.id).join(', ')}): Start, quiet, then ` +
          'drags and arrow keys on the Learning rate slider …',
      );
      const worker = await workerFigures(runJob, o);
      const appServer = await serve({ root: repo, configFile: path.join(repo, 'vite.config.ts') });
      cleanups.push(appServer.close);
      page = {
        ...(await pageSection(browser, appServer.url, {
          software,
          seconds: o.pageSeconds,
          errors,
          failures,
        })),
        worker,
        series: await seriesCosts(repo),
      };
      console.log(`[bench] ${labWhat(o)} …`);
      lab = await labSection(browser, appServer.url, labOptions(o, errors, failures));
    }

    if (o.full && runJob) {
      const job = {
        id: 'ours-adam/32 x10',
        impl: 'ours',
        optimizer: 'adam',
        batchSize: 32,
        mode: 'epoch',
        epochs: 10,
        warmupSteps: 20,
        windowMs: 0,
        minLeakSteps: 0,
        softwareWebgl: !o.gpu,
      };
      full = await runJob(job);
    }
  } catch (e) {
    console.log(`[bench] FAILED: ${e.message}`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
  if (errors.length)
    console.log(`[bench] browser errors (${errors.length}):\n  ${errors.slice(0, 20).join('\n  ')}`);
  if (o.optimizersOnly)
    return printOptimizersOnly(optimizerSummary(optimizers), failures, dropoutSummary(dropout));
  if (o.dropoutOnly) return printDropoutOnly(dropoutSummary(dropout), failures);
  const summary = summarize(runs, {
    page,
    lab,
    full,
    optimizers,
    dropout,
    failures,
    durationS: (Date.now() - t0) / 1000,
    batchSizes: o.batches,
    models: o.models,
  });
  console.log(`BENCH ${JSON.stringify(summary)}`);
  printTable(summary);
}

await main();
