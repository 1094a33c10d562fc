// Predictions on real MNIST in Node (CPU backend): the forward passes of predict.ts agree with the
// trainer's own evaluation, count every test image once, go piece by piece over weights held while the
// model trains on, preprocess a single image as batches do, and leave no tensor behind.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { hostBatchMaker } from '../../src/engine/batches';
import type { MnistData } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import {
  classifyImage,
  confusionMatrix,
  MIN_PIECE,
  PassCancelled,
  PIECE_MACS,
  pieceImages,
  PREDICT_BATCH,
  predictSplit,
} from '../../src/engine/predict';
import { pixelStats } from '../../src/engine/preprocess';
import { Trainer, trainToEnd, type TrainerConfig } from '../../src/engine/trainer';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../src/shared/mnist';
import { DEFAULT_MODEL, forwardMacs, modelSpec, type ModelName } from '../../src/shared/model';
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
    const part = await predictSplit(trainer.model, maker, 'test', { count: 1234 });
    const more = await predictSplit(trainer.model, maker, 'test', { count: 1500 });
    expect(part.predicted).toEqual(more.predicted.subarray(0, 1234));
    expect((await predictSplit(trainer.model, maker, 'test', { count: 0 })).predicted).toHaveLength(0);
  });

  it('gives the same answers whatever the size of its pieces, the last one short', async () => {
    const maker = hostBatchMaker(data)('scale', undefined);
    const whole = await predictSplit(trainer.model, maker, 'test', { count: 1000, piece: 1000 });
    let between = 0;
    const pieces = await predictSplit(trainer.model, maker, 'test', {
      count: 1000,
      piece: 63,
      between: async () => void between++,
    });
    expect(pieces).toEqual(whole);
    // 16 pieces (15 of 63, one of 55), with training's turn between each two.
    expect(between).toBe(15);
  });

  it('pads a short last piece to its rung, so only the rungs’ shapes ever reach the device', async () => {
    const maker = hostBatchMaker(data)('scale', undefined);
    const shapes = new Set<number>();
    const seen = {
      logits: (x: tf.Tensor2D) => {
        shapes.add(x.shape[0]);
        return trainer.model.logits(x);
      },
    };
    // 1,000 digits in pieces of 128 with an instant clock: 128, 256, 500, then 116 padded to 500.
    const p = await predictSplit(seen, maker, 'test', { count: 1000, piece: 128, pieceMs: 50, now: () => 0 });
    expect([...shapes].sort((a, b) => a - b)).toEqual([128, 256, 500]);
    expect(p).toEqual(await predictSplit(trainer.model, maker, 'test', { count: 1000 }));
  });

  it('stops at the next piece once cancelled, leaving no tensor behind', async () => {
    const maker = hostBatchMaker(data)('scale', undefined);
    const before = tf.memory().numTensors;
    let pieces = 0;
    const pass = predictSplit(trainer.model, maker, 'test', {
      piece: 100,
      cancelled: () => ++pieces > 3,
    });
    await expect(pass).rejects.toBeInstanceOf(PassCancelled);
    expect(pieces).toBe(4);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('a pass over held weights', () => {
  for (const model of [DEFAULT_MODEL, 'cnn' as ModelName]) {
    it(`answers for the weights of the moment it began while ${model} trains between its pieces`, async () => {
      const t = new Trainer(data, { ...CONFIG, model, batchSize: 16, internals: false });
      for (let i = 0; i < 3; i++) t.trainStep();
      await t.flushMetrics();
      const maker = hostBatchMaker(data)('scale', undefined);
      const count = 600;
      const expected = await predictSplit(t.model, maker, 'test', { count });
      const before = tf.memory().numTensors;
      const held = t.model.hold();
      let steps = 0;
      // Training's turn between two pieces: one step, its numbers read back as the worker does.
      const pass = predictSplit(held, maker, 'test', {
        count,
        piece: 50,
        between: async () => {
          t.trainStep();
          await t.flushMetrics();
          steps++;
        },
      });
      const got = await pass;
      held.dispose();
      expect(steps).toBe(count / 50 - 1);
      expect(got).toEqual(expected);
      // The weights did move meanwhile: the model now answers differently.
      const now = await predictSplit(t.model, maker, 'test', { count });
      expect(now.confidence).not.toEqual(expected.confidence);
      expect(tf.memory().numTensors).toBe(before);
      t.dispose();
    });
  }
});

describe('piece sizes', () => {
  it('follow the measured time of the pieces: larger on a fast device, smaller on a slow one', async () => {
    const maker = hostBatchMaker(data)('scale', undefined);
    for (const [msPerImage, expected] of [
      // 64 images at 1 ms take 64 ms: a rung down to 32, which take 32 ms, within 25…50, and stay.
      [1, [64, 32, 32, 32]],
      // 0.01 ms an image: up a rung each piece until the top.
      [0.01, [64, 128, 256, 500, 500]],
      // 20 ms an image: down to the floor and no further.
      [20, [64, 32, 16, 16, 16]],
    ] as const) {
      let clock = 0;
      const sizes: number[] = [];
      const timed = {
        logits: (x: tf.Tensor2D) => {
          sizes.push(x.shape[0]);
          clock += x.shape[0] * msPerImage;
          return trainer.model.logits(x);
        },
      };
      const count = expected.reduce((a, b) => a + b, 0);
      const p = await predictSplit(timed, maker, 'test', { count, piece: 64, pieceMs: 50, now: () => clock });
      expect(sizes).toEqual(expected);
      expect(p).toEqual(await predictSplit(trainer.model, maker, 'test', { count }));
    }
  });

  it('start at about PIECE_MACS multiply-adds, within their bounds', () => {
    expect(forwardMacs(modelSpec(DEFAULT_MODEL))).toBe(784 * 128 + 128 * 10);
    // conv1 over 28×28, conv2 over 14×14, then the dense layer from 7×7×16.
    expect(forwardMacs(modelSpec('cnn' as ModelName))).toBe(25 * 8 * 784 + 25 * 8 * 16 * 196 + 784 * 10);
    expect(forwardMacs(modelSpec('mlp' as ModelName))).toBe(7840);
    // mlp-128: 98 images would fit; the rung below is 64. The CNN's 12 would be below the floor.
    expect(pieceImages(forwardMacs(modelSpec(DEFAULT_MODEL)))).toBe(64);
    expect(pieceImages(forwardMacs(modelSpec('cnn' as ModelName)))).toBe(MIN_PIECE);
    expect(pieceImages(forwardMacs(modelSpec('mlp' as ModelName)))).toBe(PREDICT_BATCH);
    expect(pieceImages(1e9)).toBe(MIN_PIECE);
    for (const name of ['mlp-512-256', 'mlp-256-128', 'mlp-128'] as ModelName[]) {
      const n = pieceImages(forwardMacs(modelSpec(name)));
      expect(n * forwardMacs(modelSpec(name))).toBeLessThanOrEqual(PIECE_MACS);
    }
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
    const p = await predictSplit(trainer.model, maker, 'test', { count: 20 });
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
