// Optimizer math checked against a float64 reference, hand-worked values and tfjs's own optimizers.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createOptimizer } from '../../src/engine/optimizers';
import { OPTIMIZERS, hyperParamsOf, type HyperParams, type OptimizerName } from '../../src/shared/settings';
import { createRng } from '../../src/shared/random';
import { relError, useCpu } from '../helpers/tf';
import { ReferenceOptimizer } from './reference';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';

const BASE: HyperParams = { ...hyperParamsOf(settingsOf(DEFAULT_CONFIG)), learningRate: 0.01 };
const NAMES: readonly OptimizerName[] = OPTIMIZERS;
// Several elements per variable so its largest magnitude (the error's scale) never sits near zero.
const SHAPES = [[7, 5], [5], [3, 4, 2], [6]];

/** A schedule that changes every hyperparameter the rules read at least once mid-run. */
const CHANGES: Record<number, Partial<HyperParams>> = {
  20: { weightDecay: 0.05 },
  40: { learningRate: 0.05 },
  80: { beta1: 0.5 },
  100: { weightDecay: 0.3 },
  120: { beta2: 0.9 },
  150: { momentum: 0.3, nesterov: true },
  190: { epsilon: 1e-3, weightDecay: 0 },
  230: { learningRate: 0.002, beta1: 0.95, beta2: 0.99999 },
  260: { epsilon: 1e-8, momentum: 0.99, nesterov: false, weightDecay: 0.01 },
};

/** The learning-rate factor of step `step` (0-based) in these tests: a warmup, then a wave. */
const lrScaleAt = (step: number) => Math.min(1, (step + 1) / 30) * (0.6 + 0.4 * Math.cos(step / 17));

beforeAll(useCpu);

describe.each(NAMES)('%s against a float64 reference', (name) => {
  it('stays within 1e-4 relative error for 300 steps with live changes, weight decay and a schedule', () => {
    const rng = createRng(42);
    const rand = (n: number) => Float32Array.from({ length: n }, () => rng() * 2 - 1);
    const sizes = SHAPES.map((s) => s.reduce((a, b) => a * b, 1));
    const inits = sizes.map(rand);
    const vars = tf.tidy(() => inits.map((x, i) => tf.variable(tf.tensor(x, SHAPES[i]!))));
    const ref = inits.map((x) => Float64Array.from(x));
    const opt = createOptimizer(name, BASE);
    const reference = new ReferenceOptimizer(name, { ...BASE });
    let worst = 0;
    for (let step = 0; step < 300; step++) {
      const change = CHANGES[step];
      if (change) {
        opt.setHyperParams(change);
        reference.hyper = { ...reference.hyper, ...change };
      }
      const g32 = sizes.map(rand);
      const grads = g32.map((g, i) => tf.tensor(g, SHAPES[i]!));
      opt.setLearningRateScale(lrScaleAt(step));
      expect(opt.rate).toBeCloseTo(opt.getHyperParams().learningRate * lrScaleAt(step), 12);
      opt.apply(vars, grads);
      reference.apply(
        ref,
        g32.map((g) => Float64Array.from(g)),
        lrScaleAt(step),
      );
      grads.forEach((g) => g.dispose());
      vars.forEach((v, i) => {
        const e = relError(v.dataSync(), ref[i]!);
        worst = Math.max(worst, e);
        expect(e, `variable ${i} at step ${step + 1}`).toBeLessThanOrEqual(1e-4);
      });
    }
    expect(opt.iterations).toBe(300);
    expect(opt.getHyperParams().learningRate).toBe(0.002);
    console.log(`${name}: worst relative error over 300 steps ${worst.toExponential(2)}`);
    opt.dispose();
    vars.forEach((v) => v.dispose());
  });
});

/** Two steps on f(x) = Σx², whose gradient is 2x. */
function twoSteps(name: OptimizerName, x0: number[], hyper: HyperParams): number[][] {
  const x = tf.tidy(() => tf.variable(tf.tensor1d(x0)));
  const opt = createOptimizer(name, hyper);
  const out: number[][] = [];
  for (let i = 0; i < 2; i++) {
    const g = tf.mul(x, 2);
    opt.apply([x], [g]);
    g.dispose();
    out.push(Array.from(x.dataSync()));
  }
  opt.dispose();
  x.dispose();
  return out;
}

describe('hand-worked values', () => {
  it('adam: [2,4] → [1.9,3.9] → [1.800182,3.800082]', () => {
    const [a, b] = twoSteps('adam', [2, 4], {
      ...BASE,
      learningRate: 0.1,
      beta1: 0.8,
      beta2: 0.9,
      epsilon: 1e-8,
    });
    expect(a![0]).toBeCloseTo(1.9, 6);
    expect(a![1]).toBeCloseTo(3.9, 6);
    expect(b![0]).toBeCloseTo(1.800182, 5);
    expect(b![1]).toBeCloseTo(3.800082, 5);
  });
  it('momentum: [1,2] → [0.8,1.6] → [0.54,1.08]', () => {
    const [a, b] = twoSteps('momentum', [1, 2], { ...BASE, learningRate: 0.1, momentum: 0.5 });
    expect(a![0]).toBeCloseTo(0.8, 6);
    expect(a![1]).toBeCloseTo(1.6, 6);
    expect(b![0]).toBeCloseTo(0.54, 6);
    expect(b![1]).toBeCloseTo(1.08, 6);
  });
  // The values below were worked in float64 by hand-written loops of each rule (torch.optim's form).
  it('rmsprop: [1,2] → [0.683772,1.683772] → [0.498871,1.473875]', () => {
    const [a, b] = twoSteps('rmsprop', [1, 2], { ...BASE, learningRate: 0.1, beta2: 0.9, epsilon: 1e-8 });
    expect(a).toEqual([expect.closeTo(0.683772, 5), expect.closeTo(1.683772, 5)]);
    expect(b).toEqual([expect.closeTo(0.498871, 5), expect.closeTo(1.473875, 5)]);
  });
  it('adagrad: [1,2] → [0.9,1.9] → [0.833104,1.831125] (the first step is η·sign(g))', () => {
    const [a, b] = twoSteps('adagrad', [1, 2], { ...BASE, learningRate: 0.1, epsilon: 1e-8 });
    expect(a).toEqual([expect.closeTo(0.9, 5), expect.closeTo(1.9, 5)]);
    expect(b).toEqual([expect.closeTo(0.833104, 5), expect.closeTo(1.831125, 5)]);
  });
  it('adamw: [2,4] → [1.88,3.86] → [1.761429,3.72152] (θ·(1 − ηλ), then Adam)', () => {
    const h = { ...BASE, learningRate: 0.1, beta1: 0.8, beta2: 0.9, epsilon: 1e-8, weightDecay: 0.1 };
    const [a, b] = twoSteps('adamw', [2, 4], h);
    expect(a).toEqual([expect.closeTo(1.88, 5), expect.closeTo(3.86, 5)]);
    expect(b).toEqual([expect.closeTo(1.761429, 5), expect.closeTo(3.72152, 5)]);
  });
  it('sgd with L2 λ 0.5: [1,2] → [0.75,1.5] → [0.5625,1.125] (g + λθ)', () => {
    const [a, b] = twoSteps('sgd', [1, 2], { ...BASE, learningRate: 0.1, weightDecay: 0.5 });
    expect(a).toEqual([expect.closeTo(0.75, 6), expect.closeTo(1.5, 6)]);
    expect(b).toEqual([expect.closeTo(0.5625, 6), expect.closeTo(1.125, 6)]);
  });
  it('sgd: [1,2] → [0.8,1.6] → [0.64,1.28]', () => {
    const [a, b] = twoSteps('sgd', [1, 2], { ...BASE, learningRate: 0.1 });
    expect(a).toEqual([expect.closeTo(0.8, 6), expect.closeTo(1.6, 6)]);
    expect(b).toEqual([expect.closeTo(0.64, 6), expect.closeTo(1.28, 6)]);
  });
});

describe('agreement with tf.train (tests only) for constant hyperparameters', () => {
  // tfjs's AdaGrad and RMSProp put ε inside the square root (and AdaGrad starts its sum at 0.1), so
  // only these three are the same rule; the float64 reference covers the others.
  const peers: Partial<Record<OptimizerName, (h: HyperParams) => tf.Optimizer>> = {
    sgd: (h) => tf.train.sgd(h.learningRate),
    momentum: (h) => tf.train.momentum(h.learningRate, h.momentum, h.nesterov),
    adam: (h) => tf.train.adam(h.learningRate, h.beta1, h.beta2, h.epsilon),
  };
  for (const name of ['sgd', 'momentum', 'adam'] as const)
    for (const nesterov of name === 'momentum' ? [false, true] : [false]) {
      it(`${name}${nesterov ? ' (nesterov)' : ''} matches for 50 steps`, () => {
        const h = { ...BASE, nesterov, epsilon: 1e-6 };
        const rng = createRng(7);
        const init = Float32Array.from({ length: 20 }, () => rng() * 2 - 1);
        const [ours, theirs] = tf.tidy(() => [tf.variable(tf.tensor(init)), tf.variable(tf.tensor(init))]);
        const opt = createOptimizer(name, h);
        const peer = peers[name]!(h);
        for (let i = 0; i < 50; i++) {
          const g = tf.tensor(Float32Array.from({ length: 20 }, () => rng() * 2 - 1));
          opt.apply([ours], [g]);
          peer.applyGradients([{ name: theirs.name, tensor: g }]);
          g.dispose();
        }
        expect(relError(ours.dataSync(), theirs.dataSync())).toBeLessThan(1e-5);
        opt.dispose();
        peer.dispose();
        ours.dispose();
        theirs.dispose();
      });
    }
});

describe('validation and tensor discipline', () => {
  const bad: [Partial<HyperParams>, string][] = [
    [{ learningRate: -1 }, 'learningRate'],
    [{ learningRate: NaN }, 'learningRate'],
    [{ learningRate: Infinity }, 'learningRate'],
    [{ beta1: 1 }, 'beta1'],
    [{ beta1: -0.1 }, 'beta1'],
    [{ beta2: 1.5 }, 'beta2'],
    [{ momentum: 1 }, 'momentum'],
    [{ momentum: NaN }, 'momentum'],
    [{ epsilon: 0 }, 'epsilon'],
    [{ epsilon: -1e-8 }, 'epsilon'],
    [{ epsilon: Infinity }, 'epsilon'],
    [{ weightDecay: -0.1 }, 'weightDecay'],
    [{ weightDecay: NaN }, 'weightDecay'],
    [{ schedule: 'linear' as 'step' }, 'schedule'],
    [{ warmup: 1.5 }, 'warmup'],
    [{ warmup: -1 }, 'warmup'],
    [{ gamma: 0 }, 'gamma'],
    [{ gamma: 1.5 }, 'gamma'],
  ];
  it.each(bad)('%o throws a RangeError naming %s', (change, param) => {
    for (const name of NAMES) {
      expect(() => createOptimizer(name, { ...BASE, ...change })).toThrow(new RegExp(param));
      expect(() => createOptimizer(name, { ...BASE, ...change })).toThrow(RangeError);
      const opt = createOptimizer(name, BASE);
      expect(() => opt.setHyperParams(change)).toThrow(RangeError);
      expect(opt.getHyperParams()).toEqual(BASE);
      opt.dispose();
    }
  });

  it.each(NAMES)('%s keeps the tensor count flat over 100 steps and frees its state', (name) => {
    const before = tf.memory().numTensors;
    const v = tf.tidy(() => tf.variable(tf.ones([10, 3])));
    const g = tf.fill([10, 3], 0.5);
    const opt = createOptimizer(name, { ...BASE, weightDecay: 0.01 });
    opt.apply([v], [g]);
    const afterFirst = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) opt.apply([v], [g]);
    expect(tf.memory().numTensors).toBe(afterFirst);
    opt.dispose();
    v.dispose();
    g.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
