// Instruments in the trainer: recorded on their cadence (steps 1…50, then every 10th), read back with
// the metrics, never changing what is trained, and without leaking tensors.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import type { MnistData } from '../../src/engine/mnist';
import { isInternalsStep } from '../../src/shared/internals';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { syntheticData } from '../helpers/syntheticMnist';
import { useCpu } from '../helpers/tf';

const CONFIG: TrainerConfig = {
  settings: { ...settingsOf(DEFAULT_CONFIG), optimizer: 'sgd', learningRate: 0.05 },
  batchSize: 4,
  epochs: 1,
  seed: 3,
  preprocessing: 'scale',
};
let data: MnistData;

beforeAll(async () => {
  await useCpu();
  data = syntheticData(600);
});

describe('the cadence', () => {
  it('is every step up to 50, then every 10th', () => {
    const steps = Array.from({ length: 200 }, (_, i) => i + 1).filter(isInternalsStep);
    expect(steps).toEqual([
      ...Array.from({ length: 50 }, (_, i) => i + 1),
      ...Array.from({ length: 15 }, (_, i) => 60 + 10 * i),
    ]);
    expect(isInternalsStep(0)).toBe(false);
  });

  it('is what a trainer reads back, across flushes of any size, next to every metric point', async () => {
    const t = new Trainer(data, CONFIG);
    const points = [];
    const internals = [];
    for (const chunk of [1, 7, 30, 25, 37]) {
      for (let i = 0; i < chunk; i++) t.trainStep();
      const r = await t.flush();
      points.push(...r.points);
      internals.push(...r.internals);
    }
    expect(points.map((p) => p.step)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(internals.map((p) => p.step)).toEqual([
      ...Array.from({ length: 50 }, (_, i) => i + 1),
      60,
      70,
      80,
      90,
      100,
    ]);
    expect(Object.keys(internals[0]!.layers)).toEqual([
      'dense1.kernel',
      'dense1.bias',
      'dense2.kernel',
      'dense2.bias',
    ]);
    // SGD: the update is η·g, so its norm is η times the gradient's.
    for (const layer of Object.values(internals[0]!.layers))
      expect(layer.updateNorm).toBeCloseTo(0.05 * layer.gradNorm, 5);
    t.dispose();
  });
});

describe('instruments in training', () => {
  it('do not change what is trained: same losses and weights with them off', async () => {
    const run = async (internals: boolean) => {
      const config = { ...CONFIG, settings: { ...CONFIG.settings, optimizer: 'adam' as const }, internals };
      const t = new Trainer(data, config);
      for (let i = 0; i < 12; i++) t.trainStep();
      const r = await t.flush();
      const weights = await t.model.snapshot();
      t.dispose();
      return { r, weights };
    };
    const on = await run(true);
    const off = await run(false);
    expect(off.r.internals).toEqual([]);
    expect(on.r.internals.length).toBe(12);
    expect(on.r.points).toEqual(off.r.points);
    expect(on.weights).toEqual(off.weights);
  });

  it('keep the tensor count flat over 70 steps of each optimizer, and free everything', async () => {
    const before = tf.memory().numTensors;
    for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
      const t = new Trainer(data, { ...CONFIG, settings: { ...CONFIG.settings, optimizer } });
      t.trainStep();
      await t.flush();
      const settled = tf.memory().numTensors;
      while (t.step < 70) {
        for (let i = 0; i < 10; i++) t.trainStep();
        await t.flush();
        expect(tf.memory().numTensors, `${optimizer} at step ${t.step}`).toBe(settled);
      }
      // Pending instruments are freed by a restore and by dispose, not only by a flush.
      t.trainStep();
      const cp = await t.checkpoint();
      t.trainStep();
      t.restore(cp);
      expect(tf.memory().numTensors).toBe(settled);
      t.trainStep();
      t.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
