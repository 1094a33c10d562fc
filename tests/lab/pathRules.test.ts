// The lab's paths for AdaGrad, RMSProp, AdamW and weight decay, and under learning-rate schedules,
// against float64 loops written here from torch.optim's documented updates and the schedules' closed
// forms, independently of src/shared/updateRules.ts and src/shared/schedule.ts. The lab splits its
// steps into ten "epochs" of ⌈steps/10⌉ steps for the schedules that count epochs.
import { describe, expect, it } from 'vitest';
import { computePaths, labPeriod, type LabPath } from '../../src/lab/paths';
import { MNIST_DEFAULT_ETA } from '../../src/lab/rates';
import type { LabSettings } from '../../src/lab/settings';
import type { RunSettings } from '../../src/shared/settings';
import { makeLab, makeRun, ownEtaLab } from './fixtures';

/** Far below any difference a wrong rule would make; above float64 rounding over a few hundred steps. */
const TOLERANCE = 1e-12;

type Point = [x: number, y: number];
/** One step of a rule on coordinate i: θ_i, its gradient g_i and the step's η; returns the new θ_i. */
type CoordinateStep = (theta: number, g: number, eta: number, i: number, t: number) => number;

/** Walks the quadratic ½(x² + κy²) from `start` with `step`, the step's η being `eta(t)`. */
function walkByHand(lab: LabSettings, steps: number, eta: (t: number) => number, step: CoordinateStep) {
  const theta: Point = [lab.x0, lab.y0];
  const out: Point[] = [[...theta]];
  for (let t = 1; t <= steps; t++) {
    const g: Point = [theta[0], lab.kappa * theta[1]];
    for (const i of [0, 1] as const) theta[i] = step(theta[i], g[i], eta(t), i, t);
    out.push([...theta]);
  }
  return out;
}

/** The largest |θ − θref| over the path, relative to the largest |θref|: 0 for identical paths. */
function worstError(path: LabPath, ref: Point[]): number {
  expect(path.stop).toBeNull();
  expect(path.count).toBe(ref.length);
  const scale = Math.max(...ref.map(([x, y]) => Math.hypot(x, y)));
  return Math.max(...ref.map(([x, y], t) => Math.hypot(path.xs[t]! - x, path.ys[t]! - y) / scale));
}

/** The path moved, and not straight to the minimum: the comparison is not vacuous. */
function expectMoved(path: LabPath, lab: LabSettings) {
  const t = path.count - 1;
  expect(Math.hypot(path.xs[t]! - lab.x0, path.ys[t]! - lab.y0)).toBeGreaterThan(1);
  expect(Math.hypot(path.xs[t]!, path.ys[t]!)).toBeGreaterThan(1e-6);
}

/**
 * RMSProp (torch.optim.RMSprop, α = β2), with L2 weight decay g ← g + λ·θ:
 * v ← α·v + (1 − α)·g²; θ ← θ − η·g/(√v + ε).
 */
function rmsprop(s: RunSettings): CoordinateStep {
  const v = [0, 0];
  return (theta, g0, eta, i) => {
    const g = g0 + s.weightDecay * theta;
    v[i] = s.beta2 * v[i]! + (1 - s.beta2) * g * g;
    return theta - (eta * g) / (Math.sqrt(v[i]!) + s.epsilon);
  };
}

/**
 * AdaGrad (torch.optim.Adagrad, initial accumulator 0), with L2 weight decay g ← g + λ·θ:
 * s ← s + g²; θ ← θ − η·g/(√s + ε).
 */
function adagrad(s: RunSettings): CoordinateStep {
  const sum = [0, 0];
  return (theta, g0, eta, i) => {
    const g = g0 + s.weightDecay * theta;
    sum[i] = sum[i]! + g * g;
    return theta - (eta * g) / (Math.sqrt(sum[i]!) + s.epsilon);
  };
}

/**
 * Adam with bias correction 1 − β^t; AdamW (torch.optim.AdamW) first decays θ ← θ − η·λ·θ, Adam with
 * λ > 0 instead adds λ·θ to the gradient (L2), both from θ_{t−1}.
 */
function adam(s: RunSettings): CoordinateStep {
  const m = [0, 0];
  const v = [0, 0];
  return (theta, g, eta, i, t) => {
    const decoupled = s.optimizer === 'adamw';
    const grad = decoupled ? g : g + s.weightDecay * theta;
    const th = decoupled ? theta - eta * s.weightDecay * theta : theta;
    m[i] = s.beta1 * m[i]! + (1 - s.beta1) * grad;
    v[i] = s.beta2 * v[i]! + (1 - s.beta2) * grad * grad;
    const mHat = m[i]! / (1 - s.beta1 ** t);
    const vHat = v[i]! / (1 - s.beta2 ** t);
    return th - (eta * mHat) / (Math.sqrt(vHat) + s.epsilon);
  };
}

/** SGD with L2 weight decay: θ ← θ − η·(g + λ·θ). */
const sgd =
  (s: RunSettings): CoordinateStep =>
  (theta, g, eta) =>
    theta - eta * (g + s.weightDecay * theta);

/** Momentum with L2 weight decay: v ← μ·v + (g + λ·θ); θ ← θ − η·v. */
function momentum(s: RunSettings): CoordinateStep {
  const vel = [0, 0];
  return (theta, g, eta, i) => {
    vel[i] = s.momentum * vel[i]! + g + s.weightDecay * theta;
    return theta - eta * vel[i]!;
  };
}

describe('AdaGrad, RMSProp, AdamW and weight decay on the quadratic match float64 loops for 200 steps', () => {
  const cases: [string, Partial<RunSettings>, (s: RunSettings) => CoordinateStep][] = [
    ['RMSProp', { optimizer: 'rmsprop', learningRate: 0.01, beta2: 0.9 }, rmsprop],
    [
      'RMSProp, ε = 0.1, λ = 0.05 (L2)',
      { optimizer: 'rmsprop', learningRate: 0.02, epsilon: 0.1, weightDecay: 0.05 },
      rmsprop,
    ],
    ['AdaGrad', { optimizer: 'adagrad', learningRate: 0.3 }, adagrad],
    ['AdaGrad, λ = 0.1 (L2)', { optimizer: 'adagrad', learningRate: 0.3, weightDecay: 0.1 }, adagrad],
    ['AdamW, λ = 0.1', { optimizer: 'adamw', learningRate: 0.03, weightDecay: 0.1 }, adam],
    [
      'AdamW, λ = 0.5, β2 = 0.9',
      { optimizer: 'adamw', learningRate: 0.02, weightDecay: 0.5, beta2: 0.9 },
      adam,
    ],
    ['Adam, λ = 0.1 (L2, not decoupled)', { optimizer: 'adam', learningRate: 0.03, weightDecay: 0.1 }, adam],
    ['SGD, λ = 0.2 (L2)', { optimizer: 'sgd', learningRate: 0.005, weightDecay: 0.2 }, sgd],
  ];
  it.each(cases)('%s', (_, settings, rule) => {
    const run = makeRun(settings);
    const lab = ownEtaLab('quadratic', { steps: 200 });
    const [path] = computePaths([run], lab, 1);
    const ref = walkByHand(lab, 200, () => run.initial.learningRate, rule(run.initial));
    expect(worstError(path!, ref)).toBeLessThan(TOLERANCE);
    expectMoved(path!, lab);
  });

  it('AdamW’s decay shrinks θ where Adam’s L2 only bends the gradient: the two paths differ', () => {
    const lab = ownEtaLab('quadratic', { steps: 200 });
    const [w, l2] = computePaths(
      [
        makeRun({ optimizer: 'adamw', learningRate: 0.03, weightDecay: 0.1 }, [], 'w'),
        makeRun({ optimizer: 'adam', learningRate: 0.03, weightDecay: 0.1 }, [], 'l2'),
      ],
      lab,
      1,
    );
    expect(Math.abs(w!.xs[200]! - l2!.xs[200]!)).toBeGreaterThan(1e-3);
  });
});

/** The schedules' closed forms, written out: E steps per "epoch", T steps in all, t from 1. */
const warm = (W: number, t: number) => (W > 0 ? Math.min(1, t / W) : 1);
const stepDecay = (gamma: number, E: number) => (t: number) => gamma ** Math.floor((t - 1) / E);
const cosine = (T: number) => (t: number) => 0.5 * (1 + Math.cos((Math.PI * (t - 1)) / T));
const cyclic = (E: number) => (t: number) => {
  const phase = ((t - 1) % (2 * E)) / E; // 0 … 2 over two epochs
  return 0.1 + 0.9 * (1 - Math.abs(phase - 1));
};

describe('schedules on lab paths match float64 loops with the closed forms', () => {
  it('splits the lab’s steps into ten epochs of ⌈steps/10⌉ steps', () => {
    expect(labPeriod(300)).toEqual({ stepsPerEpoch: 30, totalSteps: 300 });
    expect(labPeriod(95)).toEqual({ stepsPerEpoch: 10, totalSteps: 95 });
    expect(labPeriod(1)).toEqual({ stepsPerEpoch: 1, totalSteps: 1 });
  });

  it('step: SGD’s η falls by γ every ⌈95/10⌉ = 10 steps (x_t = x_{t−1}·(1 − η_t))', () => {
    const run = makeRun({ optimizer: 'sgd', learningRate: 0.03, schedule: 'step', gamma: 0.7 });
    const lab = ownEtaLab('quadratic', { steps: 95 });
    const [path] = computePaths([run], lab, 1);
    const d = stepDecay(0.7, 10);
    const ref = walkByHand(lab, 95, (t) => 0.03 * d(t), sgd(run.initial));
    expect(worstError(path!, ref)).toBeLessThan(TOLERANCE);
    // The closed form of x: Π (1 − η_t).
    let x = lab.x0;
    for (let t = 1; t <= 95; t++) x *= 1 - 0.03 * d(t);
    expect(path!.xs[95]).toBeCloseTo(x, 12);
    // Not vacuous: the constant rate ends elsewhere.
    const [flat] = computePaths([makeRun({ optimizer: 'sgd', learningRate: 0.03 })], lab, 1);
    expect(Math.abs(flat!.xs[95]! - path!.xs[95]!)).toBeGreaterThan(0.1);
  });

  it('cosine with a 20-step warmup: Adam at η_t = η·min(1, t/20)·½(1 + cos(π(t − 1)/200))', () => {
    const run = makeRun({ optimizer: 'adam', learningRate: 0.05, schedule: 'cosine', warmup: 20 });
    const lab = ownEtaLab('quadratic', { steps: 200 });
    const [path] = computePaths([run], lab, 1);
    const c = cosine(200);
    const ref = walkByHand(lab, 200, (t) => 0.05 * warm(20, t) * c(t), adam(run.initial));
    expect(worstError(path!, ref)).toBeLessThan(TOLERANCE);
    expectMoved(path!, lab);
  });

  it('cyclic: momentum’s η runs 0.1η → η → 0.1η every two epochs of 30 steps', () => {
    const run = makeRun({ optimizer: 'momentum', learningRate: 0.002, schedule: 'cyclic' });
    const lab = ownEtaLab('quadratic', { steps: 300 });
    const [path] = computePaths([run], lab, 1);
    const ref = walkByHand(lab, 300, (t) => 0.002 * cyclic(30)(t), momentum(run.initial));
    expect(worstError(path!, ref)).toBeLessThan(TOLERANCE);
    expectMoved(path!, lab);
  });

  it('scales the lab’s suited rate: AdamW at 0.001 walks at 0.1·cosine on the quadratic', () => {
    const run = makeRun({
      optimizer: 'adamw',
      learningRate: MNIST_DEFAULT_ETA,
      schedule: 'cosine',
      weightDecay: 0.01,
    });
    const lab = makeLab('quadratic', { steps: 300 });
    expect(lab.eta).toBe('surface');
    const [path] = computePaths([run], lab, 1);
    const ref = walkByHand(lab, 300, (t) => 0.1 * cosine(300)(t), adam(run.initial));
    expect(worstError(path!, ref)).toBeLessThan(TOLERANCE);
    expectMoved(path!, lab);
  });
});
