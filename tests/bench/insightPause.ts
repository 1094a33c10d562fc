// How long predictions hold training up (`npm run bench -- --insight`): on the bench's backend, a model
// trains at batch 32 while a pass over the 10,000 test digits runs as the app's worker runs it (weights
// held, one piece between two steps). Each step and each piece is timed to its readback, and the whole
// pass queued at once (what a single-piece pass would hold training for) is timed next to them.
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import type { MnistData } from '../../src/engine/mnist';
import { trainingStats } from '../../src/engine/mnist';
import { PIECE_MS, PIECE_SIZES, pieceImages, predictSplit, PREDICT_BATCH } from '../../src/engine/predict';
import { Trainer, type TrainerKernels } from '../../src/engine/trainer';
import { makeBatches } from '../../src/engine/batches';
import { DEFAULT_MODEL, forwardMacs, modelSpec } from '../../src/shared/model';
import { NOT_COUNTED, type Job, type RunResult } from './jobs';

const WARMUP_STEPS = 10;
/** Test digits per pass: all of them, but the CNN's first thousand (minutes on software WebGL otherwise). */
const passImages = (model: string, all: number) => (model === 'cnn' ? Math.min(1000, all) : all);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

export async function runInsight(
  job: Job,
  data: MnistData,
  kernels: TrainerKernels,
  log: (s: string) => void,
): Promise<Omit<RunResult, 'renderer' | 'loadMs' | 'totalMs' | 'gpuDataBytes'>> {
  const model = job.model ?? DEFAULT_MODEL;
  const shared = { batchSize: job.batchSize, seed: 1, preprocessing: 'scale' as const };
  const stats = trainingStats(data);
  const batches = makeBatches(data, shared, stats, kernels);
  const t = new Trainer(
    data,
    { ...shared, settings: settingsOf(DEFAULT_CONFIG), epochs: 1, model, internals: false },
    stats,
    kernels,
    batches,
  );
  const timedStep = async () => {
    const t0 = performance.now();
    t.trainStep();
    await t.flushMetrics();
    return performance.now() - t0;
  };
  for (let i = 0; i < WARMUP_STEPS; i++) await timedStep();
  const piece = pieceImages(forwardMacs(modelSpec(model)));
  const count = passImages(model, batches.maker.counts.test);
  // Each piece size compiles its programs the first time (once a session in the app); not counted.
  log(`${model}: compiling the programs of each piece size …`);
  const c0 = performance.now();
  for (const n of PIECE_SIZES) await predictSplit(t.model, batches.maker, 'test', { count: n, piece: n });
  const compileMs = performance.now() - c0;
  log(`${model}: timing steps alone, then a pass between steps (first piece ${piece} images) …`);
  const alone: number[] = [];
  for (let i = 0; i < 20; i++) alone.push(await timedStep());
  const during: number[] = [];
  const pieces: number[] = [];
  const sizes: number[] = [];
  const held = t.model.hold();
  const timedHeld = {
    logits: (x: tf.Tensor2D) => {
      sizes.push(x.shape[0]);
      return held.logits(x);
    },
  };
  let pieceStart = performance.now();
  const t0 = performance.now();
  await predictSplit(timedHeld, batches.maker, 'test', {
    count,
    piece,
    pieceMs: PIECE_MS,
    between: async () => {
      pieces.push(performance.now() - pieceStart);
      during.push(await timedStep());
      pieceStart = performance.now();
    },
  });
  pieces.push(performance.now() - pieceStart);
  const passMs = performance.now() - t0;
  held.dispose();
  log(`${model}: the same pass queued at once (${PREDICT_BATCH}-image pieces, one readback) …`);
  const w0 = performance.now();
  const packed = tf.tidy(() => {
    const parts: tf.Tensor[] = [];
    const idx = new Uint32Array(PREDICT_BATCH);
    for (let start = 0; start < count; start += PREDICT_BATCH) {
      const n = Math.min(PREDICT_BATCH, count - start);
      for (let i = 0; i < n; i++) idx[i] = start + i;
      parts.push(tf.argMax(t.model.logits(batches.maker.make('test', idx.subarray(0, n)).x), 1));
    }
    return tf.concat(parts);
  });
  await packed.data();
  packed.dispose();
  const wholeMs = performance.now() - w0;
  t.dispose();
  batches.dispose();
  const stepMs = quantile(alone, 0.5);
  const breakdown: Record<string, number> = {
    'training step alone, median': stepMs,
    'training step during the pass, median': quantile(during, 0.5),
    [`piece, median (images: first ${piece}, median ${quantile(sizes, 0.5)}, last ${sizes.at(-1)})`]:
      quantile(pieces, 0.5),
    'piece, longest (training waits at most this)': Math.max(...pieces),
    [`pass over ${count} digits in ${pieces.length} pieces, steps between included`]: passMs,
    [`the same ${count} digits queued at once (training would wait all of it)`]: wholeMs,
    [`first use of the ${PIECE_SIZES.length} piece sizes (compiling; once a session)`]: compileMs,
  };
  return {
    id: job.id,
    impl: job.impl,
    optimizer: 'adam',
    model,
    batchSize: job.batchSize,
    mode: job.mode,
    lanes: 1,
    ablation: null,
    steps: during.length,
    ms: passMs,
    samplesPerSec: (job.batchSize * 1000) / stepMs,
    msPerStep: stepMs,
    ...NOT_COUNTED,
    breakdown,
  };
}
