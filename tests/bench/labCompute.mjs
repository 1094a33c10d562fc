// The lab's pure work timed alone in Node (V8, as in Chromium): the four paths (src/lab/paths.ts), their
// SVG strings (src/lab/plot.ts) and, for κ changes, the contour bands (src/lab/contours.ts). Set beside
// the page's input→paint figures it splits React's render into the app's own arithmetic and the rest.
import { median, moduleLoader } from './lib.mjs';

const REPEATS = 15;

function timeMs(fn) {
  const times = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  return Math.round(median(times) * 100) / 100;
}

/**
 * Per case { id, surface, kappa, steps, runs: [{ optimizer, learningRate, beta2 }] }: median ms of
 * computePaths, of lineData + dotsData for every path, and of contourMap at a κ not yet cached.
 */
export async function labComputeTimes(repo, cases) {
  const server = await moduleLoader(repo);
  try {
    const load = (p) => server.ssrLoadModule(p);
    const [paths, plot, contours, settings, surfaces, runs] = await Promise.all([
      load('/src/lab/paths.ts'),
      load('/src/lab/plot.ts'),
      load('/src/lab/contours.ts'),
      load('/src/lab/settings.ts'),
      load('/src/lab/surfaces.ts'),
      load('/src/experiment/runs.ts'),
    ]);
    const out = {};
    for (const c of cases) {
      const lab = { ...settings.defaultLab(c.surface), kappa: c.kappa, steps: c.steps };
      const specs = c.runs.map((r, i) =>
        runs.runFromSettings({ ...runs.defaultSettings(), ...r }, i, `r${i}`),
      );
      const p = plot.plotOf(surfaces.surfaceOf(c.surface, c.kappa).frame);
      let walked = paths.computePaths(specs, lab, 1);
      const computeMs = timeMs(() => (walked = paths.computePaths(specs, lab, 1)));
      const stringsMs = timeMs(() => {
        for (const w of walked) {
          plot.lineData(p, w.xs, w.ys, w.count);
          plot.dotsData(p, w.xs, w.ys, w.count);
        }
      });
      // A κ a little off the case's for each repeat, so the contour cache never answers.
      const bandsMs = timeMs((i) => contours.contourMap(c.surface, c.kappa * (1 + (i + 1) * 1e-3), p));
      out[c.id] = { computeMs, stringsMs, bandsMs, points: walked.map((w) => w.count) };
    }
    return out;
  } finally {
    await server.close();
  }
}
