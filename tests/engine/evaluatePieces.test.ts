// Evaluation in pieces: a hook between pieces (where the worker lets the page in while it is in use)
// changes nothing in the result, is called between every two pieces, and can wait for the device.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Trainer } from '../../src/engine/trainer';
import type { MnistData } from '../../src/engine/mnist';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { syntheticData } from '../helpers/syntheticMnist';
import { useCpu } from '../helpers/tf';

let data: MnistData;
beforeAll(async () => {
  await useCpu();
  data = syntheticData(1_700);
});

describe('Trainer.evaluate in pieces', () => {
  it('gives the same loss and accuracy with a hook between its pieces, and keeps the tensor count', async () => {
    const t = new Trainer(data, {
      settings: settingsOf(DEFAULT_CONFIG),
      batchSize: 32,
      epochs: 1,
      seed: 3,
      preprocessing: 'scale',
    });
    t.trainStep();
    await t.flush();
    const plain = await t.evaluate('validation');
    const before = tf.memory().numTensors;
    let calls = 0;
    const settled: number[] = [];
    const pieces = await t.evaluate('validation', Infinity, async (settle) => {
      calls++;
      const sums = (await settle()) as Float32Array;
      settled.push(sums[0]!);
    });
    expect(pieces).toEqual(plain);
    expect(calls).toBe(3); // 1,700 images: pieces of 500, 500, 500 and 200
    // Each settle reads the running sums: the loss summed so far only grows.
    expect(settled.every((s, i) => i === 0 || s > settled[i - 1]!)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });
});
