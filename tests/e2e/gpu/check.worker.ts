// Runs on the real WebGL backend (in a worker, like the app): the fused optimizer and cross-entropy
// programs against the composed reference ops, plus kernel and tensor counts of one training step,
// the optimizer's instruments on both paths (internals.check.ts), and all of it again on the other
// kinds of model (models.check.ts), and dropout's masks and passes (dropout.check.ts).
import * as tf from '@tensorflow/tfjs';
import { composedBackward } from '../../../src/engine/backwardKernels';
import {
  hyperParamsOf,
  type HyperParams,
  type OptimizerName,
  type TimelineEntry,
} from '../../../src/shared/settings';
import { createRng } from '../../../src/shared/random';
import { Trainer } from '../../../src/engine/trainer';
import { fusedBackward } from '../../../src/engine/webgl/fusedBackward';
import { createWebglKernels, webglKernels } from '../../../src/engine/webgl/kernels';
import { hostBatchMaker } from '../../../src/engine/batches';
import { pixelStats } from '../../../src/engine/preprocess';
import { PREPROCESSINGS } from '../../../src/shared/settings';
import { programLaunches } from '../../../src/engine/webgl/run';
import type { LaneSetup, WorkerEvent } from '../../../src/protocol';
import { selectBackend } from '../../../src/worker/backend';
import { Runner } from '../../../src/worker/runner';
import { relError } from '../../helpers/tf';
import { DEFAULT_CONFIG } from '../../../src/config/schema';
import { settingsOf } from '../../../src/experiment/runs';
import { compareInternals } from './internals.check';
import { compareBackward, compareModels } from './models.check';
import { compareDropout } from './dropout.check';
import { compareOptimizers } from './optimizers.check';
import { DEFAULT_MODEL, modelSpec, tensorShapes } from '../../../src/shared/model';
import { REFERENCE_NET } from '../../helpers/net';

const HYPER: HyperParams = { ...hyperParamsOf(settingsOf(DEFAULT_CONFIG)), learningRate: 0.01 };
const rel = relError;

async function compareCrossEntropy(): Promise<{ gradient: number; stats: number }> {
  const rng = createRng(2);
  const rows = 32;
  const z = tf.tensor2d(
    Float32Array.from({ length: rows * 10 }, () => (rng() - 0.5) * 8),
    [rows, 10],
  );
  const labels = Array.from({ length: rows }, () => Math.floor(rng() * 10));
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat() as tf.Tensor2D);
  const pairs = [
    [fusedBackward.gradient(z, y), composedBackward.gradient(z, y)],
    [fusedBackward.stats(z, y), composedBackward.stats(z, y)],
  ] as const;
  const out = {
    gradient: rel(await pairs[0][0].data(), await pairs[0][1].data()),
    stats: rel(await pairs[1][0].data(), await pairs[1][1].data()),
  };
  [z, y, ...pairs.flat()].forEach((t) => t.dispose());
  return out;
}

/**
 * GPU kernels one training step launches (tf.profile), on synthetic data of MNIST's shape: a step
 * without instruments, or (`internals`) one that records them.
 */
async function kernelsPerStep(optimizer: OptimizerName, internals = false) {
  const rng = createRng(3);
  const n = 256;
  const split = {
    images: Uint8Array.from({ length: n * 784 }, () => Math.floor(rng() * 256)),
    labels: Uint8Array.from({ length: n }, () => Math.floor(rng() * 10)),
    count: n,
  };
  const t = new Trainer(
    { train: split, validation: split, test: split },
    {
      settings: { optimizer, ...HYPER },
      batchSize: 32,
      epochs: 1,
      seed: 1,
      preprocessing: 'scale',
      internals,
    },
    undefined,
    webglKernels,
  );
  t.trainStep();
  await t.flushMetrics();
  const launched = programLaunches.count;
  const profile = await tf.profile(() => t.trainStep());
  const ours = programLaunches.count - launched;
  await t.flushMetrics();
  t.dispose();
  return {
    total: profile.kernels.length + ours,
    engine: profile.kernels.length,
    ours,
    names: profile.kernelNames.join(' '),
  };
}

/**
 * Replay on WebGL: a run driven by live changes, then the same run replayed from the recorded
 * timeline, on synthetic data; returns the largest relative difference between their losses.
 */
async function compareReplay(): Promise<{ steps: number; worst: number }> {
  const rng = createRng(5);
  const n = 320;
  const split = {
    images: Uint8Array.from({ length: n * 784 }, () => Math.floor(rng() * 256)),
    labels: Uint8Array.from({ length: n }, () => Math.floor(rng() * 10)),
    count: n,
  };
  const data = { train: split, validation: split, test: split };
  const drive = async (timeline: TimelineEntry[], live: boolean) => {
    const events: WorkerEvent[] = [];
    // The app's path: batches gathered from data on the GPU.
    const webgl = createWebglKernels(data);
    const runner = new Runner(data, (e) => events.push(e), { kernels: webgl.kernels });
    const lane: LaneSetup = { lane: 'a', initial: { optimizer: 'adam', ...HYPER }, timeline };
    runner.handle({
      type: 'reset',
      runId: 1,
      shared: { batchSize: 32, epochs: 2, preprocessing: 'scale', seed: 2, ...REFERENCE_NET },
      lanes: [lane],
    });
    const until = async (pred: () => boolean) => {
      while (!pred()) await new Promise((r) => setTimeout(r, 2));
    };
    const metricEvents = () => events.filter((e) => e.type === 'metrics').length;
    if (live) {
      for (let i = 1; i <= 6; i++) {
        runner.handle({ type: 'step', runId: 1 });
        await until(() => metricEvents() >= i);
        await new Promise((r) => setTimeout(r, 20));
      }
      runner.handle({
        type: 'change',
        runId: 1,
        lane: 'a',
        changeId: 1,
        change: { key: 'beta2', value: 0.9 },
      });
      runner.handle({
        type: 'change',
        runId: 1,
        lane: 'a',
        changeId: 2,
        change: { key: 'learningRate', value: 0.01 },
      });
    }
    runner.handle({ type: 'start', runId: 1 });
    await until(() => events.some((e) => e.type === 'state' && e.state === 'finished'));
    runner.dispose();
    webgl.dispose();
    const applied = events.flatMap((e) => (e.type === 'applied' ? [{ ...e.change, step: e.step }] : []));
    const losses = events.flatMap((e) =>
      e.type === 'metrics' ? e.lanes.flatMap((l) => l.points.map((p) => p.loss)) : [],
    );
    return { timeline: applied, losses };
  };
  const first = await drive([], true);
  const again = await drive(first.timeline, false);
  return {
    steps: again.losses.length,
    worst: first.losses.length === again.losses.length ? rel(again.losses, first.losses) : Infinity,
  };
}

/**
 * Batches gathered on the GPU against the host's preprocessing and upload, for every preprocessing,
 * random training indices and a held-out range: largest difference of x, and whether y is identical.
 */
async function compareGather(): Promise<{
  worstX: number;
  labelsEqual: boolean;
  tensorGrowth: number;
  appendGrowth: number;
  trainGatherDraws: number;
}> {
  const rng = createRng(6);
  const split = (n: number) => ({
    images: Uint8Array.from({ length: n * 784 }, () => Math.floor(rng() * 256)),
    labels: Uint8Array.from({ length: n }, () => Math.floor(rng() * 10)),
    count: n,
  });
  // Arriving as the app's data does: the training images in three parts, the held-out splits last.
  const arrival = { train: 200, validation: false, test: false };
  const data = { train: split(700), validation: split(50), test: split(90), arrival };
  const stats = pixelStats(data.train.images);
  const webgl = createWebglKernels(data);
  const uploaded = tf.memory().numTensors;
  for (const train of [450, 700]) {
    arrival.train = train;
    webgl.sync();
  }
  const appendGrowth = tf.memory().numTensors - uploaded;
  // Programs a training batch costs once the images came in parts: the gather and the one-hot. An input held as a packed texture (what tf.concat makes) would add an unpack
  // of every training image on every step. The first batch also uploads the images; the second counts.
  const trainBatch = () => {
    const b = webgl.kernels.batchMaker!('scale', stats).make('train', Uint32Array.from([1, 450, 699]));
    return [b.x, b.y];
  };
  await drawsDuring(trainBatch);
  const trainGatherDraws = await drawsDuring(trainBatch);
  Object.assign(arrival, { validation: true, test: true });
  webgl.sync();
  const before = tf.memory().numTensors;
  let worstX = 0;
  let labelsEqual = true;
  for (const prep of PREPROCESSINGS) {
    const host = hostBatchMaker(data)(prep, stats);
    const device = webgl.kernels.batchMaker!(prep, stats);
    const cases = [
      ['train', Uint32Array.from({ length: 64 }, () => Math.floor(rng() * 700))],
      ['test', Uint32Array.from({ length: 90 }, (_, i) => i)],
    ] as const;
    for (const [name, idx] of cases) {
      const a = host.make(name, idx);
      const b = device.make(name, idx);
      const [ax, bx, ay, by] = await Promise.all([a.x.data(), b.x.data(), a.y.data(), b.y.data()]);
      for (let i = 0; i < ax.length; i++) worstX = Math.max(worstX, Math.abs(ax[i]! - bx[i]!));
      labelsEqual &&= ay.length === by.length && ay.every((v, i) => v === by[i]);
      for (const t of [a.x, a.y, b.x, b.y]) t.dispose();
    }
  }
  const tensorGrowth = tf.memory().numTensors - before;
  webgl.dispose();
  return { worstX, labelsEqual, tensorGrowth, appendGrowth, trainGatherDraws };
}

/** Draw calls the WebGL backend issues while `make` runs (each program run is one draw). */
async function drawsDuring(make: () => tf.Tensor[]): Promise<number> {
  const gl = (tf.backend() as unknown as { gpgpu: { gl: WebGL2RenderingContext } }).gpgpu.gl;
  const original = { drawArrays: gl.drawArrays, drawElements: gl.drawElements };
  let draws = 0;
  gl.drawArrays = (...a) => (draws++, original.drawArrays.apply(gl, a));
  gl.drawElements = (...a) => (draws++, original.drawElements.apply(gl, a));
  let out: tf.Tensor[];
  try {
    out = make(); // WebGL runs a program when its op is called: the draws happen here
  } finally {
    Object.assign(gl, original);
  }
  await Promise.all(out.map((t) => t.data()));
  out.forEach((t) => t.dispose());
  return draws;
}

async function main() {
  const backend = await selectBackend(true);
  const optimizers = await compareOptimizers(tensorShapes(modelSpec(DEFAULT_MODEL)));
  const before = tf.memory().numTensors;
  const crossEntropy = {
    ...(await compareCrossEntropy()),
    backward: await compareBackward(DEFAULT_MODEL, 'relu'),
  };
  const tensorGrowth = tf.memory().numTensors - before;
  const kernels = {
    adam: await kernelsPerStep('adam'),
    sgd: await kernelsPerStep('sgd'),
    adamMeasured: await kernelsPerStep('adam', true),
  };
  const internals = await compareInternals();
  const replay = await compareReplay();
  const gather = await compareGather();
  const models = await compareModels();
  const dropout = await compareDropout();
  self.postMessage({
    backend: backend.backend,
    optimizers,
    crossEntropy,
    tensorGrowth,
    kernels,
    replay,
    gather,
    internals,
    models,
    dropout,
  });
}

main().catch((e: Error) => self.postMessage({ error: e.message }));
