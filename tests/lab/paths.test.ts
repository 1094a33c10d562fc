// The lab's paths against theory and against float64 arithmetic written here, independently of
// src/shared/updateRules.ts: SGD's closed form on the quadratic, momentum (plain and Nesterov) and
// Adam (with and without bias correction) step by step, divergence past η = 2/κ, live changes at
// their steps, and paths that run away. Every lab here walks at the runs' own η (eta=run); the other
// optimizers and the schedules are in pathRules.test.ts, the lab's suited rates in rates.test.ts.
import { describe, expect, it } from 'vitest';
import { computePaths, walk } from '../../src/lab/paths';
import { MAX_LAB_STEPS } from '../../src/lab/settings';
import { surfaceOf } from '../../src/lab/surfaces';
import type { RunSettings } from '../../src/shared/settings';
import { makeRun, ownEtaLab, worstRelative } from './fixtures';

/** Float32's unit roundoff: "to float32 precision". */
const FLOAT32_EPS = 2 ** -23;

describe('SGD on the quadratic', () => {
  it('follows the closed form x_t = (1 − η)^t·x0, y_t = (1 − ηκ)^t·y0 to float32 precision', () => {
    for (const [eta, kappa] of [
      [0.01, 50],
      [0.03, 10],
      [0.001, 500],
      // 1 − ηκ = 0: y reaches the minimum in one step and stays there.
      [0.001, 1000],
    ] as const) {
      const lab = ownEtaLab('quadratic', { kappa, steps: 500 });
      const [path] = computePaths([makeRun({ optimizer: 'sgd', learningRate: eta })], lab, 1);
      expect(path!.count).toBe(501);
      const xs = Float64Array.from({ length: 501 }, (_, t) => (1 - eta) ** t * lab.x0);
      const ys = Float64Array.from({ length: 501 }, (_, t) => (1 - eta * kappa) ** t * lab.y0);
      expect(worstRelative(path!.xs, xs, 501, 0)).toBeLessThan(FLOAT32_EPS);
      expect(worstRelative(path!.ys, ys, 501, 0)).toBeLessThan(FLOAT32_EPS);
      expect(path!.losses[0]).toBe(0.5 * (lab.x0 ** 2 + kappa * lab.y0 ** 2));
    }
  });

  it('oscillates and grows in y when η > 2/κ, while x still shrinks', () => {
    const kappa = 50;
    const eta = 2.2 / kappa;
    const [path] = computePaths(
      [makeRun({ optimizer: 'sgd', learningRate: eta })],
      ownEtaLab('quadratic', { kappa, steps: 40 }),
      1,
    );
    for (let t = 1; t <= 40; t++) {
      expect(Math.sign(path!.ys[t]!)).toBe(-Math.sign(path!.ys[t - 1]!));
      expect(Math.abs(path!.ys[t]!)).toBeGreaterThan(Math.abs(path!.ys[t - 1]!));
      expect(Math.abs(path!.xs[t]!)).toBeLessThan(Math.abs(path!.xs[t - 1]!));
    }
    // |1 − ηκ| = 1.2 per step.
    expect(Math.abs(path!.ys[40]! / path!.ys[0]!)).toBeCloseTo(1.2 ** 40, 6);
  });
});

/** θ ← θ − η·v with v ← μ·v + g (Nesterov: θ ← θ − η·(g + μ·v)), written out for the quadratic. */
function momentumByHand(s: RunSettings, kappa: number, start: [number, number], steps: number) {
  const theta = [...start];
  const vel = [0, 0];
  const out = { xs: [theta[0]!], ys: [theta[1]!] };
  for (let t = 1; t <= steps; t++) {
    const g = [theta[0]!, kappa * theta[1]!];
    for (let i = 0; i < 2; i++) {
      vel[i] = s.momentum * vel[i]! + g[i]!;
      theta[i] = theta[i]! - s.learningRate * (s.nesterov ? g[i]! + s.momentum * vel[i]! : vel[i]!);
    }
    out.xs.push(theta[0]!);
    out.ys.push(theta[1]!);
  }
  return out;
}

/** Kingma & Ba's Algorithm 1 with m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t), or without correction. */
function adamByHand(s: RunSettings, kappa: number, start: [number, number], steps: number) {
  const theta = [...start];
  const m = [0, 0];
  const v = [0, 0];
  const out = { xs: [theta[0]!], ys: [theta[1]!] };
  for (let t = 1; t <= steps; t++) {
    const g = [theta[0]!, kappa * theta[1]!];
    for (let i = 0; i < 2; i++) {
      m[i] = s.beta1 * m[i]! + (1 - s.beta1) * g[i]!;
      v[i] = s.beta2 * v[i]! + (1 - s.beta2) * g[i]! ** 2;
      const mHat = s.biasCorrection ? m[i]! / (1 - Math.pow(s.beta1, t)) : m[i]!;
      const vHat = s.biasCorrection ? v[i]! / (1 - Math.pow(s.beta2, t)) : v[i]!;
      theta[i] = theta[i]! - (s.learningRate * mHat) / (Math.sqrt(vHat) + s.epsilon);
    }
    out.xs.push(theta[0]!);
    out.ys.push(theta[1]!);
  }
  return out;
}

/** The largest |θ − θref| / |θref| over steps whose reference lies at least 0.01 from the minimum. */
function worstPointError(
  a: { xs: ArrayLike<number>; ys: ArrayLike<number> },
  b: { xs: number[]; ys: number[] },
) {
  let worst = 0;
  b.xs.forEach((bx, t) => {
    const norm = Math.hypot(bx, b.ys[t]!);
    if (norm >= 0.01) worst = Math.max(worst, Math.hypot(a.xs[t]! - bx, a.ys[t]! - b.ys[t]!) / norm);
  });
  return worst;
}

describe('momentum and Adam on the quadratic match float64 arithmetic for 200 steps', () => {
  const kappa = 50;
  const cases: [string, Partial<RunSettings>, typeof momentumByHand][] = [
    ['momentum', { optimizer: 'momentum', learningRate: 0.002, momentum: 0.9 }, momentumByHand],
    [
      'Nesterov momentum',
      { optimizer: 'momentum', learningRate: 0.002, momentum: 0.9, nesterov: true },
      momentumByHand,
    ],
    ['Adam', { optimizer: 'adam', learningRate: 0.05 }, adamByHand],
    [
      'Adam without bias correction',
      { optimizer: 'adam', learningRate: 0.05, biasCorrection: false },
      adamByHand,
    ],
    [
      'Adam, β2 = 0.9, ε = 0.1',
      { optimizer: 'adam', learningRate: 0.02, beta2: 0.9, epsilon: 0.1 },
      adamByHand,
    ],
  ];
  it.each(cases)('%s: relative error ≤ 1e-4 away from the minimum', (_, settings, byHand) => {
    const run = makeRun(settings);
    const lab = ownEtaLab('quadratic', { kappa, steps: 200 });
    const [path] = computePaths([run], lab, 1);
    const ref = byHand(run.initial, kappa, [lab.x0, lab.y0], 200);
    expect(path!.count).toBe(201);
    expect(worstPointError(path!, ref)).toBeLessThanOrEqual(1e-4);
    // The comparison is not vacuous: the path moved, and stayed away from the minimum for a while.
    expect(Math.hypot(path!.xs[200]! - lab.x0, path!.ys[200]! - lab.y0)).toBeGreaterThan(0.5);
  });
});

describe('live changes', () => {
  it('apply from their step on: steps 1…50 at η = 0.01, then η = 0.03', () => {
    const run = makeRun({ optimizer: 'sgd', learningRate: 0.01 }, [
      { step: 51, key: 'learningRate', value: 0.03 },
    ]);
    const lab = ownEtaLab('quadratic', { steps: 120 });
    const [path] = computePaths([run], lab, 1);
    expect(path!.count).toBe(121);
    for (const t of [1, 50, 51, 120]) {
      const expected = 0.99 ** Math.min(t, 50) * 0.97 ** Math.max(0, t - 50) * lab.x0;
      expect(Math.abs(path!.xs[t]! - expected) / Math.abs(expected)).toBeLessThan(FLOAT32_EPS);
    }
  });

  it('keep the moments on a hyperparameter change and start fresh on an optimizer switch', () => {
    const lab = ownEtaLab('quadratic', { steps: 30 });
    const surface = surfaceOf('quadratic', lab.kappa);
    const base = { optimizer: 'momentum' as const, learningRate: 0.002, momentum: 0.9 };
    const switched = walk(makeRun(base, [{ step: 11, key: 'optimizer', value: 'sgd' }]), lab, surface, null);
    const plain = walk(makeRun(base), lab, surface, null);
    expect(switched.xs[10]).toBe(plain.xs[10]);
    // Step 11 is plain SGD from θ_10: no velocity carried over.
    expect(switched.xs[11]).toBe(plain.xs[10]! - 0.002 * plain.xs[10]!);
    const slower = walk(makeRun(base, [{ step: 11, key: 'momentum', value: 0.5 }]), lab, surface, null);
    // With μ = 0.5 from step 11 the old velocity still counts: v_11 = 0.5·v_10 + g_11.
    const v10 = (plain.xs[9]! - plain.xs[10]!) / 0.002;
    expect(slower.xs[11]).toBeCloseTo(plain.xs[10]! - 0.002 * (0.5 * v10 + plain.xs[10]!), 12);
  });

  it('ignore entries after the last step', () => {
    const lab = ownEtaLab('rosenbrock', { steps: 50 });
    const a = computePaths([makeRun({ optimizer: 'adam', learningRate: 0.01 })], lab, 1)[0]!;
    const b = computePaths(
      [makeRun({ optimizer: 'adam', learningRate: 0.01 }, [{ step: 51, key: 'learningRate', value: 1 }])],
      lab,
      1,
    )[0]!;
    expect(b.xs).toEqual(a.xs);
  });
});

describe('runaway paths', () => {
  it('stop when the point leaves the ±10⁶ box, keeping the points before it', () => {
    const [path] = computePaths(
      [makeRun({ optimizer: 'sgd', learningRate: 0.1 })],
      ownEtaLab('quadratic', { kappa: 1000, steps: 2000 }),
      1,
    );
    expect(path!.stop).toEqual({ step: path!.count, reason: 'escaped' });
    expect(path!.count).toBeLessThan(100);
    for (let i = 0; i < path!.count; i++) expect(Math.abs(path!.ys[i]!)).toBeLessThanOrEqual(1e6);
  });

  it('stop on Rosenbrock when too large a step throws the point out of its valley', () => {
    const [path] = computePaths(
      [makeRun({ optimizer: 'sgd', learningRate: 0.05 })],
      ownEtaLab('rosenbrock', { steps: 2000 }),
      1,
    );
    expect(path!.stop).not.toBeNull();
    expect(Array.from(path!.losses.subarray(0, path!.count)).every(Number.isFinite)).toBe(true);
  });
});

describe('computePaths', () => {
  it('walks four runs for 2,000 steps each, skipping hidden runs', () => {
    const runs = [
      makeRun({ optimizer: 'sgd', learningRate: 0.001 }, [], 'a'),
      makeRun({ optimizer: 'momentum', learningRate: 0.0005 }, [], 'b'),
      makeRun({ optimizer: 'adam', learningRate: 0.01 }, [], 'c'),
      makeRun({ optimizer: 'adam', learningRate: 0.001, nesterov: true }, [], 'd'),
      { ...makeRun({ optimizer: 'sgd' }, [], 'e'), hidden: true },
    ];
    for (const surface of ['quadratic', 'rosenbrock', 'saddle', 'noisy-quadratic'] as const) {
      const paths = computePaths(runs, ownEtaLab(surface, { steps: MAX_LAB_STEPS }), 7);
      expect(paths.map((p) => p.runId)).toEqual(['a', 'b', 'c', 'd']);
      for (const p of paths) {
        expect(p.stop).toBeNull();
        expect(p.count).toBe(MAX_LAB_STEPS + 1);
        expect([p.xs, p.ys, p.losses].every((a) => a.every(Number.isFinite))).toBe(true);
      }
    }
  });

  it('lets SGD linger at the saddle that Adam leaves', () => {
    const runs = [
      makeRun({ optimizer: 'sgd', learningRate: 0.01 }, [], 'sgd'),
      makeRun({ optimizer: 'adam', learningRate: 0.01 }, [], 'adam'),
    ];
    const [sgd, adam] = computePaths(runs, ownEtaLab('saddle', { steps: 300 }), 1);
    // Both reach the saddle's neighbourhood along x; Adam's normalised step escapes along y first.
    expect(Math.abs(sgd!.ys[300]!)).toBeLessThan(Math.abs(adam!.ys[300]!));
  });
});
