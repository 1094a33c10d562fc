// The followed weight: its numbers are the update rule's own (checked term by term in float64 against
// the weights and gradients), a `largest` pick is kept, a single Step is traced whatever the cadence,
// and following costs no tensors.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import type { MnistData } from '../../src/engine/mnist';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import type { OptimizerName } from '../../src/shared/settings';
import type { TracePoint } from '../../src/shared/trace';
import { syntheticData } from '../helpers/syntheticMnist';
import { useCpu } from '../helpers/tf';

let data: MnistData;
beforeAll(async () => {
  await useCpu();
  data = syntheticData(600);
});

function config(optimizer: OptimizerName, extra: Partial<TrainerConfig['settings']> = {}): TrainerConfig {
  const settings = { ...settingsOf(DEFAULT_CONFIG), optimizer, learningRate: 0.01, ...extra };
  return { settings, batchSize: 8, epochs: 1, seed: 5, preprocessing: 'scale' };
}

async function traces(t: Trainer, steps: number): Promise<TracePoint[]> {
  const out: TracePoint[] = [];
  for (let i = 0; i < steps; i++) {
    t.trainStep();
    out.push(...(await t.flush()).traces);
  }
  return out;
}

const close = (a: number, b: number, rel = 1e-4) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(a), Math.abs(b), 1e-8));

describe('following one output weight', () => {
  it('reports Adam’s m_t, v_t and step exactly as the rule computes them from g_t', async () => {
    const t = new Trainer(data, config('adam', { beta2: 0.99, epsilon: 1e-6 }));
    t.follow('largest');
    const points = await traces(t, 6);
    expect(points.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const p of points) {
      const { beta1: b1, beta2: b2, epsilon: eps, learningRate: lr } = p.hyper;
      const [m0, v0] = p.slotsBefore as [number, number];
      const [m1, v1] = p.slotsAfter as [number, number];
      close(m1, b1 * m0 + (1 - b1) * p.g);
      close(v1, b2 * v0 + (1 - b2) * p.g * p.g);
      expect(p.products[0]).toBeCloseTo(b1 ** p.step, 12);
      const mHat = m1 / (1 - p.products[0]!);
      const vHat = v1 / (1 - p.products[1]!);
      close(p.thetaAfter - p.thetaBefore, (-lr * mHat) / (Math.sqrt(vHat) + eps), 1e-3);
      expect(p.layer).toBe('dense2.kernel');
      expect(p.row * 10 + p.col).toBe(p.index);
    }
    // Chained steps: what one step leaves is what the next one starts from.
    for (let i = 1; i < points.length; i++) {
      expect(points[i]!.thetaBefore).toBe(points[i - 1]!.thetaAfter);
      expect(points[i]!.slotsBefore).toEqual(points[i - 1]!.slotsAfter);
    }
    t.dispose();
  });

  it('picks the output weight with the largest |g| at the first traced step and keeps it', async () => {
    const t = new Trainer(data, config('sgd'));
    const w2 = t.model.variables[2]!;
    const before = (await w2.data()).slice();
    t.follow('largest');
    const [first] = await traces(t, 1);
    const after = await w2.data();
    // SGD: Δθ = −η·g for every weight, so the largest |Δθ| is the largest |g|.
    let best = 0;
    for (let i = 1; i < after.length; i++)
      if (Math.abs(after[i]! - before[i]!) > Math.abs(after[best]! - before[best]!)) best = i;
    expect(first!.index).toBe(best);
    expect(first!.thetaAfter).toBe(after[best]);
    close(first!.thetaAfter - first!.thetaBefore, -0.01 * first!.g);
    const later = await traces(t, 5);
    expect(new Set(later.map((p) => p.index))).toEqual(new Set([best]));
    t.dispose();
  });

  it('follows a picked weight, and traces a single Step past step 50 though its cadence would not', async () => {
    const t = new Trainer(data, config('momentum', { nesterov: false }));
    t.follow(37); // hidden unit 3 → digit 7
    for (let i = 0; i < 55; i++) t.trainStep();
    const traced = (await t.flush()).traces;
    expect(traced.map((p) => p.step)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(traced.every((p) => p.index === 37 && p.row === 3 && p.col === 7)).toBe(true);
    for (const p of traced) close(p.slotsAfter[0]!, p.hyper.momentum * p.slotsBefore[0]! + p.g);
    t.traceNextStep();
    t.trainStep();
    const [single] = (await t.flush()).traces;
    expect(single!.step).toBe(56);
    close(single!.thetaAfter - single!.thetaBefore, -0.01 * single!.slotsAfter[0]!);
    t.dispose();
  });

  it('keeps the tensor count flat while it follows', async () => {
    const t = new Trainer(data, config('adam'));
    t.follow('largest');
    await traces(t, 3);
    const start = tf.memory().numTensors;
    await traces(t, 20);
    expect(tf.memory().numTensors).toBe(start);
    t.dispose();
  });
});
