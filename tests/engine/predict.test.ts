// Predictions on real MNIST in Node (CPU backend): the forward passes of predict.ts agree with the
// trainer's own evaluation, count every test image once, preprocess a single image as batches do, and
// leave no tensor behind.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { hostBatchMaker } from '../../src/engine/batches';
import type { MnistData } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import { classifyImage, confusionMatrix, predictSplit } from '../../src/engine/predict';
import { pixelStats } from '../../src/engine/preprocess';
import { Trainer, trainToEnd, type TrainerConfig } from '../../src/engine/trainer';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../src/shared/mnist';
import { head, nodeByteSource } from '../helpers/nodeMnist';
import { useCpu } from '../helpers/tf';

const CONFIG: TrainerConfig = {
  settings: settingsOf(DEFAULT_CONFIG),
  batchSize: 32,
  epochs: 1,
  seed: 1,
  preprocessing: 'scale',
};

let data: MnistData;
let trainer: Trainer;

beforeAll(async () => {
  await useCpu();
  const full = await loadMnist(nodeByteSource());
  // A short training on part of the set; the whole test set is predicted.
  data = { train: head(full.train, 2000), validation: head(full.validation, 500), test: full.test };
  trainer = new Trainer(data, CONFIG);
  await trainToEnd(trainer, () => {});
});

describe('predictSplit', () => {
  it('agrees with Trainer.evaluate on the whole test set and counts each image once', async () => {
    const maker = hostBatchMaker(data)('scale', undefined);
    const before = tf.memory().numTensors;
    const p = await predictSplit(trainer.model, maker, 'test');
    expect(tf.memory().numTensors).toBe(before);
    expect(p.predicted).toHaveLength(10_000);
    const confusion = confusionMatrix(data.test.labels, p.predicted);
    expect(confusion.reduce((a, b) => a + b, 0)).toBe(10_000);
    const correct = Array.from({ length: NUM_CLASSES }, (_, d) => confusion[d * NUM_CLASSES + d]!).reduce(
      (a, b) => a + b,
    );
    const evaluated = await trainer.evaluate('test');
    expect(evaluated.count).toBe(10_000);
    // The same logits: only an exact tie between two classes could tell them apart.
    expect(Math.abs(correct - evaluated.accuracy * 10_000)).toBeLessThanOrEqual(1);
    expect(correct / 10_000).toBeGreaterThan(0.8);
    for (const c of p.confidence.subarray(0, 100)) {
      expect(c).toBeGreaterThanOrEqual(0.1);
      expect(c).toBeLessThanOrEqual(1);
    }
    maker.dispose();
  });

  it('answers for part of a split, and for none of it', async () => {
    const maker = hostBatchMaker(data)('scale', undefined);
    const part = await predictSplit(trainer.model, maker, 'test', 1234);
    const more = await predictSplit(trainer.model, maker, 'test', 1500);
    expect(part.predicted).toEqual(more.predicted.subarray(0, 1234));
    expect((await predictSplit(trainer.model, maker, 'test', 0)).predicted).toHaveLength(0);
  });
});

describe('classifyImage', () => {
  it('preprocesses one image of raw bytes as the batches do, for each preprocessing', async () => {
    const stats = pixelStats(data.train.images);
    for (const prep of ['scale', 'standardize', 'none'] as const) {
      const maker = hostBatchMaker(data)(prep, stats);
      const index = 7;
      const expected = tf.tidy(() => {
        const { x } = maker.make('test', Uint32Array.of(index));
        return Array.from(tf.softmax(trainer.model.logits(x)).dataSync());
      });
      const pixels = data.test.images.slice(index * IMAGE_PIXELS, (index + 1) * IMAGE_PIXELS);
      const before = tf.memory().numTensors;
      const probabilities = await classifyImage(trainer.model, pixels, prep, stats);
      expect(tf.memory().numTensors).toBe(before);
      expect(probabilities).toHaveLength(NUM_CLASSES);
      expect(probabilities.reduce((a, b) => a + b)).toBeCloseTo(1, 5);
      probabilities.forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 5));
    }
  });

  it('agrees with predictSplit on a test digit and refuses an image of the wrong size', async () => {
    const maker = hostBatchMaker(data)('scale', undefined);
    const p = await predictSplit(trainer.model, maker, 'test', 20);
    for (let i = 0; i < 20; i++) {
      const pixels = data.test.images.slice(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
      const probabilities = await classifyImage(trainer.model, pixels, 'scale', undefined);
      expect(probabilities.indexOf(Math.max(...probabilities))).toBe(p.predicted[i]);
      expect(Math.max(...probabilities)).toBeCloseTo(p.confidence[i]!, 5);
    }
    await expect(classifyImage(trainer.model, new Uint8Array(10), 'scale', undefined)).rejects.toThrow(
      RangeError,
    );
  });
});
