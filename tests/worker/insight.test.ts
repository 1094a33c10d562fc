// What the model learned, through the Runner in Node: predictions and the confusion matrix of a lane's
// current weights, a drawn digit's probabilities, answered while idle and while training, reused at the
// same step, dropped for a gone run, "waiting" while the test digits arrive, and no tensor left behind;
// with label noise, the training images given a wrong label and what the lane predicts for them.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import type { MnistData } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import { pixelTable } from '../../src/engine/preprocess';
import { Trainer } from '../../src/engine/trainer';
import { settingsOf } from '../../src/experiment/runs';
import type { InsightRequest, LaneSetup, Predictions, WorkerEvent } from '../../src/protocol';
import { trainingSet } from '../../src/shared/dataLever';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../src/shared/mnist';
import type { SharedSettings } from '../../src/shared/settings';
import { Runner } from '../../src/worker/runner';
import { REFERENCE_NET } from '../helpers/net';
import { head, nodeByteSource } from '../helpers/nodeMnist';
import { useCpu } from '../helpers/tf';

const SHARED: SharedSettings = {
  batchSize: 50,
  epochs: 1,
  preprocessing: 'scale',
  seed: 1,
  ...REFERENCE_NET,
};
const LANES: LaneSetup[] = ['a', 'b'].map((lane) => ({
  lane,
  initial: settingsOf(DEFAULT_CONFIG),
  timeline: [],
}));
const TEST = 500;
let data: MnistData;
let full: MnistData;

beforeAll(async () => {
  await useCpu();
  full = await loadMnist(nodeByteSource());
  data = {
    train: head(full.train, 1000),
    validation: head(full.validation, 200),
    test: head(full.test, TEST),
  };
});

type Ready = Extract<Predictions, { kind: 'ready' }>;
type Mislabelled = Extract<Predictions, { kind: 'mislabelled' }>;

/** 600 of the 1,000 training images, a quarter of them (150) with a wrong label. */
const NOISY: SharedSettings = { ...SHARED, trainImages: 600, labelNoise: 0.25 };

function harness(d: MnistData = data, shared: SharedSettings = SHARED) {
  const events: WorkerEvent[] = [];
  const runner = new Runner(d, (e) => events.push(e));
  let requestId = 0;
  const ask = (request: InsightRequest, runId = 1) => {
    requestId += 1;
    runner.handle({ ...request, runId, requestId });
    return requestId;
  };
  const answer = async (id: number) => {
    const t0 = Date.now();
    for (;;) {
      const e = events.find(
        (x) => (x.type === 'predictions' || x.type === 'classified') && x.requestId === id,
      );
      if (e) return e as Extract<WorkerEvent, { type: 'predictions' | 'classified' }>;
      if (Date.now() - t0 > 60_000) throw new Error(`no answer to request ${id}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const predictions = async (id: number): Promise<Predictions> => {
    const e = await answer(id);
    if (e.type !== 'predictions') throw new Error('expected predictions');
    return e.result;
  };
  const ready = async (id: number): Promise<Ready> => {
    const r = await predictions(id);
    if (r.kind !== 'ready') throw new Error(`expected predictions, got ${r.kind}`);
    return r;
  };
  const mislabelled = async (id: number): Promise<Mislabelled> => {
    const r = await predictions(id);
    if (r.kind !== 'mislabelled') throw new Error(`expected mislabelled, got ${r.kind}`);
    return r;
  };
  /** Trains one step of every lane and waits for its metrics. */
  const step = async (n: number) => {
    runner.handle({ type: 'step', runId: 1 });
    while (!events.some((e) => e.type === 'metrics' && e.lanes[0]!.points.some((p) => p.step === n)))
      await new Promise((r) => setTimeout(r, 5));
  };
  runner.handle({ type: 'reset', runId: 1, shared, lanes: LANES });
  return { events, runner, ask, answer, predictions, ready, mislabelled, step };
}

/** The class and its softmax probability for each training image at `indices`, straight from `trainer`'s model. */
async function direct(trainer: Trainer, indices: number[]) {
  const lut = pixelTable('scale');
  const x = Float32Array.from({ length: indices.length * IMAGE_PIXELS }, (_, j) => {
    const i = indices[Math.floor(j / IMAGE_PIXELS)]!;
    return lut[data.train.images[i * IMAGE_PIXELS + (j % IMAGE_PIXELS)]!]!;
  });
  const p = tf.tidy(() => tf.softmax(trainer.model.logits(tf.tensor2d(x, [indices.length, IMAGE_PIXELS]))));
  const probs = await p.data();
  p.dispose();
  return indices.map((_, k) => {
    const row = Array.from(probs.subarray(k * NUM_CLASSES, (k + 1) * NUM_CLASSES));
    const predicted = row.indexOf(Math.max(...row));
    return { predicted, confidence: row[predicted]! };
  });
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('insight requests', () => {
  it('answer with the whole test set’s confusion matrix and its digits, mistakes first', async () => {
    const { runner, ask, ready } = harness();
    const r = await ready(ask({ type: 'predict', images: 'test', lane: 'a', cell: null, limit: 30 }));
    expect(r.step).toBe(0);
    expect(r.confusion).toHaveLength(100);
    expect(sum(r.confusion)).toBe(TEST);
    expect(r.matching).toBe(TEST);
    expect(r.digits).toHaveLength(30);
    expect(r.images).toHaveLength(30 * IMAGE_PIXELS);
    const wrong = r.digits.map((d) => d.predicted !== d.label);
    // Untrained weights get most digits wrong: the grid is all mistakes, most confident first.
    expect(wrong.every(Boolean)).toBe(true);
    const conf = r.digits.map((d) => d.confidence);
    expect(conf).toEqual([...conf].sort((a, b) => b - a));
    // The images are the test set's own bytes, and labels its labels.
    const d = r.digits[3]!;
    expect(d.label).toBe(data.test.labels[d.index]);
    expect([...r.images.subarray(3 * IMAGE_PIXELS, 4 * IMAGE_PIXELS)]).toEqual([
      ...data.test.images.subarray(d.index * IMAGE_PIXELS, (d.index + 1) * IMAGE_PIXELS),
    ]);
    runner.dispose();
  });

  it('answer while training from the weights of the moment, and training goes on to the end', async () => {
    const { runner, events, ask, ready } = harness();
    runner.handle({ type: 'start', runId: 1 });
    const t0 = Date.now();
    while (!events.some((e) => e.type === 'metrics' && e.lanes[0]!.points.some((p) => p.step >= 5))) {
      if (Date.now() - t0 > 60_000) throw new Error('no training');
      await new Promise((r) => setTimeout(r, 5));
    }
    const r = await ready(ask({ type: 'predict', images: 'test', lane: 'b', cell: null, limit: 10 }));
    expect(r.step).toBeGreaterThanOrEqual(5);
    expect(sum(r.confusion)).toBe(TEST);
    while (!events.some((e) => e.type === 'state' && e.state === 'finished')) {
      if (Date.now() - t0 > 120_000) throw new Error('did not finish');
      await new Promise((r) => setTimeout(r, 5));
    }
    // After training most test digits are right; the matrix agrees with the run's own test accuracy.
    const after = await ready(ask({ type: 'predict', images: 'test', lane: 'b', cell: null, limit: 10 }));
    const test = events.find((e) => e.type === 'eval' && e.split === 'test' && e.lane === 'b');
    const correct = sum(after.confusion.filter((_, i) => i % 11 === 0));
    expect(test?.type === 'eval' && Math.abs(correct - test.accuracy * TEST)).toBeLessThanOrEqual(1);
    expect(correct / TEST).toBeGreaterThan(0.7);
    runner.dispose();
  });

  it('filter to a cell from the same pass while the step has not moved', async () => {
    const { runner, ask, ready } = harness();
    runner.handle({ type: 'step', runId: 1 });
    const all = await ready(ask({ type: 'predict', images: 'test', lane: 'a', cell: null, limit: 10 }));
    const top = all.digits[0]!;
    const cell = { label: top.label, predicted: top.predicted };
    const one = await ready(ask({ type: 'predict', images: 'test', lane: 'a', cell, limit: 500 }));
    expect(one.step).toBe(all.step);
    expect(one.confusion).toEqual(all.confusion);
    expect(one.cell).toEqual(cell);
    expect(one.matching).toBe(all.confusion[cell.label * 10 + cell.predicted]);
    expect(one.digits).toHaveLength(one.matching);
    expect(one.digits.every((d) => d.label === cell.label && d.predicted === cell.predicted)).toBe(true);
    runner.dispose();
  });

  it('classify a drawn digit: ten probabilities that sum to 1; none for a lane the run lacks', async () => {
    const { runner, ask, answer, predictions } = harness();
    const pixels = data.test.images.slice(0, IMAGE_PIXELS);
    const e = await answer(ask({ type: 'classify', lane: 'a', pixels }));
    expect(e.type === 'classified' && e.probabilities).toHaveLength(10);
    expect(e.type === 'classified' && sum(e.probabilities!)).toBeCloseTo(1, 5);
    const none = await answer(ask({ type: 'classify', lane: 'zzz', pixels }));
    expect(none.type === 'classified' && none.probabilities).toBeNull();
    expect(
      await predictions(ask({ type: 'predict', images: 'test', lane: 'zzz', cell: null, limit: 5 })),
    ).toEqual({
      kind: 'noLane',
    });
    runner.dispose();
  });

  it('drop questions about a run that is gone', async () => {
    const { runner, events, ask, answer } = harness();
    ask({ type: 'predict', images: 'test', lane: 'a', cell: null, limit: 5 }, 0);
    ask({ type: 'classify', lane: 'a', pixels: new Uint8Array(IMAGE_PIXELS) }, 0);
    await answer(ask({ type: 'predict', images: 'test', lane: 'a', cell: null, limit: 5 }));
    expect(events.filter((e) => e.type === 'predictions' || e.type === 'classified')).toHaveLength(1);
    runner.dispose();
  });

  it('say the test digits are still arriving instead of failing', async () => {
    const streaming: MnistData = { ...data, arrival: { train: 1000, validation: true, test: false } };
    const { runner, ask, predictions, answer } = harness(streaming);
    expect(
      await predictions(ask({ type: 'predict', images: 'test', lane: 'a', cell: null, limit: 5 })),
    ).toEqual({
      kind: 'waiting',
    });
    // A drawn digit needs no test digits.
    const e = await answer(ask({ type: 'classify', lane: 'a', pixels: new Uint8Array(IMAGE_PIXELS) }));
    expect(e.type === 'classified' && e.probabilities).toHaveLength(10);
    runner.dispose();
  });

  it('go piece by piece while training goes on, answering for the step they were asked at', async () => {
    // 2,500 test digits: 6 pieces of mlp-128's 491. The run has 20 steps.
    const { runner, events, ask, ready } = harness({ ...data, test: head(full.test, 2500) });
    runner.handle({ type: 'start', runId: 1 });
    const lastStep = () =>
      Math.max(
        0,
        ...events.flatMap((e) => (e.type === 'metrics' ? e.lanes[0]!.points.map((p) => p.step) : [])),
      );
    while (lastStep() < 3) await new Promise((r) => setTimeout(r, 5));
    runner.handle({ type: 'pause', runId: 1 });
    while (!events.some((e) => e.type === 'state' && e.state === 'paused'))
      await new Promise((r) => setTimeout(r, 5));
    // Lanes a and b train the same settings from the same weights: b's pass, taken paused, is what a's
    // must answer (asked for lane a, so the pass is not b's reused).
    const paused = await ready(ask({ type: 'predict', images: 'test', lane: 'b', cell: null, limit: 5 }));
    const id = ask({ type: 'predict', images: 'test', lane: 'a', cell: null, limit: 5 });
    runner.handle({ type: 'start', runId: 1 });
    const r = await ready(id);
    runner.handle({ type: 'pause', runId: 1 });
    // The weights of the moment of the request: the paused pass's answer, though training moved on.
    expect(r.step).toBe(paused.step);
    expect(r.confusion).toEqual(paused.confusion);
    expect(sum(r.confusion)).toBe(2500);
    // Its progress came piece by piece, before the answer, up to all 2,500 digits.
    const answerAt = events.findIndex((e) => e.type === 'predictions' && e.requestId === id);
    const progress = events.flatMap((e, i) =>
      e.type === 'predicting' && e.requestId === id ? [{ i, done: e.done, total: e.total }] : [],
    );
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((p) => p.i < answerAt && p.total === 2500)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)!.done).toBe(2500);
    // Training chunks ran between the pieces: at least one step between each two.
    expect(lastStep() - r.step).toBeGreaterThanOrEqual(5);
    runner.dispose();
  });

  it('stop a pass at its next piece when the run is reset, sending nothing and leaving no tensor', async () => {
    const before = tf.memory().numTensors;
    const { runner, events, ask } = harness({ ...data, test: head(full.test, 2500) });
    runner.handle({ type: 'step', runId: 1 });
    while (!events.some((e) => e.type === 'metrics')) await new Promise((r) => setTimeout(r, 5));
    ask({ type: 'predict', images: 'test', lane: 'a', cell: null, limit: 5 });
    await new Promise((r) => setTimeout(r, 0));
    runner.handle({ type: 'reset', runId: 2, shared: SHARED, lanes: LANES });
    runner.dispose();
    await new Promise((r) => setTimeout(r, 200));
    expect(events.filter((e) => e.type === 'predictions')).toEqual([]);
    expect(events.filter((e) => e.type === 'fatal' || (e.type === 'state' && e.state === 'error'))).toEqual(
      [],
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leave no tensor behind', async () => {
    const { runner, events, ask, ready, answer } = harness();
    const counts: number[] = [];
    for (let step = 1; step <= 4; step++) {
      runner.handle({ type: 'step', runId: 1 });
      while (!events.some((e) => e.type === 'metrics' && e.lanes[0]!.points.some((p) => p.step === step)))
        await new Promise((r) => setTimeout(r, 5));
      await ready(ask({ type: 'predict', images: 'test', lane: 'a', cell: null, limit: 5 }));
      await answer(ask({ type: 'classify', lane: 'b', pixels: new Uint8Array(IMAGE_PIXELS).fill(9) }));
      counts.push(tf.memory().numTensors);
    }
    // The first step creates the optimizers' state; from then on nothing may grow.
    expect(new Set(counts.slice(1)).size).toBe(1);
    expect(counts[1]).toBe(counts[0]);
    runner.dispose();
  });
});

describe('the training images given a wrong label', () => {
  it('are listed exactly, with their true and given labels and the lane’s predictions now', async () => {
    const { runner, ask, mislabelled, step } = harness(data, NOISY);
    for (let n = 1; n <= 3; n++) await step(n);
    const r = await mislabelled(ask({ type: 'predict', images: 'mislabelled', lane: 'a', limit: 200 }));
    // The same lane trained on its own, from the same seed, on the same batches.
    const own = new Trainer(data, { ...NOISY, settings: LANES[0]!.initial });
    for (let n = 0; n < 3; n++) own.trainStep();
    const set = trainingSet(data.train.labels, NOISY);
    const indices = Array.from(set.changed, (p) => set.indices[p]!);
    const expected = await direct(own, indices);
    expect(r.step).toBe(3);
    expect(r.total).toBe(150);
    expect(r.digits.map((d) => d.index)).toEqual(indices);
    expect(r.digits.map((d) => d.label)).toEqual(indices.map((i) => data.train.labels[i]));
    expect(r.digits.map((d) => d.given)).toEqual(Array.from(set.changed, (p) => set.labels[p]));
    expect(r.digits.every((d) => d.given !== d.label)).toBe(true);
    expect(r.digits.map((d) => d.predicted)).toEqual(expected.map((e) => e.predicted));
    r.digits.forEach((d, k) => expect(d.confidence).toBeCloseTo(expected[k]!.confidence, 5));
    expect(r.memorised).toBe(r.digits.filter((d) => d.predicted === d.given).length);
    expect(r.trueDigit).toBe(r.digits.filter((d) => d.predicted === d.label).length);
    // The images are the training split's own bytes.
    const k = 7;
    expect([...r.images.subarray(k * IMAGE_PIXELS, (k + 1) * IMAGE_PIXELS)]).toEqual([
      ...data.train.images.subarray(indices[k]! * IMAGE_PIXELS, (indices[k]! + 1) * IMAGE_PIXELS),
    ]);
    own.dispose();
    runner.dispose();
  });

  it('show the first `limit` of them while counting all, and are counted in the test answer', async () => {
    const { runner, ask, ready, mislabelled } = harness(data, NOISY);
    const r = await mislabelled(ask({ type: 'predict', images: 'mislabelled', lane: 'b', limit: 40 }));
    expect(r.total).toBe(150);
    expect(r.digits).toHaveLength(40);
    expect(r.images).toHaveLength(40 * IMAGE_PIXELS);
    expect(r.memorised + r.trueDigit).toBeLessThanOrEqual(150);
    const set = trainingSet(data.train.labels, NOISY);
    expect(r.digits.map((d) => d.index)).toEqual(
      Array.from(set.changed.subarray(0, 40), (p) => set.indices[p]),
    );
    const t = await ready(ask({ type: 'predict', images: 'test', lane: 'a', cell: null, limit: 5 }));
    expect(t.mislabelled).toBe(150);
    runner.dispose();
  });

  it('are none without label noise: the test answer says 0, and the list is empty', async () => {
    const { runner, ask, ready, mislabelled } = harness(data, { ...SHARED, trainImages: 600 });
    const t = await ready(ask({ type: 'predict', images: 'test', lane: 'a', cell: null, limit: 5 }));
    expect(t.mislabelled).toBe(0);
    const r = await mislabelled(ask({ type: 'predict', images: 'mislabelled', lane: 'a', limit: 40 }));
    expect(r).toMatchObject({ total: 0, memorised: 0, trueDigit: 0, digits: [] });
    runner.dispose();
  });

  it('wait for their images while the training split arrives; none for a lane the run lacks', async () => {
    const streaming: MnistData = { ...data, arrival: { train: 300, validation: true, test: true } };
    const { runner, ask, predictions } = harness(streaming, NOISY);
    const request = { type: 'predict', images: 'mislabelled', limit: 40 } as const;
    expect(await predictions(ask({ ...request, lane: 'a' }))).toEqual({ kind: 'waiting' });
    expect(await predictions(ask({ ...request, lane: 'zzz' }))).toEqual({ kind: 'noLane' });
    runner.dispose();
  });

  it('leave no tensor behind', async () => {
    const { runner, ask, mislabelled, step } = harness(data, NOISY);
    const counts: number[] = [];
    for (let n = 1; n <= 3; n++) {
      await step(n);
      await mislabelled(ask({ type: 'predict', images: 'mislabelled', lane: 'a', limit: 5 }));
      counts.push(tf.memory().numTensors);
    }
    expect(new Set(counts.slice(1)).size).toBe(1);
    runner.dispose();
  });
});
