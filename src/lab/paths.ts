// The path each run walks on a lab surface: its optimizer (src/shared/updateRules.ts, the rules that
// train MNIST) applied to the 2-element parameter (x, y), at the lab's η (rates.ts) and the run's
// learning-rate schedule, with the run's live changes at their steps.
import { sortTimeline } from '../experiment/runs';
import type { RunSpec } from '../experiment/types';
import { scheduleFactor, type SchedulePeriod } from '../shared/schedule';
import { hyperParamsOf, withChange, type HyperParams, type RunSettings } from '../shared/settings';
import { applyRule, createRuleState } from '../shared/updateRules';
import { gradientNoise } from './noise';
import { labRate } from './rates';
import type { LabSettings } from './settings';
import { surfaceOf, type Surface } from './surfaces';

/** Past this |x| or |y| a path has run away: no lab surface has anything to show out there. */
export const ESCAPE_LIMIT = 1e6;

/** Why a path ended before its last step. */
export interface PathStop {
  /** The step that produced a non-finite or runaway point (that point is not in the path). */
  step: number;
  reason: 'nonFinite' | 'escaped';
}

export interface LabPath {
  runId: string;
  /** Point i is (xs[i], ys[i]) after step i; point 0 is the start. `count` points are filled. */
  xs: Float64Array;
  ys: Float64Array;
  /** f at each point (the noiseless surface, also on the noisy quadratic). */
  losses: Float64Array;
  count: number;
  stop: PathStop | null;
}

/** The step the last point was reached at (0 for a path that stopped on its first step). */
export const lastStep = (p: LabPath): number => p.count - 1;

/** How many "epochs" a lab path is split into, for the schedules that count epochs. */
export const LAB_EPOCHS = 10;

/**
 * The schedule's period on a lab path. A surface has no data and so no epochs: the path's steps are
 * split into LAB_EPOCHS "epochs" of ⌈steps/LAB_EPOCHS⌉ steps (the last may be shorter), so whatever
 * the step count a step schedule decays up to LAB_EPOCHS − 1 times, a cyclic one runs LAB_EPOCHS / 2
 * cycles and cosine falls to nearly 0 on the last step, as over MNIST's default 10 epochs. Warmup
 * counts steps, as on MNIST.
 */
export function labPeriod(steps: number): SchedulePeriod {
  return { stepsPerEpoch: Math.ceil(steps / LAB_EPOCHS), totalSteps: steps };
}

/** A run's hyperparameters as the lab walks them: η is the lab's rate for the run's optimizer. */
function labHyper(settings: RunSettings, lab: LabSettings): HyperParams {
  return { ...hyperParamsOf(settings), learningRate: labRate(settings, lab) };
}

/**
 * Walks `run` for `lab.steps` steps on `surface` from (lab.x0, lab.y0). Step t uses the run's
 * initial settings plus every timeline entry with step ≤ t; a hyperparameter change keeps the
 * optimizer's moments, a switch of optimizer starts the new one fresh, as the trainer does.
 * Step t's η is the lab's rate times the schedule's factor at t (labPeriod). Weight decay λ acts
 * through applyRule: L2 on the gradient, or AdamW's decay θ ← θ − η_t·λ·θ at the lab's η_t.
 * `noise` (standard normals, see gradientNoise) is scaled by σ on noisy surfaces.
 */
export function walk(run: RunSpec, lab: LabSettings, surface: Surface, noise: Float64Array | null): LabPath {
  const n = lab.steps + 1;
  const path: LabPath = {
    runId: run.id,
    xs: new Float64Array(n),
    ys: new Float64Array(n),
    losses: new Float64Array(n),
    count: 1,
    stop: null,
  };
  const theta = Float64Array.of(lab.x0, lab.y0);
  const g = new Float64Array(2);
  const params = [theta];
  const grads = [g];
  path.xs[0] = lab.x0;
  path.ys[0] = lab.y0;
  path.losses[0] = surface.f(lab.x0, lab.y0);
  const timeline = sortTimeline(run.timeline);
  let next = 0;
  let settings: RunSettings = run.initial;
  let hyper = labHyper(settings, lab);
  const period = labPeriod(lab.steps);
  let state = createRuleState(settings.optimizer);
  const sigma = surface.noisy && noise ? lab.noise : 0;
  for (let t = 1; t <= lab.steps; t++) {
    if (next < timeline.length && timeline[next]!.step <= t) {
      const before = settings.optimizer;
      while (next < timeline.length && timeline[next]!.step <= t)
        settings = withChange(settings, timeline[next++]!);
      hyper = labHyper(settings, lab);
      if (settings.optimizer !== before) state = createRuleState(settings.optimizer);
    }
    surface.grad(theta[0]!, theta[1]!, g);
    if (sigma > 0) {
      g[0]! += sigma * noise![2 * (t - 1)]!;
      g[1]! += sigma * noise![2 * (t - 1) + 1]!;
    }
    applyRule(state, hyper, params, grads, scheduleFactor(settings, t, period));
    const [x, y] = [theta[0]!, theta[1]!];
    const loss = surface.f(x, y);
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(loss)) {
      path.stop = { step: t, reason: 'nonFinite' };
      break;
    }
    if (Math.abs(x) > ESCAPE_LIMIT || Math.abs(y) > ESCAPE_LIMIT) {
      path.stop = { step: t, reason: 'escaped' };
      break;
    }
    path.xs[t] = x;
    path.ys[t] = y;
    path.losses[t] = loss;
    path.count = t + 1;
  }
  return path;
}

/** One path per visible run, all on the same surface and (noisy quadratic) the same noise draws. */
export function computePaths(runs: readonly RunSpec[], lab: LabSettings, seed: number): LabPath[] {
  return computePathsCached(new Map(), runs, lab, seed);
}

/** Each run's last path and what it was walked from. */
export type PathCache = Map<string, { key: string; path: LabPath }>;

/**
 * computePaths, walking again only the runs whose settings (or the lab, or the seed) changed since
 * `cache` saw them: a drag of one run's η recomputes one path, and the others keep their identity.
 */
export function computePathsCached(
  cache: PathCache,
  runs: readonly RunSpec[],
  lab: LabSettings,
  seed: number,
): LabPath[] {
  const surface = surfaceOf(lab.surface, lab.kappa);
  let noise: Float64Array | null | undefined;
  const out: LabPath[] = [];
  for (const run of runs) {
    if (run.hidden) continue;
    const key = JSON.stringify([run.initial, run.timeline, lab, seed]);
    const hit = cache.get(run.id);
    if (hit?.key === key) {
      out.push(hit.path);
      continue;
    }
    noise ??= surface.noisy ? gradientNoise(seed) : null;
    const path = walk(run, lab, surface, noise);
    cache.set(run.id, { key, path });
    out.push(path);
  }
  return out;
}
