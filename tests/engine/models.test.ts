// Every model through the Trainer on real MNIST (CPU backend): its loss falls, its tensor count stays
// flat step after step, the traced weight is its output kernel's; and the reference `mlp-128` trains
// exactly as it did before model choice (losses and weights pinned from that version).
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import type { MnistData } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import { ACTIVATIONS, type Activation, type ModelName } from '../../src/shared/model';
import type { MetricPoint } from '../../src/shared/metrics';
import { head, nodeByteSource } from '../helpers/nodeMnist';
import { syntheticData } from '../helpers/syntheticMnist';
import { useCpu } from '../helpers/tf';

let small: MnistData;

beforeAll(async () => {
  await useCpu();
  const full = await loadMnist(nodeByteSource());
  small = { train: head(full.train, 1000), validation: head(full.validation, 500), test: full.test };
});

const MLPS = ['mlp', 'mlp-64', 'mlp-64-32', 'mlp-32-32-32'] as ModelName[];
const CASES: [ModelName, Activation][] = [
  ...MLPS.flatMap((name) =>
    (name === 'mlp' ? (['relu'] as const) : ACTIVATIONS).map((f): [ModelName, Activation] => [name, f]),
  ),
  ['cnn' as ModelName, 'relu'],
];

const config = (model: ModelName, activation: Activation): TrainerConfig => ({
  settings: { ...settingsOf(DEFAULT_CONFIG), learningRate: 0.01 },
  batchSize: 32,
  epochs: 2, // 31 steps each on 1,000 images
  seed: 1,
  preprocessing: 'scale',
  model,
  activation,
});

/** Two epochs of 1,000 images: deep sigmoid stacks start slowly (their gradients shrink layer by layer). */
const STEPS = 62;
const mean = (xs: MetricPoint[]) => xs.reduce((a, m) => a + m.loss, 0) / xs.length;

describe('every model trains', () => {
  it.each(CASES)(
    '%s/%s: loss falls over two epochs, tensors flat, output weight traced',
    async (model, f) => {
      const t = new Trainer(small, config(model, f));
      t.follow('largest');
      const points: MetricPoint[] = [];
      t.trainStep();
      const first = await t.flush();
      points.push(...first.points);
      const settled = tf.memory().numTensors;
      for (let i = 1; i < STEPS; i++) {
        t.trainStep();
        const records = await t.flush();
        points.push(...records.points);
        expect(tf.memory().numTensors, `after step ${i + 1}`).toBe(settled);
        for (const trace of records.traces) {
          const kernel = t.model.variables.at(-2)!;
          expect(trace.layer).toBe(t.model.names.at(-2));
          expect(trace.row * kernel.shape[1]! + trace.col).toBe(trace.index);
        }
      }
      // The instruments name every tensor of the model, the first layer's gradient included.
      expect(Object.keys(first.internals[0]!.layers)).toEqual(t.model.names);
      expect(first.internals[0]!.layers[t.model.names[0]!]!.gradNorm).toBeGreaterThan(0);
      expect(points.every((p) => Number.isFinite(p.loss))).toBe(true);
      // Observed 0.13 (cnn) … 0.65 (mlp-32-32-32/sigmoid) after 62 steps.
      const ratio = mean(points.slice(-10)) / mean(points.slice(0, 10));
      expect(ratio, `${points.map((p) => p.loss.toFixed(2)).join(' ')}`).toBeLessThan(0.8);
      // Observed 0.46 (mlp-32-32-32/sigmoid) … 0.92 (cnn) on 500 validation images.
      expect((await t.evaluate('validation')).accuracy).toBeGreaterThan(0.3);
      t.dispose();
    },
  );
});

describe('the reference network', () => {
  const sha = (weights: Float32Array[]) => {
    const h = createHash('sha256');
    for (const w of weights) h.update(new Uint8Array(w.buffer, w.byteOffset, w.byteLength));
    return h.digest('hex');
  };

  it('trains mlp-128/ReLU exactly as before model choice, with or without the model in the config', async () => {
    const data = syntheticData(400);
    const base: TrainerConfig = {
      settings: { ...settingsOf(DEFAULT_CONFIG), learningRate: 0.01 },
      batchSize: 16,
      epochs: 1,
      seed: 7,
      preprocessing: 'scale',
    };
    for (const c of [base, { ...base, model: 'mlp-128' as ModelName, activation: 'relu' as const }]) {
      const t = new Trainer(data, c);
      expect(sha(await t.model.snapshot())).toBe(
        'a209596d305b70f6179ce0e9f7f94b43ab916f3f2a480db43c4a61d9c0c8e6d0',
      );
      for (let i = 0; i < 5; i++) t.trainStep();
      expect((await t.flushMetrics()).map((p) => p.loss)).toEqual([
        2.3642711639404297, 2.4572925567626953, 2.278604507446289, 2.415971517562866, 2.4328343868255615,
      ]);
      expect(sha(await t.model.snapshot())).toBe(
        'cac5058805ae7c7873b94a4df39f1c4831bd5c5018f864a3e073d9108599d8cd',
      );
      t.dispose();
    }
  });
});
