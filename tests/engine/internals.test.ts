// The optimizer's instruments against the same numbers computed in plain float64 from the same tensors:
// norms, velocity cosine, ε's share, step percentiles (exact on the sample, close on the whole tensor)
// and the bias-correction factors after a live β change.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createOptimizer } from '../../src/engine/optimizers';
import { decodeInternals, samplePlan } from '../../src/engine/internals';
import type { EngineHyperParams } from '../../src/shared/checkpoint';
import { layerTensorName, type LayerInternals } from '../../src/shared/internals';
import { hyperParamsOf, type OptimizerName } from '../../src/shared/settings';
import { createRng } from '../../src/shared/random';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { useCpu } from '../helpers/tf';

/** The model's shapes: dense1.kernel is larger than the sample, the others are ranked whole. */
const SHAPES = [[784, 128], [128], [128, 10], [10]];
const SIZES = SHAPES.map((s) => s.reduce((a, b) => a * b, 1));
const NAMES = SHAPES.map((_, i) => layerTensorName(i));
const BASE: EngineHyperParams = { ...hyperParamsOf(settingsOf(DEFAULT_CONFIG)), epsilon: 1e-4 };

beforeAll(useCpu);

const sumOf = (n: number, f: (i: number) => number) => {
  let s = 0;
  for (let i = 0; i < n; i++) s += f(i);
  return s;
};
const norm = (a: ArrayLike<number>) => Math.sqrt(sumOf(a.length, (i) => a[i]! * a[i]!));

/** Linear interpolation between order statistics (numpy's default), in float64. */
function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = q * (s.length - 1);
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * (s[Math.ceil(h)]! - s[lo]!);
}

/**
 * Gradients with a realistic spread: magnitudes over five decades, and the first 100 rows of
 * dense1.kernel always zero (MNIST's blank border pixels), where v stays 0 and ε sets the step.
 */
function gradients(rng: () => number): Float32Array[] {
  return SIZES.map((n, k) =>
    Float32Array.from({ length: n }, (_, i) =>
      k === 0 && i < 100 * 128 ? 0 : (rng() < 0.5 ? -1 : 1) * 10 ** (-5 * rng()),
    ),
  );
}

interface Expected {
  layers: LayerInternals[];
  /** Fraction of the whole tensor at or below the reported median and p90. */
  fullRank: { median: number; p90: number }[];
}

/** Float64 instruments from float32 tensors read back before and after one step. */
function expected(
  name: OptimizerName,
  h: EngineHyperParams,
  p: { p1: number; p2: number },
  old: Float32Array[],
  now: Float32Array[],
  g: Float32Array[],
  slots: Float32Array[][],
  reported: LayerInternals[],
): Expected {
  const fullRank: Expected['fullRank'] = [];
  const layers = now.map((theta, k) => {
    const n = theta.length;
    const out: LayerInternals = {
      gradNorm: norm(g[k]!),
      updateNorm: Math.sqrt(sumOf(n, (i) => (theta[i]! - old[k]![i]!) ** 2)),
      weightNorm: norm(theta),
    };
    if (name === 'momentum') {
      const v = slots[k]![0]!;
      out.velocityNorm = norm(v);
      out.velocityCosine = sumOf(n, (i) => v[i]! * g[k]![i]!) / (norm(v) * norm(g[k]!));
    }
    if (name === 'adam') {
      const [m, s] = slots[k]! as [Float32Array, Float32Array];
      const on = h.biasCorrection !== false;
      const scale = on ? h.learningRate / (1 - p.p1) : h.learningRate;
      const root = on ? 1 / Math.sqrt(1 - p.p2) : 1;
      const step = (i: number) => (scale * Math.abs(m[i]!)) / (Math.sqrt(s[i]!) * root + h.epsilon);
      out.epsShare = sumOf(n, (i) => (Math.sqrt(s[i]!) * root <= h.epsilon ? 1 : 0)) / n;
      const { stride, count } = samplePlan(n);
      const sample = Array.from({ length: count }, (_, j) => step(j * stride));
      out.stepMedian = quantile(sample, 0.5);
      out.stepP90 = quantile(sample, 0.9);
      const all = Array.from({ length: n }, (_, i) => step(i));
      const below = (x: number) => all.filter((a) => a <= x).length / n;
      fullRank.push({ median: below(reported[k]!.stepMedian!), p90: below(reported[k]!.stepP90!) });
    }
    return out;
  });
  return { layers, fullRank };
}

const close = (a: number | undefined, b: number | undefined, rel: number) =>
  Math.abs(a! - b!) <= rel * Math.max(Math.abs(b!), 1e-30);

describe.each(['sgd', 'momentum', 'adam'] as const)('%s instruments', (name) => {
  it('match float64 values from the same tensors over 6 steps, across a live β and η change', async () => {
    const rng = createRng(3);
    const vars = tf.tidy(() =>
      SHAPES.map((s, k) =>
        tf.variable(
          tf.tensor(
            Float32Array.from({ length: SIZES[k]! }, () => rng() - 0.5),
            s,
          ),
        ),
      ),
    );
    let h: EngineHyperParams = { ...BASE, learningRate: name === 'adam' ? 0.001 : 0.05 };
    const opt = createOptimizer(name, h);
    const products = { p1: 1, p2: 1 };
    for (let step = 1; step <= 6; step++) {
      if (step === 4) {
        h = { ...h, beta1: 0.5, beta2: 0.99, learningRate: h.learningRate * 2 };
        opt.setHyperParams(h);
      }
      products.p1 *= h.beta1;
      products.p2 *= h.beta2;
      const g32 = gradients(rng);
      const grads = g32.map((g, k) => tf.tensor(g, SHAPES[k]!));
      const old = vars.map((v) => v.dataSync() as Float32Array);
      const measured = opt.applyMeasured(vars, grads);
      const point = decodeInternals(step, measured, await measured.raw.data(), 0, NAMES, SIZES);
      measured.raw.dispose();
      const { slots } = opt.snapshotState();
      const slotValues = slots.map((s) => s.map((t) => t.dataSync() as Float32Array));
      tf.dispose([...grads, ...slots.flat()]);
      const now = vars.map((v) => v.dataSync() as Float32Array);
      const got = NAMES.map((n) => point.layers[n]!);
      const want = expected(name, h, products, old, now, g32, slotValues, got);

      expect(point.step).toBe(step);
      expect(Object.keys(point.layers)).toEqual([
        'dense1.kernel',
        'dense1.bias',
        'dense2.kernel',
        'dense2.bias',
      ]);
      got.forEach((layer, k) => {
        const w = want.layers[k]!;
        const at = `${NAMES[k]} at step ${step}`;
        expect(Object.keys(layer).sort(), at).toEqual(Object.keys(w).sort());
        for (const key of ['gradNorm', 'updateNorm', 'weightNorm', 'velocityNorm'] as const)
          if (w[key] !== undefined) expect(close(layer[key], w[key], 1e-5), `${key} ${at}`).toBe(true);
        if (w.velocityCosine !== undefined) expect(layer.velocityCosine, at).toBeCloseTo(w.velocityCosine, 5);
        if (w.epsShare !== undefined) {
          expect(layer.epsShare, at).toBeCloseTo(w.epsShare, 4);
          // Exact on the strided sample; on the whole tensor within a few percent of rank.
          expect(close(layer.stepMedian, w.stepMedian, 1e-5), `median ${at}`).toBe(true);
          expect(close(layer.stepP90, w.stepP90, 1e-5), `p90 ${at}`).toBe(true);
          const rank = want.fullRank[k]!;
          expect(Math.abs(rank.median - 0.5), `median rank ${at}`).toBeLessThan(0.04);
          expect(Math.abs(rank.p90 - 0.9), `p90 rank ${at}`).toBeLessThan(0.03);
        }
      });
      if (name === 'adam') {
        expect(point.biasCorrection1).toBeCloseTo(1 / (1 - products.p1), 12);
        expect(point.biasCorrection2).toBeCloseTo(1 / (1 - products.p2), 12);
        // dense1.kernel's zero rows: v = 0 there, so ε decides at least those parameters' steps.
        expect(got[0]!.epsShare).toBeGreaterThanOrEqual((100 * 128) / SIZES[0]!);
      } else {
        expect(point.biasCorrection1).toBeUndefined();
      }
      if (name === 'momentum' && step === 1) expect(got[0]!.velocityCosine).toBeCloseTo(1, 6);
    }
    opt.dispose();
    vars.forEach((v) => v.dispose());
  });
});

describe('instruments and the update', () => {
  it('applyMeasured updates exactly like apply and leaves no tensor behind', async () => {
    for (const name of ['sgd', 'momentum', 'adam'] as const) {
      const rng = createRng(9);
      const init = SHAPES.map((s, k) =>
        tf.tensor(
          Float32Array.from({ length: SIZES[k]! }, () => rng()),
          s,
        ),
      );
      const a = init.map((t) => tf.variable(t));
      const b = init.map((t) => tf.variable(t));
      tf.dispose(init);
      const plain = createOptimizer(name, { ...BASE, biasCorrection: false });
      const measuring = createOptimizer(name, { ...BASE, biasCorrection: false });
      const grads = gradients(rng).map((g, k) => tf.tensor(g, SHAPES[k]!));
      plain.apply(a, grads);
      measuring.applyMeasured(b, grads).raw.dispose();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) {
        plain.apply(a, grads);
        measuring.applyMeasured(b, grads).raw.dispose();
      }
      expect(tf.memory().numTensors, name).toBe(before);
      for (let k = 0; k < a.length; k++) expect(b[k]!.dataSync(), name).toEqual(a[k]!.dataSync());
      tf.dispose([...a, ...b, ...grads]);
      plain.dispose();
      measuring.dispose();
    }
  });
});
