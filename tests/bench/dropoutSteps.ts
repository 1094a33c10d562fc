// Step time with dropout against without (`npm run bench -- --dropout-only`, and beside the optimizers'
// step times): Adam at batch 32 on mlp-128 at p = 0, 0.2 and 0.5 and on mlp-256-128 (two hidden layers,
// two masks) at p = 0 and 0.5, one Trainer each in this worker, timed in interleaved blocks
// (interleaved.ts), each ratio against the same network's p = 0 block of the round.
import * as tf from '@tensorflow/tfjs-core';
import { composedBackward } from '../../src/engine/backwardKernels';
import type { MnistData } from '../../src/engine/mnist';
import { Trainer, type TrainerKernels } from '../../src/engine/trainer';
import { hyperParamsOf } from '../../src/shared/settings';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import type { ModelName } from '../../src/shared/model';
import { NOT_COUNTED, type DropoutStepTime, type Job, type RunResult } from './jobs';
import { BLOCK_STEPS, interleavedBlocks, stepPrograms, syntheticBatch } from './interleaved';
import type { Probe } from './probes';

/** Each network's p = 0 first: the baseline its other rows are divided by. */
const VARIANTS = [
  { model: 'mlp-128', dropout: 0 },
  { model: 'mlp-128', dropout: 0.2 },
  { model: 'mlp-128', dropout: 0.5 },
  { model: 'mlp-256-128', dropout: 0 },
  { model: 'mlp-256-128', dropout: 0.5 },
] as const satisfies readonly { model: string; dropout: number }[];

/** Rounds of one block per variant, each variant in every place of the order four times. */
const ROUNDS = 4 * VARIANTS.length;
/** Backward passes per timing of the backward pass alone. */
const BACKWARD_REPS = 20;

/**
 * Milliseconds of one backward pass (forward, masks, gradients; no update, no instruments) of each
 * trainer's model on one synthetic batch, BACKWARD_REPS per timing, in interleaved rounds: where a
 * step's extra time comes from, without the optimizer.
 */
async function backwardTimes(trainers: Trainer[], kernels: TrainerKernels, rounds: number) {
  const { x, y } = syntheticBatch(trainers[0]!.config.batchSize);
  const ce = kernels.backward ?? composedBackward;
  // One backward pass of trainer i at mask step `step`; the sum of its first kernel's gradient (the
  // last product of the pass) is what the clock waits for.
  const pass = (i: number, step: number, keep: boolean) =>
    tf.tidy(() => {
      const t = trainers[i]!;
      const { grads } = t.model.backward(x, y, ce, { rate: t.config.dropout ?? 0, seed: 1, step });
      return keep ? tf.sum(grads[0]!) : tf.scalar(0);
    });
  try {
    for (let i = 0; i < trainers.length; i++) {
      const s = pass(i, 1, true);
      await s.data();
      s.dispose();
    }
    const ms: number[][] = trainers.map(() => []);
    for (let r = 0; r < rounds; r++)
      for (let k = 0; k < trainers.length; k++) {
        const i = (r + k) % trainers.length;
        const t0 = performance.now();
        for (let j = 0; j < BACKWARD_REPS - 1; j++) pass(i, j + 2, false).dispose();
        const s = pass(i, BACKWARD_REPS + 1, true);
        await s.data();
        s.dispose();
        ms[i]!.push((performance.now() - t0) / BACKWARD_REPS);
      }
    return ms;
  } finally {
    tf.dispose([x, y]);
  }
}

export async function runDropoutSteps(
  job: Job,
  data: MnistData,
  kernels: TrainerKernels,
  probe: Probe,
  log: (s: string) => void,
): Promise<Omit<RunResult, 'renderer' | 'loadMs' | 'totalMs' | 'gpuDataBytes'>> {
  const hyper = hyperParamsOf(settingsOf(DEFAULT_CONFIG));
  const trainers = VARIANTS.map(
    (v) =>
      new Trainer(
        data,
        {
          settings: { ...hyper, optimizer: 'adam' },
          batchSize: job.batchSize,
          epochs: 10,
          preprocessing: 'scale',
          seed: 1,
          model: v.model as ModelName,
          dropout: v.dropout,
        },
        undefined,
        kernels,
      ),
  );
  const label = (i: number) => `${VARIANTS[i]!.model} p ${VARIANTS[i]!.dropout}`;
  try {
    const roundsMs = await interleavedBlocks(job, trainers, ROUNDS, log, label);
    log(`the backward pass alone: ${BACKWARD_REPS} passes per variant and round`);
    const backwardMs = await backwardTimes(trainers, kernels, 2 * VARIANTS.length);
    const results: DropoutStepTime[] = VARIANTS.map((v, i) => {
      return {
        label: label(i),
        model: v.model as ModelName,
        dropout: v.dropout,
        roundsMs: roundsMs[i]!,
        backwardMs: backwardMs[i]!,
        ...stepPrograms(trainers[i]!, probe),
      };
    });
    await Promise.all(trainers.map((t) => t.flushMetrics()));
    const baseMs = results[0]!.roundsMs.reduce((s, x) => s + x, 0) / ROUNDS;
    return {
      id: job.id,
      impl: job.impl,
      optimizer: 'adam',
      model: VARIANTS[0].model as ModelName,
      batchSize: job.batchSize,
      mode: job.mode,
      lanes: 1,
      ablation: null,
      steps: ROUNDS * BLOCK_STEPS,
      ms: baseMs * ROUNDS * BLOCK_STEPS,
      samplesPerSec: (job.batchSize * 1000) / baseMs,
      msPerStep: baseMs,
      ...NOT_COUNTED,
      dropoutSteps: results,
    };
  } finally {
    for (const t of trainers) t.dispose();
  }
}
