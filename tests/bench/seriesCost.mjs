// What a chart redraw's own arithmetic costs early and late in a long run, timed in Node (V8, as in
// Chromium): the rows of a four-run race (loss and accuracy, smoothing 0.9) after one more report, at
// step 1,000 and at step 100,000, kept up to date as the page does (trainLine.ts) and rebuilt from all
// points as it did before. Recharts' own work on the rows drawn does not grow with the run.
import { median, moduleLoader } from './lib.mjs';

const RUNS = 4;
/** Steps per report at four runs on the development machine (about 30 steps/s, ~5 reports/s). */
const REPORT_STEPS = 8;
const AT = [1_000, 100_000];

export async function seriesCosts(repo) {
  const server = await moduleLoader(repo);
  try {
    const { buildRunSeries, trainLineFor } = await server.ssrLoadModule('/src/charts/series.ts');
    const point = (step) => ({
      step,
      epoch: 0,
      loss: 2 / Math.sqrt(step) + Math.sin(step) / 50,
      accuracy: 0.9,
    });
    const out = {};
    for (const at of AT) {
      const runs = Array.from({ length: RUNS }, () => ({ points: [], validation: [] }));
      const lines = runs.map(() => ({
        loss: trainLineFor({ metric: 'loss', smoothing: 0.9 }),
        accuracy: trainLineFor({ metric: 'accuracy', smoothing: 0.9 }),
      }));
      const redraw = (incremental) =>
        runs.forEach((run, i) => {
          for (const metric of ['loss', 'accuracy']) {
            const opts = { metric, smoothing: 0.9 };
            buildRunSeries(run, opts, incremental ? lines[i][metric] : trainLineFor(opts));
          }
        });
      let step = 0;
      const report = () => {
        for (let k = 0; k < REPORT_STEPS; k++) {
          step++;
          for (const run of runs) run.points.push(point(step));
        }
      };
      while (step < at) report();
      redraw(true); // the kept lines catch up to here, as they would have report by report
      const incremental = [];
      const rebuilt = [];
      for (let rep = 0; rep < 15; rep++) {
        report();
        let t0 = performance.now();
        redraw(true);
        incremental.push(performance.now() - t0);
        t0 = performance.now();
        redraw(false);
        rebuilt.push(performance.now() - t0);
      }
      const ms = (xs) => Math.round(median(xs) * 100) / 100;
      out[at] = { incrementalMs: ms(incremental), rebuiltMs: ms(rebuilt) };
    }
    return out;
  } finally {
    await server.close();
  }
}
