// The training engine on real MNIST in Node (CPU backend): it learns, it is seeded, it does not leak.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import * as tf from '@tensorflow/tfjs';
import type { MnistData, Split } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import { Trainer, trainToEnd, type TrainerConfig } from '../../src/engine/trainer';
import { pixelStats } from '../../src/engine/preprocess';
import type { MetricPoint } from '../../src/shared/metrics';
import { OPTIMIZERS } from '../../src/shared/settings';
import { head, nodeByteSource } from '../helpers/nodeMnist';
import { useCpu } from '../helpers/tf';

const CONFIG: TrainerConfig = {
  settings: settingsOf(DEFAULT_CONFIG),
  batchSize: 32,
  epochs: 2,
  seed: 1,
  preprocessing: 'scale',
};

let full: MnistData;
let small: { train: Split; validation: Split; test: Split };

beforeAll(async () => {
  await useCpu();
  full = await loadMnist(nodeByteSource());
  small = { train: head(full.train, 2000), validation: full.validation, test: head(full.test, 1000) };
});

async function losses(config: TrainerConfig, steps: number): Promise<number[]> {
  const trainer = new Trainer(small, config);
  for (let i = 0; i < steps; i++) trainer.trainStep();
  const m = await trainer.flushMetrics();
  trainer.dispose();
  return m.map((x) => x.loss);
}

describe('real MNIST', () => {
  it('has the full 55,000 / 5,000 / 10,000 split with the known training statistics', () => {
    expect([full.train.count, full.validation.count, full.test.count]).toEqual([55_000, 5_000, 10_000]);
    const stats = pixelStats(full.train.images);
    // Mean and std of raw MNIST training pixels are about 33.3 and 78.6 (0.131 and 0.308 after ÷255).
    expect(stats.mean / 255).toBeCloseTo(0.1307, 2);
    expect(stats.std / 255).toBeCloseTo(0.3081, 2);
  });
});

describe('Trainer', () => {
  it('learns: 2,000 images, 2 epochs → validation accuracy ≥ 0.85 and the loss falls', async () => {
    const trainer = new Trainer(small, CONFIG);
    expect(trainer.stepsPerEpoch).toBe(62); // 2000 / 32, last partial batch dropped
    const before = await trainer.evaluate('validation');
    const metrics: MetricPoint[] = [];
    await trainToEnd(trainer, (m) => metrics.push(...m));
    const after = await trainer.evaluate('validation');
    expect(metrics.map((m) => m.step)).toEqual(Array.from({ length: 124 }, (_, i) => i + 1));
    expect(metrics.at(-1)!.epoch).toBe(1);
    const mean = (xs: MetricPoint[]) => xs.reduce((a, m) => a + m.loss, 0) / xs.length;
    expect(mean(metrics.slice(-20))).toBeLessThan(mean(metrics.slice(0, 20)) * 0.5);
    expect(after.loss).toBeLessThan(before.loss);
    expect(after.count).toBe(5000);
    expect(after.accuracy).toBeGreaterThanOrEqual(0.85);
    console.log(
      `validation accuracy ${before.accuracy.toFixed(3)} → ${after.accuracy.toFixed(3)}, loss ${before.loss.toFixed(3)} → ${after.loss.toFixed(3)}`,
    );
    expect(trainer.done).toBe(true);
    expect(() => trainer.trainStep()).toThrow(/finished/);
    trainer.dispose();
  });

  it('same seed → identical losses; another seed → different ones', async () => {
    const a = await losses(CONFIG, 30);
    const b = await losses(CONFIG, 30);
    const c = await losses({ ...CONFIG, seed: 2 }, 30);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('shuffles each epoch into a new order drawn from the seed', () => {
    const t = new Trainer(small, { ...CONFIG, batchSize: 1000, epochs: 3 });
    const orders: number[][] = [];
    for (let i = 0; i < 6; i++) {
      orders.push(Array.from(t.nextBatchIndices()));
      t.trainStep();
    }
    const epoch = (e: number) => [...orders[2 * e]!, ...orders[2 * e + 1]!];
    expect([...epoch(0)].sort((x, y) => x - y)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(epoch(1)).not.toEqual(epoch(0));
    t.dispose();
  });

  it('applies live hyperparameter and optimizer changes between steps', async () => {
    const t = new Trainer(small, CONFIG);
    t.trainStep();
    t.applyChange({ key: 'learningRate', value: 0.01 });
    t.applyChange({ key: 'beta2', value: 0.9 });
    expect(t.settings.learningRate).toBe(0.01);
    t.applyChange({ key: 'optimizer', value: 'momentum' });
    expect(t.settings.optimizer).toBe('momentum');
    expect(t.settings.beta2).toBe(0.9);
    t.trainStep();
    expect(() => t.applyChange({ key: 'beta1', value: 1 })).toThrow(RangeError);
    expect(t.settings.beta1).toBe(0.9);
    expect((await t.flushMetrics()).length).toBe(2);
    t.dispose();
  });

  it('keeps the tensor count flat across steps, flushes, evaluations and epochs', async () => {
    const before = tf.memory().numTensors;
    const t = new Trainer(small, { ...CONFIG, batchSize: 500, epochs: 3 });
    t.trainStep();
    await t.flushMetrics();
    const settled = tf.memory().numTensors;
    while (!t.done) {
      t.trainStep();
      await t.flushMetrics();
      await t.evaluate('test', 500);
      expect(tf.memory().numTensors).toBe(settled);
    }
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects batch sizes that cannot be served', () => {
    expect(() => new Trainer(small, { ...CONFIG, batchSize: 0 })).toThrow(RangeError);
    expect(() => new Trainer(small, { ...CONFIG, batchSize: 5000 })).toThrow(/exceeds/);
  });

  it('restores a checkpoint exactly: the same losses follow, for every optimizer, decay and schedule', async () => {
    for (const optimizer of OPTIMIZERS) {
      const later = { weightDecay: 0.001, schedule: 'cosine', warmup: 3 } as const;
      const config = { ...CONFIG, settings: { ...CONFIG.settings, ...later, optimizer } };
      const a = new Trainer(small, config);
      for (let i = 0; i < 7; i++) a.trainStep();
      a.applyChange({ key: 'learningRate', value: 0.003 });
      const pending = a.checkpoint();
      // Steps queued while the checkpoint is read back must not leak into it.
      const before = tf.memory().numTensors;
      for (let i = 0; i < 5; i++) a.trainStep();
      const cp = await pending;
      const expected = (await a.flushMetrics()).slice(-5);

      const b = new Trainer(small, { ...config, settings: { ...config.settings, learningRate: 0.5 } });
      b.trainStep();
      b.restore(cp);
      expect(b.step).toBe(7);
      expect(b.settings.learningRate).toBe(0.003);
      expect(b.settings).toMatchObject(later);
      for (let i = 0; i < 5; i++) b.trainStep();
      const got = await b.flushMetrics();
      expect(got.map((m) => m.step)).toEqual([8, 9, 10, 11, 12]);
      expect(got.map((m) => m.loss)).toEqual(expected.map((m) => m.loss));
      expect(await b.model.snapshot()).toEqual(await a.model.snapshot());
      a.dispose();
      b.dispose();
      expect(tf.memory().numTensors).toBeLessThan(before);
    }
  });

  it('refuses a checkpoint that does not fit and keeps training as before', async () => {
    const a = new Trainer(small, CONFIG);
    a.trainStep();
    const cp = await a.checkpoint();
    const b = new Trainer(small, CONFIG);
    const weights = await b.model.snapshot();
    expect(() => b.restore({ ...cp, weights: cp.weights.slice(1) })).toThrow(RangeError);
    expect(() => b.restore({ ...cp, step: -1 })).toThrow(RangeError);
    expect(b.step).toBe(0);
    expect(await b.model.snapshot()).toEqual(weights);
    a.dispose();
    b.dispose();
  });
});
