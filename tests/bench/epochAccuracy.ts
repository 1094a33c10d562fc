// One epoch of a model in Node on the CPU backend, then its test accuracy: the figures the README
// compares with PyTorch (Adam 0.001, batch 32, scaled inputs, the 55,000-image training split, or all
// 60,000 training images with `fullTrain`, as the PyTorch figure for mlp-128 was taken).
// Loaded by accuracy.mjs through Vite, so it runs the TypeScript sources as they are.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { loadMnist } from '../../src/engine/mnistLoader';
import type { MnistData } from '../../src/engine/mnist';
import { Trainer } from '../../src/engine/trainer';
import type { ModelName } from '../../src/shared/model';
import { nodeByteSource } from '../helpers/nodeMnist';

export interface EpochResult {
  model: string;
  seed: number;
  trainImages: number;
  steps: number;
  trainSeconds: number;
  testAccuracy: number;
  testLoss: number;
}

export async function epochAccuracy(
  model: ModelName,
  seed: number,
  log: (line: string) => void,
  fullTrain = false,
): Promise<EpochResult> {
  await tf.setBackend('cpu');
  await tf.ready();
  const loaded = await loadMnist(nodeByteSource());
  const data = fullTrain ? withValidationInTraining(loaded) : loaded;
  const t = new Trainer(data, {
    settings: settingsOf(DEFAULT_CONFIG), // Adam, η 0.001, β 0.9/0.999, ε 1e-7
    batchSize: 32,
    epochs: 1,
    seed,
    preprocessing: 'scale',
    model,
    activation: 'relu',
    internals: false,
  });
  const t0 = performance.now();
  let last = t0;
  while (!t.done) {
    t.trainStep();
    if (t.step % 50 === 0 || t.done) {
      const points = await t.flushMetrics();
      if (performance.now() - last > 30_000) {
        last = performance.now();
        const s = (last - t0) / 1000;
        log(
          `${model} seed ${seed}: step ${t.step}/${t.totalSteps}, loss ${points.at(-1)?.loss.toFixed(3)}, ` +
            `${s.toFixed(0)} s, about ${((s / t.step) * (t.totalSteps - t.step)).toFixed(0)} s to go`,
        );
      }
    }
  }
  const trainSeconds = (performance.now() - t0) / 1000;
  const test = await t.evaluate('test');
  const steps = t.step;
  t.dispose();
  return {
    model,
    seed,
    trainImages: data.train.count,
    steps,
    trainSeconds,
    testAccuracy: test.accuracy,
    testLoss: test.loss,
  };
}

/** The training split grown over the validation images, which follow it in the same buffers. */
function withValidationInTraining(data: MnistData): MnistData {
  const { train, validation } = data;
  const count = train.count + validation.count;
  const grow = (a: Uint8Array, length: number) => new Uint8Array(a.buffer, a.byteOffset, length);
  if (validation.labels.byteOffset !== train.labels.byteOffset + train.count)
    throw new Error('validation does not follow training in memory');
  return {
    ...data,
    train: {
      images: grow(train.images, count * (train.images.length / train.count)),
      labels: grow(train.labels, count),
      count,
    },
  };
}
