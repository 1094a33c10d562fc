// Adam's bias correction as a switch: off is θ ← θ − η·m/(√v + ε), checked against the float64 reference
// (also when toggled live); absent means on; the switch survives an optimizer state round trip.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createOptimizer } from '../../src/engine/optimizers';
import type { EngineHyperParams } from '../../src/shared/checkpoint';
import { hyperParamsOf } from '../../src/shared/settings';
import { createRng } from '../../src/shared/random';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { relError, useCpu } from '../helpers/tf';
import { ReferenceOptimizer } from './reference';

const BASE: EngineHyperParams = { ...hyperParamsOf(settingsOf(DEFAULT_CONFIG)), learningRate: 0.01 };
const SHAPES = [[7, 5], [5], [3, 4, 2], [6]];

beforeAll(useCpu);

/** Trains composed Adam and the float64 reference side by side; returns the worst relative error. */
function race(start: EngineHyperParams, changes: Record<number, Partial<EngineHyperParams>>, steps = 300) {
  const rng = createRng(11);
  const rand = (n: number) => Float32Array.from({ length: n }, () => rng() * 2 - 1);
  const sizes = SHAPES.map((s) => s.reduce((a, b) => a * b, 1));
  const inits = sizes.map(rand);
  const vars = tf.tidy(() => inits.map((x, i) => tf.variable(tf.tensor(x, SHAPES[i]!))));
  const ref = inits.map((x) => Float64Array.from(x));
  const opt = createOptimizer('adam', start);
  const reference = new ReferenceOptimizer('adam', { ...start });
  let worst = 0;
  for (let step = 0; step < steps; step++) {
    const change = changes[step];
    if (change) {
      opt.setHyperParams(change);
      reference.hyper = { ...reference.hyper, ...change };
    }
    const g32 = sizes.map(rand);
    const grads = g32.map((g, i) => tf.tensor(g, SHAPES[i]!));
    opt.apply(vars, grads);
    reference.apply(
      ref,
      g32.map((g) => Float64Array.from(g)),
    );
    grads.forEach((g) => g.dispose());
    vars.forEach((v, i) => (worst = Math.max(worst, relError(v.dataSync(), ref[i]!))));
  }
  const hyper = opt.getHyperParams();
  const weights = vars.map((v) => v.dataSync());
  opt.dispose();
  vars.forEach((v) => v.dispose());
  return { worst, hyper, weights };
}

describe('Adam without bias correction', () => {
  it('stays within 1e-4 of the float64 reference for 300 steps, with live β changes', () => {
    const { worst } = race({ ...BASE, biasCorrection: false }, { 60: { beta1: 0.5 }, 150: { beta2: 0.9 } });
    expect(worst).toBeLessThanOrEqual(1e-4);
  });

  it('switched live, off → on → off, still matches (products of the β values used so far are kept)', () => {
    const { worst, hyper } = race(
      { ...BASE, biasCorrection: false },
      { 20: { biasCorrection: true }, 40: { beta1: 0.7 }, 70: { biasCorrection: false } },
      120,
    );
    expect(worst).toBeLessThanOrEqual(1e-4);
    expect(hyper.biasCorrection).toBe(false);
  });

  it('hand-worked: f = Σx² from [2, 4], η 0.1, β1 0.8, β2 0.9 → both move by 0.1·0.2/√0.1', () => {
    const x = tf.variable(tf.tensor1d([2, 4]));
    const opt = createOptimizer('adam', {
      ...BASE,
      learningRate: 0.1,
      beta1: 0.8,
      beta2: 0.9,
      epsilon: 1e-8,
      biasCorrection: false,
    });
    const g = tf.mul(x, 2);
    opt.apply([x], [g]);
    // m = 0.2·g, v = 0.1·g²: m/√v = 0.2/√0.1 whatever g is (with correction it would be 1).
    const [a, b] = x.dataSync();
    expect(a).toBeCloseTo(2 - 0.0632456, 6);
    expect(b).toBeCloseTo(4 - 0.0632456, 6);
    tf.dispose([x, g]);
    opt.dispose();
  });
});

describe('the switch itself', () => {
  it('absent means on: identical weights to biasCorrection: true, and no field is added', () => {
    const absent: EngineHyperParams = { ...BASE };
    delete absent.biasCorrection; // callers and checkpoints from before the setting existed
    const on = race(absent, {}, 50);
    const explicit = race({ ...BASE, biasCorrection: true }, {}, 50);
    expect(on.weights).toEqual(explicit.weights);
    expect(on.worst).toBeLessThanOrEqual(1e-4);
    expect('biasCorrection' in on.hyper).toBe(false);
  });

  it('refuses a non-boolean and keeps the old value', () => {
    const opt = createOptimizer('adam', { ...BASE, biasCorrection: false });
    expect(() => opt.setHyperParams({ biasCorrection: 1 as unknown as boolean })).toThrow(RangeError);
    expect(opt.getHyperParams().biasCorrection).toBe(false);
    opt.dispose();
  });

  it('survives a state round trip, and a state without it turns it back on', () => {
    const v = tf.variable(tf.ones([3]));
    const g = tf.fill([3], 0.5);
    const off = createOptimizer('adam', { ...BASE, biasCorrection: false });
    off.apply([v], [g]);
    const { state, slots } = off.snapshotState();
    const full = { ...state, slots: slots.map((s) => s.map((t) => t.dataSync() as Float32Array)) };
    tf.dispose(slots.flat());
    const other = createOptimizer('adam', BASE);
    other.importState(full, [v]);
    expect(other.getHyperParams().biasCorrection).toBe(false);
    const onHyper = { ...full.hyper };
    delete onHyper.biasCorrection;
    other.importState({ ...full, hyper: onHyper }, [v]);
    expect(other.getHyperParams().biasCorrection).toBeUndefined();
    tf.dispose([v, g]);
    off.dispose();
    other.dispose();
  });
});
