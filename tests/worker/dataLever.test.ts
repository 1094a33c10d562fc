// The data lever through the runner and the engine on real MNIST: a seeded subset with wrong labels
// trains on exactly those images and labels, and a small set is evaluated whole at every validation.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import type { MnistData } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import { hostBatchMaker, leverMaker } from '../../src/engine/batches';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import type { WorkerEvent } from '../../src/protocol';
import { trainingSet } from '../../src/shared/dataLever';
import type { SharedSettings } from '../../src/shared/settings';
import { Runner } from '../../src/worker/runner';
import { head, nodeByteSource } from '../helpers/nodeMnist';
import { REFERENCE_NET } from '../helpers/net';
import { useCpu } from '../helpers/tf';

let data: MnistData;
beforeAll(async () => {
  await useCpu();
  const full = await loadMnist(nodeByteSource());
  data = {
    train: head(full.train, 5000),
    validation: head(full.validation, 500),
    test: head(full.test, 500),
  };
});

const SHARED: SharedSettings = {
  batchSize: 25,
  epochs: 3,
  preprocessing: 'scale',
  seed: 5,
  ...REFERENCE_NET,
  trainImages: 200,
  labelNoise: 0.4,
};
const config = (over: Partial<SharedSettings> = {}): TrainerConfig => ({
  ...SHARED,
  ...over,
  settings: { ...settingsOf(DEFAULT_CONFIG), learningRate: 0.005 },
});

describe('the lever in the engine', () => {
  it('trains on the subset’s images with its labels, and keeps the true ones beside them', () => {
    const set = trainingSet(data.train.labels, SHARED);
    const maker = leverMaker(hostBatchMaker(data)('scale', undefined), set);
    const plain = hostBatchMaker(data)('scale', undefined);
    expect(maker.counts.train).toBe(200);
    const positions = Uint32Array.from([0, 5, set.changed[0]!, 199]);
    const b = maker.make('train', positions);
    const ref = plain.make(
      'train',
      Uint32Array.from(positions, (p) => set.indices[p]!),
    );
    expect(b.x.arraySync()).toEqual(ref.x.arraySync());
    expect(b.trueY!.arraySync()).toEqual(ref.y.arraySync());
    const labels = tf.argMax(b.y, 1).arraySync() as number[];
    expect(labels).toEqual([...positions].map((p) => set.labels[p]));
    expect(labels[2]).not.toBe(data.train.labels[set.indices[set.changed[0]!]!]);
    tf.dispose([b.x, b.y, b.trueY!, ref.x, ref.y]);
  });

  it('has 8 steps an epoch for 200 images of batch 25, evaluates the 200 against both labels, and leaks nothing', async () => {
    const t = new Trainer(data, config());
    expect(t.stepsPerEpoch).toBe(8);
    for (let i = 0; i < 8; i++) t.trainStep();
    await t.flushMetrics();
    const before = tf.memory().numTensors;
    const r = await t.evaluate('train');
    expect(tf.memory().numTensors).toBe(before);
    expect(r.count).toBe(200);
    expect(r.trueAccuracy).toBeDefined();
    expect(r.trueAccuracy).not.toBe(r.accuracy);
    const clean = new Trainer(data, config({ labelNoise: 0 }));
    expect((await clean.evaluate('train')).trueAccuracy).toBeUndefined();
    t.dispose();
    clean.dispose();
  });

  it('leaves the default run exactly as it was', async () => {
    const losses = async (over: Partial<SharedSettings>) => {
      const t = new Trainer(data, config(over));
      for (let i = 0; i < 6; i++) t.trainStep();
      const m = (await t.flushMetrics()).map((p) => p.loss);
      t.dispose();
      return m;
    };
    // A config from before the lever: without its keys at all.
    const rest: TrainerConfig = { ...config() };
    delete rest.trainImages;
    delete rest.labelNoise;
    const old = new Trainer(data, rest);
    for (let i = 0; i < 6; i++) old.trainStep();
    const before = (await old.flushMetrics()).map((p) => p.loss);
    old.dispose();
    expect(await losses({ trainImages: 55_000, labelNoise: 0 })).toEqual(before);
  });
});

describe('the lever in the runner', () => {
  it('evaluates a small training set whole once an epoch, with the true labels’ accuracy', async () => {
    const events: WorkerEvent[] = [];
    const runner = new Runner(data, (e) => events.push(e));
    const lane = { lane: 'a', initial: config().settings, timeline: [] };
    runner.handle({ type: 'reset', runId: 1, shared: SHARED, lanes: [lane] });
    runner.handle({ type: 'start', runId: 1 });
    const t0 = Date.now();
    while (!events.some((e) => e.type === 'state' && e.state === 'finished')) {
      if (Date.now() - t0 > 60_000) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
    const evals = events.flatMap((e) => (e.type === 'eval' ? [e] : []));
    expect(evals.filter((e) => e.split === 'validation').map((e) => e.step)).toEqual([8, 16, 24]);
    const training = evals.filter((e) => e.split === 'train');
    expect(training.map((e) => e.step)).toEqual([8, 16, 24]);
    for (const e of training) {
      expect(e.trueAccuracy).toBeGreaterThanOrEqual(0);
      expect(e.trueAccuracy).not.toBe(e.accuracy);
    }
    runner.dispose();
  });
});
