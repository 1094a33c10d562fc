// "Download model" (experiment/tfjsModel.ts) on real MNIST in Node: the files a trained run's checkpoint
// makes load with tf.loadLayersModel by their file names (model.json's manifest names the .bin), and the
// model predicts 100 test digits as the engine does: the same digits, probabilities within 1e-5. And the
// weights are the step training stopped at: the worker checkpoints after a Step and at the end too.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import {
  inputMap,
  laneWeights,
  layersModelFiles,
  modelFileNames,
  settledCheckpoint,
  TRAINING_PIXEL_STATS,
} from '../../src/experiment/tfjsModel';
import type { MnistData } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import { fillBatch, pixelMap, pixelStats, pixelTable, type PixelStats } from '../../src/engine/preprocess';
import { Trainer } from '../../src/engine/trainer';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../src/shared/mnist';
import type { Activation, ModelName } from '../../src/shared/model';
import type { RunCheckpoint } from '../../src/shared/checkpoint';
import { PREPROCESSINGS, type Preprocessing } from '../../src/shared/settings';
import type { WorkerEvent } from '../../src/protocol';
import { Runner } from '../../src/worker/runner';
import { REFERENCE_NET } from '../helpers/net';
import { head, nodeByteSource } from '../helpers/nodeMnist';
import { useCpu } from '../helpers/tf';

const DIGITS = 100;
const STEPS = 8;

let full: MnistData;
let small: MnistData;
let stats: PixelStats;

beforeAll(async () => {
  await useCpu();
  full = await loadMnist(nodeByteSource());
  small = { train: head(full.train, 1000), validation: head(full.validation, 500), test: full.test };
  stats = pixelStats(full.train.images);
});

/** The files as a server would hold them; tfjs fetches model.json, then the paths its manifest names. */
function served(files: Record<string, string | ArrayBuffer>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const name = new URL(String(input)).pathname.split('/').pop()!;
    const body = files[name];
    return body === undefined ? new Response('missing', { status: 404 }) : new Response(body);
  }) as typeof fetch;
}

const argmax = (row: ArrayLike<number>) => {
  let best = 0;
  for (let k = 1; k < row.length; k++) if (row[k]! > row[best]!) best = k;
  return best;
};

/** Softmax of each row of logits, in float64. */
function softmax(logits: Float32Array): Float64Array {
  const out = new Float64Array(logits.length);
  for (let r = 0; r < logits.length; r += NUM_CLASSES) {
    const row = logits.subarray(r, r + NUM_CLASSES);
    const top = Math.max(...row);
    let sum = 0;
    for (let k = 0; k < NUM_CLASSES; k++) sum += out[r + k] = Math.exp(row[k]! - top);
    for (let k = 0; k < NUM_CLASSES; k++) out[r + k]! /= sum;
  }
  return out;
}

const CASES: [ModelName, Activation, Preprocessing][] = [
  ['mlp-128' as ModelName, 'relu', 'scale'],
  ['mlp-64-32' as ModelName, 'tanh', 'standardize'],
  ['mlp' as ModelName, 'relu', 'none'],
  ['cnn' as ModelName, 'relu', 'scale'],
];

describe('the downloaded model', () => {
  it.each(CASES)(
    '%s/%s (%s): loads with tf.loadLayersModel and predicts 100 test digits as the engine does',
    async (model, activation, preprocessing) => {
      const t = new Trainer(
        small,
        {
          settings: { ...settingsOf(DEFAULT_CONFIG), optimizer: 'adam', learningRate: 0.003 },
          batchSize: 32,
          epochs: 1,
          seed: 3,
          preprocessing,
          model,
          activation,
        },
        stats,
      );
      for (let i = 0; i < STEPS; i++) t.trainStep();
      await t.flush();
      // The page's weights: a checkpoint's, as the worker posts them.
      const { weights, step } = await t.checkpoint();
      const files = layersModelFiles(model, activation, weights, {
        run: 'Adam (lr 0.003)',
        step,
        preprocessing,
      });
      expect(files.names).toEqual(modelFileNames(model, 'Adam (lr 0.003)', STEPS));
      expect(files.names.json).toBe(`mnist-${model}-adam-lr-0-003-step-${STEPS}.json`);
      expect(files.modelJson.weightsManifest[0]!.paths).toEqual([files.names.weights]);

      // Test digits 0…99 as the run's batches preprocess them.
      const x = new Float32Array(DIGITS * IMAGE_PIXELS);
      fillBatch(
        full.test.images,
        Uint32Array.from({ length: DIGITS }, (_, i) => i),
        pixelTable(preprocessing, stats),
        x,
      );
      const input = tf.tensor2d(x, [DIGITS, IMAGE_PIXELS]);
      const logits = tf.tidy(() => t.model.logits(input));
      const engine = (await logits.data()) as Float32Array;

      // Through text and bytes, as the browser saves them; loaded by URL, so the manifest's path must be the .bin's name.
      const loaded = await tf.loadLayersModel(`http://files.test/${files.names.json}`, {
        fetchFunc: served({
          [files.names.json]: JSON.stringify(files.modelJson),
          [files.names.weights]: files.weightsBin.slice(0),
        }),
      });
      const out = loaded.predict(input) as tf.Tensor;
      expect(out.shape).toEqual([DIGITS, NUM_CLASSES]);
      const probabilities = (await out.data()) as Float32Array;

      const expected = softmax(engine);
      let worst = 0;
      for (let i = 0; i < expected.length; i++)
        worst = Math.max(worst, Math.abs(probabilities[i]! - expected[i]!));
      expect(worst).toBeLessThan(1e-5);
      const rows = (a: ArrayLike<number>) =>
        Array.from({ length: DIGITS }, (_, r) =>
          argmax(Array.prototype.slice.call(a, r * NUM_CLASSES, (r + 1) * NUM_CLASSES)),
        );
      expect(rows(probabilities)).toEqual(rows(engine));
      // Trained a little: not one digit for everything.
      expect(new Set(rows(engine)).size).toBeGreaterThan(3);

      // The layers carry the run's weights under the names the manifest gives them.
      expect(loaded.getWeights().map((w) => w.shape)).toEqual(
        files.modelJson.weightsManifest[0]!.weights.map((w) => w.shape),
      );
      tf.dispose([input, logits, out]);
      loaded.dispose();
      t.dispose();
    },
    60_000,
  );

  it('says how its inputs are preprocessed, with the engine’s numbers', () => {
    expect(TRAINING_PIXEL_STATS.mean).toBeCloseTo(stats.mean, 9);
    expect(TRAINING_PIXEL_STATS.std).toBeCloseTo(stats.std, 9);
    for (const mode of PREPROCESSINGS) {
      const map = inputMap(mode);
      const engine = pixelMap(mode, stats);
      expect(map.center).toBeCloseTo(engine.center, 9);
      expect(map.spread).toBeCloseTo(engine.spread, 9);
    }
    const { modelJson } = layersModelFiles(
      'mlp' as ModelName,
      'relu',
      [new Float32Array(7840), new Float32Array(10)],
      {
        run: 'SGD',
        step: 5,
        preprocessing: 'standardize',
      },
    );
    expect(modelJson.userDefinedMetadata).toMatchObject({
      model: 'mlp',
      step: 5,
      preprocessing: 'standardize',
      center: TRAINING_PIXEL_STATS.mean,
      spread: TRAINING_PIXEL_STATS.std,
    });
  });

  it('declares its input with an InputLayer, as Keras writes a Sequential model', () => {
    // Keras 3's loader of this format reads a first Dense layer's batch_input_shape as one more axis.
    const w = [new Float32Array(7840), new Float32Array(10)];
    const meta = { run: 'SGD', step: 1, preprocessing: 'scale' as const };
    const { layers } = layersModelFiles('mlp' as ModelName, 'relu', w, meta).modelJson.modelTopology.config;
    expect(layers.map((l) => l.class_name)).toEqual(['InputLayer', 'Dense']);
    expect(layers[0]!.config).toMatchObject({ batch_input_shape: [null, IMAGE_PIXELS], dtype: 'float32' });
    expect(layers[1]!.config).not.toHaveProperty('batch_input_shape');
  });

  it('refuses weights that are not the model’s', () => {
    const bias = new Float32Array(10);
    const meta = { run: 'SGD', step: 1, preprocessing: 'scale' as const };
    expect(() => layersModelFiles('mlp' as ModelName, 'relu', [bias], meta)).toThrow(/2 tensors/);
    expect(() => layersModelFiles('mlp' as ModelName, 'relu', [bias, bias], meta)).toThrow(/7840 values/);
  });

  it('names files in ASCII after the model, run and step', () => {
    expect(modelFileNames('cnn' as ModelName, '动量 Momentum', 300)).toEqual({
      json: 'mnist-cnn-momentum-step-300.json',
      weights: 'mnist-cnn-momentum-step-300.weights.bin',
    });
    expect(modelFileNames('mlp-128' as ModelName, '动量', 1).json).toBe('mnist-mlp-128-run-step-1.json');
  });
});

describe('the weights a download takes', () => {
  const checkpoint = (step: number, weights: Float32Array[]): RunCheckpoint => ({
    step,
    trainingMs: 0,
    lanes: [
      {
        lane: 'a',
        stopped: false,
        weights,
        optimizer: {
          name: 'sgd',
          hyper: settingsOf(DEFAULT_CONFIG),
          iterations: step,
          products: [],
          slots: [],
        },
      },
    ],
  });

  it('are the checkpoint of the step training stopped at, waited for unless none is coming', () => {
    const at5 = checkpoint(5, []);
    expect(settledCheckpoint({ state: 'running', step: 5 }, at5)).toBeNull();
    for (const state of ['paused', 'finished', 'idle'])
      expect(settledCheckpoint({ state, step: 5 }, at5)).toEqual({ checkpoint: at5 });
    // Paused at step 7, the checkpoint of step 7 is on its way.
    expect(settledCheckpoint({ state: 'paused', step: 7 }, at5)).toBeNull();
    expect(settledCheckpoint({ state: 'diverged', step: 7 }, at5)).toEqual({ checkpoint: at5 });
    expect(settledCheckpoint({ state: 'idle', step: 0 }, null)).toEqual({ checkpoint: null });
  });

  it("are the selected run's, finite, after at least one step", () => {
    const w = [new Float32Array([1, 2])];
    expect(laneWeights(checkpoint(3, w), 'a')).toEqual({ ok: true, step: 3, weights: w });
    expect(laneWeights(null, 'a')).toEqual({ ok: false, why: 'untrained' });
    expect(laneWeights(checkpoint(3, w), 'b')).toEqual({ ok: false, why: 'noLane' });
    expect(laneWeights(checkpoint(3, [new Float32Array([1, NaN])]), 'a')).toEqual({
      ok: false,
      why: 'notFinite',
    });
  });

  it('come from the worker after a Step and at the end of training, not only on pause', async () => {
    const events: WorkerEvent[] = [];
    const data = { ...small, test: head(full.test, 500) };
    const runner = new Runner(data, (e) => events.push(e), { checkpointMs: Infinity });
    const lanes = [{ lane: 'a', initial: settingsOf(DEFAULT_CONFIG), timeline: [] }];
    const shared = { batchSize: 50, epochs: 1, preprocessing: 'scale' as const, seed: 1, ...REFERENCE_NET };
    const until = async (pred: (e: WorkerEvent) => boolean) => {
      const t0 = Date.now();
      while (!events.some(pred)) {
        if (Date.now() - t0 > 30_000) throw new Error(`no such event; checkpoints at ${steps().join(', ')}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const steps = () => events.flatMap((e) => (e.type === 'checkpoint' ? [e.checkpoint.step] : []));
    runner.handle({ type: 'reset', runId: 1, shared, lanes });
    runner.handle({ type: 'step', runId: 1 });
    await until((e) => e.type === 'checkpoint');
    expect(steps()).toEqual([1]);
    runner.handle({ type: 'start', runId: 1 });
    await until((e) => e.type === 'checkpoint' && e.checkpoint.step === 20);
    expect(events.find((e) => e.type === 'state' && e.state === 'finished')).toBeDefined();
    expect(steps()).toEqual([1, 20]);
    runner.dispose();
  });
});
