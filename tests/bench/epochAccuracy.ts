// One epoch of a model in Node on the CPU backend, then its test accuracy: the figures the README
// compares with PyTorch (Adam 0.001, batch 32, scaled inputs, the 55,000-image training split).
// Loaded by accuracy.mjs through Vite, so it runs the TypeScript sources as they are.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { loadMnist } from '../../src/engine/mnistLoader';
import { Trainer } from '../../src/engine/trainer';
import type { ModelName } from '../../src/shared/model';
import { nodeByteSource } from '../helpers/nodeMnist';

export interface EpochResult {
  model: string;
  seed: number;
  steps: number;
  trainSeconds: number;
  testAccuracy: number;
  testLoss: number;
}

export async function epochAccuracy(
  model: ModelName,
  seed: number,
  log: (line: string) => void,
): Promise<EpochResult> {
  await tf.setBackend('cpu');
  await tf.ready();
  const data = await loadMnist(nodeByteSource());
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
  return { model, seed, steps, trainSeconds, testAccuracy: test.accuracy, testLoss: test.loss };
}
